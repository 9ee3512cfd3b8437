// SPDX-License-Identifier: MIT
// Internal: constant-time table lookups with AVX2 for curves whose field
// elements are four 64-bit limbs (one 256-bit register per coordinate): the
// secret index is compared with every entry's number in vector registers
// and each entry is blended in under the resulting mask, so every entry is
// read and nothing branches or indexes on the secret. Used by the P-256
// MULX/ADX path, which requires AVX2 (p256.cpp).
// CT: time depends only on the table size.
#pragma once

#include "crypto/arch.h"

#if BARETLS_X86_64

#include <immintrin.h>

#include <cstddef>
#include <cstdint>

namespace baretls::crypto::detail {

#define BARETLS_EC_AVX2 __attribute__((target("avx2")))

BARETLS_EC_AVX2 inline __m256i ec_load4(const std::uint64_t* p) noexcept {
  return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
}
BARETLS_EC_AVX2 inline void ec_store4(std::uint64_t* p, __m256i v) noexcept {
  _mm256_storeu_si256(reinterpret_cast<__m256i*>(p), v);
}

// r = table[index - 1] when 1 <= index <= count; r is left as it was (the
// caller's default, e.g. the identity) when index is 0. P has 4-limb
// coordinates x, y and, for projective points, z.
template <typename P>
BARETLS_EC_AVX2 void ec_select_avx2(P& r, const P* table, std::size_t count, std::uint64_t index) noexcept {
  constexpr bool kHasZ = requires { r.z; };
  const __m256i want = _mm256_set1_epi64x(static_cast<long long>(index));
  const __m256i one = _mm256_set1_epi64x(1);
  __m256i number = one;
  __m256i x = ec_load4(r.x.data()), y = ec_load4(r.y.data()), z = _mm256_setzero_si256();
  if constexpr (kHasZ) z = ec_load4(r.z.data());
  for (std::size_t i = 0; i < count; ++i) {
    const __m256i m = _mm256_cmpeq_epi64(number, want);
    x = _mm256_blendv_epi8(x, ec_load4(table[i].x.data()), m);
    y = _mm256_blendv_epi8(y, ec_load4(table[i].y.data()), m);
    if constexpr (kHasZ) z = _mm256_blendv_epi8(z, ec_load4(table[i].z.data()), m);
    number = _mm256_add_epi64(number, one);
  }
  ec_store4(r.x.data(), x);
  ec_store4(r.y.data(), y);
  if constexpr (kHasZ) ec_store4(r.z.data(), z);
}

// The same over a flat table of affine entries, x then y (4 limbs each):
// (x, y) = entry index - 1, or zero when index is 0.
template <typename Fe>
BARETLS_EC_AVX2 void ec_select_flat_avx2(Fe& rx, Fe& ry, const std::uint64_t* entries, std::size_t count,
                                         std::uint64_t index) noexcept {
  const __m256i want = _mm256_set1_epi64x(static_cast<long long>(index));
  const __m256i one = _mm256_set1_epi64x(1);
  __m256i number = one, x = _mm256_setzero_si256(), y = _mm256_setzero_si256();
  for (std::size_t i = 0; i < count; ++i) {
    const __m256i m = _mm256_cmpeq_epi64(number, want);
    x = _mm256_or_si256(x, _mm256_and_si256(ec_load4(entries + 8 * i), m));
    y = _mm256_or_si256(y, _mm256_and_si256(ec_load4(entries + 8 * i + 4), m));
    number = _mm256_add_epi64(number, one);
  }
  ec_store4(rx.data(), x);
  ec_store4(ry.data(), y);
}

#undef BARETLS_EC_AVX2

}  // namespace baretls::crypto::detail

#endif  // BARETLS_X86_64
