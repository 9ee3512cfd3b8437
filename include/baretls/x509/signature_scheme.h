// SPDX-License-Identifier: MIT
// The signature schemes a key signs and verifies with, as their TLS code
// points: RFC 5246 §7.4.1.4.1 (hash, signature) pairs read as one 16-bit
// SignatureScheme, as RFC 8446 §4.2.3 does. Declared here once, below tls/;
// tls::SignatureScheme (include/baretls/tls/types.h) is this type.
#pragma once

#include <cstdint>

namespace baretls::x509 {

enum class SignatureScheme : std::uint16_t {
  rsa_pkcs1_sha256 = 0x0401,
  rsa_pkcs1_sha384 = 0x0501,
  rsa_pkcs1_sha512 = 0x0601,
  ecdsa_secp256r1_sha256 = 0x0403,
  ecdsa_secp384r1_sha384 = 0x0503,
  rsa_pss_rsae_sha256 = 0x0804,
  rsa_pss_rsae_sha384 = 0x0805,
  rsa_pss_rsae_sha512 = 0x0806,
};

}  // namespace baretls::x509
