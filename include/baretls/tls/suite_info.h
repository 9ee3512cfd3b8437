// SPDX-License-Identifier: MIT
// The cipher suites baretls implements (README.md profile) and what each one
// fixes: key exchange, AEAD, PRF hash (RFC 5246 §5: SHA-384 for _SHA384
// suites) and the key-block sizes of RFC 5246 §6.3 with RFC 5288 §3 /
// RFC 7905 §2 nonces. A constexpr table, readable by embedders and tools.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "baretls/crypto/aead.h"
#include "baretls/crypto/hash.h"
#include "baretls/tls/types.h"

namespace baretls::tls {

enum class KeyExchange : std::uint8_t { ecdhe_ecdsa, ecdhe_rsa, rsa };

struct SuiteInfo {
  CipherSuite id;
  std::string_view iana_name;     // "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"
  std::string_view openssl_name;  // "ECDHE-ECDSA-AES128-GCM-SHA256"
  KeyExchange kex;
  crypto::AeadAlgorithm aead;
  crypto::HashId prf_hash;
  std::uint8_t key_length;        // enc_key_length
  std::uint8_t fixed_iv_length;   // 4 for GCM (salt), 12 for ChaCha20-Poly1305
  std::uint8_t record_iv_length;  // 8 for GCM (explicit nonce), 0 for ChaCha20-Poly1305
};

inline constexpr std::size_t kAeadTagSize = 16;

// clang-format off
inline constexpr std::array<SuiteInfo, 8> kSuites{{
  {CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "ECDHE-ECDSA-AES128-GCM-SHA256", KeyExchange::ecdhe_ecdsa, crypto::AeadAlgorithm::aes_128_gcm, crypto::HashId::sha256, 16, 4, 8},
  {CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256,   "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",   "ECDHE-RSA-AES128-GCM-SHA256",   KeyExchange::ecdhe_rsa,   crypto::AeadAlgorithm::aes_128_gcm, crypto::HashId::sha256, 16, 4, 8},
  {CipherSuite::ecdhe_ecdsa_with_aes_256_gcm_sha384, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "ECDHE-ECDSA-AES256-GCM-SHA384", KeyExchange::ecdhe_ecdsa, crypto::AeadAlgorithm::aes_256_gcm, crypto::HashId::sha384, 32, 4, 8},
  {CipherSuite::ecdhe_rsa_with_aes_256_gcm_sha384,   "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",   "ECDHE-RSA-AES256-GCM-SHA384",   KeyExchange::ecdhe_rsa,   crypto::AeadAlgorithm::aes_256_gcm, crypto::HashId::sha384, 32, 4, 8},
  {CipherSuite::ecdhe_ecdsa_with_chacha20_poly1305_sha256, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "ECDHE-ECDSA-CHACHA20-POLY1305", KeyExchange::ecdhe_ecdsa, crypto::AeadAlgorithm::chacha20_poly1305, crypto::HashId::sha256, 32, 12, 0},
  {CipherSuite::ecdhe_rsa_with_chacha20_poly1305_sha256,   "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",   "ECDHE-RSA-CHACHA20-POLY1305",   KeyExchange::ecdhe_rsa,   crypto::AeadAlgorithm::chacha20_poly1305, crypto::HashId::sha256, 32, 12, 0},
  {CipherSuite::rsa_with_aes_128_gcm_sha256, "TLS_RSA_WITH_AES_128_GCM_SHA256", "AES128-GCM-SHA256", KeyExchange::rsa, crypto::AeadAlgorithm::aes_128_gcm, crypto::HashId::sha256, 16, 4, 8},
  {CipherSuite::rsa_with_aes_256_gcm_sha384, "TLS_RSA_WITH_AES_256_GCM_SHA384", "AES256-GCM-SHA384", KeyExchange::rsa, crypto::AeadAlgorithm::aes_256_gcm, crypto::HashId::sha384, 32, 4, 8},
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

// RFC 5746 §3.3: TLS_EMPTY_RENEGOTIATION_INFO_SCSV, a signal in the
// ClientHello's cipher_suites, not a suite.
inline constexpr std::uint16_t kRenegotiationScsv = 0x00FF;

}  // namespace baretls::tls
