// SPDX-License-Identifier: MIT
// The constexpr table of the cipher suites baretls implements (README.md
// profile) with everything the engine derives from a suite: key exchange,
// AEAD, PRF hash (RFC 5246 §5: SHA-384 for _SHA384 suites) and the key-block
// sizes of RFC 5246 §6.3 with RFC 5288 §3 / RFC 7905 §2 nonces.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "baretls/crypto/hash.h"
#include "baretls/tls/names.h"
#include "baretls/tls/types.h"

namespace baretls::tls {

enum class KeyExchange : std::uint8_t { ecdhe_ecdsa, ecdhe_rsa, rsa };
enum class RecordAead : std::uint8_t { aes_128_gcm, aes_256_gcm, chacha20_poly1305 };

struct SuiteInfo {
  CipherSuite id;
  std::string_view iana_name;     // "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"
  std::string_view openssl_name;  // "ECDHE-ECDSA-AES128-GCM-SHA256"
  KeyExchange kex;
  RecordAead aead;
  crypto::HashId prf_hash;
  std::uint8_t key_length;        // enc_key_length
  std::uint8_t fixed_iv_length;   // 4 for GCM (salt), 12 for ChaCha20-Poly1305
  std::uint8_t record_iv_length;  // 8 for GCM (explicit nonce), 0 for ChaCha20-Poly1305
};

inline constexpr std::size_t kAeadTagSize = 16;

// clang-format off
inline constexpr std::array<SuiteInfo, 8> kSuites{{
  {CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "ECDHE-ECDSA-AES128-GCM-SHA256", KeyExchange::ecdhe_ecdsa, RecordAead::aes_128_gcm, crypto::HashId::sha256, 16, 4, 8},
  {CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256,   "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",   "ECDHE-RSA-AES128-GCM-SHA256",   KeyExchange::ecdhe_rsa,   RecordAead::aes_128_gcm, crypto::HashId::sha256, 16, 4, 8},
  {CipherSuite::ecdhe_ecdsa_with_aes_256_gcm_sha384, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "ECDHE-ECDSA-AES256-GCM-SHA384", KeyExchange::ecdhe_ecdsa, RecordAead::aes_256_gcm, crypto::HashId::sha384, 32, 4, 8},
  {CipherSuite::ecdhe_rsa_with_aes_256_gcm_sha384,   "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",   "ECDHE-RSA-AES256-GCM-SHA384",   KeyExchange::ecdhe_rsa,   RecordAead::aes_256_gcm, crypto::HashId::sha384, 32, 4, 8},
  {CipherSuite::ecdhe_ecdsa_with_chacha20_poly1305_sha256, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "ECDHE-ECDSA-CHACHA20-POLY1305", KeyExchange::ecdhe_ecdsa, RecordAead::chacha20_poly1305, crypto::HashId::sha256, 32, 12, 0},
  {CipherSuite::ecdhe_rsa_with_chacha20_poly1305_sha256,   "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",   "ECDHE-RSA-CHACHA20-POLY1305",   KeyExchange::ecdhe_rsa,   RecordAead::chacha20_poly1305, crypto::HashId::sha256, 32, 12, 0},
  {CipherSuite::rsa_with_aes_128_gcm_sha256, "TLS_RSA_WITH_AES_128_GCM_SHA256", "AES128-GCM-SHA256", KeyExchange::rsa, RecordAead::aes_128_gcm, crypto::HashId::sha256, 16, 4, 8},
  {CipherSuite::rsa_with_aes_256_gcm_sha384, "TLS_RSA_WITH_AES_256_GCM_SHA384", "AES256-GCM-SHA384", KeyExchange::rsa, RecordAead::aes_256_gcm, crypto::HashId::sha384, 32, 4, 8},
}};
// clang-format on

// The row for a code point, or nullptr for one baretls does not implement.
[[nodiscard]] constexpr const SuiteInfo* find_suite(std::uint16_t code) noexcept {
  for (const auto& s : kSuites)
    if (static_cast<std::uint16_t>(s.id) == code) return &s;
  return nullptr;
}
[[nodiscard]] constexpr const SuiteInfo& suite_info(CipherSuite id) noexcept {
  return *find_suite(static_cast<std::uint16_t>(id));
}

[[nodiscard]] constexpr bool is_known_group(std::uint16_t code) noexcept {
  return code == 23 || code == 24 || code == 29;
}
// Public-value size on the wire: 32 for x25519, 65/97 for uncompressed P-256/P-384.
[[nodiscard]] constexpr std::size_t group_public_size(NamedGroup g) noexcept {
  return g == NamedGroup::x25519 ? 32 : g == NamedGroup::secp256r1 ? 65 : 97;
}

[[nodiscard]] constexpr bool is_known_scheme(std::uint16_t code) noexcept {
  switch (code) {
    case 0x0401: case 0x0501: case 0x0601: case 0x0403: case 0x0503:
    case 0x0804: case 0x0805: case 0x0806: return true;
    default: return false;
  }
}
[[nodiscard]] constexpr bool is_ecdsa(SignatureScheme s) noexcept {
  return s == SignatureScheme::ecdsa_secp256r1_sha256 || s == SignatureScheme::ecdsa_secp384r1_sha384;
}

// The suites a configuration offers by default (README.md order), groups
// and signature schemes likewise.
inline constexpr std::array<NamedGroup, 3> kDefaultGroups{NamedGroup::x25519, NamedGroup::secp256r1,
                                                          NamedGroup::secp384r1};
inline constexpr std::array<SignatureScheme, 8> kDefaultSchemes{
    SignatureScheme::ecdsa_secp256r1_sha256, SignatureScheme::ecdsa_secp384r1_sha384,
    SignatureScheme::rsa_pss_rsae_sha256,    SignatureScheme::rsa_pss_rsae_sha384,
    SignatureScheme::rsa_pss_rsae_sha512,    SignatureScheme::rsa_pkcs1_sha256,
    SignatureScheme::rsa_pkcs1_sha384,       SignatureScheme::rsa_pkcs1_sha512};

}  // namespace baretls::tls
