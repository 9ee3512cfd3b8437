// SPDX-License-Identifier: MIT
// Internal: the per-path pieces of AES-GCM (SP 800-38D). GHASH values are held
// as two 64-bit words {hi, lo} of the block read big-endian, so bit 127 of the
// 128-bit integer is the coefficient of x^0 (SP 800-38D §6.3 bit order). The
// tables hold H' = H * x^-1 and its powers: the carry-less product of a and
// H' read in that layout needs no extra shift (see ghash_portable.cpp).
#pragma once

#include <cstddef>
#include <cstdint>

#include "baretls/crypto/aes.h"
#include "crypto/arch.h"

namespace baretls::crypto::detail {

// One GCM-AE / GCM-AD run after J0 is known (SP 800-38D §7.1 steps 3-6):
// GHASH of the AAD, GCTR from inc32(J0) fused with the GHASH of the
// ciphertext, the length block, and tag = E(K, J0) xor S. in == out allowed.
struct GcmRequest {
  const Aes& aes;
  const std::uint64_t* table;
  const std::uint8_t* j0;  // 16 bytes
  const std::uint8_t* aad;
  std::size_t aad_len;
  const std::uint8_t* in;
  std::uint8_t* out;
  std::size_t len;
  std::uint8_t* tag;  // 16 bytes out
};

using GhashFn = void (*)(const std::uint64_t* table, std::uint64_t acc[2], const std::uint8_t* data,
                         std::size_t n) noexcept;
struct GcmOps {
  const char* name;
  // Fills the path's table from H = E(K, 0^128) given as {hi, lo}.
  void (*prepare)(std::uint64_t* table, std::uint64_t h_hi, std::uint64_t h_lo) noexcept;
  // acc = GHASH update over n whole 16-byte blocks (also used for J0, §7.1 step 2).
  GhashFn ghash;
  void (*seal)(const GcmRequest& r) noexcept;
  void (*open)(const GcmRequest& r) noexcept;
};

extern const GcmOps kGcmPortable;
#if BARETLS_X86_64
extern const GcmOps kGcmClmul;
extern const GcmOps kGcmVaes;
extern const GcmOps kGcmVaesAvx2;
#endif
#if BARETLS_ARM64_CRYPTO
extern const GcmOps kGcmPmull;
#endif

// H' = H * x^-1 in GF(2^128): the block shifted left one bit, folding the bit
// that leaves with x^-1 = x^127 + x^6 + x + 1 (reflected: 0xC2..01).
// CT: mask, no branch.
inline void ghash_prime(std::uint64_t& hi, std::uint64_t& lo) noexcept {
  const std::uint64_t carry = 0 - (hi >> 63);
  hi = (hi << 1) | (lo >> 63);
  lo = lo << 1;
  hi ^= carry & 0xC200000000000000;
  lo ^= carry & 1;
}

// Portable GHASH pieces, also used by the accelerated paths' tails.
void ghash_prepare_portable(std::uint64_t* table, std::uint64_t h_hi, std::uint64_t h_lo) noexcept;
void ghash_blocks_portable(const std::uint64_t* table, std::uint64_t acc[2], const std::uint8_t* data,
                           std::size_t n) noexcept;

}  // namespace baretls::crypto::detail
