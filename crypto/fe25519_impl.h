// SPDX-License-Identifier: MIT
// Internal: arithmetic in GF(2^255 - 19) (RFC 7748 §4.1 field). With a
// 128-bit integer (crypto/wide.h): five 51-bit limbs in 64-bit words with
// 128-bit products. Without one: ten limbs of alternately 26 and 25 bits
// (radix 2^25.5) in 32-bit words with 32x32->64-bit products. Limb bounds:
// outputs of mul, sqr, mul_small and from_bytes are carried (below 2^51 +
// 2^13, or 2^26 / 2^25 + 2^18); add and sub take carried inputs and give
// limbs below 2^53 (or 3 * 2^26), which mul and sqr accept.
// CT: every function runs in time independent of the values.
#pragma once

#include <cstddef>
#include <cstdint>

#include "baretls/crypto/ct.h"
#include "crypto/bytes.h"
#include "crypto/wide.h"

namespace baretls::crypto::detail {

#if BARETLS_WIDE64

__extension__ typedef unsigned __int128 fe_u128;

inline constexpr int kFeLimbs = 5;
struct Fe {
  std::uint64_t v[kFeLimbs];
};

inline constexpr std::uint64_t kFeMask51 = (std::uint64_t{1} << 51) - 1;

inline Fe fe_from_u64(std::uint64_t x) noexcept { return Fe{{x, 0, 0, 0, 0}}; }

// 32 little-endian bytes; bit 255 is ignored (RFC 7748 §5 masks it).
inline Fe fe_from_bytes(const std::uint8_t b[32]) noexcept {
  return Fe{{load_le64(b) & kFeMask51, (load_le64(b + 6) >> 3) & kFeMask51, (load_le64(b + 12) >> 6) & kFeMask51,
             (load_le64(b + 19) >> 1) & kFeMask51, (load_le64(b + 24) >> 12) & kFeMask51}};
}

inline Fe fe_add(const Fe& a, const Fe& b) noexcept {
  return Fe{{a.v[0] + b.v[0], a.v[1] + b.v[1], a.v[2] + b.v[2], a.v[3] + b.v[3], a.v[4] + b.v[4]}};
}

// a - b + 2p, so no limb goes negative (2p limbs: 2^52 - 38, 2^52 - 2).
inline Fe fe_sub(const Fe& a, const Fe& b) noexcept {
  constexpr std::uint64_t k0 = 0xfffffffffffdaULL, k = 0xffffffffffffeULL;
  return Fe{{a.v[0] + k0 - b.v[0], a.v[1] + k - b.v[1], a.v[2] + k - b.v[2], a.v[3] + k - b.v[3],
             a.v[4] + k - b.v[4]}};
}

// Carries five 128-bit column sums into 51-bit limbs; 2^255 = 19 mod p.
inline Fe fe_carry_wide(fe_u128 r0, fe_u128 r1, fe_u128 r2, fe_u128 r3, fe_u128 r4) noexcept {
  Fe h;
  r1 += static_cast<std::uint64_t>(r0 >> 51);
  h.v[0] = static_cast<std::uint64_t>(r0) & kFeMask51;
  r2 += static_cast<std::uint64_t>(r1 >> 51);
  h.v[1] = static_cast<std::uint64_t>(r1) & kFeMask51;
  r3 += static_cast<std::uint64_t>(r2 >> 51);
  h.v[2] = static_cast<std::uint64_t>(r2) & kFeMask51;
  r4 += static_cast<std::uint64_t>(r3 >> 51);
  h.v[3] = static_cast<std::uint64_t>(r3) & kFeMask51;
  const std::uint64_t c = static_cast<std::uint64_t>(r4 >> 51);
  h.v[4] = static_cast<std::uint64_t>(r4) & kFeMask51;
  h.v[0] += c * 19;
  h.v[1] += h.v[0] >> 51;
  h.v[0] &= kFeMask51;
  return h;
}

// Carries limbs below 2^53 (add and sub outputs) back below 2^51 + 2^13.
inline Fe fe_carry(const Fe& f) noexcept {
  Fe h = f;
  h.v[1] += h.v[0] >> 51; h.v[0] &= kFeMask51;
  h.v[2] += h.v[1] >> 51; h.v[1] &= kFeMask51;
  h.v[3] += h.v[2] >> 51; h.v[2] &= kFeMask51;
  h.v[4] += h.v[3] >> 51; h.v[3] &= kFeMask51;
  h.v[0] += 19 * (h.v[4] >> 51); h.v[4] &= kFeMask51;
  h.v[1] += h.v[0] >> 51; h.v[0] &= kFeMask51;
  return h;
}

inline Fe fe_mul(const Fe& f, const Fe& g) noexcept {
  const std::uint64_t f0 = f.v[0], f1 = f.v[1], f2 = f.v[2], f3 = f.v[3], f4 = f.v[4];
  const std::uint64_t g0 = g.v[0], g1 = g.v[1], g2 = g.v[2], g3 = g.v[3], g4 = g.v[4];
  const std::uint64_t g1_19 = 19 * g1, g2_19 = 19 * g2, g3_19 = 19 * g3, g4_19 = 19 * g4;
  const fe_u128 r0 = fe_u128{f0} * g0 + fe_u128{f1} * g4_19 + fe_u128{f2} * g3_19 + fe_u128{f3} * g2_19 +
                     fe_u128{f4} * g1_19;
  const fe_u128 r1 = fe_u128{f0} * g1 + fe_u128{f1} * g0 + fe_u128{f2} * g4_19 + fe_u128{f3} * g3_19 +
                     fe_u128{f4} * g2_19;
  const fe_u128 r2 = fe_u128{f0} * g2 + fe_u128{f1} * g1 + fe_u128{f2} * g0 + fe_u128{f3} * g4_19 +
                     fe_u128{f4} * g3_19;
  const fe_u128 r3 = fe_u128{f0} * g3 + fe_u128{f1} * g2 + fe_u128{f2} * g1 + fe_u128{f3} * g0 +
                     fe_u128{f4} * g4_19;
  const fe_u128 r4 = fe_u128{f0} * g4 + fe_u128{f1} * g3 + fe_u128{f2} * g2 + fe_u128{f3} * g1 +
                     fe_u128{f4} * g0;
  return fe_carry_wide(r0, r1, r2, r3, r4);
}

inline Fe fe_sqr(const Fe& f) noexcept {
  const std::uint64_t f0 = f.v[0], f1 = f.v[1], f2 = f.v[2], f3 = f.v[3], f4 = f.v[4];
  const std::uint64_t f0_2 = 2 * f0, f1_2 = 2 * f1;
  const std::uint64_t f3_19 = 19 * f3, f4_19 = 19 * f4;
  const fe_u128 r0 = fe_u128{f0} * f0 + fe_u128{f1_2} * f4_19 + fe_u128{2 * f2} * f3_19;
  const fe_u128 r1 = fe_u128{f0_2} * f1 + fe_u128{2 * f2} * f4_19 + fe_u128{f3} * f3_19;
  const fe_u128 r2 = fe_u128{f0_2} * f2 + fe_u128{f1} * f1 + fe_u128{2 * f3} * f4_19;
  const fe_u128 r3 = fe_u128{f0_2} * f3 + fe_u128{f1_2} * f2 + fe_u128{f4} * f4_19;
  const fe_u128 r4 = fe_u128{f0_2} * f4 + fe_u128{f1_2} * f3 + fe_u128{f2} * f2;
  return fe_carry_wide(r0, r1, r2, r3, r4);
}

// f * k for a small constant k < 2^17.
inline Fe fe_mul_small(const Fe& f, std::uint64_t k) noexcept {
  return fe_carry_wide(fe_u128{f.v[0]} * k, fe_u128{f.v[1]} * k, fe_u128{f.v[2]} * k, fe_u128{f.v[3]} * k,
                       fe_u128{f.v[4]} * k);
}

// Swaps limb arrays a and b when bit is 1, with masks only.
template <std::size_t N>
void limbs_cswap(std::uint64_t (&a)[N], std::uint64_t (&b)[N], std::uint64_t bit) noexcept {
  const std::uint64_t m = ct::value_barrier(std::uint64_t{0} - bit);
  for (std::size_t i = 0; i < N; ++i) {
    const std::uint64_t t = m & (a[i] ^ b[i]);
    a[i] ^= t;
    b[i] ^= t;
  }
}

inline void fe_cswap(Fe& a, Fe& b, std::uint64_t bit) noexcept { limbs_cswap(a.v, b.v, bit); }

// r = a where mask is all ones; r unchanged where it is zero.
inline void fe_cmov(Fe& r, const Fe& a, std::uint64_t mask) noexcept {
  for (int i = 0; i < kFeLimbs; ++i) r.v[i] ^= mask & (r.v[i] ^ a.v[i]);
}

// Five 51-bit limbs (the generated tables' form) as they are.
inline Fe fe_from_limbs51(const std::uint64_t limbs[5]) noexcept {
  return Fe{{limbs[0], limbs[1], limbs[2], limbs[3], limbs[4]}};
}

// The canonical encoding (value fully reduced mod p), 32 bytes little-endian.
inline void fe_to_bytes(std::uint8_t out[32], const Fe& f) noexcept {
  std::uint64_t h0 = f.v[0], h1 = f.v[1], h2 = f.v[2], h3 = f.v[3], h4 = f.v[4];
  // Carry so every limb is below 2^51 (h1 may reach 2^51 exactly; see q below).
  h1 += h0 >> 51; h0 &= kFeMask51;
  h2 += h1 >> 51; h1 &= kFeMask51;
  h3 += h2 >> 51; h2 &= kFeMask51;
  h4 += h3 >> 51; h3 &= kFeMask51;
  h0 += 19 * (h4 >> 51); h4 &= kFeMask51;
  h1 += h0 >> 51; h0 &= kFeMask51;
  // q = 1 exactly when h >= p, i.e. when h + 19 carries out of bit 255.
  std::uint64_t q = (h0 + 19) >> 51;
  q = (h1 + q) >> 51;
  q = (h2 + q) >> 51;
  q = (h3 + q) >> 51;
  q = (h4 + q) >> 51;
  // h - q*p = h + 19q - q*2^255: add 19q, carry, drop bit 255.
  h0 += 19 * q;
  h1 += h0 >> 51; h0 &= kFeMask51;
  h2 += h1 >> 51; h1 &= kFeMask51;
  h3 += h2 >> 51; h2 &= kFeMask51;
  h4 += h3 >> 51; h3 &= kFeMask51;
  h4 &= kFeMask51;
  store_le64(out, h0 | (h1 << 51));
  store_le64(out + 8, (h1 >> 13) | (h2 << 38));
  store_le64(out + 16, (h2 >> 26) | (h3 << 25));
  store_le64(out + 24, (h3 >> 39) | (h4 << 12));
}

#else  // radix 2^25.5: limb i holds bits [P_i, P_i + width_i), P_i = ceil(25.5 i)

inline constexpr int kFeLimbs = 10;
struct Fe {
  std::uint32_t v[kFeLimbs];
};

inline constexpr std::uint32_t kFeMask26 = (1u << 26) - 1, kFeMask25 = (1u << 25) - 1;
// Limb i starts at bit kFePos[i] and is 26 bits wide when i is even, 25 when odd.
inline constexpr int kFePos[kFeLimbs] = {0, 26, 51, 77, 102, 128, 153, 179, 204, 230};
inline constexpr int fe_width(int i) noexcept { return (i & 1) != 0 ? 25 : 26; }

inline Fe fe_from_u64(std::uint64_t x) noexcept {  // x < 2^25
  return Fe{{static_cast<std::uint32_t>(x), 0, 0, 0, 0, 0, 0, 0, 0, 0}};
}

// 32 little-endian bytes; bit 255 is ignored (RFC 7748 §5 masks it). Each
// limb lies within the four bytes from kFePos[i] / 8.
inline Fe fe_from_bytes(const std::uint8_t b[32]) noexcept {
  Fe h;
  for (int i = 0; i < kFeLimbs; ++i) {
    const std::uint32_t mask = (1u << fe_width(i)) - 1;
    h.v[i] = (load_le32(b + kFePos[i] / 8) >> (kFePos[i] % 8)) & mask;
  }
  return h;
}

// Five 51-bit limbs (the generated tables' form): each splits into a
// 26-bit and a 25-bit limb, as 51 = 26 + 25.
inline Fe fe_from_limbs51(const std::uint64_t limbs[5]) noexcept {
  Fe h;
  for (int i = 0; i < 5; ++i) {
    h.v[2 * i] = static_cast<std::uint32_t>(limbs[i]) & kFeMask26;
    h.v[2 * i + 1] = static_cast<std::uint32_t>(limbs[i] >> 26);
  }
  return h;
}

inline Fe fe_add(const Fe& a, const Fe& b) noexcept {
  Fe h;
  for (int i = 0; i < kFeLimbs; ++i) h.v[i] = a.v[i] + b.v[i];
  return h;
}

// a - b + 2p, so no limb goes negative (2p limbs: 2^27 - 38, then 2^26 - 2
// and 2^27 - 2 alternately).
inline Fe fe_sub(const Fe& a, const Fe& b) noexcept {
  Fe h;
  for (int i = 0; i < kFeLimbs; ++i) {
    const std::uint32_t two_p = i == 0 ? (1u << 27) - 38 : (i & 1) != 0 ? (1u << 26) - 2 : (1u << 27) - 2;
    h.v[i] = a.v[i] + two_p - b.v[i];
  }
  return h;
}

// Carries ten 64-bit column sums (each below 2^63) into limbs; 2^255 = 19
// mod p, so the carry out of limb 9 comes back into limb 0 times 19.
inline Fe fe_carry_wide(std::uint64_t h[kFeLimbs]) noexcept {
  Fe r;
  for (int i = 0; i < kFeLimbs - 1; ++i) {
    h[i + 1] += h[i] >> fe_width(i);
    r.v[i] = static_cast<std::uint32_t>(h[i]) & ((1u << fe_width(i)) - 1);
  }
  const std::uint64_t c = h[9] >> 25;  // < 2^39
  r.v[9] = static_cast<std::uint32_t>(h[9]) & kFeMask25;
  const std::uint64_t h0 = r.v[0] + 19 * c;
  r.v[0] = static_cast<std::uint32_t>(h0) & kFeMask26;
  r.v[1] += static_cast<std::uint32_t>(h0 >> 26);  // below 2^25 + 2^18
  return r;
}

// Carries add and sub outputs back to their widths (limb 1 may exceed 2^25
// by one).
inline Fe fe_carry(const Fe& f) noexcept {
  Fe h = f;
  for (int i = 0; i < kFeLimbs - 1; ++i) {
    h.v[i + 1] += h.v[i] >> fe_width(i);
    h.v[i] &= (1u << fe_width(i)) - 1;
  }
  h.v[0] += 19 * (h.v[9] >> 25);
  h.v[9] &= kFeMask25;
  h.v[1] += h.v[0] >> 26;
  h.v[0] &= kFeMask26;
  return h;
}

// Schoolbook product: f_i g_j lands at bit P_i + P_j, which is P_(i+j) plus
// one when i and j are both odd (so that term is doubled), and past limb 9
// wraps to limb i+j-10 times 19 (P_(k+10) = P_k + 255). With limbs below
// 3 * 2^26, 19 g_j fits 32 bits, every term is below 2^59.5 and a column of
// ten below 2^63. The loop conditions test only the indices.
inline Fe fe_mul(const Fe& f, const Fe& g) noexcept {
  std::uint32_t g19[kFeLimbs], f2[kFeLimbs];
  for (int i = 0; i < kFeLimbs; ++i) {
    g19[i] = 19 * g.v[i];  // below 57 * 2^26 < 2^32
    f2[i] = (i & 1) != 0 ? 2 * f.v[i] : f.v[i];
  }
  std::uint64_t h[kFeLimbs] = {};
  for (int i = 0; i < kFeLimbs; ++i) {
    for (int j = 0; j < kFeLimbs; ++j) {
      const std::uint64_t fi = (i & j & 1) != 0 ? f2[i] : f.v[i];
      const std::uint64_t gj = i + j >= kFeLimbs ? g19[j] : g.v[j];
      h[(i + j) % kFeLimbs] += fi * gj;
    }
  }
  return fe_carry_wide(h);
}

inline Fe fe_sqr(const Fe& f) noexcept { return fe_mul(f, f); }

// f * k for a small constant k < 2^17.
inline Fe fe_mul_small(const Fe& f, std::uint64_t k) noexcept {
  std::uint64_t h[kFeLimbs];
  for (int i = 0; i < kFeLimbs; ++i) h[i] = f.v[i] * k;
  return fe_carry_wide(h);
}

// Swaps a and b when bit is 1, with masks only.
inline void fe_cswap(Fe& a, Fe& b, std::uint64_t bit) noexcept {
  const std::uint32_t m = ct::value_barrier(std::uint32_t{0} - static_cast<std::uint32_t>(bit));
  for (int i = 0; i < kFeLimbs; ++i) {
    const std::uint32_t t = m & (a.v[i] ^ b.v[i]);
    a.v[i] ^= t;
    b.v[i] ^= t;
  }
}

// r = a where mask is all ones; r unchanged where it is zero.
inline void fe_cmov(Fe& r, const Fe& a, std::uint64_t mask) noexcept {
  const auto m = static_cast<std::uint32_t>(mask);
  for (int i = 0; i < kFeLimbs; ++i) r.v[i] ^= m & (r.v[i] ^ a.v[i]);
}

// The canonical encoding (value fully reduced mod p), 32 bytes little-endian.
inline void fe_to_bytes(std::uint8_t out[32], const Fe& f) noexcept {
  Fe h = fe_carry(f);  // every limb within its width except limb 1 (at most 2^25)
  // q = 1 exactly when h >= p, i.e. when h + 19 carries out of bit 255.
  std::uint32_t q = (h.v[0] + 19) >> 26;
  for (int i = 1; i < kFeLimbs; ++i) q = (h.v[i] + q) >> fe_width(i);
  // h - q*p = h + 19q - q*2^255: add 19q, carry, drop bit 255.
  h.v[0] += 19 * q;
  for (int i = 0; i < kFeLimbs - 1; ++i) {
    h.v[i + 1] += h.v[i] >> fe_width(i);
    h.v[i] &= (1u << fe_width(i)) - 1;
  }
  h.v[9] &= kFeMask25;
  // Stream the 255 bits out a byte at a time (positions are public).
  std::uint64_t acc = 0;
  int bits = 0;
  std::size_t n = 0;
  for (int i = 0; i < kFeLimbs; ++i) {
    acc |= std::uint64_t{h.v[i]} << bits;
    bits += fe_width(i);
    for (; bits >= 8; bits -= 8, acc >>= 8) out[n++] = static_cast<std::uint8_t>(acc);
  }
  out[n] = static_cast<std::uint8_t>(acc);  // the last 7 bits
}

#endif  // BARETLS_WIDE64

template <typename F>
typename F::Fe fe_sqr_times(typename F::Fe f, int n) noexcept {
  for (int i = 0; i < n; ++i) f = F::sqr(f);
  return f;
}

// z^(p-2) = z^-1 (zero maps to zero) with the operations of F (Fe51Ops
// below, Fe64Ops in fe25519_adx.h). p - 2 = 2^255 - 21 = (2^250 - 1) * 2^5 + 11.
template <typename F>
typename F::Fe fe_invert_chain(const typename F::Fe& z) noexcept {
  using E = typename F::Fe;
  const E z2 = F::sqr(z);                                            // 2
  const E z9 = F::mul(fe_sqr_times<F>(z2, 2), z);                    // 9
  const E z11 = F::mul(z9, z2);                                      // 11
  const E z_5_0 = F::mul(F::sqr(z11), z9);                           // 2^5 - 1
  const E z_10_0 = F::mul(fe_sqr_times<F>(z_5_0, 5), z_5_0);         // 2^10 - 1
  const E z_20_0 = F::mul(fe_sqr_times<F>(z_10_0, 10), z_10_0);      // 2^20 - 1
  const E z_40_0 = F::mul(fe_sqr_times<F>(z_20_0, 20), z_20_0);      // 2^40 - 1
  const E z_50_0 = F::mul(fe_sqr_times<F>(z_40_0, 10), z_10_0);      // 2^50 - 1
  const E z_100_0 = F::mul(fe_sqr_times<F>(z_50_0, 50), z_50_0);     // 2^100 - 1
  const E z_200_0 = F::mul(fe_sqr_times<F>(z_100_0, 100), z_100_0);  // 2^200 - 1
  const E z_250_0 = F::mul(fe_sqr_times<F>(z_200_0, 50), z_50_0);    // 2^250 - 1
  return F::mul(fe_sqr_times<F>(z_250_0, 5), z11);                   // 2^255 - 21
}

// The portable field operations (radix 2^51, or 2^25.5 without a 128-bit
// integer) under the names the X25519 ladder uses (x25519.cpp); Fe64Ops
// (fe25519_adx.h) is the MULX/ADX counterpart.
struct Fe51Ops {
  using Fe = detail::Fe;
  static Fe from_u64(std::uint64_t x) noexcept { return fe_from_u64(x); }
  static Fe from_bytes(const std::uint8_t b[32]) noexcept { return fe_from_bytes(b); }
  static void to_bytes(std::uint8_t out[32], const Fe& f) noexcept { fe_to_bytes(out, f); }
  static Fe add(const Fe& a, const Fe& b) noexcept { return fe_add(a, b); }
  static Fe sub(const Fe& a, const Fe& b) noexcept { return fe_sub(a, b); }
  static Fe mul(const Fe& a, const Fe& b) noexcept { return fe_mul(a, b); }
  static Fe sqr(const Fe& a) noexcept { return fe_sqr(a); }
  // RFC 7748 §5: a24 = (486662 - 2) / 4 = 121665.
  static Fe mul_a24(const Fe& a) noexcept { return fe_mul_small(a, 121665); }
  static void cswap(Fe& a, Fe& b, std::uint64_t bit) noexcept { fe_cswap(a, b, bit); }
};

inline Fe fe_invert(const Fe& z) noexcept { return fe_invert_chain<Fe51Ops>(z); }

}  // namespace baretls::crypto::detail
