// SPDX-License-Identifier: MIT
// AES encryption with the x86-64 AES-NI instructions (AESENC/AESENCLAST, one
// round each), eight blocks in flight to cover the instruction latency. Round
// keys come from the portable key expansion (FIPS 197 §5.2).
#include "crypto/arch.h"

#if BARETLS_X86_64

#include <immintrin.h>

#include "crypto/aes_impl.h"

namespace baretls::crypto::detail {

__attribute__((target("aes,sse2")))
void aes_encrypt_blocks_aesni(const std::uint8_t* round_keys, unsigned rounds, const std::uint8_t* in,
                              std::uint8_t* out, std::size_t n) noexcept {
  __m128i k[15];
  for (unsigned r = 0; r <= rounds; ++r) k[r] = _mm_loadu_si128(reinterpret_cast<const __m128i*>(round_keys + 16 * r));
  for (; n >= 8; n -= 8, in += 128, out += 128) {
    __m128i b[8];
    for (int i = 0; i < 8; ++i) b[i] = _mm_xor_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(in + 16 * i)), k[0]);
    for (unsigned r = 1; r < rounds; ++r)
      for (auto& x : b) x = _mm_aesenc_si128(x, k[r]);
    for (int i = 0; i < 8; ++i)
      _mm_storeu_si128(reinterpret_cast<__m128i*>(out + 16 * i), _mm_aesenclast_si128(b[i], k[rounds]));
  }
  for (; n > 0; --n, in += 16, out += 16) {
    __m128i x = _mm_xor_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(in)), k[0]);
    for (unsigned r = 1; r < rounds; ++r) x = _mm_aesenc_si128(x, k[r]);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out), _mm_aesenclast_si128(x, k[rounds]));
  }
}

}  // namespace baretls::crypto::detail

#endif  // BARETLS_X86_64
