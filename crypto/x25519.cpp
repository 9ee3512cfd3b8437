// SPDX-License-Identifier: MIT
// X25519 (RFC 7748 §5): the Montgomery ladder with conditional swaps by
// mask, over the field of fe25519_impl.h (radix 2^51, or 2^25.5 without a
// 128-bit integer); see x25519.h. Public keys use the fixed-base comb of
// x25519_base.cpp.
#include "baretls/crypto/x25519.h"

#include "baretls/crypto/ct.h"
#include "baretls/crypto/secret.h"
#include "crypto/fe25519_impl.h"
#include "crypto/x25519_impl.h"

namespace baretls::crypto {
namespace {

using detail::Fe;

// RFC 7748 §5: a24 = (486662 - 2) / 4 for curve25519.
constexpr std::uint64_t kA24 = 121665;

// RFC 7748 §5, decodeScalar25519: clear bits 0-2 and 255, set bit 254.
void clamp(std::uint8_t k[32]) noexcept {
  k[0] &= 248;
  k[31] &= 127;
  k[31] |= 64;
}

// RFC 7748 §5: the ladder over the bits of the clamped scalar, from bit 254
// down. Returns x_2 / z_2. CT: the bits only steer fe_cswap masks.
Fe ladder(const std::uint8_t k[32], const Fe& x1) noexcept {
  Fe x2 = detail::fe_from_u64(1), z2 = detail::fe_from_u64(0);
  Fe x3 = x1, z3 = detail::fe_from_u64(1);
  std::uint64_t swap = 0;
  for (int t = 254; t >= 0; --t) {
    const std::uint64_t k_t = (k[t >> 3] >> (t & 7)) & 1;
    swap ^= k_t;
    detail::fe_cswap(x2, x3, swap);
    detail::fe_cswap(z2, z3, swap);
    swap = k_t;
    const Fe a = detail::fe_add(x2, z2);
    const Fe aa = detail::fe_sqr(a);
    const Fe b = detail::fe_sub(x2, z2);
    const Fe bb = detail::fe_sqr(b);
    const Fe e = detail::fe_sub(aa, bb);
    const Fe c = detail::fe_add(x3, z3);
    const Fe d = detail::fe_sub(x3, z3);
    const Fe da = detail::fe_mul(d, a);
    const Fe cb = detail::fe_mul(c, b);
    x3 = detail::fe_sqr(detail::fe_add(da, cb));
    z3 = detail::fe_mul(x1, detail::fe_sqr(detail::fe_sub(da, cb)));
    x2 = detail::fe_mul(aa, bb);
    z2 = detail::fe_mul(e, detail::fe_add(aa, detail::fe_mul_small(e, kA24)));
  }
  detail::fe_cswap(x2, x3, swap);
  detail::fe_cswap(z2, z3, swap);
  const Fe result = detail::fe_mul(x2, detail::fe_invert(z2));
  secure_wipe_object(x2);
  secure_wipe_object(z2);
  secure_wipe_object(x3);
  secure_wipe_object(z3);
  return result;
}

void scalar_mult(std::span<std::uint8_t, 32> out, std::span<const std::uint8_t, 32> scalar,
                 const Fe& u) noexcept {
  std::uint8_t k[32];
  for (int i = 0; i < 32; ++i) k[i] = scalar[static_cast<std::size_t>(i)];
  clamp(k);
  Fe r = ladder(k, u);
  detail::fe_to_bytes(out.data(), r);
  secure_wipe(k, sizeof k);
  secure_wipe_object(r);
}

}  // namespace

Error x25519(std::span<std::uint8_t, 32> out, std::span<const std::uint8_t, 32> scalar,
             std::span<const std::uint8_t, 32> u) noexcept {
  // RFC 7748 §5: "implementations of X25519 ... MUST mask the most significant
  // bit in the final byte" of u; fe_from_bytes ignores bit 255.
  scalar_mult(out, scalar, detail::fe_from_bytes(u.data()));
  // RFC 7748 §6.1: "check ... whether the resulting shared secret is the
  // all-zero value and abort if so". The outcome is public; the bytes are not.
  std::uint64_t acc = 0;
  for (std::uint8_t b : out) acc |= b;
  return ct::is_zero(acc).to_bool() ? Error::zero_shared_secret : Error::ok;
}

void x25519_base(std::span<std::uint8_t, 32> public_key, std::span<const std::uint8_t, 32> scalar) noexcept {
  // The same value as the ladder on u = 9, from the edwards25519 comb.
  std::uint8_t k[32];
  for (int i = 0; i < 32; ++i) k[i] = scalar[static_cast<std::size_t>(i)];
  clamp(k);
  detail::x25519_base_comb(public_key.data(), k);
  secure_wipe(k, sizeof k);
}

Error x25519_generate(const RandomSource& rng, std::span<std::uint8_t, 32> private_key,
                      std::span<std::uint8_t, 32> public_key) noexcept {
  if (const Error e = rng(private_key); e != Error::ok) {
    secure_wipe(private_key);
    secure_wipe(public_key);
    return e;
  }
  x25519_base(public_key, private_key);
  return Error::ok;
}

}  // namespace baretls::crypto
