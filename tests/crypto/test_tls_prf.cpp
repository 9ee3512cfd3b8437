// SPDX-License-Identifier: MIT
// TLS 1.2 PRF suite (RFC 5246 §5). Vectors:
//   vectors/ietf-tls-wg/tls12-prf-sha256-sha384.txt (PRF with "test label"),
//   vectors/nist-cavp/tls-kdf-sp800-135/tls.rsp (master secret and key block
//   for TLS 1.2 with SHA-256/384/512; TLS 1.0/1.1 records counted as skipped).
#include "baretls/crypto/tls_prf.h"

#include <doctest/doctest.h>

#include "tests/support/cpu_paths.h"
#include "tests/support/hex.h"
#include "tests/support/vector_file.h"

using namespace baretls;
using namespace baretls::test;

TEST_CASE("TLS 1.2 PRF: IETF TLS WG vectors") {
  std::size_t checked = 0;
  for (const auto& r : load_vector_file(vector_path("ietf-tls-wg/tls12-prf-sha256-sha384.txt")).records) {
    const std::string& h = r.section_value("PRF");
    const auto id = h == "SHA-256" ? crypto::HashId::sha256 : crypto::HashId::sha384;
    REQUIRE((h == "SHA-256" || h == "SHA-384"));
    const auto label = r.get("Label");
    CHECK(from_ascii(label) == r.bytes("LabelHex"));
    Bytes out(r.number("OutLen"));
    crypto::tls12_prf(id, r.bytes("Secret"), label, r.bytes("Seed"), out);
    CHECK_MESSAGE(to_hex(out) == r.get("Output"), r.where());
    // Every shorter output is a prefix of the longer one.
    Bytes shorter(out.size() - 7);
    crypto::tls12_prf(id, r.bytes("Secret"), label, r.bytes("Seed"), shorter);
    CHECK(std::equal(shorter.begin(), shorter.end(), out.begin()));
    ++checked;
  }
  CHECK(checked == 2);
  MESSAGE("TLS WG PRF: checked " << checked << " records");
}

TEST_CASE("TLS 1.2 PRF: NIST SP 800-135 TLS KDF vectors") {
  for (const auto& path : cpu_paths()) {
    ScopedCpuMask mask(path.mask);
    std::size_t checked = 0, skipped = 0;
    for (const auto& r : load_vector_file(vector_path("nist-cavp/tls-kdf-sp800-135/tls.rsp")).records) {
      crypto::HashId id;
      if (r.has_section("TLS 1.2, SHA-256")) {
        id = crypto::HashId::sha256;
      } else if (r.has_section("TLS 1.2, SHA-384")) {
        id = crypto::HashId::sha384;
      } else if (r.has_section("TLS 1.2, SHA-512")) {
        id = crypto::HashId::sha512;
      } else {
        REQUIRE(r.has_section("TLS 1.0/1.1"));
        ++skipped;
        continue;
      }
      // RFC 5246 §8.1: master_secret = PRF(pre_master_secret, "master secret",
      //   ClientHello.random + ServerHello.random)[0..47];
      Bytes master(48);
      crypto::tls12_prf(id, r.bytes("pre_master_secret"), "master secret", r.bytes("clientHello_random"),
                        r.bytes("serverHello_random"), master);
      CHECK_MESSAGE(to_hex(master) == r.get("master_secret"), r.where());
      // RFC 5246 §6.3: key_block = PRF(SecurityParameters.master_secret,
      //   "key expansion", server_random + client_random);
      const auto expected_block = r.bytes("key_block");
      Bytes block(expected_block.size());
      crypto::tls12_prf(id, master, "key expansion", r.bytes("server_random"), r.bytes("client_random"), block);
      CHECK_MESSAGE(to_hex(block) == to_hex(expected_block), r.where());
      ++checked;
    }
    CHECK(checked == 30);
    CHECK(skipped == 10);
    MESSAGE("SP 800-135 TLS KDF [" << path.name << "]: checked " << checked << ", skipped " << skipped
                                   << " (TLS 1.0/1.1)");
  }
}
