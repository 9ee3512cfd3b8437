// SPDX-License-Identifier: MIT
// Certificate parsing suite (RFC 5280 §4.1-§4.2): every fixture against what
// `openssl x509` reported when it was made (vectors/x509/expected-
// certificates.txt), extension details, times, names, negative encodings, and
// every certificate of the system bundle.
#include "baretls/x509/certificate.h"

#include <doctest/doctest.h>

#include <filesystem>

#include "x509/oid.h"
#include "baretls/x509/time.h"
#include "tests/x509/fixtures.h"
#include "x509/parsers.h"

using namespace baretls;
using namespace baretls::test;
using namespace baretls::x509;

namespace {

std::string strip_leading_zeros(std::string hex) {
  const auto pos = hex.find_first_not_of('0');
  return pos == std::string::npos ? "0" : hex.substr(pos);
}

std::string text(der::Bytes b) { return std::string(b.begin(), b.end()); }

}  // namespace

TEST_CASE("every fixture certificate matches what openssl reported") {
  std::size_t n = 0;
  for (const auto& r : load_vector_file(x509_fixture_path("expected-certificates.txt")).records) {
    CAPTURE(r.where());
    const auto cert = fixture_certificate(r.get("File"));
    CHECK(cert.version == 3);
    CHECK(strip_leading_zeros(to_hex(cert.serial)) == strip_leading_zeros(r.get("Serial")));
    CHECK(cert.subject.to_string() == r.get("Subject"));
    CHECK(cert.issuer.to_string() == r.get("Issuer"));
    CHECK(cert.not_before == static_cast<std::int64_t>(r.number("NotBefore")));
    CHECK(cert.not_after == static_cast<std::int64_t>(r.number("NotAfter")));
    const auto fp = cert.fingerprint_sha256();
    CHECK(to_hex(fp) == r.get("SHA256"));
    CHECK((cert.subject_key_id.empty() ? "-" : to_hex(cert.subject_key_id)) == r.get("SKI"));
    CHECK((cert.authority_key_id.empty() ? "-" : to_hex(cert.authority_key_id)) == r.get("AKI"));
    auto key = cert.public_key();
    REQUIRE(key.ok());
    CHECK(key->bits() == r.number("Bits"));
    ++n;
  }
  MESSAGE("fixture certificates checked against openssl: " << n);
  CHECK(n == 43);
}

TEST_CASE("extensions of the fixtures") {
  const auto ec = fixture_certificate("leaf-ec.pem");
  REQUIRE(ec.basic_constraints.has_value());
  CHECK(!ec.basic_constraints->ca);
  CHECK(ec.key_usage == std::optional<std::uint16_t>(ku_digital_signature));
  REQUIRE(ec.extended_key_usage.has_value());
  REQUIRE(ec.extended_key_usage->size() == 1);
  CHECK(oid::equal((*ec.extended_key_usage)[0], oid::kServerAuth));
  REQUIRE(ec.subject_alt_names.size() == 3);
  CHECK(ec.subject_alt_names[0].form == NameForm::dns);
  CHECK(text(ec.subject_alt_names[0].value) == "ec.example.com");
  CHECK(ec.subject_alt_names[1].form == NameForm::ip);
  CHECK(to_hex(ec.subject_alt_names[1].value) == "c0000201");
  CHECK(to_hex(ec.subject_alt_names[2].value) == "20010db8000000000000000000000001");
  CHECK(ec.signature_algorithm.kind == SignatureKind::ecdsa);
  CHECK(ec.signature_algorithm.hash == crypto::HashId::sha256);
  CHECK(!ec.unknown_critical_extension);

  const auto root = fixture_certificate("root-rsa.pem");
  CHECK(root.is_ca());
  CHECK(root.is_self_issued());
  CHECK(!root.basic_constraints->path_len);
  CHECK(root.key_usage == std::optional<std::uint16_t>(ku_key_cert_sign | ku_crl_sign));

  const auto pl0 = fixture_certificate("int-pl0.pem");
  CHECK(pl0.basic_constraints->path_len == std::optional<std::uint64_t>(0));
  const auto noca = fixture_certificate("int-noca.pem");
  CHECK(!noca.is_ca());

  const auto nc = fixture_certificate("int-nc.pem");
  REQUIRE(nc.name_constraints.has_value());
  REQUIRE(nc.name_constraints->permitted.size() == 2);
  REQUIRE(nc.name_constraints->excluded.size() == 1);
  CHECK(text(nc.name_constraints->permitted[0].base.value) == "nc.example.com");
  CHECK(to_hex(nc.name_constraints->permitted[1].base.value) == "c0000200ffffff00");
  CHECK(text(nc.name_constraints->excluded[0].base.value) == "bad.nc.example.com");

  CHECK(fixture_certificate("leaf-unknown-critical.pem").unknown_critical_extension);
  CHECK(!fixture_certificate("leaf-unknown-noncritical.pem").unknown_critical_extension);

  const auto pss = fixture_certificate("leaf-pss.pem");
  CHECK(pss.signature_algorithm.supported);
  CHECK(pss.signature_algorithm.kind == SignatureKind::rsa_pss);
  CHECK(pss.signature_algorithm.pss_salt_length == 32);
  const auto pss384 = fixture_certificate("leaf-pss384.pem");
  CHECK(pss384.signature_algorithm.hash == crypto::HashId::sha384);
  CHECK(pss384.signature_algorithm.pss_salt_length == 48);
  CHECK(fixture_certificate("leaf-ec384-sha512.pem").signature_algorithm.hash == crypto::HashId::sha512);
  const auto sha1 = fixture_certificate("leaf-sha1.pem");
  CHECK(!sha1.signature_algorithm.supported);
  CHECK(sha1.signature_algorithm.name == "sha1WithRSAEncryption");
}

