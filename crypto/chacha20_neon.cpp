// SPDX-License-Identifier: MIT
// ChaCha20 keystream with AArch64 NEON (RFC 8439 §2.3-2.4): four blocks at
// a time, one state word of all four blocks per 128-bit register (lane j =
// block counter + j), so the quarter rounds of §2.1 run as plain lane-wise
// adds, XORs and rotates; a 4 x 4 transpose then puts each block's words in
// order. A partial last group goes through a stack buffer. Same result as
// the portable code. CT: no branch or index on the key or data.
#include "crypto/arch.h"

#if BARETLS_ARM64

#include <arm_neon.h>

#include <cstring>

#include "baretls/crypto/secret.h"
#include "crypto/chacha20_impl.h"
#include "crypto/neon_impl.h"

namespace baretls::crypto::detail {
namespace {

template <int N>
BARETLS_NEON_INLINE uint32x4_t rotl(uint32x4_t x) {
  return vsriq_n_u32(vshlq_n_u32(x, N), x, 32 - N);
}
// Rotations by 16 and 8 move whole bytes: a lane-wise byte shuffle.
template <>
BARETLS_NEON_INLINE uint32x4_t rotl<16>(uint32x4_t x) {
  return vreinterpretq_u32_u16(vrev32q_u16(vreinterpretq_u16_u32(x)));
}
template <>
BARETLS_NEON_INLINE uint32x4_t rotl<8>(uint32x4_t x) {
  static constexpr std::uint8_t kRot8[16] = {3, 0, 1, 2, 7, 4, 5, 6, 11, 8, 9, 10, 15, 12, 13, 14};
  return vreinterpretq_u32_u8(vqtbl1q_u8(vreinterpretq_u8_u32(x), vld1q_u8(kRot8)));
}

// RFC 8439 §2.1 on four blocks at once.
BARETLS_NEON_INLINE void quarter_round(uint32x4_t& a, uint32x4_t& b, uint32x4_t& c, uint32x4_t& d) {
  a = vaddq_u32(a, b); d = rotl<16>(veorq_u32(d, a));
  c = vaddq_u32(c, d); b = rotl<12>(veorq_u32(b, c));
  a = vaddq_u32(a, b); d = rotl<8>(veorq_u32(d, a));
  c = vaddq_u32(c, d); b = rotl<7>(veorq_u32(b, c));
}

// Four keystream blocks for counters state[12] + 0..3 (mod 2^32): ks[k]
// holds keystream bytes 16k .. 16k+15.
BARETLS_NEON_INLINE void keystream4(const std::uint32_t state[16], uint8x16_t ks[16]) {
  static constexpr std::uint32_t kLane[4] = {0, 1, 2, 3};
  uint32x4_t in[16];
  for (int i = 0; i < 16; ++i) in[i] = vdupq_n_u32(state[i]);
  in[12] = vaddq_u32(in[12], vld1q_u32(kLane));
  uint32x4_t x[16];
  for (int i = 0; i < 16; ++i) x[i] = in[i];
  chacha20_rounds(x, [](uint32x4_t& a, uint32x4_t& b, uint32x4_t& c, uint32x4_t& d) { quarter_round(a, b, c, d); });
  for (int i = 0; i < 16; ++i) x[i] = vaddq_u32(x[i], in[i]);
  // Transpose each group of four words: lane j of x[4g .. 4g+3] is bytes
  // 16g .. 16g+15 of block j (little-endian words).
  for (int g = 0; g < 4; ++g) {
    neon_transpose4(x[4 * g], x[4 * g + 1], x[4 * g + 2], x[4 * g + 3]);
    for (int j = 0; j < 4; ++j) ks[4 * j + g] = vreinterpretq_u8_u32(x[4 * g + j]);
  }
}

}  // namespace

void chacha20_xor_neon(const std::uint32_t state[16], const std::uint8_t* in, std::uint8_t* out,
                       std::size_t len) noexcept {
  std::uint32_t s[16];
  std::memcpy(s, state, sizeof s);
  uint8x16_t ks[16];
  for (; len >= 256; len -= 256, in += 256, out += 256) {
    keystream4(s, ks);
    s[12] += 4;  // RFC 8439 §2.4: the block counter, modulo 2^32
    for (int k = 0; k < 16; ++k) vst1q_u8(out + 16 * k, veorq_u8(vld1q_u8(in + 16 * k), ks[k]));
  }
  if (len > 0) {
    std::uint8_t buf[256];
    keystream4(s, ks);
    for (int k = 0; k < 16; ++k) vst1q_u8(buf + 16 * k, ks[k]);
    for (std::size_t i = 0; i < len; ++i) out[i] = static_cast<std::uint8_t>(in[i] ^ buf[i]);
    secure_wipe(buf, sizeof buf);
  }
  secure_wipe(ks, sizeof ks);
  secure_wipe(s, sizeof s);
}

}  // namespace baretls::crypto::detail

#endif  // BARETLS_ARM64
