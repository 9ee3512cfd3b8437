// SPDX-License-Identifier: MIT
// Interop: `baretls verify` agrees with `openssl verify` (-attime, -CAfile,
// -untrusted, -purpose sslserver|sslclient, -verify_hostname / -verify_ip) on
// every case of vectors/x509/{,strict/}verify-cases.txt. Cases marked
// "OpenSSL = differs" are deliberate differences (SHA-1 refused, no
// subject-CN fallback, notAfter inclusive per RFC 5280 §4.1.2.5, alternative
// issuers retried, wildcards that could reach an excluded subtree, RSA keys
// under 2048 bits); there openssl must give the other verdict.
#include <doctest/doctest.h>

#include "baretls/x509/hostname.h"
#include "tests/x509/run_command.h"
#include "tests/x509/verify_cases.h"

using namespace baretls;
using namespace baretls::test;

namespace {

std::string openssl_command(const VerifyCase& c) {
  std::string cmd = "openssl verify -attime " + c.at + " -CAfile " + x509_fixture_path(c.cafile);
  if (c.untrusted != "-") cmd += " -untrusted " + x509_fixture_path(c.untrusted);
  if (c.purpose == "server") cmd += " -purpose sslserver";
  if (c.purpose == "client") cmd += " -purpose sslclient";
  if (c.hostname != "-") {
    std::string host = c.hostname;
    const bool ip = x509::parse_ip_literal(host).has_value();
    cmd += (ip ? " -verify_ip '" : " -verify_hostname '") + host + "'";
  }
  return cmd + " " + x509_fixture_path(c.leaf) + " >/dev/null 2>&1";
}

std::string baretls_command(const VerifyCase& c) {
  std::string cmd = baretls_binary() + " verify --CAfile " + x509_fixture_path(c.cafile) + " --at " + c.at;
  if (c.untrusted != "-") cmd += " --untrusted " + x509_fixture_path(c.untrusted);
  if (c.hostname != "-") cmd += " --hostname '" + c.hostname + "'";
  if (c.purpose != "any") cmd += " --purpose " + c.purpose;
  return cmd + " " + x509_fixture_path(c.leaf) + " >/dev/null 2>&1";
}

}  // namespace

TEST_CASE("baretls verify agrees with openssl verify") {
  if (run_command("openssl version >/dev/null 2>&1").status != 0) {
    MESSAGE("openssl not found: interop skipped");
    return;
  }
  std::size_t same = 0;
  std::size_t differs = 0;
  for (const auto& c : load_verify_cases()) {
    CAPTURE(c.name);
    const bool ours = run_command(baretls_command(c)).status == 0;
    const bool theirs = run_command(openssl_command(c)).status == 0;
    CHECK(ours == (c.expect == "ok"));
    if (c.openssl == "same") {
      CHECK(ours == theirs);
      ++same;
    } else {
      REQUIRE(c.openssl == "differs");
      CHECK(ours != theirs);
      ++differs;
    }
  }
  MESSAGE("cases agreeing with openssl: " << same << ", deliberate differences: " << differs);
  CHECK(same == 52 + 19);
  CHECK(differs == 4 + 7);
}
