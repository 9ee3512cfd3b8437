// SPDX-License-Identifier: MIT
// The public TLS 1.2 vocabulary an embedder configures with: cipher suites,
// named groups and signature schemes, as their IANA code points (RFC 5246
// App. A.5, RFC 8422 §5.1.1, RFC 7748 / RFC 8446 §4.2.7, RFC 8446 §4.2.3).
#pragma once

#include <cstdint>

namespace baretls::tls {

// The profile of README.md, in the default server preference order.
enum class CipherSuite : std::uint16_t {
  ecdhe_ecdsa_with_aes_128_gcm_sha256 = 0xC02B,        // RFC 5289 §3.2
  ecdhe_rsa_with_aes_128_gcm_sha256 = 0xC02F,          // RFC 5289 §3.2
  ecdhe_ecdsa_with_aes_256_gcm_sha384 = 0xC02C,        // RFC 5289 §3.2
  ecdhe_rsa_with_aes_256_gcm_sha384 = 0xC030,          // RFC 5289 §3.2
  ecdhe_ecdsa_with_chacha20_poly1305_sha256 = 0xCCA9,  // RFC 7905 §2
  ecdhe_rsa_with_chacha20_poly1305_sha256 = 0xCCA8,    // RFC 7905 §2
  rsa_with_aes_128_gcm_sha256 = 0x009C,                // RFC 5288 §3
  rsa_with_aes_256_gcm_sha384 = 0x009D,                // RFC 5288 §3
};

// RFC 8422 §5.1.1 NamedCurve (TLS 1.3 calls them NamedGroup).
enum class NamedGroup : std::uint16_t { secp256r1 = 23, secp384r1 = 24, x25519 = 29 };

// RFC 5246 §7.4.1.4.1 (hash, signature) pairs, read as one 16-bit
// SignatureScheme as RFC 8446 §4.2.3 does; same values as x509::SignatureScheme.
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

}  // namespace baretls::tls
