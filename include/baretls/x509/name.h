// SPDX-License-Identifier: MIT
// Distinguished names (RFC 5280 §4.1.2.4): an RDNSequence of SETs of
// AttributeTypeAndValue. Names are compared as RFC 5280 §7.1 says (RDN by
// RDN, string values after RFC 4518 preparation: caseIgnoreMatch with
// insignificant spaces; see name_match.cpp for the parts implemented), with
// identical encodings as the fast path, and printed "CN=..., O=...".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "baretls/x509/der.h"
#include "baretls/x509/error.h"

namespace baretls::x509 {

struct NameAttribute {
  der::Bytes type;     // OID contents
  std::uint8_t tag = 0;  // string type of the value
  der::Bytes value;    // contents octets of the value
  std::size_t rdn = 0;  // index of the RelativeDistinguishedName holding it
  // Set by Name::parse: a string value whose every code point our RFC 4518
  // preparation handles completely (see name_match.cpp).
  bool prepared_in_full = false;
};

// The outcome of an RFC 5280 §7.1 comparison. cannot_tell: the values differ
// as prepared, but a code point outside the repertoire we prepare completely
// (or an undecodable value) leaves open whether full RFC 4518 preparation
// would make them equal. Callers choose the safe side: no for chaining, a
// possible hit for excluded subtrees.
enum class NameMatch : std::uint8_t { no, yes, cannot_tell };

// A parsed Name. Spans point into the buffer it was parsed from.
struct Name {
  der::Bytes raw;                  // the whole encoded Name (tag and length included)
  std::vector<der::Bytes> rdns;    // each RelativeDistinguishedName's encoding, in order
  std::vector<NameAttribute> attributes;  // every attribute, in order

  // X.690 contents of a SEQUENCE; an empty RDNSequence is allowed (§4.1.2.6).
  [[nodiscard]] static Result<Name> parse(const der::Element& element);
  [[nodiscard]] bool empty() const noexcept { return rdns.empty(); }
  // "CN=example.com, O=Example, C=US" (RFC 4514-like, in encoding order).
  [[nodiscard]] std::string to_string() const;
  // The first commonName, if any, as text.
  [[nodiscard]] std::string common_name() const;
  // RFC 5280 §4.2.1.10 directoryName constraint: `base`'s RDNs match a
  // prefix (match_subtree() gave yes).
  [[nodiscard]] bool is_within(const Name& base) const noexcept;
};

// RFC 5280 §7.1: same number of RDNs, matching RDNs in the same order.
[[nodiscard]] NameMatch match_names(const Name& a, const Name& b) noexcept;
// RFC 5280 §7.1: `name` is within the subtree of `base` when its leading
// RDNs match all of base's.
[[nodiscard]] NameMatch match_subtree(const Name& name, const Name& base) noexcept;
// match_names() gave yes (cannot_tell counts as different).
[[nodiscard]] bool operator==(const Name& a, const Name& b) noexcept;

// An attribute value as UTF-8 text (BMPString and UniversalString converted);
// bytes that are not printable are escaped as \xHH.
[[nodiscard]] std::string attribute_text(const NameAttribute& attribute);

}  // namespace baretls::x509
