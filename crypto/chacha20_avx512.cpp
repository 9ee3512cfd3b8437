// SPDX-License-Identifier: MIT
// ChaCha20 keystream with AVX-512, sixteen blocks at a time (RFC 8439
// §2.3-2.4): register i holds state word i of sixteen blocks; rotations are
// VPROLD; a 16x16 word transpose lays the blocks out in order. Tails of
// 257..512 bytes go to the eight-block AVX2 code, shorter ones to a
// four-block row-layout kernel.
#include "crypto/arch.h"

#if BARETLS_X86_64

// GCC 12's AVX-512 intrinsics start from _mm512_undefined_epi32(), which
// -Wmaybe-uninitialized reports once inlined; the value is never read.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <immintrin.h>

#include "baretls/crypto/secret.h"
#include "crypto/chacha20_impl.h"

namespace baretls::crypto::detail {
namespace {

#define BARETLS_AVX512 __attribute__((target("avx512f"), always_inline)) inline

// VPROLD.
template <int N>
BARETLS_AVX512 __m512i rotl(__m512i x) { return _mm512_rol_epi32(x, N); }

// RFC 8439 §2.1, on sixteen blocks.
BARETLS_AVX512 void quarter_round(__m512i& a, __m512i& b, __m512i& c, __m512i& d) {
  a = _mm512_add_epi32(a, b); d = rotl<16>(_mm512_xor_si512(d, a));
  c = _mm512_add_epi32(c, d); b = rotl<12>(_mm512_xor_si512(b, c));
  a = _mm512_add_epi32(a, b); d = rotl<8>(_mm512_xor_si512(d, a));
  c = _mm512_add_epi32(c, d); b = rotl<7>(_mm512_xor_si512(b, c));
}

// Four registers of words 4g..4g+3 by block -> u[m] holds, in 128-bit lane
// L, those four words of block 4L + m.
BARETLS_AVX512 void transpose4(const __m512i* x, __m512i u[4]) {
  const __m512i t0 = _mm512_unpacklo_epi32(x[0], x[1]), t1 = _mm512_unpackhi_epi32(x[0], x[1]);
  const __m512i t2 = _mm512_unpacklo_epi32(x[2], x[3]), t3 = _mm512_unpackhi_epi32(x[2], x[3]);
  u[0] = _mm512_unpacklo_epi64(t0, t2);
  u[1] = _mm512_unpackhi_epi64(t0, t2);
  u[2] = _mm512_unpacklo_epi64(t1, t3);
  u[3] = _mm512_unpackhi_epi64(t1, t3);
}

// Sixteen keystream blocks for counters ctr .. ctr+15; ks[j] is block j.
BARETLS_AVX512 void keystream16(const std::uint32_t state[16], std::uint32_t ctr, __m512i ks[16]) {
  __m512i in[16], x[16];
  for (int i = 0; i < 16; ++i) in[i] = _mm512_set1_epi32(static_cast<int>(state[i]));
  in[12] = _mm512_add_epi32(_mm512_set1_epi32(static_cast<int>(ctr)),
                            _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15));
  for (int i = 0; i < 16; ++i) x[i] = in[i];
  for (int r = 0; r < 10; ++r) {
    quarter_round(x[0], x[4], x[8], x[12]);
    quarter_round(x[1], x[5], x[9], x[13]);
    quarter_round(x[2], x[6], x[10], x[14]);
    quarter_round(x[3], x[7], x[11], x[15]);
    quarter_round(x[0], x[5], x[10], x[15]);
    quarter_round(x[1], x[6], x[11], x[12]);
    quarter_round(x[2], x[7], x[8], x[13]);
    quarter_round(x[3], x[4], x[9], x[14]);
  }
  for (int i = 0; i < 16; ++i) x[i] = _mm512_add_epi32(x[i], in[i]);
  __m512i u[4], v[4], w[4], z[4];
  transpose4(x, u);
  transpose4(x + 4, v);
  transpose4(x + 8, w);
  transpose4(x + 12, z);
  // Gather lane L of u[m], v[m], w[m], z[m] into block 4L + m.
  for (int m = 0; m < 4; ++m) {
    const __m512i uv_even = _mm512_shuffle_i32x4(u[m], v[m], 0x88);  // u.0 u.2 v.0 v.2
    const __m512i uv_odd = _mm512_shuffle_i32x4(u[m], v[m], 0xdd);   // u.1 u.3 v.1 v.3
    const __m512i wz_even = _mm512_shuffle_i32x4(w[m], z[m], 0x88);
    const __m512i wz_odd = _mm512_shuffle_i32x4(w[m], z[m], 0xdd);
    ks[m] = _mm512_shuffle_i32x4(uv_even, wz_even, 0x88);       // lane 0
    ks[8 + m] = _mm512_shuffle_i32x4(uv_even, wz_even, 0xdd);   // lane 2
    ks[4 + m] = _mm512_shuffle_i32x4(uv_odd, wz_odd, 0x88);     // lane 1
    ks[12 + m] = _mm512_shuffle_i32x4(uv_odd, wz_odd, 0xdd);    // lane 3
  }
}

// Up to four blocks with one block per 128-bit lane and the state's four
// rows in four registers (the classic row layout): the quarter rounds run on
// columns, then on diagonals after rotating rows b, c, d by one, two and
// three words. Latency-bound, but one pass serves four blocks; ks[j] is the
// block for counter ctr + j.
BARETLS_AVX512 void keystream_rows4(const std::uint32_t state[16], std::uint32_t ctr, __m512i ks[4]) {
  const __m512i a0 = _mm512_broadcast_i32x4(_mm_loadu_si128(reinterpret_cast<const __m128i*>(state)));
  const __m512i b0 = _mm512_broadcast_i32x4(_mm_loadu_si128(reinterpret_cast<const __m128i*>(state + 4)));
  const __m512i c0 = _mm512_broadcast_i32x4(_mm_loadu_si128(reinterpret_cast<const __m128i*>(state + 8)));
  const __m512i d_row = _mm512_broadcast_i32x4(_mm_setr_epi32(static_cast<int>(ctr), static_cast<int>(state[13]),
                                                              static_cast<int>(state[14]), static_cast<int>(state[15])));
  // Lane j counts ctr + j (word 12 is the first word of row d), modulo 2^32.
  const __m512i d0 = _mm512_add_epi32(d_row, _mm512_setr_epi32(0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0));
  __m512i a = a0, b = b0, c = c0, d = d0;
  for (int r = 0; r < 10; ++r) {
    quarter_round(a, b, c, d);
    b = _mm512_shuffle_epi32(b, static_cast<_MM_PERM_ENUM>(0x39));  // words 1,2,3,0: diagonals
    c = _mm512_shuffle_epi32(c, static_cast<_MM_PERM_ENUM>(0x4e));
    d = _mm512_shuffle_epi32(d, static_cast<_MM_PERM_ENUM>(0x93));
    quarter_round(a, b, c, d);
    b = _mm512_shuffle_epi32(b, static_cast<_MM_PERM_ENUM>(0x93));  // back to columns
    c = _mm512_shuffle_epi32(c, static_cast<_MM_PERM_ENUM>(0x4e));
    d = _mm512_shuffle_epi32(d, static_cast<_MM_PERM_ENUM>(0x39));
  }
  a = _mm512_add_epi32(a, a0);
  b = _mm512_add_epi32(b, b0);
  c = _mm512_add_epi32(c, c0);
  d = _mm512_add_epi32(d, d0);
  // 4x4 transpose of 128-bit lanes: block j = a.j b.j c.j d.j.
  const __m512i ab01 = _mm512_shuffle_i32x4(a, b, 0x44), cd01 = _mm512_shuffle_i32x4(c, d, 0x44);
  const __m512i ab23 = _mm512_shuffle_i32x4(a, b, 0xee), cd23 = _mm512_shuffle_i32x4(c, d, 0xee);
  ks[0] = _mm512_shuffle_i32x4(ab01, cd01, 0x88);
  ks[1] = _mm512_shuffle_i32x4(ab01, cd01, 0xdd);
  ks[2] = _mm512_shuffle_i32x4(ab23, cd23, 0x88);
  ks[3] = _mm512_shuffle_i32x4(ab23, cd23, 0xdd);
}

// out = in ^ ks for len <= 64 * count bytes, whole blocks first, then a
// masked partial block.
__attribute__((target("avx512f,avx512bw"), always_inline)) inline void xor_blocks(const __m512i* ks, const std::uint8_t* in,
                                                                                 std::uint8_t* out, std::size_t len) {
  std::size_t i = 0;
  for (; i + 64 <= len; i += 64) {
    const __m512i m = _mm512_loadu_si512(in + i);
    _mm512_storeu_si512(out + i, _mm512_xor_si512(m, ks[i / 64]));
  }
  if (i < len) {
    const __mmask64 k = _cvtu64_mask64((~std::uint64_t{0}) >> (64 - (len - i)));
    const __m512i m = _mm512_maskz_loadu_epi8(k, in + i);
    _mm512_mask_storeu_epi8(out + i, k, _mm512_xor_si512(m, ks[i / 64]));
  }
}

}  // namespace

