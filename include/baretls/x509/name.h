// SPDX-License-Identifier: MIT
// Distinguished names (RFC 5280 §4.1.2.4): an RDNSequence of SETs of
// AttributeTypeAndValue. Names are compared as their DER encodings (the
// binary-equality case of RFC 5280 §7.1) and printed "CN=..., O=...".
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
};

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
  // RFC 5280 §4.2.1.10 directoryName constraint: `base`'s RDNs are a prefix.
  [[nodiscard]] bool is_within(const Name& base) const noexcept;
};

[[nodiscard]] bool operator==(const Name& a, const Name& b) noexcept;

// An attribute value as UTF-8 text (BMPString and UniversalString converted);
// bytes that are not printable are escaped as \xHH.
[[nodiscard]] std::string attribute_text(const NameAttribute& attribute);

}  // namespace baretls::x509
