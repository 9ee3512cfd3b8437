// SPDX-License-Identifier: MIT
// Internal: the Poly1305 block function (RFC 8439 §2.5.1), radix 2^64.
// h = h0 + h1*2^64 + h2*2^128 with h2 small; r = r0 + r1*2^64 clamped, so
// r1 is a multiple of 4 and 2^128*r1 = 2^130*(r1/4) = 5*(r1/4) mod p.
#pragma once

#include <cstddef>
#include <cstdint>

#include "baretls/crypto/poly1305.h"
#include "crypto/arch.h"

namespace baretls::crypto::detail {

// Absorbs `count` 16-byte blocks, each with 2^128 * hibit added (hibit = 1
// for whole message blocks). CT: time depends only on count.
void poly1305_blocks(std::uint64_t h[3], const std::uint64_t r[2], const std::uint8_t* m, std::size_t count,
                     std::uint64_t hibit) noexcept;

#if BARETLS_X86_64
// The IFMA path (poly1305_ifma.cpp): powers of r from the clamped r, then
// `count` whole blocks (a multiple of 8) into h (radix 2^64, h[2] <= 4 on
// entry and exit). CT: time depends only on count.
void poly1305_powers_ifma(const std::uint64_t r[2], Poly1305Powers& p) noexcept;
void poly1305_blocks_ifma(std::uint64_t h[3], const Poly1305Powers& p, const std::uint8_t* m,
                          std::size_t count) noexcept;
// The AVX2 path (poly1305_avx2.cpp): the same contract with count a
// multiple of 4.
void poly1305_powers_avx2(const std::uint64_t r[2], Poly1305Powers& p) noexcept;
void poly1305_blocks_avx2(std::uint64_t h[3], const Poly1305Powers& p, const std::uint8_t* m,
                          std::size_t count) noexcept;
#endif
#if BARETLS_ARM64
// The NEON path (poly1305_neon.cpp): the AVX2 contract, count a multiple of 4.
void poly1305_powers_neon(const std::uint64_t r[2], Poly1305Powers& p) noexcept;
void poly1305_blocks_neon(std::uint64_t h[3], const Poly1305Powers& p, const std::uint8_t* m,
                          std::size_t count) noexcept;
#endif

}  // namespace baretls::crypto::detail
