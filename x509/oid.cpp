// SPDX-License-Identifier: MIT
// OID comparison and printing; see oid.h. X.690 §8.19 (encoding of arcs).
#include "x509/oid.h"

#include <algorithm>

#include "baretls/x509/certificate.h"
#include "x509/der.h"

namespace baretls::x509::oid {

bool equal(Oid a, Oid b) noexcept { return std::equal(a.begin(), a.end(), b.begin(), b.end()); }

std::string to_dotted(Oid oid) {
  if (!der::oid_is_valid(oid)) return "?";
  std::string out;
  std::uint64_t arc = 0;
  bool first = true;
  for (const std::uint8_t b : oid) {
    if (arc >> 56) return "?";  // an arc beyond 64 bits: not printable
    arc = (arc << 7) | (b & 0x7fu);
    if (b & 0x80u) continue;
    if (first) {
      // X.690 §8.19.4: the first subidentifier is 40 * X + Y, X in {0, 1, 2}.
      const std::uint64_t x = arc < 40 ? 0 : arc < 80 ? 1 : 2;
      out.append(std::to_string(x));
      out.push_back('.');
      out.append(std::to_string(arc - 40 * x));
      first = false;
    } else {
      out.push_back('.');
      out.append(std::to_string(arc));
    }
    arc = 0;
  }
  return out;
}

namespace {

struct Named {
  Oid oid;
  std::string_view name;
};

// clang-format off
constexpr Named kNames[] = {
    {kCommonName, "CN"}, {kCountryName, "C"}, {kLocalityName, "L"}, {kStateName, "ST"},
    {kOrganizationName, "O"}, {kOrgUnitName, "OU"}, {kEmailAddress, "emailAddress"},
    {kRsaEncryption, "rsaEncryption"}, {kEcPublicKey, "id-ecPublicKey"},
    {kPrime256v1, "prime256v1"}, {kSecp384r1, "secp384r1"},
    {kMd5WithRsa, "md5WithRSAEncryption"}, {kSha1WithRsa, "sha1WithRSAEncryption"},
    {kRsassaPss, "RSASSA-PSS"}, {kSha256WithRsa, "sha256WithRSAEncryption"},
    {kSha384WithRsa, "sha384WithRSAEncryption"}, {kSha512WithRsa, "sha512WithRSAEncryption"},
    {kEcdsaWithSha1, "ecdsa-with-SHA1"}, {kEcdsaWithSha256, "ecdsa-with-SHA256"},
    {kEcdsaWithSha384, "ecdsa-with-SHA384"}, {kEcdsaWithSha512, "ecdsa-with-SHA512"},
    {kServerAuth, "serverAuth"}, {kClientAuth, "clientAuth"},
    {kAnyExtendedKeyUsage, "anyExtendedKeyUsage"},
};
// clang-format on

}  // namespace

std::string_view short_name(Oid oid) noexcept {
  for (const auto& n : kNames) {
    if (equal(n.oid, oid)) return n.name;
  }
  return {};
}

}  // namespace baretls::x509::oid

namespace baretls::x509 {

// see certificate.h
std::string oid_text(std::span<const std::uint8_t> oid) {
  const auto name = oid::short_name(oid);
  return name.empty() ? oid::to_dotted(oid) : std::string(name);
}

}  // namespace baretls::x509
