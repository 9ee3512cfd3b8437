// SPDX-License-Identifier: MIT
// Poly1305 blocks with AVX2, four blocks in parallel (RFC 8439 §2.5), for
// CPUs without AVX-512 IFMA. Numbers mod 2^130-5 are held in radix 2^26
// (five limbs in 64-bit lanes, VPMULUDQ products; 2^130 = 5 mod p). Two
// accumulators take alternate groups of four blocks by Horner's rule in
// r^8; at the end lane j is multiplied by r^(4-j) and the lanes summed.
// CT: time depends only on count.
#include "crypto/arch.h"

#if BARETLS_X86_64

#include <immintrin.h>

#include "baretls/crypto/secret.h"
#include "crypto/poly1305_impl.h"
#include "crypto/poly1305_radix26.h"

namespace baretls::crypto::detail {
namespace {

#define BARETLS_AVX2 __attribute__((target("avx2"), always_inline)) inline

// h = h * b (limbs b[0..4], 5*b[1..4] in b[5..8]) with a partial reduction.
BARETLS_AVX2 void mul_vec(__m256i h[5], const __m256i b[9]) {
  const __m256i* s = b + 4;  // s[i] = 5 * b[i], i = 1..4
  __m256i d0 = _mm256_mul_epu32(h[0], b[0]);
  __m256i d1 = _mm256_mul_epu32(h[0], b[1]);
  __m256i d2 = _mm256_mul_epu32(h[0], b[2]);
  __m256i d3 = _mm256_mul_epu32(h[0], b[3]);
  __m256i d4 = _mm256_mul_epu32(h[0], b[4]);
  d0 = _mm256_add_epi64(d0, _mm256_mul_epu32(h[1], s[4]));
  d1 = _mm256_add_epi64(d1, _mm256_mul_epu32(h[1], b[0]));
  d2 = _mm256_add_epi64(d2, _mm256_mul_epu32(h[1], b[1]));
  d3 = _mm256_add_epi64(d3, _mm256_mul_epu32(h[1], b[2]));
  d4 = _mm256_add_epi64(d4, _mm256_mul_epu32(h[1], b[3]));
  d0 = _mm256_add_epi64(d0, _mm256_mul_epu32(h[2], s[3]));
  d1 = _mm256_add_epi64(d1, _mm256_mul_epu32(h[2], s[4]));
  d2 = _mm256_add_epi64(d2, _mm256_mul_epu32(h[2], b[0]));
  d3 = _mm256_add_epi64(d3, _mm256_mul_epu32(h[2], b[1]));
  d4 = _mm256_add_epi64(d4, _mm256_mul_epu32(h[2], b[2]));
  d0 = _mm256_add_epi64(d0, _mm256_mul_epu32(h[3], s[2]));
  d1 = _mm256_add_epi64(d1, _mm256_mul_epu32(h[3], s[3]));
  d2 = _mm256_add_epi64(d2, _mm256_mul_epu32(h[3], s[4]));
  d3 = _mm256_add_epi64(d3, _mm256_mul_epu32(h[3], b[0]));
  d4 = _mm256_add_epi64(d4, _mm256_mul_epu32(h[3], b[1]));
  d0 = _mm256_add_epi64(d0, _mm256_mul_epu32(h[4], s[1]));
  d1 = _mm256_add_epi64(d1, _mm256_mul_epu32(h[4], s[2]));
  d2 = _mm256_add_epi64(d2, _mm256_mul_epu32(h[4], s[3]));
  d3 = _mm256_add_epi64(d3, _mm256_mul_epu32(h[4], s[4]));
  d4 = _mm256_add_epi64(d4, _mm256_mul_epu32(h[4], b[0]));
  // Two carry chains side by side (0 -> 1 -> 2 -> 3 -> 4 and 3 -> 4 -> 0 -> 1)
  // halve the latency; afterwards every limb is below 2^26 + 2^7.
  const __m256i m26 = _mm256_set1_epi64x(static_cast<long long>(kMask26));
  __m256i c = _mm256_srli_epi64(d0, 26), e = _mm256_srli_epi64(d3, 26);
  d0 = _mm256_and_si256(d0, m26); d1 = _mm256_add_epi64(d1, c);
  d3 = _mm256_and_si256(d3, m26); d4 = _mm256_add_epi64(d4, e);
  c = _mm256_srli_epi64(d1, 26); e = _mm256_srli_epi64(d4, 26);
  d1 = _mm256_and_si256(d1, m26); d2 = _mm256_add_epi64(d2, c);
  d4 = _mm256_and_si256(d4, m26); d0 = _mm256_add_epi64(d0, _mm256_add_epi64(e, _mm256_slli_epi64(e, 2)));  // + 5e
  c = _mm256_srli_epi64(d2, 26); e = _mm256_srli_epi64(d0, 26);
  d2 = _mm256_and_si256(d2, m26); d3 = _mm256_add_epi64(d3, c);
  d0 = _mm256_and_si256(d0, m26); d1 = _mm256_add_epi64(d1, e);
  c = _mm256_srli_epi64(d3, 26);
  d3 = _mm256_and_si256(d3, m26); d4 = _mm256_add_epi64(d4, c);
  h[0] = d0; h[1] = d1; h[2] = d2; h[3] = d3; h[4] = d4;
}

// a += four message blocks (64 bytes) with their 2^128 bits, in radix-2^26
// limbs. Lane q receives block q/2 + 2*(q odd).
BARETLS_AVX2 void add_blocks(__m256i a[5], const std::uint8_t* m) {
  const __m256i m26 = _mm256_set1_epi64x(static_cast<long long>(kMask26));
  const __m256i hibit = _mm256_set1_epi64x(std::int64_t{1} << 24);  // 2^128 in limb 4
  const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(m));
  const __m256i y = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(m + 32));
  const __m256i lo = _mm256_unpacklo_epi64(x, y);  // low halves of blocks 0, 2, 1, 3
  const __m256i hi = _mm256_unpackhi_epi64(x, y);
  a[0] = _mm256_add_epi64(a[0], _mm256_and_si256(lo, m26));
  a[1] = _mm256_add_epi64(a[1], _mm256_and_si256(_mm256_srli_epi64(lo, 26), m26));
  a[2] = _mm256_add_epi64(
      a[2], _mm256_and_si256(_mm256_or_si256(_mm256_srli_epi64(lo, 52), _mm256_slli_epi64(hi, 12)), m26));
  a[3] = _mm256_add_epi64(a[3], _mm256_and_si256(_mm256_srli_epi64(hi, 14), m26));
  a[4] = _mm256_add_epi64(a[4], _mm256_or_si256(_mm256_srli_epi64(hi, 40), hibit));
}

