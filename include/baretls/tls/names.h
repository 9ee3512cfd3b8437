// SPDX-License-Identifier: MIT
// Names of the cipher suites, groups and signature schemes of types.h, both
// ways: for command lines, configuration files and log lines. Suites answer
// to their IANA name (RFC 5246 App. A.5 spelling) and their OpenSSL name.
#pragma once

#include <optional>
#include <string_view>

#include "baretls/tls/types.h"

namespace baretls::tls {

// "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256".
[[nodiscard]] std::string_view suite_name(CipherSuite s) noexcept;
// "ECDHE-ECDSA-AES128-GCM-SHA256".
[[nodiscard]] std::string_view suite_openssl_name(CipherSuite s) noexcept;
// By IANA or OpenSSL name; nullopt for a name baretls does not implement.
[[nodiscard]] std::optional<CipherSuite> suite_by_name(std::string_view name) noexcept;

// "x25519", "secp256r1", "secp384r1" (RFC 8422 §5.1.1 names).
[[nodiscard]] std::string_view group_name(NamedGroup g) noexcept;
// Also accepts "X25519", "P-256", "prime256v1" and "P-384".
[[nodiscard]] std::optional<NamedGroup> group_by_name(std::string_view name) noexcept;

// "rsa_pss_rsae_sha256" (RFC 8446 §4.2.3 names).
[[nodiscard]] std::string_view scheme_name(SignatureScheme s) noexcept;
[[nodiscard]] std::optional<SignatureScheme> scheme_by_name(std::string_view name) noexcept;

// The message's name as the RFC writes it ("ClientHello"); "unknown" otherwise.
[[nodiscard]] std::string_view to_string(HandshakeType t) noexcept;
}  // namespace baretls::tls
