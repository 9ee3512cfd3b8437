// SPDX-License-Identifier: MIT
// Distinguished names (RFC 5280 §4.1.2.4): an RDNSequence of SETs of
// AttributeTypeAndValue. Names are compared as RFC 5280 §7.1 says (RDN by
// RDN, string values after RFC 4518 preparation: caseIgnoreMatch with
// insignificant spaces; see name_match.cpp for the parts implemented), with
// identical encodings as the fast path, and printed "CN=..., O=...".
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "baretls/x509/error.h"

namespace baretls::x509 {

struct NameAttribute {
  std::span<const std::uint8_t> type;  // OID contents
  std::uint8_t tag = 0;  // string type of the value
  std::span<const std::uint8_t> value;  // contents octets of the value
  std::size_t rdn = 0;  // index of the RelativeDistinguishedName holding it
  // Set by parsing: a string value whose every code point our RFC 4518
  // preparation handles completely (see name_match.cpp).
  bool prepared_in_full = false;
};

// A parsed Name. Spans point into the buffer it was parsed from.
struct Name {
  std::span<const std::uint8_t> raw;  // the whole encoded Name (tag and length included)
  std::vector<std::span<const std::uint8_t>> rdns;  // each RelativeDistinguishedName's encoding, in order
  std::vector<NameAttribute> attributes;  // every attribute, in order

  // A DER Name (RFC 5280 §4.1.2.4 RDNSequence, tag and length included, no
  // trailing bytes); an empty RDNSequence is allowed (§4.1.2.6). The Name
  // points into `encoded`.
  [[nodiscard]] static Result<Name> from_der(std::span<const std::uint8_t> encoded);
  [[nodiscard]] bool empty() const noexcept { return rdns.empty(); }
  // "CN=example.com, O=Example, C=US" (RFC 4514-like, in encoding order).
  [[nodiscard]] std::string to_string() const;
  // The first commonName, if any, as text.
  [[nodiscard]] std::string common_name() const;
  // RFC 5280 §4.2.1.10 directoryName constraint: `base`'s RDNs match a
  // prefix (match_subtree() gave yes).
  [[nodiscard]] bool is_within(const Name& base) const noexcept;
};

// match_names() gave yes (cannot_tell counts as different).
[[nodiscard]] bool operator==(const Name& a, const Name& b) noexcept;

// An attribute value as UTF-8 text (BMPString and UniversalString converted);
// bytes that are not printable are escaped as \xHH.
[[nodiscard]] std::string attribute_text(const NameAttribute& attribute);

}  // namespace baretls::x509