TEST_CASE("times: strict UTCTime and GeneralizedTime") {
  struct T {
    std::uint8_t tag;
    const char* text;
    std::int64_t expected;  // -1: must be refused
  };
  const T cases[] = {
      {der::kUtcTime, "700101000000Z", 0},
      {der::kUtcTime, "491231235959Z", 2524607999},
      {der::kUtcTime, "500101000000Z", -631152000},
      {der::kUtcTime, "240229120000Z", 1709208000},
      {der::kGeneralizedTime, "20500101000000Z", 2524608000},
      {der::kGeneralizedTime, "99991231235959Z", 253402300799},
      {der::kUtcTime, "230229120000Z", -1},    // not a leap year
      {der::kUtcTime, "2401011200Z", -1},      // no seconds
      {der::kUtcTime, "240101120000+0100", -1},
      {der::kUtcTime, "240101120060Z", -1},
      {der::kUtcTime, "241301120000Z", -1},
      {der::kGeneralizedTime, "20240101120000.5Z", -1},
      {der::kGeneralizedTime, "20240101120000", -1},
      {der::kGeneralizedTime, "2024010112000aZ", -1},
      {der::kOctetString, "240101120000Z", -1},
  };
  std::size_t n = 0;
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const Bytes value = from_ascii(c.text);
    der::Element e;
    e.tag = c.tag;
    e.value = value;
    const auto t = parse_time(e);
    if (c.expected == -1) {
      CHECK(t.error() == Error::malformed);
    } else {
      REQUIRE(t.ok());
      CHECK(*t == c.expected);
    }
    ++n;
  }
  CHECK(n == 15);
  CHECK(format_time(0) == "1970-01-01 00:00:00 UTC");
  CHECK(format_time(1709208000) == "2024-02-29 12:00:00 UTC");
  CHECK(format_time(-631152000) == "1950-01-01 00:00:00 UTC");
}

TEST_CASE("certificate encodings that must be refused") {
  const Bytes der = fixture_ders("leaf-ec.pem").at(0);
  REQUIRE(Certificate::parse(der).ok());
  Bytes trailing = der;
  trailing.push_back(0);
  CHECK(Certificate::parse(trailing).error() == Error::malformed);
  CHECK(Certificate::parse(Bytes(der.begin(), der.end() - 1)).error() == Error::malformed);
  CHECK(Certificate::parse(Bytes{}).error() == Error::malformed);
  // Outer signatureAlgorithm different from the inner one (RFC 5280
  // §4.1.1.2): turn ecdsa-with-SHA256 (…04 03 02) into …04 03 03 in the
  // outer AlgorithmIdentifier only, which follows the TBSCertificate.
  const auto cert = fixture_certificate("leaf-ec.pem");
  const std::size_t outer_alg = cert.tbs().size() + 4;  // 30 82 LL LL, then tbs
  Bytes mismatch = der;
  REQUIRE(mismatch[outer_alg] == 0x30);
  REQUIRE(mismatch[outer_alg + 11] == 0x02);
  mismatch[outer_alg + 11] = 0x03;
  CHECK(Certificate::parse(mismatch).error() == Error::malformed);
  // The same certificate's leading SEQUENCE length in BER indefinite form.
  Bytes indefinite = der;
  indefinite[1] = 0x80;
  CHECK(Certificate::parse(indefinite).error() == Error::unsupported_encoding);
}

TEST_CASE("names print as text and compare as RFC 5280 §7.1 says") {
  const auto leaf = fixture_certificate("leaf-rsa.pem");
  const auto intermediate = fixture_certificate("int-rsa.pem");
  CHECK(leaf.subject.to_string() == "O=baretls test, CN=www.example.com");
  CHECK(leaf.subject.common_name() == "www.example.com");
  CHECK(leaf.issuer == intermediate.subject);
  CHECK(!(leaf.subject == intermediate.subject));
  CHECK(leaf.subject.is_within(leaf.subject));
  CHECK(!leaf.subject.is_within(intermediate.subject));
}

TEST_CASE("every certificate of the system bundle parses") {
  const std::string bundle = "/etc/ssl/certs/ca-certificates.crt";
  if (!std::filesystem::exists(bundle)) {
    MESSAGE("no system bundle at " << bundle << ": skipped");
    return;
  }
  auto ders = pem_decode_all(read_text_file(bundle), "CERTIFICATE");
  REQUIRE(ders.ok());
  std::size_t n = 0;
  for (const auto& der : *ders) {
    const auto cert = Certificate::parse(der);
    CHECK_MESSAGE(cert.ok(), "certificate #" << n << ": " << to_string(cert.error()));
    if (cert.ok()) CHECK(cert->public_key().ok());
    ++n;
  }
  MESSAGE("system bundle certificates parsed: " << n);
  CHECK(n == ders->size());
  CHECK(n > 0);
}