__attribute__((target("avx512f,avx512bw,avx2")))
void chacha20_xor_avx512(const std::uint32_t state[16], const std::uint8_t* in, std::uint8_t* out,
                         std::size_t len) noexcept {
  std::uint32_t ctr = state[12];
  __m512i ks[16];
  for (; len >= 1024; len -= 1024, in += 1024, out += 1024, ctr += 16) {
    keystream16(state, ctr, ks);
    for (int i = 0; i < 16; ++i) {
      const __m512i m = _mm512_loadu_si512(in + 64 * i);
      _mm512_storeu_si512(out + 64 * i, _mm512_xor_si512(m, ks[i]));
    }
  }
  if (len > 512) {
    keystream16(state, ctr, ks);
    xor_blocks(ks, in, out, len);
  } else if (len > 256) {
    std::uint32_t s[16];
    for (int j = 0; j < 16; ++j) s[j] = state[j];
    s[12] = ctr;
    chacha20_xor_avx2(s, in, out, len);
    secure_wipe(s, sizeof s);
  } else if (len > 0) {
    keystream_rows4(state, ctr, ks);
    xor_blocks(ks, in, out, len);
  }
  secure_wipe(ks, sizeof ks);
}

#undef BARETLS_AVX512

}  // namespace baretls::crypto::detail

#endif  // BARETLS_X86_64
