// SPDX-License-Identifier: MIT
// X25519 Diffie-Hellman (RFC 7748 §5, §6.1): a constant-time Montgomery
// ladder over GF(2^255 - 19). Keys and u-coordinates are 32-byte
// little-endian strings as on the wire (RFC 8422 §5.11 for TLS).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "baretls/crypto/error.h"
#include "baretls/crypto/random.h"

namespace baretls::crypto {

inline constexpr std::size_t kX25519KeySize = 32;

// RFC 7748 §5: out = X25519(scalar, u). Clamps the scalar and masks the top
// bit of u. Returns Error::zero_shared_secret when the result is all zeros
// (RFC 7748 §6.1: a low-order peer point); `out` then holds those zeros.
// CT: time independent of scalar and u (only the final zero check is public).
[[nodiscard]] Error x25519(std::span<std::uint8_t, 32> out, std::span<const std::uint8_t, 32> scalar,
                           std::span<const std::uint8_t, 32> u) noexcept;

// The ladder x25519() runs on this CPU: "bmi2-adx" (radix 2^64, MULX/ADX)
// or "portable" (radix 2^51 C++).
[[nodiscard]] std::string_view x25519_implementation() noexcept;

// public_key = X25519(scalar, 9). CT: time independent of scalar.
void x25519_base(std::span<std::uint8_t, 32> public_key, std::span<const std::uint8_t, 32> scalar) noexcept;

// 32 random bytes from rng as the private key (clamped when used, RFC 7748
// §5), and its public key. On an RNG error both outputs are zeroed.
[[nodiscard]] Error x25519_generate(const RandomSource& rng, std::span<std::uint8_t, 32> private_key,
                                    std::span<std::uint8_t, 32> public_key) noexcept;

}  // namespace baretls::crypto
