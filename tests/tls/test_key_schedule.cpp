// SPDX-License-Identifier: MIT
// TLS 1.2 key schedule (tls/key_schedule.h) and transcript. Vectors:
//   vectors/nist-cavp/tls-kdf-sp800-135/tls.rsp (TLS 1.2 sections: master
//   secret and key block through derive_master_secret / expand_key_block;
//   TLS 1.0/1.1 records are counted as skipped).
#include "tls/key_schedule.h"

#include <doctest/doctest.h>

#include "baretls/crypto/tls_prf.h"
#include "tests/support/hex.h"
#include "tests/support/vector_file.h"
#include "tls/transcript.h"

using namespace baretls;
using namespace baretls::tls;
using namespace baretls::test;

namespace {
std::array<std::uint8_t, 32> random32(const Bytes& b) {
  REQUIRE(b.size() == 32);
  std::array<std::uint8_t, 32> out{};
  std::copy(b.begin(), b.end(), out.begin());
  return out;
}
}  // namespace

TEST_CASE("key schedule: NIST SP 800-135 TLS 1.2 master secret and key block") {
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
      ++skipped;
      continue;
    }
    const auto ms = derive_master_secret(id, r.bytes("pre_master_secret"), random32(r.bytes("clientHello_random")),
                                         random32(r.bytes("serverHello_random")));
    CHECK_MESSAGE(to_hex(ms.expose()) == r.get("master_secret"), r.where());
    const Bytes expected = r.bytes("key_block");
    Bytes block(expected.size());
    expand_key_block(id, ms, random32(r.bytes("client_random")), random32(r.bytes("server_random")), block);
    CHECK_MESSAGE(block == expected, r.where());
    ++checked;
  }
  MESSAGE("tls.rsp: checked " << checked << ", skipped " << skipped << " (TLS 1.0/1.1)");
  CHECK(checked == 30);
  CHECK(skipped == 10);
}

TEST_CASE("key schedule: traffic keys are the RFC 5246 §6.3 partition of the key block") {
  MasterSecret ms;
  for (std::size_t i = 0; i < 48; ++i) ms.expose()[i] = static_cast<std::uint8_t>(i * 7);
  std::array<std::uint8_t, 32> cr{}, sr{};
  cr.fill(1);
  sr.fill(2);
  std::size_t n = 0;
  for (const auto& suite : kSuites) {
    const std::size_t k = suite.key_length, iv = suite.fixed_iv_length;
    Bytes block(2 * (k + iv));
    expand_key_block(suite.prf_hash, ms, cr, sr, block);
    const auto keys = derive_traffic_keys(suite, ms, cr, sr);
    CHECK(keys.client_write.key_length == k);
    CHECK(keys.server_write.iv_length == iv);
    CHECK(Bytes(block.begin(), block.begin() + static_cast<long>(k)) ==
          Bytes(keys.client_write.key.expose().begin(), keys.client_write.key.expose().begin() + static_cast<long>(k)));
    CHECK(Bytes(block.begin() + static_cast<long>(k), block.begin() + static_cast<long>(2 * k)) ==
          Bytes(keys.server_write.key.expose().begin(), keys.server_write.key.expose().begin() + static_cast<long>(k)));
    CHECK(Bytes(block.begin() + static_cast<long>(2 * k), block.begin() + static_cast<long>(2 * k + iv)) ==
          Bytes(keys.client_write.iv.expose().begin(), keys.client_write.iv.expose().begin() + static_cast<long>(iv)));
    CHECK(Bytes(block.begin() + static_cast<long>(2 * k + iv), block.end()) ==
          Bytes(keys.server_write.iv.expose().begin(), keys.server_write.iv.expose().begin() + static_cast<long>(iv)));
    ++n;
  }
  CHECK(n == kSuites.size());
}

TEST_CASE("key schedule: RFC 7627 extended master secret and verify_data") {
  const Bytes pms(48, 0x33);
  std::array<std::uint8_t, 32> cr{}, sr{};
  cr.fill(0xaa);
  sr.fill(0xbb);
  const Bytes session_hash(32, 0x5c);
  const auto ems = derive_extended_master_secret(crypto::HashId::sha256, pms, session_hash);
  const auto classic = derive_master_secret(crypto::HashId::sha256, pms, cr, sr);
  Bytes direct(48);
  crypto::tls12_prf(crypto::HashId::sha256, pms, "extended master secret", session_hash, direct);
  CHECK(Bytes(ems.expose().begin(), ems.expose().end()) == direct);
  CHECK(to_hex(ems.expose()) != to_hex(classic.expose()));
  // The session hash binds the master secret: a different transcript gives another secret.
  Bytes other_hash = session_hash;
  other_hash[31] ^= 1;
  CHECK(to_hex(derive_extended_master_secret(crypto::HashId::sha256, pms, other_hash).expose()) !=
        to_hex(ems.expose()));

  const auto c = compute_verify_data(crypto::HashId::sha256, ems, FinishedLabel::client, session_hash);
  const auto s = compute_verify_data(crypto::HashId::sha256, ems, FinishedLabel::server, session_hash);
  Bytes expect(12);
  crypto::tls12_prf(crypto::HashId::sha256, ems.expose(), "client finished", session_hash, expect);
  CHECK(Bytes(c.begin(), c.end()) == expect);
  CHECK(c != s);
}

TEST_CASE("transcript: running hash equals the one-shot hash of the messages") {
  const Bytes a = from_ascii("client hello bytes"), b = from_ascii("server hello bytes");
  for (const auto id : {crypto::HashId::sha256, crypto::HashId::sha384}) {
    Transcript t;
    t.update(a);
    t.select(id);
    t.update(b);
    std::array<std::uint8_t, crypto::kMaxDigestSize> snap{};
    const std::size_t n = t.snapshot(snap);
    Bytes all = a;
    all.insert(all.end(), b.begin(), b.end());
    Bytes expect(crypto::digest_size(id));
    crypto::hash(id, all, expect);
    CHECK(n == expect.size());
    CHECK(Bytes(snap.begin(), snap.begin() + static_cast<long>(n)) == expect);
    // Snapshots do not disturb the running hash.
    CHECK(t.snapshot(snap) == n);
    CHECK(Bytes(snap.begin(), snap.begin() + static_cast<long>(n)) == expect);
  }
}
