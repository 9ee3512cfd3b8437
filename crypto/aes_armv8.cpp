// SPDX-License-Identifier: MIT
// AES encryption (FIPS 197 §5.1) with the ARMv8 AES instructions, eight
// blocks in flight; see aes_armv8_impl.h for the round mapping. Chosen by
// aes.cpp when the CPU has them (CpuFeature::arm_aes).
#include "crypto/arch.h"

#if BARETLS_ARM64_CRYPTO

#include "baretls/crypto/secret.h"
#include "crypto/aes_armv8_impl.h"
#include "crypto/aes_impl.h"

namespace baretls::crypto::detail {

BARETLS_ARM64_TARGET_CRYPTO
void aes_encrypt_blocks_armv8(const std::uint8_t* round_keys, unsigned rounds, const std::uint8_t* in,
                              std::uint8_t* out, std::size_t n) noexcept {
  ArmAesKeys keys;
  armv8_load_keys(keys, round_keys, rounds);
  for (; n >= 8; n -= 8, in += 128, out += 128) {
    uint8x16_t b[8];
    for (std::size_t i = 0; i < 8; ++i) b[i] = vld1q_u8(in + 16 * i);
    armv8_encrypt(keys, b);
    for (std::size_t i = 0; i < 8; ++i) vst1q_u8(out + 16 * i, b[i]);
  }
  for (; n > 0; --n, in += 16, out += 16) vst1q_u8(out, armv8_encrypt1(keys, vld1q_u8(in)));
  secure_wipe(&keys, sizeof keys);
}

}  // namespace baretls::crypto::detail

#endif  // BARETLS_ARM64_CRYPTO
