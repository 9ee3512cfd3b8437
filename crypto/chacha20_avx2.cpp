// SPDX-License-Identifier: MIT
// ChaCha20 keystream with AVX2, eight blocks at a time (RFC 8439 §2.3-2.4):
// register i holds state word i of eight consecutive blocks, one per 32-bit
// lane; after the rounds an 8x8 word transpose lays the blocks out in order.
// A partial last group is generated into a stack buffer and XORed; one or
// two trailing blocks use the portable code.
#include "crypto/arch.h"

#if BARETLS_X86_64

#include <immintrin.h>

#include "baretls/crypto/secret.h"
#include "crypto/chacha20_impl.h"

namespace baretls::crypto::detail {
namespace {

#define BARETLS_AVX2 __attribute__((target("avx2"), always_inline)) inline

// Eight lanes cost about as much as two or three one-block portable calls,
// so one or two trailing blocks go to the portable code.
constexpr std::size_t kScalarTail = 128;

BARETLS_AVX2 __m256i rotl12(__m256i x) { return _mm256_or_si256(_mm256_slli_epi32(x, 12), _mm256_srli_epi32(x, 20)); }
BARETLS_AVX2 __m256i rotl7(__m256i x) { return _mm256_or_si256(_mm256_slli_epi32(x, 7), _mm256_srli_epi32(x, 25)); }

// RFC 8439 §2.1, on eight blocks; 16- and 8-bit rotations are byte shuffles.
BARETLS_AVX2 void quarter_round(__m256i& a, __m256i& b, __m256i& c, __m256i& d, __m256i rot16, __m256i rot8) {
  a = _mm256_add_epi32(a, b); d = _mm256_shuffle_epi8(_mm256_xor_si256(d, a), rot16);
  c = _mm256_add_epi32(c, d); b = rotl12(_mm256_xor_si256(b, c));
  a = _mm256_add_epi32(a, b); d = _mm256_shuffle_epi8(_mm256_xor_si256(d, a), rot8);
  c = _mm256_add_epi32(c, d); b = rotl7(_mm256_xor_si256(b, c));
}

// Transposes eight registers of eight words: out[2*j] then holds words
// 0..7 (or 8..15) of block j when x holds words 0..7 (or 8..15) by block.
BARETLS_AVX2 void transpose8(const __m256i x[8], __m256i* out) {
  const __m256i t0 = _mm256_unpacklo_epi32(x[0], x[1]), t1 = _mm256_unpackhi_epi32(x[0], x[1]);
  const __m256i t2 = _mm256_unpacklo_epi32(x[2], x[3]), t3 = _mm256_unpackhi_epi32(x[2], x[3]);
  const __m256i t4 = _mm256_unpacklo_epi32(x[4], x[5]), t5 = _mm256_unpackhi_epi32(x[4], x[5]);
  const __m256i t6 = _mm256_unpacklo_epi32(x[6], x[7]), t7 = _mm256_unpackhi_epi32(x[6], x[7]);
  // u_m: words 0..3 of blocks m (low lane) and m+4 (high lane); v_m: words 4..7.
  const __m256i u0 = _mm256_unpacklo_epi64(t0, t2), u1 = _mm256_unpackhi_epi64(t0, t2);
  const __m256i u2 = _mm256_unpacklo_epi64(t1, t3), u3 = _mm256_unpackhi_epi64(t1, t3);
  const __m256i v0 = _mm256_unpacklo_epi64(t4, t6), v1 = _mm256_unpackhi_epi64(t4, t6);
  const __m256i v2 = _mm256_unpacklo_epi64(t5, t7), v3 = _mm256_unpackhi_epi64(t5, t7);
  out[0] = _mm256_permute2x128_si256(u0, v0, 0x20);
  out[2] = _mm256_permute2x128_si256(u1, v1, 0x20);
  out[4] = _mm256_permute2x128_si256(u2, v2, 0x20);
  out[6] = _mm256_permute2x128_si256(u3, v3, 0x20);
  out[8] = _mm256_permute2x128_si256(u0, v0, 0x31);
  out[10] = _mm256_permute2x128_si256(u1, v1, 0x31);
  out[12] = _mm256_permute2x128_si256(u2, v2, 0x31);
  out[14] = _mm256_permute2x128_si256(u3, v3, 0x31);
}

// Eight keystream blocks for counters ctr .. ctr+7, in order: ks[2j], ks[2j+1]
// are block j.
BARETLS_AVX2 void keystream8(const std::uint32_t state[16], std::uint32_t ctr, __m256i ks[16]) {
  const __m256i rot16 = _mm256_setr_epi8(2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13,
                                         2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13);
  const __m256i rot8 = _mm256_setr_epi8(3, 0, 1, 2, 7, 4, 5, 6, 11, 8, 9, 10, 15, 12, 13, 14,
                                        3, 0, 1, 2, 7, 4, 5, 6, 11, 8, 9, 10, 15, 12, 13, 14);
  __m256i in[16], x[16];
  for (int i = 0; i < 16; ++i) in[i] = _mm256_set1_epi32(static_cast<int>(state[i]));
  in[12] = _mm256_add_epi32(_mm256_set1_epi32(static_cast<int>(ctr)), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
  for (int i = 0; i < 16; ++i) x[i] = in[i];
  for (int r = 0; r < 10; ++r) {
    quarter_round(x[0], x[4], x[8], x[12], rot16, rot8);
    quarter_round(x[1], x[5], x[9], x[13], rot16, rot8);
    quarter_round(x[2], x[6], x[10], x[14], rot16, rot8);
    quarter_round(x[3], x[7], x[11], x[15], rot16, rot8);
    quarter_round(x[0], x[5], x[10], x[15], rot16, rot8);
    quarter_round(x[1], x[6], x[11], x[12], rot16, rot8);
    quarter_round(x[2], x[7], x[8], x[13], rot16, rot8);
    quarter_round(x[3], x[4], x[9], x[14], rot16, rot8);
  }
  for (int i = 0; i < 16; ++i) x[i] = _mm256_add_epi32(x[i], in[i]);
  transpose8(x, ks);
  transpose8(x + 8, ks + 1);
}

}  // namespace

__attribute__((target("avx2")))
void chacha20_xor_avx2(const std::uint32_t state[16], const std::uint8_t* in, std::uint8_t* out,
                       std::size_t len) noexcept {
  std::uint32_t ctr = state[12];
  __m256i ks[16];
  for (; len >= 512; len -= 512, in += 512, out += 512, ctr += 8) {
    keystream8(state, ctr, ks);
    for (int i = 0; i < 16; ++i) {
      const __m256i m = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(in + 32 * i));
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + 32 * i), _mm256_xor_si256(m, ks[i]));
    }
  }
  if (len > 0 && len <= kScalarTail) {
    std::uint32_t s[16];
    for (int j = 0; j < 16; ++j) s[j] = state[j];
    s[12] = ctr;
    chacha20_xor_portable(s, in, out, len);
    secure_wipe(s, sizeof s);
  } else if (len > 0) {
    keystream8(state, ctr, ks);
    alignas(32) std::uint8_t buf[512];
    for (int i = 0; i < 16; ++i) _mm256_store_si256(reinterpret_cast<__m256i*>(buf + 32 * i), ks[i]);
    for (std::size_t i = 0; i < len; ++i) out[i] = static_cast<std::uint8_t>(in[i] ^ buf[i]);
    secure_wipe(buf, sizeof buf);
  }
  secure_wipe(ks, sizeof ks);
}

#undef BARETLS_AVX2

}  // namespace baretls::crypto::detail

#endif  // BARETLS_X86_64
