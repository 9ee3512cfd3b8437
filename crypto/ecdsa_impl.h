// SPDX-License-Identifier: MIT
// Internal: ECDSA entry points for tests that need a given nonce (CAVP
// SigGen, RFC 6979 k values). Not for production use: a repeated or biased k
// reveals the private key.
#pragma once

#include <cstdint>
#include <span>

#include "baretls/crypto/ec.h"
#include "baretls/crypto/error.h"
#include "baretls/crypto/hash.h"
#include "baretls/crypto/random.h"

namespace baretls::crypto::detail {

// RFC 6979 §3.2 nonce for (d, digest) with HMAC-`hash`; `extra` (may be
// empty) is the additional data k' of §3.6. k_out: ec_scalar_size bytes.
// The candidate loop continues past `skip` accepted candidates (§3.4: a k
// giving r = 0 or s = 0 is skipped). CT: independent of d (a rejected
// candidate, probability < 2^-32, is visible).
void rfc6979_nonce(Curve c, HashId hash, std::span<const std::uint8_t> d, std::span<const std::uint8_t> digest,
                   std::span<const std::uint8_t> extra, std::span<std::uint8_t> k_out) noexcept;

// Signs with the given k (in [1, n-1], else invalid_scalar). CT in d and k.
[[nodiscard]] Error ecdsa_sign_with_k(Curve c, std::span<const std::uint8_t> d, std::span<const std::uint8_t> digest,
                                      std::span<const std::uint8_t> k, std::span<std::uint8_t> sig_rs_out) noexcept;

}  // namespace baretls::crypto::detail
