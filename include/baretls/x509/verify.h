// SPDX-License-Identifier: MIT
// Certificate path validation for TLS (RFC 5280 §6.1, the parts TLS needs):
// builds paths from the leaf through untrusted intermediates to a trust
// anchor, trying every alternative issuer (cross-signing), refusing loops,
// bounding depth and total work; checks every signature, validity at
// options.now, CA flag, pathLenConstraint, keyCertSign, extended key usage,
// name constraints, RSA key sizes and the host name (RFC 6125).
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

// Smallest RSA modulus accepted by default (NIST SP 800-131A Rev. 2 §2:
// 1024-bit RSA signatures and key transport are disallowed).
inline constexpr std::size_t kDefaultMinRsaBits = 2048;
// The smallest a caller may lower it to (crypto/ refuses less).
inline constexpr std::size_t kLegacyMinRsaBits = 1024;

// Bounds on the work of one verify_path/verify_chain call. RFC 5280 sets
// none, and without them a crafted pile of certificates (same names, big
// keys, failing signatures) costs seconds of CPU. Reaching any bound ends
// the search with Error::work_limit_exceeded. The defaults leave room for
// several complete alternative paths of 4096-bit RSA or P-384 keys, and
// keep the worst case within a few milliseconds.
struct VerifyBudget {
  std::uint32_t signature_checks = 32;
  // Weighted by cost: one unit is an RSA-2048 check with e = 65537; an
  // RSA-4096 check costs 4, P-256 5, P-384 14, RSA-8192 with e near 2^32 54.
  std::uint32_t signature_work = 96;
  // Name constraints: each comparison of a certificate's name with a
  // subtree costs 1, plus 1 per 64 octets of the shorter of the two.
  std::uint32_t name_work = 1u << 15;
};

// What one call spent (counted up to the budget).
struct VerifyStats {
  std::uint32_t signature_checks = 0;
  std::uint32_t signature_work = 0;
  std::uint32_t name_comparisons = 0;
  std::uint32_t name_work = 0;
};

struct VerifyOptions {
  std::int64_t now = 0;        // Unix time the chain must be valid at
  std::string_view hostname;   // DNS name or IP literal; empty: no host check
  Purpose purpose = Purpose::server;
  std::size_t max_depth = 10;  // certificates in the path, anchor excluded
  // Every RSA key of the path (leaf, intermediates, trust anchor) must have
  // at least this many bits, else Error::weak_key. kLegacyMinRsaBits for
  // legacy peers; values below it act as it.
  std::size_t min_rsa_bits = kDefaultMinRsaBits;
  VerifyBudget budget;
  VerifyStats* stats = nullptr;  // when set, receives the work spent
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
// constraints of an issuer above it (within the default name-comparison
// budget: work_limit_exceeded past it).
[[nodiscard]] Error check_name_constraints(const Certificate& cert, const NameConstraints& constraints,
                                           bool is_leaf);

}  // namespace baretls::x509
