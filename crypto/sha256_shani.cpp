// SPDX-License-Identifier: MIT
// SHA-256 block function with the x86 SHA extensions (SHA256RNDS2,
// SHA256MSG1, SHA256MSG2), following the state layout of Intel's "Intel SHA
// Extensions" paper: the eight working variables live in two registers as
// ABEF and CDGH. Same result as the portable code (FIPS 180-4 §6.2.2).
#include "crypto/arch.h"

#if BARETLS_X86_64

#include <immintrin.h>

#include "crypto/sha256_impl.h"

namespace baretls::crypto::detail {

__attribute__((target("sha,sse4.1,ssse3")))
void sha256_blocks_shani(std::uint32_t state[8], const std::uint8_t* blocks, std::size_t count) noexcept {
  // Byte order within each 32-bit word: message words are big-endian.
  const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);

  // Load A..H (state[0..7]) and rearrange into ABEF / CDGH.
  __m128i dcba = _mm_loadu_si128(reinterpret_cast<const __m128i*>(state));
  __m128i hgfe = _mm_loadu_si128(reinterpret_cast<const __m128i*>(state + 4));
  const __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
  const __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
  __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
  __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);

  for (; count > 0; --count, blocks += 64) {
    const __m128i abef_saved = abef;
    const __m128i cdgh_saved = cdgh;
    __m128i w[4];  // message schedule, four words per register, ring of 16 words

#pragma GCC unroll 16
    for (int i = 0; i < 16; ++i) {
      __m128i wi;
      if (i < 4) {
        wi = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(blocks + 16 * i)), bswap);
      } else {
        // W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16], four at a time.
        const __m128i w7 = _mm_alignr_epi8(w[(i - 1) & 3], w[(i - 2) & 3], 4);
        wi = _mm_sha256msg1_epu32(w[(i - 4) & 3], w[(i - 3) & 3]);
        wi = _mm_add_epi32(wi, w7);
        wi = _mm_sha256msg2_epu32(wi, w[(i - 1) & 3]);
      }
      w[i & 3] = wi;
      // Four rounds: two SHA256RNDS2, each using two W+K words.
      __m128i wk = _mm_add_epi32(wi, _mm_loadu_si128(reinterpret_cast<const __m128i*>(kSha256K + 4 * i)));
      cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);
      wk = _mm_shuffle_epi32(wk, 0x0E);
      abef = _mm_sha256rnds2_epu32(abef, cdgh, wk);
    }
    abef = _mm_add_epi32(abef, abef_saved);
    cdgh = _mm_add_epi32(cdgh, cdgh_saved);
  }

  // Back from ABEF / CDGH to A..H.
  const __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
  const __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
  dcba = _mm_blend_epi16(feba, dchg, 0xF0);
  hgfe = _mm_alignr_epi8(dchg, feba, 8);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(state), dcba);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(state + 4), hgfe);
}

}  // namespace baretls::crypto::detail

#endif  // BARETLS_X86_64
