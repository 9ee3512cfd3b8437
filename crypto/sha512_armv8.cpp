// SPDX-License-Identifier: MIT
// SHA-512 block function with the ARMv8.2 SHA-512 instructions (AArch64,
// FEAT_SHA512). The working variables are held in pairs, lane 0 first:
// ab = {a, b}, cd, ef, gh. Two rounds of FIPS 180-4 §6.4.2 step 3 take
// SHA512H (T1 of both rounds, given h + K + W and the e, f, g, d words) and
// SHA512H2 (the two new a words); SHA512SU0 and SHA512SU1 compute two
// message-schedule words (§6.4.2 step 1). Same result as the portable code.
// CT: the instructions take the same time for every input.
#include "crypto/arch.h"

#if BARETLS_ARM64_SHA512

#include <arm_neon.h>

#include "crypto/sha512_impl.h"

namespace baretls::crypto::detail {
namespace {

struct Sha512Pairs {
  uint64x2_t ab, cd, ef, gh;
};

// Rounds t and t+1, kw = {K[t] + W[t], K[t+1] + W[t+1]}. After them
// e' = c + T1(t+1), f' = d + T1(t), g', h' = e, f, c', d' = a, b, and
// SHA512H2 gives {a', b'} = {a(t+2), a(t+1)}.
BARETLS_ARM64_TARGET_SHA512 __attribute__((always_inline)) inline void double_round(Sha512Pairs& s, uint64x2_t kw) {
  const uint64x2_t fg = vextq_u64(s.ef, s.gh, 1);
  const uint64x2_t de = vextq_u64(s.cd, s.ef, 1);
  // {g + kw[1], h + kw[0]}: the h term of each round (round t+1's h is g).
  uint64x2_t t1 = vaddq_u64(s.gh, vextq_u64(kw, kw, 1));
  t1 = vsha512hq_u64(t1, fg, de);  // {T1(t+1), T1(t)}, without the d terms
  const uint64x2_t ef = vaddq_u64(s.cd, t1);
  const uint64x2_t ab = vsha512h2q_u64(t1, s.cd, s.ab);
  s.gh = s.ef;
  s.ef = ef;
  s.cd = s.ab;
  s.ab = ab;
}

}  // namespace

BARETLS_ARM64_TARGET_SHA512
void sha512_blocks_armv8(std::uint64_t state[8], const std::uint8_t* blocks, std::size_t count) noexcept {
  Sha512Pairs s{vld1q_u64(state), vld1q_u64(state + 2), vld1q_u64(state + 4), vld1q_u64(state + 6)};
  for (; count > 0; --count, blocks += 128) {
    const Sha512Pairs saved = s;
    // W[2p], W[2p+1] in w[p % 8]: a ring of the last 16 words, big-endian in the block.
    uint64x2_t w[8];
    for (int i = 0; i < 8; ++i) w[i] = vreinterpretq_u64_u8(vrev64q_u8(vld1q_u8(blocks + 16 * i)));
#pragma GCC unroll 5
    for (int r = 0; r < 5; ++r) {
#pragma GCC unroll 8
      for (int p = 0; p < 8; ++p) {
        double_round(s, vaddq_u64(w[p], vld1q_u64(kSha512K + 16 * r + 2 * p)));
        if (r < 4) {
          // W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16] for the pair
          // 16 words on: W[t-7], W[t-6] straddle two ring entries.
          const uint64x2_t w9 = vextq_u64(w[(p + 4) % 8], w[(p + 5) % 8], 1);
          w[p] = vsha512su1q_u64(vsha512su0q_u64(w[p], w[(p + 1) % 8]), w[(p + 7) % 8], w9);
        }
      }
    }
    // §6.4.2 step 4.
    s.ab = vaddq_u64(s.ab, saved.ab);
    s.cd = vaddq_u64(s.cd, saved.cd);
    s.ef = vaddq_u64(s.ef, saved.ef);
    s.gh = vaddq_u64(s.gh, saved.gh);
  }
  vst1q_u64(state, s.ab);
  vst1q_u64(state + 2, s.cd);
  vst1q_u64(state + 4, s.ef);
  vst1q_u64(state + 6, s.gh);
}

}  // namespace baretls::crypto::detail

#endif  // BARETLS_ARM64_SHA512
