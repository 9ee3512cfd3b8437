// SPDX-License-Identifier: MIT
// Distinguished names: parsing and printing; see name.h (comparison:
// name_match.cpp). RFC 5280 §4.1.2.4 (Name, DirectoryString).
#include "baretls/x509/name.h"

#include <cstdio>

#include "x509/oid.h"
#include "x509/name_prep.h"
#include "x509/parsers.h"

namespace baretls::x509 {

namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xc0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xe0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  }
}

void append_escaped(std::string& out, std::uint8_t c) {
  if (c < 0x20 || c == 0x7f) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\x%02X", c);
    out += buf;
    return;
  }
  if (c == ',' || c == '+' || c == '\\' || c == '=') out += '\\';
  out += static_cast<char>(c);
}

}  // namespace

Result<Name> Name::from_der(std::span<const std::uint8_t> encoded) {
  auto element = der::parse_single(encoded, der::kSequence);
  if (!element) return element.error();
  return parse_name(*element);
}

Result<Name> parse_name(const der::Element& element) {
  if (element.tag != der::kSequence) return Error::malformed;
  Name name;
  name.raw = element.raw;
  der::Reader rdns(element.value, 1);
  while (!rdns.empty()) {
    auto rdn_element = rdns.read(der::kSet);
    if (!rdn_element) return rdn_element.error();
    name.rdns.push_back(rdn_element->value);
    der::Reader set(rdn_element->value, 2);
    // RelativeDistinguishedName ::= SET SIZE (1..MAX) OF AttributeTypeAndValue
    if (set.empty()) return Error::malformed;
    while (!set.empty()) {
      auto atv = set.read_sequence();
      if (!atv) return atv.error();
      NameAttribute attribute;
      auto type = atv->read_oid();
      if (!type) return type.error();
      auto value = atv->read_any();
      if (!value) return value.error();
      BARETLS_TRY(atv->expect_end());
      attribute.type = *type;
      attribute.tag = value->tag;
      attribute.value = value->value;
      attribute.rdn = name.rdns.size() - 1;
      attribute.prepared_in_full = prepares_in_full(attribute.tag, attribute.value);
      name.attributes.push_back(attribute);
    }
  }
  return name;
}

std::string attribute_text(const NameAttribute& a) {
  std::string out;
  if (a.tag == der::kBmpString && a.value.size() % 2 == 0) {
    for (std::size_t i = 0; i < a.value.size(); i += 2) {
      append_utf8(out, static_cast<std::uint32_t>(a.value[i]) << 8 | a.value[i + 1]);
    }
    return out;
  }
  if (a.tag == der::kUniversalString && a.value.size() % 4 == 0) {
    for (std::size_t i = 0; i < a.value.size(); i += 4) {
      const std::uint32_t cp = static_cast<std::uint32_t>(a.value[i]) << 24 |
                               static_cast<std::uint32_t>(a.value[i + 1]) << 16 |
                               static_cast<std::uint32_t>(a.value[i + 2]) << 8 | a.value[i + 3];
      if (cp < 0x110000) append_utf8(out, cp);
    }
    return out;
  }
  // UTF8String, PrintableString, IA5String, TeletexString: bytes as they are
  // (UTF-8 passes through), control characters escaped.
  for (const std::uint8_t c : a.value) append_escaped(out, c);
  return out;
}

std::string Name::to_string() const {
  std::string out;
  for (const auto& a : attributes) {
    if (!out.empty()) out += ", ";
    const std::string_view short_name = oid::short_name(a.type);
    out += short_name.empty() ? oid::to_dotted(a.type) : std::string(short_name);
    out += '=';
    out += attribute_text(a);
  }
  return out;
}

std::string Name::common_name() const {
  for (const auto& a : attributes) {
    if (oid::equal(a.type, oid::kCommonName)) return attribute_text(a);
  }
  return {};
}

}  // namespace baretls::x509
