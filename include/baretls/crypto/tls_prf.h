// SPDX-License-Identifier: MIT
// The TLS 1.2 pseudo-random function (RFC 5246 §5):
//   PRF(secret, label, seed) = P_<hash>(secret, label + seed)
// with the hash of the cipher suite (SHA-256, or SHA-384 for _SHA384 suites).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "baretls/crypto/hash.h"

namespace baretls::crypto {

// Fills `out` with PRF(secret, label, seed_a + seed_b). seed_b may be empty;
// two seed parts save callers from concatenating client_random and
// server_random. CT: time depends only on the lengths.
void tls12_prf(HashId hash, std::span<const std::uint8_t> secret, std::string_view label,
               std::span<const std::uint8_t> seed_a, std::span<const std::uint8_t> seed_b,
               std::span<std::uint8_t> out) noexcept;

inline void tls12_prf(HashId hash, std::span<const std::uint8_t> secret, std::string_view label,
                      std::span<const std::uint8_t> seed, std::span<std::uint8_t> out) noexcept {
  tls12_prf(hash, secret, label, seed, {}, out);
}

}  // namespace baretls::crypto