// h = the sum of the lanes (limbs < 2^26 + 2^10 each), carried, in radix
// 2^64 with h[2] <= 4.
BARETLS_AVX2 void sum_lanes(const __m256i a[5], std::uint64_t h[3]) {
  alignas(32) std::uint64_t lanes[5][4];
  for (int i = 0; i < 5; ++i) _mm256_store_si256(reinterpret_cast<__m256i*>(lanes[i]), a[i]);
  std::uint64_t s[5];
  for (int i = 0; i < 5; ++i) s[i] = lanes[i][0] + lanes[i][1] + lanes[i][2] + lanes[i][3];
  secure_wipe(lanes, sizeof lanes);
  from_radix26(s, h);
}

}  // namespace

void poly1305_powers_avx2(const std::uint64_t r[2], Poly1305Powers& p) noexcept {
  std::uint64_t pw[5][5], r8[5];
  to_radix26(r[0], r[1], 0, pw[1]);
  for (int k = 2; k <= 4; ++k) mul26(pw[k - 1], pw[1], pw[k]);
  mul26(pw[4], pw[4], r8);
  // Lane q holds block j(q) = q/2 + 2*(q odd) of each group of four (the
  // order VPUNPCKLQDQ/VPUNPCKHQDQ leave them in); its last factor is r^(4-j).
  for (int q = 0; q < 4; ++q) {
    const int j = q / 2 + 2 * (q & 1);
    std::uint64_t last[9];
    store_power26(pw[4 - j], last);
    for (int i = 0; i < 9; ++i) p.last26[i][q] = last[i];
  }
  store_power26(pw[4], p.r4);
  store_power26(r8, p.r8_26);
  secure_wipe(pw, sizeof pw);
  secure_wipe(r8, sizeof r8);
}

__attribute__((target("avx2")))
void poly1305_blocks_avx2(std::uint64_t h[3], const Poly1305Powers& p, const std::uint8_t* m,
                          std::size_t count) noexcept {
  __m256i r4[9], r8[9], last[9];
  for (int i = 0; i < 9; ++i) {
    r4[i] = _mm256_set1_epi64x(static_cast<long long>(p.r4[i]));
    r8[i] = _mm256_set1_epi64x(static_cast<long long>(p.r8_26[i]));
    last[i] = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p.last26[i]));
  }
  // The running h (radix 2^64, h[2] <= 4) enters lane 0, block 0's lane.
  std::uint64_t h26[5];
  to_radix26(h[0], h[1], h[2], h26);
  __m256i a[5], b[5];
  for (int i = 0; i < 5; ++i) {
    a[i] = _mm256_setr_epi64x(static_cast<long long>(h26[i]), 0, 0, 0);
    b[i] = _mm256_setzero_si256();
  }
  // Groups of eight: a takes blocks 0..3, b blocks 4..7, both stepping by
  // r^8 (two independent chains); at the end a * r^4 + b lines them up.
  if (count >= 8) {
    for (std::size_t left = count / 8; left > 0; --left, m += 128) {
      add_blocks(a, m);
      add_blocks(b, m + 64);
      if (left > 1) {
        mul_vec(a, r8);
        mul_vec(b, r8);
      }
    }
    mul_vec(a, r4);
    for (int i = 0; i < 5; ++i) a[i] = _mm256_add_epi64(a[i], b[i]);
    mul_vec(a, last);
  }
  if (count % 8 == 4) {
    if (count >= 8) {
      // Start again from the partial sum, folded into lane 0.
      sum_lanes(a, h);
      to_radix26(h[0], h[1], h[2], h26);
      for (int i = 0; i < 5; ++i) a[i] = _mm256_setr_epi64x(static_cast<long long>(h26[i]), 0, 0, 0);
    }
    add_blocks(a, m);
    mul_vec(a, last);
  }
  sum_lanes(a, h);
}

#undef BARETLS_AVX2

}  // namespace baretls::crypto::detail

#endif  // BARETLS_X86_64
