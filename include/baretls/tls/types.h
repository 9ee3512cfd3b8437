// SPDX-License-Identifier: MIT
// The public TLS 1.2 vocabulary an embedder configures with: cipher suites,
// named groups and signature schemes, as their IANA code points (RFC 5246
// App. A.5, RFC 8422 §5.1.1, RFC 7748 / RFC 8446 §4.2.7, RFC 8446 §4.2.3).
#pragma once

#include <array>
#include <cstdint>

#include "baretls/x509/signature_scheme.h"

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
// SignatureScheme as RFC 8446 §4.2.3 does: declared once, in x509 (the keys
// sign and verify with it).
using SignatureScheme = x509::SignatureScheme;

// RFC 5246 §6.2.1 ProtocolVersion of TLS 1.2.
inline constexpr std::uint16_t kTls12 = 0x0303;

// RFC 5246 §7.4 HandshakeType (RFC 5077 §3.3 new_session_ticket).
enum class HandshakeType : std::uint8_t {
  hello_request = 0,
  client_hello = 1,
  server_hello = 2,
  new_session_ticket = 4,
  certificate = 11,
  server_key_exchange = 12,
  certificate_request = 13,
  server_hello_done = 14,
  certificate_verify = 15,
  client_key_exchange = 16,
  finished = 20,
};
// What a configuration offers by default (CommonConfig), in preference order:
// the README.md profile.
inline constexpr std::array<CipherSuite, 8> kDefaultCipherSuites{
    CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256,       CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256,
    CipherSuite::ecdhe_ecdsa_with_aes_256_gcm_sha384,       CipherSuite::ecdhe_rsa_with_aes_256_gcm_sha384,
    CipherSuite::ecdhe_ecdsa_with_chacha20_poly1305_sha256, CipherSuite::ecdhe_rsa_with_chacha20_poly1305_sha256,
    CipherSuite::rsa_with_aes_128_gcm_sha256,               CipherSuite::rsa_with_aes_256_gcm_sha384};
inline constexpr std::array<NamedGroup, 3> kDefaultGroups{NamedGroup::x25519, NamedGroup::secp256r1,
                                                          NamedGroup::secp384r1};
inline constexpr std::array<SignatureScheme, 8> kDefaultSchemes{
    SignatureScheme::ecdsa_secp256r1_sha256, SignatureScheme::ecdsa_secp384r1_sha384,
    SignatureScheme::rsa_pss_rsae_sha256,    SignatureScheme::rsa_pss_rsae_sha384,
    SignatureScheme::rsa_pss_rsae_sha512,    SignatureScheme::rsa_pkcs1_sha256,
    SignatureScheme::rsa_pkcs1_sha384,       SignatureScheme::rsa_pkcs1_sha512};

}  // namespace baretls::tls
