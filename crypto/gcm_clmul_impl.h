// SPDX-License-Identifier: MIT
// Internal: 128-bit carry-less GHASH arithmetic with PCLMULQDQ, shared by the
// AES-NI and VAES paths. Values are the block byte-reversed (hi word in lane
// 1); the tables hold H' = H * x^-1 so products need no shift (gcm_impl.h).
#pragma once

#include "crypto/arch.h"

#if BARETLS_X86_64

#include <immintrin.h>

#include <cstddef>
#include <cstdint>

namespace baretls::crypto::detail {

#define BARETLS_CLMUL_INLINE __attribute__((target("pclmul,sse4.1,ssse3"), always_inline)) inline

BARETLS_CLMUL_INLINE __m128i clmul_bswap_mask() {
  return _mm_set_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
}

// Unreduced Karatsuba terms.
struct ClmulWide {
  __m128i lo = _mm_setzero_si128(), hi = _mm_setzero_si128(), mid = _mm_setzero_si128();
};

// w += x * h, with mid_key = (h.hi ^ h.lo) in lane 0.
BARETLS_CLMUL_INLINE void clmul_acc(ClmulWide& w, __m128i x, __m128i h, __m128i mid_key) {
  w.lo = _mm_xor_si128(w.lo, _mm_clmulepi64_si128(x, h, 0x00));
  w.hi = _mm_xor_si128(w.hi, _mm_clmulepi64_si128(x, h, 0x11));
  const __m128i xm = _mm_xor_si128(x, _mm_unpackhi_epi64(x, x));
  w.mid = _mm_xor_si128(w.mid, _mm_clmulepi64_si128(xm, mid_key, 0x00));
}

// Reduction of (hi:lo) modulo x^128 + x^7 + x^2 + x + 1 (reflected): fold the
// low word twice by multiplying it by 0xC200000000000000 (x^63 + x^62 +
// x^57 terms) and swapping halves; see ghash_portable.cpp reduce().
BARETLS_CLMUL_INLINE __m128i clmul_reduce_pair(__m128i hi, __m128i lo) {
  const __m128i poly = _mm_set_epi64x(0, static_cast<long long>(0xC200000000000000ULL));
  __m128i t = _mm_clmulepi64_si128(lo, poly, 0x00);
  lo = _mm_xor_si128(_mm_shuffle_epi32(lo, 0x4E), t);
  t = _mm_clmulepi64_si128(lo, poly, 0x00);
  return _mm_xor_si128(_mm_xor_si128(hi, _mm_shuffle_epi32(lo, 0x4E)), t);
}

BARETLS_CLMUL_INLINE __m128i clmul_reduce(const ClmulWide& w) {
  const __m128i mid = _mm_xor_si128(w.mid, _mm_xor_si128(w.lo, w.hi));
  const __m128i lo = _mm_xor_si128(w.lo, _mm_slli_si128(mid, 8));
  const __m128i hi = _mm_xor_si128(w.hi, _mm_srli_si128(mid, 8));
  return clmul_reduce_pair(hi, lo);
}

// a * b' (b' a table value) = the field product a * b.
BARETLS_CLMUL_INLINE __m128i clmul_mul(__m128i a, __m128i b) {
  ClmulWide w;
  clmul_acc(w, a, b, _mm_xor_si128(b, _mm_unpackhi_epi64(b, b)));
  return clmul_reduce(w);
}

// The AES-NI path's GHASH table (H'^1..H'^8 at words 0..15, Karatsuba keys at
// 16..23) and its GHASH over whole blocks; the VAES path reuses both.
inline constexpr std::size_t kClmulTableWords = 24;
void ghash_prepare_clmul(std::uint64_t* table, std::uint64_t h_hi, std::uint64_t h_lo) noexcept;
void ghash_blocks_clmul(const std::uint64_t* table, std::uint64_t acc[2], const std::uint8_t* data,
                        std::size_t n) noexcept;

// The wide (VAES) paths' table: the AES-NI table, then from word kWideTable
// slot s = H'^(32 - s) for s = 0..31, two words per slot, so that a vector
// load at slot j gives the powers for consecutive blocks in descending order.
// Reads up to slot 34 (masked tails) stay inside AesGcm's table.
inline constexpr std::size_t kWideTable = kClmulTableWords + 8;
inline constexpr std::size_t kWideSlots = 32;
void ghash_prepare_wide(std::uint64_t* table, std::uint64_t h_hi, std::uint64_t h_lo) noexcept;

}  // namespace baretls::crypto::detail

#endif  // BARETLS_X86_64
