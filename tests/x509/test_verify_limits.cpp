// SPDX-License-Identifier: MIT
// Regression suite for issue #14 (X.509 and RSA items), over the fixtures of
// vectors/x509/strict/ (scripts/make-x509-strict-fixtures.sh): RSA keys under
// the minimum and the legacy option, crafted chains with huge or large RSA
// exponents against the work budget (asserting the error and the work
// counters, never the time), name-constraint work, critical key identifiers
// and a CA with an empty subject.
#include <doctest/doctest.h>

#include "baretls/x509/verify.h"
#include "tests/x509/fixtures.h"
#include "x509/work_meter.h"

using namespace baretls;
using namespace baretls::test;
using namespace baretls::x509;

namespace {

constexpr std::int64_t kAt = 1767225600;  // 2026-01-01, inside every fixture's validity

std::vector<Certificate> strict_bundle(const std::string& name) { return fixture_bundle("strict/" + name); }

TrustStore strict_store(const std::string& name) { return fixture_store("strict/" + name); }

VerifyOptions options_at(std::string_view host = {}) {
  VerifyOptions o;
  o.now = kAt;
  o.hostname = host;
  return o;
}

struct WeakCase {
  const char* leaf;
  const char* cafile;
  const char* untrusted;  // nullptr: none
  const char* host;
};

// An RSA-1024 key as root, intermediate and leaf (the leaf's would also be
// the key of an RSA key transport or a client certificate).
constexpr WeakCase kWeak[] = {
    {"leaf-under-rsa1024-root.pem", "root-rsa1024.pem", nullptr, "weakroot.example.com"},
    {"leaf-under-rsa1024-int.pem", "root.pem", "int-rsa1024.pem", "weakint.example.com"},
    {"leaf-rsa1024.pem", "root.pem", nullptr, "weakleaf.example.com"},
};

}  // namespace

TEST_CASE("RSA keys under 2048 bits are refused in every position unless the minimum is lowered") {
  std::size_t n = 0;
  for (const auto& c : kWeak) {
    CAPTURE(c.leaf);
    const auto leaf = strict_bundle(c.leaf).at(0);
    const auto untrusted = c.untrusted ? strict_bundle(c.untrusted) : std::vector<Certificate>{};
    const auto roots = strict_store(c.cafile);
    VerifyOptions o = options_at(c.host);
    CHECK(o.min_rsa_bits == 2048);
    CHECK(verify_path(leaf, untrusted, roots, o).error() == Error::weak_key);
    o.min_rsa_bits = kLegacyMinRsaBits;  // legacy peers
    CHECK(verify_path(leaf, untrusted, roots, o).ok());
    o.min_rsa_bits = 512;  // below what crypto/ accepts: acts as 1024
    CHECK(verify_path(leaf, untrusted, roots, o).ok());
    o.min_rsa_bits = 4096;  // every key of these paths is smaller
    CHECK(verify_path(leaf, untrusted, roots, o).error() == Error::weak_key);
    ++n;
  }
  CHECK(n == 3);
}

TEST_CASE("crafted chain, e near an 8192-bit n: refused at key import, no signature computed") {
  const auto leaf = strict_bundle("leaf-crafted.pem").at(0);
  const auto crafted = strict_bundle("crafted-huge-e.pem");
  REQUIRE(crafted.size() == 15);
  const auto key = crafted[0].public_key();
  CHECK(key.error() == Error::unsupported_rsa_key);
  VerifyStats stats;
  VerifyOptions o = options_at();
  o.stats = &stats;
  CHECK(verify_path(leaf, crafted, strict_store("root.pem"), o).error() == Error::unsupported_rsa_key);
  CHECK(stats.signature_checks == 0);
  CHECK(stats.signature_work == 0);
}

