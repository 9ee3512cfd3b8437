// SPDX-License-Identifier: MIT
// Path validation suite (RFC 5280 §6.1, RFC 6125 §6.4): every case of
// vectors/x509/verify-cases.txt and strict/verify-cases.txt through
// verify_path, each naming its
// expected Error; verify_chain's contract; signature checks per algorithm;
// every root of the system bundle verifies against the bundle.
#include "baretls/x509/verify.h"

#include <doctest/doctest.h>

#include <ctime>
#include <filesystem>

#include "tests/x509/verify_cases.h"

using namespace baretls;
using namespace baretls::test;
using namespace baretls::x509;

TEST_CASE("every verification case gives its expected result") {
  std::size_t n = 0;
  std::size_t passing = 0;
  for (const auto& c : load_verify_cases()) {
    CAPTURE(c.where);
    CAPTURE(c.name);
    const auto leaf = fixture_certificate(c.leaf);
    const auto untrusted = fixture_bundle(c.untrusted);
    const auto roots = fixture_store(c.cafile);
    VerifyOptions options;
    options.now = std::stoll(c.at);
    options.purpose = purpose_from(c.purpose);
    if (c.hostname != "-") options.hostname = c.hostname;
    const auto path = verify_path(leaf, untrusted, roots, options);
    CHECK(error_name(path.ok() ? Error::ok : path.error()) == c.expect);
    if (path.ok()) {
      ++passing;
      // The path runs from the leaf to an anchor, each issued by the next.
      REQUIRE(!path->empty());
      CHECK(to_hex(path->front().der()) == to_hex(leaf.der()));
      CHECK(roots.contains(path->back()));
      for (std::size_t i = 0; i + 1 < path->size(); ++i) CHECK((*path)[i].issuer == (*path)[i + 1].subject);
    }
    ++n;
  }
  MESSAGE("verification cases: " << n << " (" << passing << " valid, " << n - passing << " refused)");
  CHECK(n == 56 + 26);
  CHECK(passing == 30 + 9);
}

TEST_CASE("verify_chain: leaf first, intermediates in any order, leaf key returned") {
  const auto roots = fixture_store("roots.pem");
  const Bytes leaf = fixture_ders("leaf-ec.pem").at(0);
  const Bytes int_ec = fixture_ders("int-ec.pem").at(0);
  const Bytes int_rsa = fixture_ders("int-rsa.pem").at(0);
  const std::span<const std::uint8_t> chain[] = {leaf, int_rsa, int_ec};
  VerifyOptions options;
  options.now = 1767225600;
  options.hostname = "ec.example.com";
  auto key = verify_chain(chain, roots, options);
  REQUIRE(key.ok());
  CHECK(key->type() == KeyType::ec_p256);
  options.now = 2000000000;  // 2033: the leaf has expired
  CHECK(verify_chain(chain, roots, options).error() == Error::expired);
  options.now = 1767225600;
  options.max_depth = 1;  // leaf + one intermediate needed
  CHECK(verify_chain(chain, roots, options).error() == Error::path_too_long);
  CHECK(verify_chain({}, roots, options).error() == Error::no_certificate);
  const Bytes junk = {0x30, 0x00};
  const std::span<const std::uint8_t> bad[] = {junk};
  CHECK(verify_chain(bad, roots, options).error() == Error::malformed);
  const TrustStore empty;
  options.max_depth = 10;
  CHECK(verify_chain(chain, empty, options).error() == Error::unknown_issuer);
}

