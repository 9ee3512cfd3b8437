// SPDX-License-Identifier: MIT
// Fixed-base X25519 for key generation: k * B on edwards25519 (the curve
// birationally equivalent to curve25519, RFC 7748 §4.1) with a signed
// radix-16 comb over 32 x 8 precomputed multiples of B
// (scripts/gen_x25519_base_table.py), then u = (1 + y) / (1 - y).
// CT: digits are recoded without branches; entries are read by scanning.
#include "baretls/crypto/ct.h"
#include "baretls/crypto/secret.h"
#include "crypto/fe25519_impl.h"
#include "crypto/x25519_impl.h"

namespace baretls::crypto::detail {
namespace {

// [i][j] = (j + 1) * 16^(2i) * B as {y + x, y - x, 2*d*x*y}.
constexpr std::uint64_t kBaseTable[32][8][3][5] = {
#include "crypto/x25519_base_table.inc"
};

// A point in extended coordinates: x = X/Z, y = Y/Z, x*y = T/Z.
struct Extended {
  Fe x, y, z, t;
};
// An affine point in the form additions want: y + x, y - x, 2*d*x*y.
struct Precomp {
  Fe yplusx, yminusx, xy2d;
};

// Add and subtract with a carry, so every operand of a product stays small.
Fe add(const Fe& a, const Fe& b) noexcept { return fe_carry(fe_add(a, b)); }
Fe sub(const Fe& a, const Fe& b) noexcept { return fe_carry(fe_sub(a, b)); }

// b * 16^(2 pos) * B for a digit b in [-8, 8], scanning all eight entries.
Precomp select(int pos, std::int32_t b) noexcept {
  const auto ub = static_cast<std::uint32_t>(b);
  const std::uint32_t negative = ub >> 31;
  const std::uint32_t sign = 0u - negative;
  const std::uint64_t magnitude = (ub ^ sign) - sign;  // |b| without a branch
  Precomp t{fe_from_u64(1), fe_from_u64(1), fe_from_u64(0)};  // the identity
  for (int j = 0; j < 8; ++j) {
    const std::uint64_t m = ct::eq(magnitude, static_cast<std::uint64_t>(j + 1)).word();
    fe_cmov(t.yplusx, fe_from_limbs51(kBaseTable[pos][j][0]), m);
    fe_cmov(t.yminusx, fe_from_limbs51(kBaseTable[pos][j][1]), m);
    fe_cmov(t.xy2d, fe_from_limbs51(kBaseTable[pos][j][2]), m);
  }
  // -P = (-x, y): swap y + x and y - x, negate 2*d*x*y.
  const std::uint64_t neg = ct::Mask::from_bit(negative).word();
  const Precomp minus{t.yminusx, t.yplusx, sub(fe_from_u64(0), t.xy2d)};
  fe_cmov(t.yplusx, minus.yplusx, neg);
  fe_cmov(t.yminusx, minus.yminusx, neg);
  fe_cmov(t.xy2d, minus.xy2d, neg);
  return t;
}

// p += q: the unified addition for a = -1 twisted Edwards curves (Hisil,
// Wong, Carter, Dawson 2008, "madd" with q affine), complete on this curve.
void add_precomp(Extended& p, const Precomp& q) noexcept {
  const Fe a = fe_mul(sub(p.y, p.x), q.yminusx);
  const Fe b = fe_mul(add(p.y, p.x), q.yplusx);
  const Fe c = fe_mul(q.xy2d, p.t);
  const Fe d = add(p.z, p.z);
  const Fe e = sub(b, a), f = sub(d, c), g = add(d, c), h = add(b, a);
  p = Extended{fe_mul(e, f), fe_mul(g, h), fe_mul(f, g), fe_mul(e, h)};
}

// p = 2p (same paper, "dbl" for a = -1).
void double_point(Extended& p) noexcept {
  const Fe xx = fe_sqr(p.x), yy = fe_sqr(p.y);
  const Fe zz = fe_sqr(p.z);
  const Fe zz2 = add(zz, zz);
  const Fe xy2 = sub(fe_sqr(add(p.x, p.y)), add(yy, xx));  // 2*X*Y
  const Fe g = sub(yy, xx), h = add(yy, xx), f = sub(zz2, g);
  p = Extended{fe_mul(xy2, f), fe_mul(g, h), fe_mul(f, g), fe_mul(xy2, h)};
}

}  // namespace

void x25519_base_comb(std::uint8_t out[32], const std::uint8_t k[32]) noexcept {
  // k = sum e[i] 16^i with e[i] in [-8, 8): nibbles, then carries.
  std::int32_t e[64];
  for (int i = 0; i < 32; ++i) {
    e[2 * i] = k[i] & 15;
    e[2 * i + 1] = k[i] >> 4;
  }
  std::int32_t carry = 0;
  for (int i = 0; i < 63; ++i) {
    e[i] += carry;
    carry = (e[i] + 8) >> 4;  // e[i] + 8 is in [8, 24]: no negative shift
    e[i] -= carry * 16;
  }
  e[63] += carry;  // k < 2^255, so e[63] <= 8
  // Odd digits first (each table row is 16^(2i) B), times 16, then even ones.
  Extended h{fe_from_u64(0), fe_from_u64(1), fe_from_u64(1), fe_from_u64(0)};
  for (int i = 1; i < 64; i += 2) add_precomp(h, select(i / 2, e[i]));
  for (int i = 0; i < 4; ++i) double_point(h);
  for (int i = 0; i < 64; i += 2) add_precomp(h, select(i / 2, e[i]));
  // RFC 7748 §4.1: u = (1 + y) / (1 - y) = (Z + Y) / (Z - Y).
  const Fe u = fe_mul(add(h.z, h.y), fe_invert(sub(h.z, h.y)));
  fe_to_bytes(out, u);
  secure_wipe(e, sizeof e);
  secure_wipe_object(h);
}

}  // namespace baretls::crypto::detail
