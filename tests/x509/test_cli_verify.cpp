// SPDX-License-Identifier: MIT
// The `baretls verify` and `baretls x509` commands (README.md command-line
// contract): every case of vectors/x509/{,strict/}verify-cases.txt through the CLI
// (OK and exit 0, or the reason and exit 1), the printed certificate fields,
// and each root of the system bundle verified by the CLI against the bundle.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "tests/x509/run_command.h"
#include "tests/x509/verify_cases.h"

using namespace baretls;
using namespace baretls::test;
using namespace baretls::x509;

namespace {

std::string verify_command(const VerifyCase& c) {
  std::string cmd = baretls_binary() + " verify --CAfile " + x509_fixture_path(c.cafile) + " --at " + c.at;
  if (c.untrusted != "-") cmd += " --untrusted " + x509_fixture_path(c.untrusted);
  if (c.hostname != "-") cmd += " --hostname '" + c.hostname + "'";
  if (c.purpose != "any") cmd += " --purpose " + c.purpose;
  return cmd + " " + x509_fixture_path(c.leaf) + " 2>&1";
}

// The Error whose enumerator name is `name` (via the suite's name table).
std::string reason_for(const std::string& name) {
  for (int v = 0; v < 200; ++v) {
    const auto e = static_cast<Error>(v);
    if (error_name(e) == name) return std::string(to_string(e));
  }
  throw std::runtime_error("unknown error name " + name);
}

}  // namespace

TEST_CASE("baretls verify on every case") {
  std::size_t n = 0;
  for (const auto& c : load_verify_cases()) {
    CAPTURE(c.name);
    const auto r = run_command(verify_command(c));
    CAPTURE(r.out);
    if (c.expect == "ok") {
      CHECK(r.status == 0);
      CHECK(r.out == "OK\n");
    } else {
      CHECK(r.status == 1);
      CHECK(r.out.find(reason_for(c.expect)) != std::string::npos);
    }
    ++n;
  }
  MESSAGE("baretls verify cases: " << n);
  CHECK(n == 56 + 26);
}

TEST_CASE("baretls verify usage errors") {
  CHECK(run_command(baretls_binary() + " verify 2>/dev/null").status == 2);
  CHECK(run_command(baretls_binary() + " verify --purpose web x.pem 2>/dev/null").status == 2);
  CHECK(run_command(baretls_binary() + " verify --at soon x.pem 2>/dev/null").status == 2);
  const auto missing = run_command(baretls_binary() + " verify --CAfile " + x509_fixture_path("roots.pem") +
                                   " /nonexistent.pem 2>&1");
  CHECK(missing.status == 1);
}

TEST_CASE("baretls x509 prints the fields") {
  const auto r = run_command(baretls_binary() + " x509 " + x509_fixture_path("leaf-ec.pem"));
  REQUIRE(r.status == 0);
  CHECK(r.out.find("Subject:             O=baretls test, CN=ec.example.com\n") != std::string::npos);
  CHECK(r.out.find("Issuer:              O=baretls test, CN=baretls Test ECDSA Intermediate\n") != std::string::npos);
  CHECK(r.out.find("Not before:          2025-01-01 00:00:00 UTC\n") != std::string::npos);
  CHECK(r.out.find("Public key:          EC P-256, 256 bits\n") != std::string::npos);
  CHECK(r.out.find("Subject alt names:   DNS:ec.example.com, IP:192.0.2.1, IP:2001:db8:0:0:0:0:0:1\n") !=
        std::string::npos);
  CHECK(r.out.find("Key usage:           digitalSignature\n") != std::string::npos);
  CHECK(r.out.find("Basic constraints:   CA:FALSE\n") != std::string::npos);
  // The fingerprint is the one openssl reported (expected-certificates.txt).
  std::string expected_fp;
  for (const auto& rec : load_vector_file(x509_fixture_path("expected-certificates.txt")).records) {
    if (rec.get("File") == "leaf-ec.pem") expected_fp = rec.get("SHA256");
  }
  REQUIRE(expected_fp.size() == 64);
  std::string with_colons;
  for (std::size_t i = 0; i < 64; i += 2) {
    if (i) with_colons += ':';
    with_colons += static_cast<char>(std::toupper(expected_fp[i]));
    with_colons += static_cast<char>(std::toupper(expected_fp[i + 1]));
  }
  CHECK(r.out.find("SHA-256 fingerprint: " + with_colons + "\n") != std::string::npos);
  // A bundle prints every certificate.
  const auto bundle = run_command(baretls_binary() + " x509 " + x509_fixture_path("roots.pem"));
  CHECK(bundle.status == 0);
  CHECK(bundle.out.find("Certificate 2:") != std::string::npos);
  CHECK(bundle.out.find("Basic constraints:   CA:TRUE\n") != std::string::npos);
}

TEST_CASE("baretls verify accepts each system root against the system bundle") {
  const std::string bundle = "/etc/ssl/certs/ca-certificates.crt";
  if (!std::filesystem::exists(bundle)) {
    MESSAGE("no system bundle: skipped");
    return;
  }
  auto ders = pem_decode_all(read_text_file(bundle), "CERTIFICATE");
  REQUIRE(ders.ok());
  const auto tmp = std::filesystem::temp_directory_path() / ("baretls-root-" + std::to_string(::getpid()) + ".pem");
  std::size_t n = 0;
  for (const auto& der : *ders) {
    const auto cert = Certificate::parse(der);
    REQUIRE(cert.ok());
    {
      std::ofstream out(tmp);
      out << pem_encode("CERTIFICATE", der);
    }
    // At the middle of the root's validity (a few bundle roots have expired).
    const auto at = cert->not_before + (cert->not_after - cert->not_before) / 2;
    const auto r = run_command(baretls_binary() + " verify --CAfile " + bundle + " --at " + std::to_string(at) + " " +
                               tmp.string() + " 2>&1");
    CHECK_MESSAGE(r.out == "OK\n", cert->subject.to_string() << ": " << r.out);
    ++n;
  }
  std::filesystem::remove(tmp);
  MESSAGE("system roots accepted by baretls verify: " << n);
  CHECK(n == ders->size());
}