TEST_CASE("each link's signature is checked with its algorithm") {
  struct Link {
    const char* cert;
    const char* issuer;
    Error expected;
  };
  const Link links[] = {
      {"leaf-rsa.pem", "int-rsa.pem", Error::ok},                 // sha256WithRSAEncryption
      {"leaf-direct.pem", "root-rsa.pem", Error::ok},             // sha384WithRSAEncryption
      {"leaf-sha512.pem", "int-rsa.pem", Error::ok},              // sha512WithRSAEncryption
      {"leaf-pss.pem", "int-rsa.pem", Error::ok},                 // RSASSA-PSS SHA-256, salt 32
      {"leaf-pss384.pem", "int-rsa.pem", Error::ok},              // RSASSA-PSS SHA-384, salt 48
      {"int-ec.pem", "root-ec.pem", Error::ok},                   // P-384 signing, ecdsa-with-SHA384
      {"leaf-ec.pem", "int-ec.pem", Error::ok},                   // P-256, ecdsa-with-SHA256
      {"leaf-ec384-sha512.pem", "root-ec.pem", Error::ok},        // P-384, ecdsa-with-SHA512
      {"int-nc.pem", "root-rsa.pem", Error::ok},
      {"leaf-nc-ok.pem", "int-nc.pem", Error::ok},
      {"leaf-badsig.pem", "int-rsa.pem", Error::bad_signature},
      {"leaf-rsa.pem", "int-nokcs.pem", Error::bad_signature},    // wrong key
      {"leaf-ec.pem", "int-rsa.pem", Error::unsupported_algorithm},  // ECDSA sig, RSA key
      {"leaf-rsa.pem", "int-ec.pem", Error::unsupported_algorithm},  // RSA sig, EC key
      {"leaf-sha1.pem", "int-rsa.pem", Error::unsupported_algorithm},
  };
  std::size_t n = 0;
  for (const auto& l : links) {
    CAPTURE(l.cert);
    CHECK(check_signed_by(fixture_certificate(l.cert), fixture_certificate(l.issuer)) == l.expected);
    ++n;
  }
  CHECK(n == 15);
}

TEST_CASE("trust store: PEM text, file, directory, duplicates") {
  TrustStore store;
  CHECK(store.load_file(x509_fixture_path("roots.pem").c_str()) == Error::ok);
  CHECK(store.size() == 2);
  CHECK(store.load_file(x509_fixture_path("root-rsa.pem").c_str()) == Error::ok);
  CHECK(store.size() == 2);  // already there
  CHECK(store.add_pem("no certificates") == Error::no_certificate);
  CHECK(store.load_file("/nonexistent/file.pem") == Error::unreadable_file);
  TrustStore dir;
  CHECK(dir.load_directory(x509_fixture_path("").c_str()) == Error::ok);
  CHECK(dir.size() == 43);  // every distinct certificate of the fixtures folder
  CHECK(dir.load_directory("/nonexistent") == Error::unreadable_file);
}

TEST_CASE("every root of the system bundle verifies against the bundle") {
  const char* bundle = kSystemBundle;
  if (!std::filesystem::exists(bundle)) {
    MESSAGE("no system bundle: skipped");
    return;
  }
  TrustStore store;
  REQUIRE(store.load_file(bundle) == Error::ok);
  VerifyOptions options;
  options.now = static_cast<std::int64_t>(std::time(nullptr));
  options.purpose = Purpose::any;
  std::size_t n = 0;
  std::size_t expired = 0;
  for (const auto& root : store.anchors()) {
    CAPTURE(root.subject.to_string());
    // Now: valid, unless the root's own notAfter has passed (then exactly
    // `expired`, as openssl verify says too).
    const auto path = verify_path(root, {}, store, options);
    if (root.not_after < options.now) {
      CHECK(path.error() == Error::expired);
      ++expired;
    } else {
      CHECK_MESSAGE(path.ok(), to_string(path.error()));
    }
    // Within its validity period every root is accepted.
    VerifyOptions inside = options;
    inside.now = root.not_before + (root.not_after - root.not_before) / 2;
    const auto at_mid = verify_path(root, {}, store, inside);
    CHECK_MESSAGE(at_mid.ok(), to_string(at_mid.error()));
    ++n;
  }
  MESSAGE("system roots verified: " << n << " (" << expired << " expired by now)");
  CHECK(n == store.size());
  CHECK(n > 0);
}
