// SPDX-License-Identifier: MIT
// Certificate path validation for TLS (RFC 5280 §6.1, the parts TLS needs):
// builds paths from the leaf through untrusted intermediates to a trust
// anchor, trying every alternative issuer (cross-signing), refusing loops,
// bounding depth; checks every signature, validity at options.now, CA flag,
// pathLenConstraint, keyCertSign, extended key usage, name constraints and
// the host name (RFC 6125).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "baretls/x509/certificate.h"
#include "baretls/x509/error.h"
#include "baretls/x509/key.h"
#include "baretls/x509/trust_store.h"

namespace baretls::x509 {

enum class Purpose : std::uint8_t { server, client, any };

struct VerifyOptions {
  std::int64_t now = 0;        // Unix time the chain must be valid at
  std::string_view hostname;   // DNS name or IP literal; empty: no host check
  Purpose purpose = Purpose::server;
  std::size_t max_depth = 10;  // certificates in the path, anchor excluded
};

// chain[0] is the leaf; the rest are untrusted intermediates in any order.
// On success returns the leaf's public key.
[[nodiscard]] Result<PublicKey> verify_chain(std::span<const std::span<const std::uint8_t>> chain,
                                             const TrustStore& roots, const VerifyOptions& options);

// The same on parsed certificates; on success returns the validated path,
// leaf first, the trust anchor last.
[[nodiscard]] Result<std::vector<Certificate>> verify_path(const Certificate& leaf,
                                                           std::span<const Certificate> untrusted,
                                                           const TrustStore& roots, const VerifyOptions& options);

// One link: `cert` is signed by `issuer_key` with cert's algorithm. Refused
// algorithms (SHA-1, MD5, unknown) give Error::unsupported_algorithm.
[[nodiscard]] Error check_signed_by(const Certificate& cert, const Certificate& issuer);

// RFC 5280 §4.2.1.10 / §6.1.3 (b)-(c): `cert`'s names against the
// constraints of an issuer above it.
[[nodiscard]] Error check_name_constraints(const Certificate& cert, const NameConstraints& constraints,
                                           bool is_leaf);

}  // namespace baretls::x509
