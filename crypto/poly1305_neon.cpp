// SPDX-License-Identifier: MIT
// Poly1305 blocks with AArch64 NEON, four blocks in parallel (RFC 8439
// §2.5). Numbers mod 2^130-5 are held in radix 2^26: five limbs, each a
// vector of four 32-bit lanes (lane q for block q of a group of four);
// UMULL/UMLAL give the 64-bit products two lanes at a time (2^130 = 5 mod
// p). Two accumulators take alternate groups of four blocks by Horner's
// rule in r^8; at the end lane q is multiplied by r^(4-q) and the lanes
// summed. The same schedule as poly1305_avx2.cpp. CT: time depends only on
// count.
#include "crypto/arch.h"

#if BARETLS_ARM64

#include <arm_neon.h>

#include "baretls/crypto/secret.h"
#include "crypto/poly1305_impl.h"
#include "crypto/neon_impl.h"
#include "crypto/poly1305_radix26.h"

namespace baretls::crypto::detail {
namespace {

// Limbs 0..4 of four numbers, one lane each.
struct Lanes {
  uint32x4_t l[5];
};

// A power of r per lane: limbs 0..4, then 5 * limbs 1..4.
struct Power {
  uint32x4_t p[9];
};

BARETLS_NEON_INLINE Power load_power(const std::uint64_t limbs[9][4]) {
  Power w;
  for (int i = 0; i < 9; ++i)
    w.p[i] = vcombine_u32(vmovn_u64(vld1q_u64(limbs[i])), vmovn_u64(vld1q_u64(limbs[i] + 2)));
  return w;
}

BARETLS_NEON_INLINE Power broadcast_power(const std::uint64_t limbs[9]) {
  Power w;
  for (int i = 0; i < 9; ++i) w.p[i] = vdupq_n_u32(static_cast<std::uint32_t>(limbs[i]));
  return w;
}

// 64-bit sums of products, lanes 0-1 and 2-3.
struct Wide {
  uint64x2_t lo, hi;
};

BARETLS_NEON_INLINE Wide mul_lanes(uint32x4_t a, uint32x4_t b) {
  return {vmull_u32(vget_low_u32(a), vget_low_u32(b)), vmull_high_u32(a, b)};
}
BARETLS_NEON_INLINE void mla_lanes(Wide& d, uint32x4_t a, uint32x4_t b) {
  d.lo = vmlal_u32(d.lo, vget_low_u32(a), vget_low_u32(b));
  d.hi = vmlal_high_u32(d.hi, a, b);
}

// Takes c = d >> 26 out of d (left below 2^26).
BARETLS_NEON_INLINE Wide take_carry(Wide& d) {
  const uint64x2_t m26 = vdupq_n_u64(kMask26);
  const Wide c{vshrq_n_u64(d.lo, 26), vshrq_n_u64(d.hi, 26)};
  d.lo = vandq_u64(d.lo, m26);
  d.hi = vandq_u64(d.hi, m26);
  return c;
}
BARETLS_NEON_INLINE void add_wide(Wide& e, Wide c) {
  e.lo = vaddq_u64(e.lo, c.lo);
  e.hi = vaddq_u64(e.hi, c.hi);
}
// Carry from limb k to limb k+1.
BARETLS_NEON_INLINE void carry(Wide& d, Wide& e) { add_wide(e, take_carry(d)); }
// Carry from limb 4 (bits 130 and up) to limb 0: 2^130 = 5, 5c = c + 4c.
BARETLS_NEON_INLINE void carry_wrap(Wide& d4, Wide& d0) {
  const Wide c = take_carry(d4);
  add_wide(d0, {vaddq_u64(c.lo, vshlq_n_u64(c.lo, 2)), vaddq_u64(c.hi, vshlq_n_u64(c.hi, 2))});
}

// h = h * w mod p, partially reduced: every limb below 2^26 + 2^7 after.
// Inputs: limbs of h below 2^28, of w below 2^29, so each sum of five
// products stays below 2^60.
BARETLS_NEON_INLINE void mul(Lanes& h, const Power& w) {
  const uint32x4_t* r = w.p;      // r[i], i = 0..4
  const uint32x4_t* s = w.p + 4;  // s[i] = 5 * r[i], i = 1..4
  Wide d[5];
  d[0] = mul_lanes(h.l[0], r[0]);
  d[1] = mul_lanes(h.l[0], r[1]);
  d[2] = mul_lanes(h.l[0], r[2]);
  d[3] = mul_lanes(h.l[0], r[3]);
  d[4] = mul_lanes(h.l[0], r[4]);
  mla_lanes(d[0], h.l[1], s[4]);
  mla_lanes(d[1], h.l[1], r[0]);
  mla_lanes(d[2], h.l[1], r[1]);
  mla_lanes(d[3], h.l[1], r[2]);
  mla_lanes(d[4], h.l[1], r[3]);
  mla_lanes(d[0], h.l[2], s[3]);
  mla_lanes(d[1], h.l[2], s[4]);
  mla_lanes(d[2], h.l[2], r[0]);
  mla_lanes(d[3], h.l[2], r[1]);
  mla_lanes(d[4], h.l[2], r[2]);
  mla_lanes(d[0], h.l[3], s[2]);
  mla_lanes(d[1], h.l[3], s[3]);
  mla_lanes(d[2], h.l[3], s[4]);
  mla_lanes(d[3], h.l[3], r[0]);
  mla_lanes(d[4], h.l[3], r[1]);
  mla_lanes(d[0], h.l[4], s[1]);
  mla_lanes(d[1], h.l[4], s[2]);
  mla_lanes(d[2], h.l[4], s[3]);
  mla_lanes(d[3], h.l[4], s[4]);
  mla_lanes(d[4], h.l[4], r[0]);
  // Two carry chains side by side (0 -> 1 -> 2 -> 3 -> 4 and 3 -> 4 -> 0 -> 1).
  carry(d[0], d[1]);
  carry(d[3], d[4]);
  carry(d[1], d[2]);
  carry_wrap(d[4], d[0]);
  carry(d[2], d[3]);
  carry(d[0], d[1]);
  carry(d[3], d[4]);
  for (int i = 0; i < 5; ++i) h.l[i] = vcombine_u32(vmovn_u64(d[i].lo), vmovn_u64(d[i].hi));
}

// a += four message blocks (64 bytes) with their 2^128 bits, lane q taking
// block q: after the transpose, w[k] holds word k (little-endian) of every
// block.
BARETLS_NEON_INLINE void add_blocks(Lanes& a, const std::uint8_t* m) {
  const uint32x4_t m26 = vdupq_n_u32(static_cast<std::uint32_t>(kMask26));
  uint32x4_t w[4];
  for (int q = 0; q < 4; ++q) w[q] = vreinterpretq_u32_u8(vld1q_u8(m + 16 * q));
  neon_transpose4(w[0], w[1], w[2], w[3]);
  const uint32x4_t limb[5] = {
      vandq_u32(w[0], m26),
      vandq_u32(vsliq_n_u32(vshrq_n_u32(w[0], 26), w[1], 6), m26),
      vandq_u32(vsliq_n_u32(vshrq_n_u32(w[1], 20), w[2], 12), m26),
      vandq_u32(vsliq_n_u32(vshrq_n_u32(w[2], 14), w[3], 18), m26),
      vorrq_u32(vshrq_n_u32(w[3], 8), vdupq_n_u32(1u << 24)),  // 2^128 in limb 4
  };
  for (int i = 0; i < 5; ++i) a.l[i] = vaddq_u32(a.l[i], limb[i]);
}

BARETLS_NEON_INLINE void add_lanes(Lanes& a, const Lanes& b) {
  for (int i = 0; i < 5; ++i) a.l[i] = vaddq_u32(a.l[i], b.l[i]);
}

// h (radix 2^64, h[2] <= 4) in lane 0, zeros elsewhere.
BARETLS_NEON_INLINE Lanes start(const std::uint64_t h[3]) {
  std::uint64_t h26[5];
  to_radix26(h[0], h[1], h[2], h26);
  Lanes a;
  for (int i = 0; i < 5; ++i) a.l[i] = vsetq_lane_u32(static_cast<std::uint32_t>(h26[i]), vdupq_n_u32(0), 0);
  secure_wipe(h26, sizeof h26);
  return a;
}

// h = the sum of the lanes, in radix 2^64 with h[2] <= 4.
BARETLS_NEON_INLINE void sum_lanes(const Lanes& a, std::uint64_t h[3]) {
  std::uint64_t s[5];
  for (int i = 0; i < 5; ++i) s[i] = vaddlvq_u32(a.l[i]);
  from_radix26(s, h);
}

}  // namespace

void poly1305_powers_neon(const std::uint64_t r[2], Poly1305Powers& p) noexcept {
  std::uint64_t pw[5][5], r8[5];
  to_radix26(r[0], r[1], 0, pw[1]);
  for (int k = 2; k <= 4; ++k) mul26(pw[k - 1], pw[1], pw[k]);
  mul26(pw[4], pw[4], r8);
  // Lane q holds block q of each group of four; its last factor is r^(4-q).
  for (int q = 0; q < 4; ++q) {
    std::uint64_t last[9];
    store_power26(pw[4 - q], last);
    for (int i = 0; i < 9; ++i) p.last26[i][q] = last[i];
    secure_wipe(last, sizeof last);
  }
  store_power26(pw[4], p.r4);
  store_power26(r8, p.r8_26);
  secure_wipe(pw, sizeof pw);
  secure_wipe(r8, sizeof r8);
}

void poly1305_blocks_neon(std::uint64_t h[3], const Poly1305Powers& p, const std::uint8_t* m,
                          std::size_t count) noexcept {
  const Power r4 = broadcast_power(p.r4), r8 = broadcast_power(p.r8_26), last = load_power(p.last26);
  Lanes a = start(h);
  Lanes b{};
  // Groups of eight: a takes blocks 0..3, b blocks 4..7, both stepping by
  // r^8 (two independent chains); at the end a * r^4 + b lines them up.
  if (count >= 8) {
    for (std::size_t left = count / 8; left > 0; --left, m += 128) {
      add_blocks(a, m);
      add_blocks(b, m + 64);
      if (left > 1) {
        mul(a, r8);
        mul(b, r8);
      }
    }
    mul(a, r4);
    add_lanes(a, b);
    mul(a, last);
  }
  if (count % 8 == 4) {
    if (count >= 8) {
      // Start again from the partial sum, folded into lane 0.
      sum_lanes(a, h);
      a = start(h);
    }
    add_blocks(a, m);
    mul(a, last);
  }
  sum_lanes(a, h);
}

}  // namespace baretls::crypto::detail

#endif  // BARETLS_ARM64
