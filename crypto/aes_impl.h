// SPDX-License-Identifier: MIT
// Internal: the AES building blocks shared by aes.cpp and the modes
// (GCM): the constant-time byte S-box used by the key schedule, the key
// expansion (FIPS 197 §5.2), and the block functions of each path.
#pragma once

#include <cstddef>
#include <cstdint>

#include "crypto/arch.h"

namespace baretls::crypto::detail {

// FIPS 197 §5.1.1 SubBytes on one byte, computed (inverse in GF(2^8) as
// x^254, then the affine map). CT: no table, no branch.
std::uint8_t aes_sbox_ct(std::uint8_t x) noexcept;

// FIPS 197 §5.2: expands a 16/24/32-byte key into (rounds + 1) * 16 bytes.
// Returns the number of rounds (10, 12, 14). CT: time depends on key_len.
unsigned aes_expand_key(const std::uint8_t* key, std::size_t key_len, std::uint8_t* round_keys) noexcept;

// Bitsliced round keys for the portable path: 8 words per round key, bit
// plane i of every byte, replicated for the four blocks of a word.
void aes_slice_round_keys(const std::uint8_t* round_keys, unsigned rounds, std::uint64_t* sliced) noexcept;

// Portable (bitsliced) encryption of exactly 8 blocks (128 bytes); in may
// equal out. CT: constant time.
void aes_encrypt8_portable(const std::uint64_t* sliced, unsigned rounds, const std::uint8_t* in,
                           std::uint8_t* out) noexcept;

// ECB over n blocks through aes_encrypt8_portable (last group padded).
void aes_encrypt_blocks_portable(const std::uint64_t* sliced, unsigned rounds, const std::uint8_t* in,
                                 std::uint8_t* out, std::size_t n) noexcept;

#if BARETLS_X86_64
void aes_encrypt_blocks_aesni(const std::uint8_t* round_keys, unsigned rounds, const std::uint8_t* in,
                              std::uint8_t* out, std::size_t n) noexcept;
#endif
#if BARETLS_ARM64_CRYPTO
// ECB over n blocks with AESE/AESMC (aes_armv8.cpp). CT: constant time.
void aes_encrypt_blocks_armv8(const std::uint8_t* round_keys, unsigned rounds, const std::uint8_t* in,
                              std::uint8_t* out, std::size_t n) noexcept;
#endif

}  // namespace baretls::crypto::detail
