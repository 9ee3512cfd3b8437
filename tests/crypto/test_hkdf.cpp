// SPDX-License-Identifier: MIT
// HKDF suite (RFC 5869). Vectors:
//   vectors/rfc5869/rfc5869-hkdf.txt (Appendix A: the SHA-256 cases checked,
//   the SHA-1 cases counted as skipped - baretls has no SHA-1);
//   vectors/hkdf/hkdf-sha384-sha512-openssl.txt (SHA-384/512, openssl CLI,
//   up to L = 255*HashLen).
#include "baretls/crypto/hkdf.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>

#include "tests/support/cpu_paths.h"
#include "tests/support/hex.h"
#include "tests/support/vector_file.h"

using namespace baretls;
using namespace baretls::test;

namespace {

std::optional<crypto::HashId> hash_named(const std::string& name) {
  if (name == "SHA-256") return crypto::HashId::sha256;
  if (name == "SHA-384") return crypto::HashId::sha384;
  if (name == "SHA-512") return crypto::HashId::sha512;
  return std::nullopt;  // SHA-1: not implemented
}

// Extract, Expand and the one-shot form against one record.
void check_record(crypto::HashId id, const VectorRecord& r) {
  const Bytes ikm = r.bytes("IKM"), salt = r.bytes("salt"), info = r.bytes("info");
  Bytes prk(crypto::digest_size(id));
  REQUIRE(crypto::hkdf_extract(id, salt, ikm, prk) == crypto::Error::ok);
  CHECK_MESSAGE(to_hex(prk) == r.get("PRK"), r.where());
  Bytes okm(r.number("L"));
  REQUIRE(crypto::hkdf_expand(id, prk, info, okm) == crypto::Error::ok);
  CHECK_MESSAGE(to_hex(okm) == r.get("OKM"), r.where());
  Bytes one_shot(okm.size());
  REQUIRE(crypto::hkdf(id, salt, ikm, info, one_shot) == crypto::Error::ok);
  CHECK(one_shot == okm);
  // RFC 5869 §2.3: OKM is the first L octets of T, so a shorter output is a prefix.
  if (okm.size() > 1) {
    Bytes shorter(okm.size() - 1);
    REQUIRE(crypto::hkdf_expand(id, prk, info, shorter) == crypto::Error::ok);
    CHECK(std::equal(shorter.begin(), shorter.end(), okm.begin()));
  }
}

}  // namespace

TEST_CASE("HKDF: RFC 5869 Appendix A") {
  for (const auto& path : cpu_paths()) {
    ScopedCpuMask mask(path.mask);
    std::size_t checked = 0, skipped = 0;
    for (const auto& r : load_vector_file(vector_path("rfc5869/rfc5869-hkdf.txt")).records) {
      const auto id = hash_named(r.section_value("Hash"));
      if (!id) {
        REQUIRE(r.section_value("Hash") == "SHA-1");
        ++skipped;
        continue;
      }
      check_record(*id, r);
      ++checked;
    }
    CHECK(checked == 3);
    CHECK(skipped == 4);
    MESSAGE("RFC 5869 [" << path.name << "]: checked " << checked << ", skipped " << skipped << " (SHA-1)");
  }
}

TEST_CASE("HKDF: SHA-384 and SHA-512 against openssl") {
  for (const auto& path : cpu_paths()) {
    ScopedCpuMask mask(path.mask);
    std::size_t checked = 0, at_maximum = 0;
    for (const auto& r : load_vector_file(vector_path("hkdf/hkdf-sha384-sha512-openssl.txt")).records) {
      const auto id = hash_named(r.section_value("Hash"));
      REQUIRE(id);
      check_record(*id, r);
      if (r.number("L") == crypto::hkdf_max_output(*id)) ++at_maximum;
      ++checked;
    }
    CHECK(checked == 12);
    CHECK(at_maximum == 2);
    MESSAGE("HKDF openssl [" << path.name << "]: checked " << checked << " records");
  }
}

TEST_CASE("HKDF: output longer than 255*HashLen is refused, nothing written") {
  for (const auto id : {crypto::HashId::sha256, crypto::HashId::sha384, crypto::HashId::sha512}) {
    const Bytes prk(crypto::digest_size(id), 0x0b);
    Bytes too_long(crypto::hkdf_max_output(id) + 1, 0xAA);
    CHECK(crypto::hkdf_expand(id, prk, {}, too_long) == crypto::Error::message_too_long);
    CHECK(std::all_of(too_long.begin(), too_long.end(), [](std::uint8_t b) { return b == 0xAA; }));
    CHECK(crypto::hkdf(id, {}, prk, {}, too_long) == crypto::Error::message_too_long);
    Bytes at_max(crypto::hkdf_max_output(id));
    CHECK(crypto::hkdf_expand(id, prk, {}, at_max) == crypto::Error::ok);
    Bytes empty;
    CHECK(crypto::hkdf_expand(id, prk, {}, empty) == crypto::Error::ok);
  }
}

TEST_CASE("HKDF: a PRK shorter than HashLen and a short PRK buffer are refused") {
  const Bytes short_prk(31, 1);
  Bytes out(16);
  CHECK(crypto::hkdf_expand(crypto::HashId::sha256, short_prk, {}, out) == crypto::Error::bad_length);
  Bytes small(47);
  CHECK(crypto::hkdf_extract(crypto::HashId::sha384, {}, short_prk, small) == crypto::Error::buffer_too_small);
}

TEST_CASE("HKDF: an absent salt equals HashLen zero bytes (RFC 5869 §2.2)") {
  const Bytes ikm(22, 0x0c);
  for (const auto id : {crypto::HashId::sha256, crypto::HashId::sha384, crypto::HashId::sha512}) {
    Bytes a(crypto::digest_size(id)), b(crypto::digest_size(id));
    REQUIRE(crypto::hkdf_extract(id, {}, ikm, a) == crypto::Error::ok);
    REQUIRE(crypto::hkdf_extract(id, Bytes(crypto::digest_size(id), 0), ikm, b) == crypto::Error::ok);
    CHECK(a == b);
  }
}
