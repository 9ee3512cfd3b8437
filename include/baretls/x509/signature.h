// SPDX-License-Identifier: MIT
// Signature AlgorithmIdentifiers of certificates: sha256/384/512WithRSA-
// Encryption (RFC 4055 §5), RSASSA-PSS with its parameters (RFC 4055 §3.1),
// ecdsa-with-SHA256/384/512 (RFC 5758 §3.2). SHA-1 and MD5 are recognised
// only to be refused.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "baretls/crypto/hash.h"
#include "baretls/x509/error.h"

namespace baretls::x509 {

enum class SignatureKind : std::uint8_t { rsa_pkcs1, rsa_pss, ecdsa };

struct SignatureAlgorithm {
  bool supported = false;     // false: unknown, SHA-1 or MD5 (refused when used)
  SignatureKind kind = SignatureKind::rsa_pkcs1;
  crypto::HashId hash = crypto::HashId::sha256;
  std::size_t pss_salt_length = 0;  // RSASSA-PSS only
  std::string_view name = "unknown";
};

}  // namespace baretls::x509
