// SPDX-License-Identifier: MIT
// Certificate extensions (RFC 5280 §4.2.1): basicConstraints (§4.2.1.9),
// keyUsage (§4.2.1.3), extendedKeyUsage (§4.2.1.12), subjectAltName
// (§4.2.1.6), nameConstraints (§4.2.1.10), authority/subject key identifiers
// (§4.2.1.1-2). Others are skipped, unless critical (§4.2: "MUST reject").
#include <algorithm>

#include "baretls/x509/certificate.h"
#include "x509/oid.h"
#include "x509/parsers.h"

namespace baretls::x509 {

namespace {

// The whole extnValue must be one element of `tag`, returned as a reader.
Result<der::Reader> single_constructed(der::Bytes value, std::uint8_t tag) {
  der::Reader outer(value, 1);
  auto inner = outer.read_constructed(tag);
  if (!inner) return inner.error();
  BARETLS_TRY(outer.expect_end());
  return inner;
}

bool is_ia5(der::Bytes s) noexcept {
  return std::all_of(s.begin(), s.end(), [](std::uint8_t c) { return c < 0x80; });
}

// BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE,
//                                 pathLenConstraint INTEGER (0..MAX) OPTIONAL }
Error parse_basic_constraints(Certificate& c, der::Bytes value) {
  auto seq = single_constructed(value, der::kSequence);
  if (!seq) return seq.error();
  BasicConstraints bc;
  if (seq->peek(der::kBoolean)) {
    auto ca = seq->read_boolean();
    if (!ca) return ca.error();
    bc.ca = *ca;
  }
  if (seq->peek(der::kInteger)) {
    auto len = seq->read_small_unsigned();
    if (!len) return len.error();
    bc.path_len = *len;
  }
  BARETLS_TRY(seq->expect_end());
  c.basic_constraints = bc;
  return Error::ok;
}

// KeyUsage ::= BIT STRING { digitalSignature (0), ..., decipherOnly (8) }
Error parse_key_usage(Certificate& c, der::Bytes value) {
  der::Reader r(value, 1);
  auto bits = r.read_bit_string();
  if (!bits) return bits.error();
  BARETLS_TRY(r.expect_end());
  std::uint16_t usage = 0;
  for (std::size_t i = 0; i < bits->bytes.size() * 8; ++i) {
    const unsigned byte = bits->bytes[i / 8];
    const bool set = ((byte >> (7 - i % 8)) & 1u) != 0;
    if (!set) continue;
    if (i > 8) return Error::malformed;  // no such named bit
    usage = static_cast<std::uint16_t>(usage | (1u << i));
  }
  // §4.2.1.3: "When the keyUsage extension appears in a certificate, at
  // least one of the bits MUST be set to 1."
  if (usage == 0) return Error::malformed;
  c.key_usage = usage;
  return Error::ok;
}

// ExtKeyUsageSyntax ::= SEQUENCE SIZE (1..MAX) OF KeyPurposeId
Error parse_ext_key_usage(Certificate& c, der::Bytes value) {
  auto seq = single_constructed(value, der::kSequence);
  if (!seq) return seq.error();
  std::vector<der::Bytes> purposes;
  while (!seq->empty()) {
    auto id = seq->read_oid();
    if (!id) return id.error();
    purposes.push_back(*id);
  }
  if (purposes.empty()) return Error::malformed;
  c.extended_key_usage = std::move(purposes);
  return Error::ok;
}

Error parse_subject_alt_name(Certificate& c, der::Bytes value) {
  auto seq = single_constructed(value, der::kSequence);
  if (!seq) return seq.error();
  auto names = parse_general_names(*seq);
  if (!names) return names.error();
  if (names->empty()) return Error::malformed;  // GeneralNames ::= SEQUENCE SIZE (1..MAX)
  // §4.2.1.6: iPAddress is "four octets" (v4) or "16 octets" (v6).
  for (const auto& n : *names) {
    if (n.form == NameForm::ip && n.value.size() != 4 && n.value.size() != 16) return Error::malformed;
  }
  c.subject_alt_names = std::move(*names);
  c.has_subject_alt_name = true;
  return Error::ok;
}

// GeneralSubtrees ::= SEQUENCE SIZE (1..MAX) OF GeneralSubtree
// GeneralSubtree ::= SEQUENCE { base GeneralName, minimum [0] BaseDistance
//                               DEFAULT 0, maximum [1] BaseDistance OPTIONAL }
Result<std::vector<GeneralSubtree>> parse_subtrees(der::Reader r) {
  std::vector<GeneralSubtree> out;
  while (!r.empty()) {
    auto seq = r.read_sequence();
    if (!seq) return seq.error();
    der::Reader base_reader = *seq;
    auto base = base_reader.read_any();
    if (!base) return base.error();
    auto names = parse_general_names(der::Reader(base->raw, seq->depth()));
    if (!names) return names.error();
    GeneralSubtree subtree;
    subtree.base = (*names)[0];
    if (subtree.base.form == NameForm::directory) {
      auto element = der::parse_single(subtree.base.value, der::kSequence);
      if (!element) return element.error();
      auto name = parse_name(*element);
      if (!name) return name.error();
      subtree.directory = std::move(*name);
    }
    if (subtree.base.form == NameForm::ip && subtree.base.value.size() != 8 && subtree.base.value.size() != 32) {
      return Error::malformed;  // §4.2.1.10: 8 (v4) or 32 (v6) octets
    }
    if (base_reader.peek(der::context(0))) {
      auto minimum = base_reader.read_small_unsigned(der::context(0));
      if (!minimum) return minimum.error();
      if (*minimum != 0) subtree.unsupported = true;
    }
    if (base_reader.peek(der::context(1))) {
      auto maximum = base_reader.read_small_unsigned(der::context(1));
      if (!maximum) return maximum.error();
      subtree.unsupported = true;
    }
    BARETLS_TRY(base_reader.expect_end());
    out.push_back(subtree);
  }
  if (out.empty()) return Error::malformed;
  return out;
}

// NameConstraints ::= SEQUENCE { permittedSubtrees [0] GeneralSubtrees OPTIONAL,
//                                excludedSubtrees  [1] GeneralSubtrees OPTIONAL }
Error parse_name_constraints(Certificate& c, der::Bytes value) {
  auto seq = single_constructed(value, der::kSequence);
  if (!seq) return seq.error();
  NameConstraints nc;
  for (std::uint8_t n = 0; n <= 1; ++n) {
    if (!seq->peek(der::context_constructed(n))) continue;
    auto subtrees_reader = seq->read_constructed(der::context_constructed(n));
    if (!subtrees_reader) return subtrees_reader.error();
    auto subtrees = parse_subtrees(*subtrees_reader);
    if (!subtrees) return subtrees.error();
    (n == 0 ? nc.permitted : nc.excluded) = std::move(*subtrees);
  }
  BARETLS_TRY(seq->expect_end());
  // "MUST NOT issue certificates where name constraints is an empty sequence."
  if (nc.permitted.empty() && nc.excluded.empty()) return Error::malformed;
  c.name_constraints = std::move(nc);
  return Error::ok;
}

// AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] OPTIONAL,
//   authorityCertIssuer [1] OPTIONAL, authorityCertSerialNumber [2] OPTIONAL }
Error parse_authority_key_id(Certificate& c, der::Bytes value) {
  auto seq = single_constructed(value, der::kSequence);
  if (!seq) return seq.error();
  if (seq->peek(der::context(0))) {
    auto id = seq->read_octet_string(der::context(0));
    if (!id) return id.error();
    c.authority_key_id = *id;
  }
  if (seq->peek(der::context_constructed(1))) {
    auto issuer = seq->read_constructed(der::context_constructed(1));
    if (!issuer) return issuer.error();
    auto names = parse_general_names(*issuer);
    if (!names) return names.error();
  }
  if (seq->peek(der::context(2))) {
    auto serial = seq->read_integer(der::context(2));
    if (!serial) return serial.error();
  }
  return seq->expect_end();
}

Error parse_subject_key_id(Certificate& c, der::Bytes value) {
  der::Reader r(value, 1);
  auto id = r.read_octet_string();
  if (!id) return id.error();
  BARETLS_TRY(r.expect_end());
  c.subject_key_id = *id;
  return Error::ok;
}

}  // namespace

Result<std::vector<GeneralName>> parse_general_names(der::Reader r) {
  std::vector<GeneralName> out;
  while (!r.empty()) {
    auto e = r.read_any();
    if (!e) return e.error();
    GeneralName n;
    n.value = e->value;
    switch (e->tag) {
      case 0xa0: n.form = NameForm::other_name; break;
      case 0x81: n.form = NameForm::rfc822; break;
      case 0x82: n.form = NameForm::dns; break;
      case 0xa3: n.form = NameForm::x400; break;
      case 0xa4: {  // directoryName [4] Name (EXPLICIT: Name is a CHOICE)
        n.form = NameForm::directory;
        auto name = der::parse_single(e->value, der::kSequence);
        if (!name) return name.error();
        n.value = name->raw;
        break;
      }
      case 0xa5: n.form = NameForm::edi_party; break;
      case 0x86: n.form = NameForm::uri; break;
      case 0x87: n.form = NameForm::ip; break;
      case 0x88: n.form = NameForm::registered_id; break;
      default: return Error::malformed;
    }
    if ((n.form == NameForm::dns || n.form == NameForm::rfc822 || n.form == NameForm::uri) && !is_ia5(n.value)) {
      return Error::malformed;
    }
    out.push_back(n);
  }
  return out;
}

Error parse_extension(Certificate& c, der::Bytes id, bool critical, der::Bytes value) {
  if (oid::equal(id, oid::kBasicConstraints)) return parse_basic_constraints(c, value);
  if (oid::equal(id, oid::kKeyUsage)) return parse_key_usage(c, value);
  if (oid::equal(id, oid::kExtKeyUsage)) return parse_ext_key_usage(c, value);
  if (oid::equal(id, oid::kSubjectAltName)) return parse_subject_alt_name(c, value);
  if (oid::equal(id, oid::kNameConstraints)) return parse_name_constraints(c, value);
  // §4.2.1.1, §4.2.1.2: "Conforming CAs MUST mark this extension as
  // non-critical" (both key identifiers): a critical one is refused.
  if (oid::equal(id, oid::kAuthorityKeyIdentifier)) {
    return critical ? Error::nonconforming : parse_authority_key_id(c, value);
  }
  if (oid::equal(id, oid::kSubjectKeyIdentifier)) {
    return critical ? Error::nonconforming : parse_subject_key_id(c, value);
  }
  // §4.2: "A certificate-using system MUST reject the certificate if it
  // encounters a critical extension it does not recognize".
  if (critical) c.unknown_critical_extension = true;
  return Error::ok;
}

}  // namespace baretls::x509
