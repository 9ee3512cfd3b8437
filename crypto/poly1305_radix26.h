// SPDX-License-Identifier: MIT
// Internal: scalar radix-2^26 helpers of the SIMD Poly1305 paths
// (poly1305_avx2.cpp, poly1305_neon.cpp): numbers mod p = 2^130 - 5 as five
// 26-bit limbs, 2^130 = 5 mod p. Used to compute the powers of r and to
// bring the lanes' sum back to radix 2^64 (RFC 8439 §2.5).
// CT: fixed sequences of multiplies, shifts and masks.
#pragma once

#include <cstdint>

#include "baretls/crypto/secret.h"

namespace baretls::crypto::detail {

inline constexpr std::uint64_t kMask26 = (std::uint64_t{1} << 26) - 1;

// a * b mod p in radix 2^26, partially reduced (limbs < 2^26 + 2^6).
inline void mul26(const std::uint64_t a[5], const std::uint64_t b[5], std::uint64_t out[5]) noexcept {
  const std::uint64_t s1 = 5 * b[1], s2 = 5 * b[2], s3 = 5 * b[3], s4 = 5 * b[4];
  std::uint64_t d0 = a[0] * b[0] + a[1] * s4 + a[2] * s3 + a[3] * s2 + a[4] * s1;
  std::uint64_t d1 = a[0] * b[1] + a[1] * b[0] + a[2] * s4 + a[3] * s3 + a[4] * s2;
  std::uint64_t d2 = a[0] * b[2] + a[1] * b[1] + a[2] * b[0] + a[3] * s4 + a[4] * s3;
  std::uint64_t d3 = a[0] * b[3] + a[1] * b[2] + a[2] * b[1] + a[3] * b[0] + a[4] * s4;
  std::uint64_t d4 = a[0] * b[4] + a[1] * b[3] + a[2] * b[2] + a[3] * b[1] + a[4] * b[0];
  d1 += d0 >> 26; d0 &= kMask26;
  d2 += d1 >> 26; d1 &= kMask26;
  d3 += d2 >> 26; d2 &= kMask26;
  d4 += d3 >> 26; d3 &= kMask26;
  d0 += 5 * (d4 >> 26); d4 &= kMask26;
  d1 += d0 >> 26; d0 &= kMask26;
  out[0] = d0; out[1] = d1; out[2] = d2; out[3] = d3; out[4] = d4;
}

// lo + hi 2^64 + top 2^128 (top <= 4) as five limbs.
inline void to_radix26(const std::uint64_t lo, const std::uint64_t hi, const std::uint64_t top,
                       std::uint64_t out[5]) noexcept {
  out[0] = lo & kMask26;
  out[1] = (lo >> 26) & kMask26;
  out[2] = ((lo >> 52) | (hi << 12)) & kMask26;
  out[3] = (hi >> 14) & kMask26;
  out[4] = (hi >> 40) | (top << 24);
}

// Stores limbs 0..4 then 5 * limbs 1..4 of one power.
inline void store_power26(const std::uint64_t pw[5], std::uint64_t out[9]) noexcept {
  for (int i = 0; i < 5; ++i) out[i] = pw[i];
  for (int i = 1; i < 5; ++i) out[4 + i] = 5 * pw[i];
}

// h = s (limbs below 2^32 each) carried, in radix 2^64 with h[2] <= 4.
// Wipes s.
inline void from_radix26(std::uint64_t s[5], std::uint64_t h[3]) noexcept {
  for (int i = 0; i < 4; ++i) {
    s[i + 1] += s[i] >> 26;
    s[i] &= kMask26;
  }
  s[0] += 5 * (s[4] >> 26);
  s[4] &= kMask26;
  for (int i = 0; i < 4; ++i) {  // once more without the wrap: s[4] <= 2^26
    s[i + 1] += s[i] >> 26;
    s[i] &= kMask26;
  }
  // Limbs 0..3 are below 2^26, so the ORs do not overlap.
  h[0] = s[0] | (s[1] << 26) | (s[2] << 52);
  h[1] = (s[2] >> 12) | (s[3] << 14) | (s[4] << 40);
  h[2] = s[4] >> 24;
  secure_wipe(s, 5 * sizeof s[0]);
}

}  // namespace baretls::crypto::detail
