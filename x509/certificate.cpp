// SPDX-License-Identifier: MIT
// Certificate parsing; see certificate.h. RFC 5280 §4.1 (Certificate,
// TBSCertificate), §4.1.1.2 (the two signature algorithms must match),
// §4.1.2.1 (version), §4.1.2.2 (serial), §4.1.2.5 (validity), §4.1.2.6 (a
// CA's subject is not empty).
#include "baretls/x509/certificate.h"

#include <algorithm>

#include "baretls/crypto/hash.h"
#include "baretls/x509/time.h"
#include "x509/parsers.h"

namespace baretls::x509 {

struct CertificateParser {
  static Error parse_tbs(Certificate& c, der::Reader tbs, const der::Element& outer_algorithm);
  static Error parse_validity(Certificate& c, der::Reader& tbs);
  static Error parse_extensions(Certificate& c, der::Reader& tbs);
  static Result<Certificate> parse(std::span<const std::uint8_t> der);
};

Error CertificateParser::parse_validity(Certificate& c, der::Reader& tbs) {
  // Validity ::= SEQUENCE { notBefore Time, notAfter Time }
  auto validity = tbs.read_sequence();
  if (!validity) return validity.error();
  auto nb = validity->read_any();
  if (!nb) return nb.error();
  auto na = validity->read_any();
  if (!na) return na.error();
  BARETLS_TRY(validity->expect_end());
  auto not_before = parse_time(*nb);
  if (!not_before) return not_before.error();
  auto not_after = parse_time(*na);
  if (!not_after) return not_after.error();
  c.not_before = *not_before;
  c.not_after = *not_after;
  return Error::ok;
}

Error CertificateParser::parse_extensions(Certificate& c, der::Reader& tbs) {
  // extensions [3] EXPLICIT Extensions OPTIONAL -- If present, version MUST be v3
  auto wrapper = tbs.read_constructed(der::context_constructed(3));
  if (!wrapper) return wrapper.error();
  if (c.version != 3) return Error::malformed;
  auto list = wrapper->read_sequence();
  if (!list) return list.error();
  BARETLS_TRY(wrapper->expect_end());
  if (list->empty()) return Error::malformed;  // SIZE (1..MAX)
  std::vector<der::Bytes> seen;
  while (!list->empty()) {
    // Extension ::= SEQUENCE { extnID OID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }
    auto ext = list->read_sequence();
    if (!ext) return ext.error();
    auto id = ext->read_oid();
    if (!id) return id.error();
    bool critical = false;
    if (ext->peek(der::kBoolean)) {
      auto flag = ext->read_boolean();
      if (!flag) return flag.error();
      critical = *flag;  // an explicit FALSE is a DER slip that real CAs make: tolerated
    }
    auto value = ext->read_octet_string();
    if (!value) return value.error();
    BARETLS_TRY(ext->expect_end());
    // RFC 5280 §4.2: "A certificate MUST NOT include more than one instance
    // of a particular extension."
    for (const auto& s : seen) {
      if (std::equal(s.begin(), s.end(), id->begin(), id->end())) return Error::malformed;
    }
    seen.push_back(*id);
    BARETLS_TRY(parse_extension(c, *id, critical, *value));
  }
  return Error::ok;
}

Error CertificateParser::parse_tbs(Certificate& c, der::Reader tbs, const der::Element& outer_algorithm) {
  // version [0] EXPLICIT Version DEFAULT v1: DER omits v1 (X.690 §11.5).
  if (tbs.peek(der::context_constructed(0))) {
    auto wrapper = tbs.read_constructed(der::context_constructed(0));
    if (!wrapper) return wrapper.error();
    auto v = wrapper->read_small_unsigned();
    if (!v) return v.error();
    BARETLS_TRY(wrapper->expect_end());
    if (*v != 1 && *v != 2) return Error::malformed;
    c.version = static_cast<int>(*v) + 1;
  }
  // §4.1.2.2: serialNumber; "MUST NOT use serialNumber values longer than
  // 20 octets" (a 21st octet may carry the sign).
  auto serial = tbs.read_integer();
  if (!serial) return serial.error();
  if (serial->size() > 21) return Error::malformed;
  c.serial = *serial;
  // §4.1.2.3: "MUST contain the same algorithm identifier as the
  // signatureAlgorithm field in the sequence Certificate".
  auto inner_algorithm = tbs.read(der::kSequence);
  if (!inner_algorithm) return inner_algorithm.error();
  if (!std::equal(inner_algorithm->raw.begin(), inner_algorithm->raw.end(), outer_algorithm.raw.begin(),
                  outer_algorithm.raw.end())) {
    return Error::malformed;
  }
  auto issuer = tbs.read(der::kSequence);
  if (!issuer) return issuer.error();
  auto issuer_name = parse_name(*issuer);
  if (!issuer_name) return issuer_name.error();
  c.issuer = std::move(*issuer_name);
  BARETLS_TRY(parse_validity(c, tbs));
  auto subject = tbs.read(der::kSequence);
  if (!subject) return subject.error();
  auto subject_name = parse_name(*subject);
  if (!subject_name) return subject_name.error();
  c.subject = std::move(*subject_name);
  auto spki = tbs.read(der::kSequence);
  if (!spki) return spki.error();
  c.spki = spki->raw;
  // issuerUniqueID [1] / subjectUniqueID [2] IMPLICIT BIT STRING: v2 or v3 only.
  for (std::uint8_t n = 1; n <= 2; ++n) {
    if (!tbs.peek(der::context(n))) continue;
    if (c.version < 2) return Error::malformed;
    auto id = tbs.read_bit_string(der::context(n));
    if (!id) return id.error();
  }
  if (tbs.peek(der::context_constructed(3))) BARETLS_TRY(parse_extensions(c, tbs));
  BARETLS_TRY(tbs.expect_end());
  // §4.1.2.6: "If the subject is a CA (e.g., the basic constraints extension
  // ... is present and the value of cA is TRUE), then the subject field MUST
  // be populated with a non-empty distinguished name".
  if (c.is_ca() && c.subject.empty()) return Error::nonconforming;
  return Error::ok;
}

Result<Certificate> CertificateParser::parse(std::span<const std::uint8_t> der) {
  Certificate c;
  c.der_ = detail::SharedBytes(der);
  // Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue BIT STRING }
  auto outer = der::parse_single(c.der_.span(), der::kSequence);
  if (!outer) return outer.error();
  der::Reader r(outer->value, 1);
  auto tbs = r.read(der::kSequence);
  if (!tbs) return tbs.error();
  auto algorithm = r.read(der::kSequence);
  if (!algorithm) return algorithm.error();
  auto signature = r.read_bit_string();
  if (!signature) return signature.error();
  BARETLS_TRY(r.expect_end());
  auto sig_octets = der::octets_of(*signature);
  if (!sig_octets) return sig_octets.error();
  auto sig_alg = parse_signature_algorithm(*algorithm);
  if (!sig_alg) return sig_alg.error();
  c.signature_algorithm = *sig_alg;
  c.signature = *sig_octets;
  c.tbs_ = tbs->raw;
  BARETLS_TRY(parse_tbs(c, der::Reader(tbs->value, 2), *algorithm));
  return c;
}

Result<Certificate> Certificate::parse(std::span<const std::uint8_t> der) { return CertificateParser::parse(der); }

std::array<std::uint8_t, 32> Certificate::fingerprint_sha256() const noexcept {
  std::array<std::uint8_t, 32> out{};
  (void)crypto::hash(crypto::HashId::sha256, der_.span(), out);
  return out;
}

}  // namespace baretls::x509
