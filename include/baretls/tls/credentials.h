// SPDX-License-Identifier: MIT
// Loading a certificate chain and its private key from PEM (RFC 7468) into
// the CertifiedKey a ServerConfig or ClientConfig holds, from text in memory
// or from two files. Each cause of failure has its own code, so a caller can
// tell an unreadable file from a file without a certificate or a bad key.
#pragma once

#include <cstdint>
#include <string_view>

#include "baretls/build_config.h"
#include "baretls/result.h"
#include "baretls/tls/config.h"
#include "baretls/tls/errors.h"

namespace baretls::tls {

enum class CredentialError : std::uint8_t {
  ok = 0,
  unreadable_chain_file,  // the chain file cannot be opened or read
  unreadable_key_file,    // the key file cannot be opened or read
  file_too_large,         // a file is larger than kMaxCredentialFile
  malformed_chain,        // a CERTIFICATE block (or other PEM block) is not valid PEM
  no_certificate,         // the chain text holds no CERTIFICATE block
  no_private_key,         // the key text holds no PRIVATE KEY block
  malformed_key,          // the key block is not a valid PKCS#1, SEC 1 or PKCS#8 key
  encrypted_key,          // an encrypted private key (not supported)
  unsupported_key,        // a key type, curve or RSA size baretls does not support
};

[[nodiscard]] std::string_view to_string(CredentialError e) noexcept;

using CredentialResult = baretls::Result<CertifiedKey, CredentialError>;

// Largest chain or key file read (a chain of a few certificates is ~10 KB).
inline constexpr std::size_t kMaxCredentialFile = 1u << 20;

// Chain: every CERTIFICATE block of `chain_pem`, leaf first, other blocks
// skipped. Key: the first private-key block of `key_pem`. The certificates
// are not parsed or checked against the key here; the handshake does that.
[[nodiscard]] CredentialResult load_certified_key(std::string_view chain_pem, std::string_view key_pem);
#if BARETLS_WITH_FILES
// The same from two files (they may be the same file).
[[nodiscard]] CredentialResult load_certified_key_files(const char* chain_path, const char* key_path);
#endif

}  // namespace baretls::tls
