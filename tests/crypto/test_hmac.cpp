// SPDX-License-Identifier: MIT
// HMAC suite. Vectors: vectors/rfc4231/rfc4231-hmac-sha2.txt (RFC 4231 §4,
// incl. the truncated case 5) and vectors/nist-cavp/hmac/HMAC.rsp (HMACVS;
// [L=32/48/64] checked, SHA-1/SHA-224 sections counted as skipped).
#include "baretls/crypto/hmac.h"

#include <doctest/doctest.h>

#include <optional>

#include "tests/support/cpu_paths.h"
#include "tests/support/hex.h"
#include "tests/support/vector_file.h"

using namespace baretls;
using namespace baretls::test;

namespace {

std::optional<crypto::HashId> hash_for_length(const std::string& l) {
  if (l == "32") return crypto::HashId::sha256;
  if (l == "48") return crypto::HashId::sha384;
  if (l == "64") return crypto::HashId::sha512;
  return std::nullopt;  // SHA-1 (20) and SHA-224 (28): not implemented
}

struct Counts {
  std::size_t checked = 0;
  std::size_t skipped = 0;
};

Counts check_hmac_file(const std::string& relative) {
  Counts n;
  for (const auto& r : load_vector_file(vector_path(relative)).records) {
    const auto id = hash_for_length(r.section_value("L"));
    if (!id) {
      ++n.skipped;
      continue;
    }
    const auto key = r.bytes("Key");
    const auto msg = r.bytes("Msg");
    const auto expected = r.bytes("Mac");
    REQUIRE_MESSAGE(key.size() == r.number("Klen"), r.where());
    REQUIRE_MESSAGE(expected.size() == r.number("Tlen"), r.where());
    Bytes mac(crypto::digest_size(*id));
    CHECK(crypto::Hmac::mac(*id, key, msg, mac) == mac.size());
    mac.resize(expected.size());
    CHECK_MESSAGE(to_hex(mac) == to_hex(expected), r.where());
    CHECK_MESSAGE(crypto::Hmac::verify(*id, key, msg, expected) == crypto::Error::ok, r.where());
    // Negative: one flipped bit in the tag, and in the message.
    auto bad_tag = expected;
    bad_tag[bad_tag.size() / 2] ^= 0x01;
    CHECK(crypto::Hmac::verify(*id, key, msg, bad_tag) == crypto::Error::auth_failed);
    auto bad_msg = msg;
    if (!bad_msg.empty()) {
      bad_msg[0] ^= 0x80;
      CHECK(crypto::Hmac::verify(*id, key, bad_msg, expected) == crypto::Error::auth_failed);
    }
    ++n.checked;
  }
  return n;
}

}  // namespace

// RFC 4231 files use [L=..] like HMAC.rsp, after a [Hash = ..] header.
TEST_CASE("HMAC RFC 4231 test cases") {
  for (const auto& path : cpu_paths()) {
    ScopedCpuMask mask(path.mask);
    const auto n = check_hmac_file("rfc4231/rfc4231-hmac-sha2.txt");
    CHECK(n.checked == 21);
    CHECK(n.skipped == 7);
    MESSAGE("RFC 4231 [" << path.name << "]: checked " << n.checked << ", skipped " << n.skipped
                         << " (SHA-224)");
  }
}

TEST_CASE("HMAC NIST HMACVS vectors") {
  for (const auto& path : cpu_paths()) {
    ScopedCpuMask mask(path.mask);
    const auto n = check_hmac_file("nist-cavp/hmac/HMAC.rsp");
    CHECK(n.checked == 900);
    CHECK(n.skipped == 675);
    MESSAGE("HMAC.rsp [" << path.name << "]: checked " << n.checked << ", skipped " << n.skipped
                         << " (SHA-1, SHA-224)");
  }
}

TEST_CASE("HMAC streaming equals one-shot; reuse after final") {
  const Bytes key = from_ascii("key");
  const Bytes msg = from_ascii("The quick brown fox jumps over the lazy dog");
  for (auto id : {crypto::HashId::sha256, crypto::HashId::sha384, crypto::HashId::sha512}) {
    Bytes one(crypto::digest_size(id)), two(crypto::digest_size(id));
    crypto::Hmac::mac(id, key, msg, one);
    crypto::Hmac h(id, key);
    for (std::size_t cut = 0; cut <= msg.size(); ++cut) {
      h.update(std::span<const std::uint8_t>(msg).first(cut));
      h.update(std::span<const std::uint8_t>(msg).subspan(cut));
      h.final(two);
      REQUIRE(one == two);
    }
  }
  // Well-known value: HMAC-SHA256("key", fox) .
  Bytes out(32);
  crypto::Hmac::mac(crypto::HashId::sha256, key, msg, out);
  CHECK(to_hex(out) == "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
}

TEST_CASE("HMAC verify rejects empty and over-long tags") {
  const Bytes key(16, 1), msg(3, 2);
  CHECK(crypto::Hmac::verify(crypto::HashId::sha256, key, msg, {}) == crypto::Error::bad_length);
  const Bytes long_tag(33, 0);
  CHECK(crypto::Hmac::verify(crypto::HashId::sha256, key, msg, long_tag) == crypto::Error::bad_length);
}
