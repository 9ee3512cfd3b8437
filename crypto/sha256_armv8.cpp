// SPDX-License-Identifier: MIT
// SHA-256 block function with the ARMv8 SHA-256 instructions (AArch64):
// SHA256H and SHA256H2 run four rounds of FIPS 180-4 §6.2.2 step 3 on the
// working variables held as ABCD and EFGH; SHA256SU0 and SHA256SU1 compute
// four message-schedule words (§6.2.2 step 1). Same result as the portable
// code. CT: the instructions take the same time for every input.
#include "crypto/arch.h"

#if BARETLS_ARM64_CRYPTO

#include <arm_neon.h>

#include "crypto/sha256_impl.h"

namespace baretls::crypto::detail {

BARETLS_ARM64_TARGET_CRYPTO
void sha256_blocks_armv8(std::uint32_t state[8], const std::uint8_t* blocks, std::size_t count) noexcept {
  uint32x4_t abcd = vld1q_u32(state);
  uint32x4_t efgh = vld1q_u32(state + 4);
  for (; count > 0; --count, blocks += 64) {
    const uint32x4_t abcd_saved = abcd;
    const uint32x4_t efgh_saved = efgh;
    // W[4g .. 4g+3] in w[g % 4]: a ring of the last 16 words, big-endian in the block.
    uint32x4_t w[4];
    for (int i = 0; i < 4; ++i) w[i] = vreinterpretq_u32_u8(vrev32q_u8(vld1q_u8(blocks + 16 * i)));
#pragma GCC unroll 16
    for (int g = 0; g < 16; ++g) {
      const uint32x4_t wk = vaddq_u32(w[g % 4], vld1q_u32(kSha256K + 4 * g));
      if (g < 12) {
        // W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16] for t = 4g + 16 .. 4g + 19.
        w[g % 4] = vsha256su1q_u32(vsha256su0q_u32(w[g % 4], w[(g + 1) % 4]), w[(g + 2) % 4], w[(g + 3) % 4]);
      }
      const uint32x4_t abcd_in = abcd;
      abcd = vsha256hq_u32(abcd, efgh, wk);
      efgh = vsha256h2q_u32(efgh, abcd_in, wk);
    }
    // §6.2.2 step 4.
    abcd = vaddq_u32(abcd, abcd_saved);
    efgh = vaddq_u32(efgh, efgh_saved);
  }
  vst1q_u32(state, abcd);
  vst1q_u32(state + 4, efgh);
}

}  // namespace baretls::crypto::detail

#endif  // BARETLS_ARM64_CRYPTO
