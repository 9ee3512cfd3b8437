// SPDX-License-Identifier: MIT
// Internal: arithmetic in GF(2^255 - 19) (RFC 7748 §4.1 field), five 51-bit
// limbs in 64-bit words with 128-bit products. Limb bounds: outputs of mul,
// sqr, mul_small and from_bytes are below 2^51 + 2^13; add and sub take such
// inputs and give limbs below 2^53, which mul and sqr accept.
// CT: every function runs in time independent of the values.
#pragma once

#include <cstddef>
#include <cstdint>

#include "baretls/crypto/ct.h"
#include "crypto/bytes.h"

namespace baretls::crypto::detail {

__extension__ typedef unsigned __int128 fe_u128;

struct Fe {
  std::uint64_t v[5];
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

// The radix-2^51 operations under the names the X25519 ladder uses
// (x25519.cpp); Fe64Ops (fe25519_adx.h) is the MULX/ADX counterpart.
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
