// SPDX-License-Identifier: MIT
// NIST prime curves P-256 and P-384 (FIPS 186-4 App. D.1.2.3-4): public-key
// validation, key generation and ECDH (SEC 1 v2 §3.3.1, NIST SP 800-56A
// §5.7.1.2 "ECC CDH"). Points are uncompressed SEC 1 (04 || X || Y); scalars
// and coordinates are big-endian, ec_scalar_size() bytes. No heap.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "baretls/crypto/error.h"
#include "baretls/crypto/random.h"

namespace baretls::crypto {

enum class Curve : std::uint8_t { p256, p384 };

[[nodiscard]] constexpr std::size_t ec_scalar_size(Curve c) noexcept { return c == Curve::p256 ? 32 : 48; }
[[nodiscard]] constexpr std::size_t ec_point_size(Curve c) noexcept { return 1 + 2 * ec_scalar_size(c); }
inline constexpr std::size_t kMaxEcScalarSize = 48;
inline constexpr std::size_t kMaxEcPointSize = 97;

// The arithmetic path the curve's operations use now ("portable", "bmi2-adx",
// "bmi2-adx-avx2").
[[nodiscard]] std::string_view ec_implementation(Curve) noexcept;

// Public point validation (SEC 1 v2 §3.2.2.1): exact length, 0x04 prefix,
// coordinates < p, on the curve, not the identity. Returns ok, bad_length,
// point_at_infinity (the one-byte encoding 00) or invalid_point.
// CT: none (public input).
[[nodiscard]] Error ec_validate_public(Curve, std::span<const std::uint8_t> point) noexcept;

// point_out (>= ec_point_size bytes) = d*G. d must be ec_scalar_size bytes and
// in [1, n-1] (invalid_scalar otherwise). CT: time independent of d's value.
[[nodiscard]] Error ec_public_from_private(Curve, std::span<const std::uint8_t> d,
                                          std::span<std::uint8_t> point_out) noexcept;

// A fresh key pair: d uniform in [1, n-1] by rejection sampling from rng.
// CT: time independent of d (a rejected draw reveals only that it was >= n).
[[nodiscard]] Error ec_generate(Curve, const RandomSource& rng, std::span<std::uint8_t> d_out,
                                std::span<std::uint8_t> point_out) noexcept;

// ECDH: the x-coordinate of d*Q (ec_scalar_size bytes into shared_x_out).
// Validates Q like ec_validate_public; d in [1, n-1].
// CT: time independent of d (Q is public).
[[nodiscard]] Error ecdh(Curve, std::span<const std::uint8_t> d, std::span<const std::uint8_t> peer_point,
                         std::span<std::uint8_t> shared_x_out) noexcept;

}  // namespace baretls::crypto
