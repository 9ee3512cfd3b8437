// SPDX-License-Identifier: MIT
// Ephemeral ECDH for the ECDHE suites (RFC 8422 §5.10, RFC 7748 §6.1):
// generate a key pair in a named group and derive the pre-master secret
// (the x-coordinate, or the X25519 output) from the peer's public value.
#pragma once

#include <array>
#include <cstdint>
#include <span>

#include "baretls/crypto/random.h"
#include "baretls/crypto/secret.h"
#include "baretls/tls/errors.h"
#include "baretls/tls/types.h"

namespace baretls::tls {

inline constexpr std::size_t kMaxEcdhSecret = 48;  // P-384 x-coordinate
inline constexpr std::size_t kMaxPublicValue = 97;  // P-384 uncompressed point

struct EphemeralKey {
  NamedGroup group = NamedGroup::x25519;
  crypto::Secret<kMaxEcdhSecret> private_key;
  std::array<std::uint8_t, kMaxPublicValue> public_value{};
  std::size_t public_size = 0;
  [[nodiscard]] std::span<const std::uint8_t> public_bytes() const noexcept {
    return std::span(public_value).first(public_size);
  }
};

// Whether this build has the group's arithmetic (P-256/P-384 come from crypto/ec.h).
[[nodiscard]] bool group_available(NamedGroup g) noexcept;

// random_failure or bad_config (group not built).
[[nodiscard]] Result<EphemeralKey> generate_ephemeral(NamedGroup group, const crypto::RandomSource& rng) noexcept;

// The shared secret into `out`; returns its size (32, 32 or 48). A peer value
// of the wrong size, off the curve, or giving an all-zero X25519 result is
// bad_key_share (RFC 8422 §5.11, RFC 7748 §6.1).
// CT: time depends only on the group and on whether the peer value is valid.
[[nodiscard]] Result<std::size_t> compute_shared_secret(const EphemeralKey& key,
                                                        std::span<const std::uint8_t> peer_public,
                                                        std::span<std::uint8_t, kMaxEcdhSecret> out) noexcept;

}  // namespace baretls::tls
