// SPDX-License-Identifier: MIT
// Internal: the ChaCha20 keystream functions (RFC 8439 §2.3), one per path,
// and the quarter round (§2.1) shared by the portable code and the tests.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>

#include "crypto/arch.h"

namespace baretls::crypto::detail {

// RFC 8439 §2.1: the ChaCha quarter round on four state words.
inline void chacha_quarter_round(std::uint32_t& a, std::uint32_t& b, std::uint32_t& c,
                                 std::uint32_t& d) noexcept {
  a += b; d ^= a; d = std::rotl(d, 16);
  c += d; b ^= c; b = std::rotl(b, 12);
  a += b; d ^= a; d = std::rotl(d, 8);
  c += d; b ^= c; b = std::rotl(b, 7);
}

// RFC 8439 §2.3: the 20 rounds, as 10 double rounds (a column round, then
// a diagonal round) of `quarter_round` on the 16 state words x, which may be
// scalars or vectors of words from several blocks.
template <class Word, class QuarterRound>
[[gnu::always_inline]] inline void chacha20_rounds(Word x[16], QuarterRound quarter_round) noexcept {
  for (int i = 0; i < 10; ++i) {
    quarter_round(x[0], x[4], x[8], x[12]);
    quarter_round(x[1], x[5], x[9], x[13]);
    quarter_round(x[2], x[6], x[10], x[14]);
    quarter_round(x[3], x[7], x[11], x[15]);
    quarter_round(x[0], x[5], x[10], x[15]);
    quarter_round(x[1], x[6], x[11], x[12]);
    quarter_round(x[2], x[7], x[8], x[13]);
    quarter_round(x[3], x[4], x[9], x[14]);
  }
}

// RFC 8439 §2.3: "expand 32-byte k".
inline constexpr std::uint32_t kChaChaSigma[4] = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};

// The block function: 20 rounds plus the input state, as 16 words.
void chacha20_block_words(const std::uint32_t in[16], std::uint32_t out[16]) noexcept;

// Keystream XOR, see ChaCha20::XorFn. Each handles any length, including a
// partial last block.
void chacha20_xor_portable(const std::uint32_t state[16], const std::uint8_t* in, std::uint8_t* out,
                           std::size_t len) noexcept;
#if BARETLS_X86_64
void chacha20_xor_avx2(const std::uint32_t state[16], const std::uint8_t* in, std::uint8_t* out,
                       std::size_t len) noexcept;
void chacha20_xor_avx512(const std::uint32_t state[16], const std::uint8_t* in, std::uint8_t* out,
                         std::size_t len) noexcept;
#endif
#if BARETLS_ARM64
void chacha20_xor_neon(const std::uint32_t state[16], const std::uint8_t* in, std::uint8_t* out,
                       std::size_t len) noexcept;
#endif

}  // namespace baretls::crypto::detail
