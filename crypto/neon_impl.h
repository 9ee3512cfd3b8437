// SPDX-License-Identifier: MIT
// Internal: NEON helpers shared by the AArch64 SIMD paths
// (chacha20_neon.cpp, poly1305_neon.cpp).
#pragma once

#include "crypto/arch.h"

#if BARETLS_ARM64

#include <arm_neon.h>

namespace baretls::crypto::detail {

#define BARETLS_NEON_INLINE __attribute__((always_inline)) inline

// 4 x 4 transpose of 32-bit words: lane j of the result k is lane k of the
// input j (rows become columns). CT: data moves only.
BARETLS_NEON_INLINE void neon_transpose4(uint32x4_t& a, uint32x4_t& b, uint32x4_t& c, uint32x4_t& d) {
  const uint64x2_t ab0 = vreinterpretq_u64_u32(vtrn1q_u32(a, b)), ab1 = vreinterpretq_u64_u32(vtrn2q_u32(a, b));
  const uint64x2_t cd0 = vreinterpretq_u64_u32(vtrn1q_u32(c, d)), cd1 = vreinterpretq_u64_u32(vtrn2q_u32(c, d));
  a = vreinterpretq_u32_u64(vtrn1q_u64(ab0, cd0));
  b = vreinterpretq_u32_u64(vtrn1q_u64(ab1, cd1));
  c = vreinterpretq_u32_u64(vtrn2q_u64(ab0, cd0));
  d = vreinterpretq_u32_u64(vtrn2q_u64(ab1, cd1));
}

}  // namespace baretls::crypto::detail

#endif  // BARETLS_ARM64
