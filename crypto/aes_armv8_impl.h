// SPDX-License-Identifier: MIT
// Internal: AES rounds with the ARMv8 AES instructions, shared by
// aes_armv8.cpp and gcm_pmull.cpp. AESE is AddRoundKey, SubBytes and
// ShiftRows; AESMC is MixColumns (FIPS 197 §5.1), so a round of FIPS 197
// becomes AESE with the previous round key, then AESMC, and the last
// AddRoundKey is a plain XOR. Round keys come from the portable key
// expansion (FIPS 197 §5.2), in byte order, as loaded by vld1q_u8.
// CT: the instructions take the same time for every key and block.
#pragma once

#include "crypto/arch.h"

#if BARETLS_ARM64_CRYPTO

#include <arm_neon.h>

#include <cstddef>
#include <cstdint>

#include "baretls/crypto/aes.h"

namespace baretls::crypto::detail {

#define BARETLS_ARMV8_AES_INLINE BARETLS_ARM64_TARGET_CRYPTO __attribute__((always_inline)) inline

struct ArmAesKeys {
  uint8x16_t k[Aes::kMaxRounds + 1];
  unsigned rounds;  // not secret
};

BARETLS_ARMV8_AES_INLINE void armv8_load_keys(ArmAesKeys& keys, const std::uint8_t* round_keys, unsigned rounds) {
  keys.rounds = rounds;
  for (unsigned r = 0; r <= rounds; ++r) keys.k[r] = vld1q_u8(round_keys + 16 * r);
}

// N blocks in flight: each round goes over all blocks, so independent
// AESE/AESMC pairs hide the instructions' latency.
template <std::size_t N>
BARETLS_ARMV8_AES_INLINE void armv8_encrypt(const ArmAesKeys& keys, uint8x16_t (&b)[N]) {
  const unsigned rounds = keys.rounds;
  for (unsigned r = 0; r + 1 < rounds; ++r)
    for (auto& x : b) x = vaesmcq_u8(vaeseq_u8(x, keys.k[r]));
  for (auto& x : b) x = veorq_u8(vaeseq_u8(x, keys.k[rounds - 1]), keys.k[rounds]);
}

BARETLS_ARMV8_AES_INLINE uint8x16_t armv8_encrypt1(const ArmAesKeys& keys, uint8x16_t x) {
  uint8x16_t b[1] = {x};
  armv8_encrypt(keys, b);
  return b[0];
}

}  // namespace baretls::crypto::detail

#endif  // BARETLS_ARM64_CRYPTO
