// SPDX-License-Identifier: MIT
// Name lookups over the suite, group and signature-scheme tables (see
// baretls/tls/names.h).
#include "tls/suites.h"


namespace baretls::tls {

std::string_view suite_name(CipherSuite s) noexcept {
  const SuiteInfo* info = find_suite(static_cast<std::uint16_t>(s));
  return info != nullptr ? info->iana_name : "unknown";
}

std::string_view suite_openssl_name(CipherSuite s) noexcept {
  const SuiteInfo* info = find_suite(static_cast<std::uint16_t>(s));
  return info != nullptr ? info->openssl_name : "unknown";
}

std::optional<CipherSuite> suite_by_name(std::string_view name) noexcept {
  for (const auto& s : kSuites)
    if (s.iana_name == name || s.openssl_name == name) return s.id;
  return std::nullopt;
}

std::string_view group_name(NamedGroup g) noexcept {
  switch (g) {
    case NamedGroup::x25519: return "x25519";
    case NamedGroup::secp256r1: return "secp256r1";
    case NamedGroup::secp384r1: return "secp384r1";
  }
  return "unknown";
}

std::optional<NamedGroup> group_by_name(std::string_view name) noexcept {
  if (name == "x25519" || name == "X25519") return NamedGroup::x25519;
  if (name == "secp256r1" || name == "P-256" || name == "prime256v1") return NamedGroup::secp256r1;
  if (name == "secp384r1" || name == "P-384") return NamedGroup::secp384r1;
  return std::nullopt;
}

std::string_view scheme_name(SignatureScheme s) noexcept {
  switch (s) {
    case SignatureScheme::rsa_pkcs1_sha256: return "rsa_pkcs1_sha256";
    case SignatureScheme::rsa_pkcs1_sha384: return "rsa_pkcs1_sha384";
    case SignatureScheme::rsa_pkcs1_sha512: return "rsa_pkcs1_sha512";
    case SignatureScheme::ecdsa_secp256r1_sha256: return "ecdsa_secp256r1_sha256";
    case SignatureScheme::ecdsa_secp384r1_sha384: return "ecdsa_secp384r1_sha384";
    case SignatureScheme::rsa_pss_rsae_sha256: return "rsa_pss_rsae_sha256";
    case SignatureScheme::rsa_pss_rsae_sha384: return "rsa_pss_rsae_sha384";
    case SignatureScheme::rsa_pss_rsae_sha512: return "rsa_pss_rsae_sha512";
  }
  return "unknown";
}

std::optional<SignatureScheme> scheme_by_name(std::string_view name) noexcept {
  for (const SignatureScheme s : kDefaultSchemes)
    if (scheme_name(s) == name) return s;
  return std::nullopt;
}

}  // namespace baretls::tls