TEST_CASE("crafted chain, 15 issuers with 8192-bit n and e = 2^32 - 1: the work budget stops the search") {
  const auto leaf = strict_bundle("leaf-crafted.pem").at(0);
  const auto crafted = strict_bundle("crafted-big-e.pem");
  REQUIRE(crafted.size() == 15);
  const auto key = crafted[0].public_key();
  REQUIRE(key.ok());
  CHECK(key->bits() == 8192);
  CHECK(detail::signature_work(*key) == 54);  // 128^2 limbs^2 x (32 + 32) steps / (32^2 x 19)
  const auto roots = strict_store("root.pem");
  VerifyStats stats;
  VerifyOptions o = options_at();
  o.stats = &stats;
  // Default budget (96 units): one check of 54 fits, a second does not.
  CHECK(verify_path(leaf, crafted, roots, o).error() == Error::work_limit_exceeded);
  CHECK(stats.signature_checks == 1);
  CHECK(stats.signature_work == 54);
  // With room for everything, all 15 are tried and fail: that is the work
  // the budget saves.
  o.budget.signature_work = 15 * 54;
  CHECK(verify_path(leaf, crafted, roots, o).error() == Error::bad_signature);
  CHECK(stats.signature_checks == 15);
  CHECK(stats.signature_work == 15 * 54);
  // The count bound alone.
  o.budget.signature_checks = 3;
  CHECK(verify_path(leaf, crafted, roots, o).error() == Error::work_limit_exceeded);
  CHECK(stats.signature_checks == 3);
  // verify_chain, as the TLS engine calls it, under the default budget.
  std::vector<Bytes> ders{fixture_ders("strict/leaf-crafted.pem").at(0)};
  for (const auto& c : crafted) ders.emplace_back(c.der().begin(), c.der().end());
  std::vector<std::span<const std::uint8_t>> chain(ders.begin(), ders.end());
  CHECK(verify_chain(chain, roots, options_at()).error() == Error::work_limit_exceeded);
}

TEST_CASE("signature work: RSA by size and exponent, ECDSA by curve") {
  const auto rsa3072 = fixture_certificate("root-rsa.pem").public_key();  // RSA-3072, e = 65537
  const auto rsa2048 = fixture_certificate("int-rsa.pem").public_key();
  const auto p256 = fixture_certificate("int-ec.pem").public_key();
  const auto p384 = fixture_certificate("root-ec.pem").public_key();
  REQUIRE((rsa3072.ok() && rsa2048.ok() && p256.ok() && p384.ok()));
  CHECK(detail::signature_work(*rsa2048) == 1);
  CHECK(detail::signature_work(*rsa3072) == 3);  // 48^2 / 32^2 = 2.25, rounded up
  CHECK(detail::signature_work(*p256) == 5);
  CHECK(detail::signature_work(*p384) == 14);
}

TEST_CASE("name-constraint comparisons are counted and bounded") {
  const auto leaf = strict_bundle("leaf-dn-evil-corporation.pem").at(0);
  const auto untrusted = strict_bundle("int-dn-excluded.pem");
  const auto roots = strict_store("root.pem");
  VerifyStats stats;
  VerifyOptions o = options_at();
  o.stats = &stats;
  REQUIRE(verify_path(leaf, untrusted, roots, o).ok());
  CHECK(stats.name_comparisons == 2);  // the subject and the one dNSName, against one subtree
  CHECK(stats.name_work == 2);
  CHECK(stats.signature_checks == 2);
  o.budget.name_work = 1;
  CHECK(verify_path(leaf, untrusted, roots, o).error() == Error::work_limit_exceeded);
  CHECK(stats.name_comparisons == 1);
  // The public check_name_constraints runs under the default budget.
  CHECK(check_name_constraints(leaf, *untrusted[0].name_constraints, true) == Error::ok);
}

TEST_CASE("RFC 5280 MUSTs: key identifiers non-critical, a CA's subject not empty") {
  // §4.2.1.1, §4.2.1.2: "Conforming CAs MUST mark this extension as non-critical."
  CHECK(Certificate::parse(fixture_ders("strict/leaf-ski-critical.pem").at(0)).error() == Error::nonconforming);
  CHECK(Certificate::parse(fixture_ders("strict/leaf-aki-critical.pem").at(0)).error() == Error::nonconforming);
  // §4.1.2.6: a CA's subject "MUST be populated with a non-empty distinguished name".
  CHECK(Certificate::parse(fixture_ders("strict/int-empty-subject.pem").at(0)).error() == Error::nonconforming);
  // The same extensions, non-critical, and a CA with a subject, parse.
  const auto root = strict_bundle("root.pem").at(0);
  CHECK(!root.subject_key_id.empty());
  CHECK(root.is_ca());
  CHECK(!strict_bundle("leaf-dn-evil.pem").at(0).authority_key_id.empty());
}
