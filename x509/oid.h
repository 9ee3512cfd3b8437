// SPDX-License-Identifier: MIT
// The object identifiers baretls knows, as DER contents octets (X.690
// §8.19), from RFC 5280 §4.1.2.4/§4.2, RFC 4055 (RSA), RFC 5480 and RFC 5758
// (EC), RFC 8017 App. C, and their dotted and short names for printing.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace baretls::x509::oid {

using Oid = std::span<const std::uint8_t>;

// clang-format off
// Public keys: rsaEncryption 1.2.840.113549.1.1.1, id-ecPublicKey 1.2.840.10045.2.1.
inline constexpr std::uint8_t kRsaEncryption[] = {0x2a,0x86,0x48,0x86,0xf7,0x0d,0x01,0x01,0x01};
inline constexpr std::uint8_t kEcPublicKey[]   = {0x2a,0x86,0x48,0xce,0x3d,0x02,0x01};
// Curves: prime256v1 1.2.840.10045.3.1.7, secp384r1 1.3.132.0.34.
inline constexpr std::uint8_t kPrime256v1[]    = {0x2a,0x86,0x48,0xce,0x3d,0x03,0x01,0x07};
inline constexpr std::uint8_t kSecp384r1[]     = {0x2b,0x81,0x04,0x00,0x22};
// RSA signatures (RFC 8017 App. C): 1.2.840.113549.1.1.{4,5,10,11,12,13}; MGF1 .8.
inline constexpr std::uint8_t kMd5WithRsa[]    = {0x2a,0x86,0x48,0x86,0xf7,0x0d,0x01,0x01,0x04};
inline constexpr std::uint8_t kSha1WithRsa[]   = {0x2a,0x86,0x48,0x86,0xf7,0x0d,0x01,0x01,0x05};
inline constexpr std::uint8_t kMgf1[]          = {0x2a,0x86,0x48,0x86,0xf7,0x0d,0x01,0x01,0x08};
inline constexpr std::uint8_t kRsassaPss[]     = {0x2a,0x86,0x48,0x86,0xf7,0x0d,0x01,0x01,0x0a};
inline constexpr std::uint8_t kSha256WithRsa[] = {0x2a,0x86,0x48,0x86,0xf7,0x0d,0x01,0x01,0x0b};
inline constexpr std::uint8_t kSha384WithRsa[] = {0x2a,0x86,0x48,0x86,0xf7,0x0d,0x01,0x01,0x0c};
inline constexpr std::uint8_t kSha512WithRsa[] = {0x2a,0x86,0x48,0x86,0xf7,0x0d,0x01,0x01,0x0d};
// ECDSA (RFC 5758 §3.2): ecdsa-with-SHA1 1.2.840.10045.4.1, -SHA256/384/512 4.3.{2,3,4}.
inline constexpr std::uint8_t kEcdsaWithSha1[]   = {0x2a,0x86,0x48,0xce,0x3d,0x04,0x01};
inline constexpr std::uint8_t kEcdsaWithSha256[] = {0x2a,0x86,0x48,0xce,0x3d,0x04,0x03,0x02};
inline constexpr std::uint8_t kEcdsaWithSha384[] = {0x2a,0x86,0x48,0xce,0x3d,0x04,0x03,0x03};
inline constexpr std::uint8_t kEcdsaWithSha512[] = {0x2a,0x86,0x48,0xce,0x3d,0x04,0x03,0x04};
// Hashes: 2.16.840.1.101.3.4.2.{1,2,3}.
inline constexpr std::uint8_t kSha256[] = {0x60,0x86,0x48,0x01,0x65,0x03,0x04,0x02,0x01};
inline constexpr std::uint8_t kSha384[] = {0x60,0x86,0x48,0x01,0x65,0x03,0x04,0x02,0x02};
inline constexpr std::uint8_t kSha512[] = {0x60,0x86,0x48,0x01,0x65,0x03,0x04,0x02,0x03};
// Certificate extensions, id-ce 2.5.29.x (RFC 5280 §4.2.1).
inline constexpr std::uint8_t kSubjectKeyIdentifier[]   = {0x55,0x1d,0x0e};
inline constexpr std::uint8_t kKeyUsage[]               = {0x55,0x1d,0x0f};
inline constexpr std::uint8_t kSubjectAltName[]         = {0x55,0x1d,0x11};
inline constexpr std::uint8_t kBasicConstraints[]       = {0x55,0x1d,0x13};
inline constexpr std::uint8_t kNameConstraints[]        = {0x55,0x1d,0x1e};
inline constexpr std::uint8_t kAuthorityKeyIdentifier[] = {0x55,0x1d,0x23};
inline constexpr std::uint8_t kExtKeyUsage[]            = {0x55,0x1d,0x25};
inline constexpr std::uint8_t kAnyExtendedKeyUsage[]    = {0x55,0x1d,0x25,0x00};
// id-kp-serverAuth / clientAuth 1.3.6.1.5.5.7.3.{1,2}.
inline constexpr std::uint8_t kServerAuth[] = {0x2b,0x06,0x01,0x05,0x05,0x07,0x03,0x01};
inline constexpr std::uint8_t kClientAuth[] = {0x2b,0x06,0x01,0x05,0x05,0x07,0x03,0x02};
// Name attributes, id-at 2.5.4.x, and emailAddress 1.2.840.113549.1.9.1.
inline constexpr std::uint8_t kCommonName[]       = {0x55,0x04,0x03};
inline constexpr std::uint8_t kCountryName[]      = {0x55,0x04,0x06};
inline constexpr std::uint8_t kLocalityName[]     = {0x55,0x04,0x07};
inline constexpr std::uint8_t kStateName[]        = {0x55,0x04,0x08};
inline constexpr std::uint8_t kOrganizationName[] = {0x55,0x04,0x0a};
inline constexpr std::uint8_t kOrgUnitName[]      = {0x55,0x04,0x0b};
inline constexpr std::uint8_t kEmailAddress[]     = {0x2a,0x86,0x48,0x86,0xf7,0x0d,0x01,0x09,0x01};
// clang-format on

[[nodiscard]] bool equal(Oid a, Oid b) noexcept;
// Dotted decimal ("1.2.840.113549.1.1.11"); "?" for an invalid encoding.
[[nodiscard]] std::string to_dotted(Oid oid);
// A short name for the OIDs above ("CN", "sha256WithRSAEncryption", ...),
// empty when unknown.
[[nodiscard]] std::string_view short_name(Oid oid) noexcept;

}  // namespace baretls::x509::oid
