// SPDX-License-Identifier: MIT
// Internal: the SHA-256 block functions (FIPS 180-4 §6.2.2), one per path.
// Each processes `count` consecutive 64-byte blocks into `state`.
#pragma once

#include <cstddef>
#include <cstdint>

#include "crypto/arch.h"

namespace baretls::crypto::detail {

// FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of the cube
// roots of the first 64 primes.
extern const std::uint32_t kSha256K[64];

void sha256_blocks_portable(std::uint32_t state[8], const std::uint8_t* blocks, std::size_t count) noexcept;
#if BARETLS_X86_64
void sha256_blocks_shani(std::uint32_t state[8], const std::uint8_t* blocks, std::size_t count) noexcept;
#endif
#if BARETLS_ARM64_CRYPTO
void sha256_blocks_armv8(std::uint32_t state[8], const std::uint8_t* blocks, std::size_t count) noexcept;
#endif

}  // namespace baretls::crypto::detail
