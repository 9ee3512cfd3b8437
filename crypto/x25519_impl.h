// SPDX-License-Identifier: MIT
// Internal: the fixed-base X25519 used by x25519_base() (x25519_base.cpp).
#pragma once

#include <cstdint>

namespace baretls::crypto::detail {

// out = the u-coordinate of k * B for an already clamped scalar k (RFC 7748
// §5), computed on edwards25519 and mapped by u = (1 + y) / (1 - y) (§4.1).
// Equal to the ladder on u = 9. CT: time independent of k.
void x25519_base_comb(std::uint8_t out[32], const std::uint8_t k[32]) noexcept;

}  // namespace baretls::crypto::detail
