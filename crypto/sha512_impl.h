// SPDX-License-Identifier: MIT
// Internal: the SHA-512 block functions (FIPS 180-4 §6.4.2), one per path.
#pragma once

#include <cstddef>
#include <cstdint>

#include "crypto/arch.h"

namespace baretls::crypto::detail {

// FIPS 180-4 §4.2.3: first 64 bits of the fractional parts of the cube
// roots of the first 80 primes.
extern const std::uint64_t kSha512K[80];

void sha512_blocks_portable(std::uint64_t state[8], const std::uint8_t* blocks, std::size_t count) noexcept;
#if BARETLS_X86_64
// The same code compiled for BMI1/BMI2 (ANDN, and RORX: rotates without flag dependencies).
void sha512_blocks_bmi2(std::uint64_t state[8], const std::uint8_t* blocks, std::size_t count) noexcept;
// The next block's message schedule in AVX-512VL registers, interleaved with
// the current block's rounds (RORX, ANDN).
void sha512_blocks_avx512(std::uint64_t state[8], const std::uint8_t* blocks, std::size_t count) noexcept;
#endif
#if BARETLS_ARM64_SHA512
// The ARMv8.2 SHA-512 instructions (sha512_armv8.cpp).
void sha512_blocks_armv8(std::uint64_t state[8], const std::uint8_t* blocks, std::size_t count) noexcept;
#endif

}  // namespace baretls::crypto::detail
