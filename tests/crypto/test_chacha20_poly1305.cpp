// SPDX-License-Identifier: MIT
// RFC 8439 suite. Vectors: vectors/rfc8439/rfc8439-chacha20-poly1305.txt —
// quarter round (§2.1.1, §2.2.1), block function (§2.3.2, A.1), encryption
// (§2.4.2, A.2), Poly1305 (§2.5.2, A.3 incl. edge cases), key generation
// (§2.6.2, A.4), AEAD (§2.8.2, A.5). Every record runs on every CPU path.
#include "baretls/crypto/chacha20_poly1305.h"

#include <doctest/doctest.h>

#include <map>
#include <sstream>
#include <string>

#include "baretls/crypto/chacha20.h"
#include "baretls/crypto/poly1305.h"
#include "crypto/chacha20_impl.h"
#include "tests/support/cpu_paths.h"
#include "tests/support/hex.h"
#include "tests/support/vector_file.h"

using namespace baretls;
using namespace baretls::test;

namespace {

constexpr const char* kFile = "rfc8439/rfc8439-chacha20-poly1305.txt";

std::uint32_t word(const std::string& hex) { return static_cast<std::uint32_t>(std::stoul(hex, nullptr, 16)); }

std::vector<std::uint32_t> words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::uint32_t> out;
  std::string w;
  while (in >> w) out.push_back(word(w));
  return out;
}

std::span<const std::uint8_t, 12> nonce12(const Bytes& n) {
  REQUIRE(n.size() == 12);
  return std::span<const std::uint8_t, 12>(n.data(), 12);
}

crypto::ChaCha20 keyed_chacha(const Bytes& key) {
  crypto::ChaCha20 c;
  REQUIRE(c.init(key) == crypto::Error::ok);
  return c;
}

void check_quarter_round(const VectorRecord& r) {
  std::uint32_t a = word(r.get("In_a")), b = word(r.get("In_b")), c = word(r.get("In_c")), d = word(r.get("In_d"));
  crypto::detail::chacha_quarter_round(a, b, c, d);
  CHECK_MESSAGE(a == word(r.get("Out_a")), r.where());
  CHECK_MESSAGE(b == word(r.get("Out_b")), r.where());
  CHECK_MESSAGE(c == word(r.get("Out_c")), r.where());
  CHECK_MESSAGE(d == word(r.get("Out_d")), r.where());
}

void check_quarter_round_on_state(const VectorRecord& r) {
  auto s = words(r.get("StateIn"));
  const auto expected = words(r.get("StateOut"));
  REQUIRE(s.size() == 16);
  crypto::detail::chacha_quarter_round(s[2], s[7], s[8], s[13]);  // QUARTERROUND(2, 7, 8, 13)
  CHECK_MESSAGE(s == expected, r.where());
}

void check_block(const VectorRecord& r) {
  const auto key = r.bytes("Key"), nonce = r.bytes("Nonce"), expected = r.bytes("Keystream");
  const auto counter = static_cast<std::uint32_t>(r.number("Counter"));
  const auto c = keyed_chacha(key);
  std::uint8_t block[64];
  c.block(nonce12(nonce), counter, block);
  CHECK_MESSAGE(to_hex(block) == to_hex(expected), r.where());
  // The same block through the path's keystream function (zeros XOR keystream).
  Bytes zeros(64, 0), out(64);
  c.xor_stream(nonce12(nonce), counter, zeros, out);
  CHECK_MESSAGE(to_hex(out) == to_hex(expected), r.where());
}

void check_encryption(const VectorRecord& r) {
  const auto key = r.bytes("Key"), nonce = r.bytes("Nonce");
  const auto pt = r.bytes("Plaintext"), ct = r.bytes("Ciphertext");
  const auto counter = static_cast<std::uint32_t>(r.number("Counter"));
  const auto c = keyed_chacha(key);
  Bytes out(pt.size());
  c.xor_stream(nonce12(nonce), counter, pt, out);
  CHECK_MESSAGE(to_hex(out) == to_hex(ct), r.where());
  c.xor_stream(nonce12(nonce), counter, out, out);  // in place, decrypting
  CHECK_MESSAGE(to_hex(out) == to_hex(pt), r.where());
}

void check_poly1305(const VectorRecord& r) {
  const auto key = r.bytes("Key"), msg = r.bytes("Msg"), expected = r.bytes("Tag");
  REQUIRE(key.size() == 32);
  std::uint8_t tag[16];
  crypto::Poly1305::mac(std::span<const std::uint8_t, 32>(key.data(), 32), msg, tag);
  CHECK_MESSAGE(to_hex(tag) == to_hex(expected), r.where());
  // Streaming in two pieces at every split gives the same tag.
  for (std::size_t split = 0; split <= msg.size(); ++split) {
    crypto::Poly1305 p;
    REQUIRE(p.init(key) == crypto::Error::ok);
    p.update(std::span<const std::uint8_t>(msg).first(split));
    p.update(std::span<const std::uint8_t>(msg).subspan(split));
    std::uint8_t t2[16];
    p.final(t2);
    CHECK_MESSAGE(to_hex(t2) == to_hex(expected), r.where() << " split " << split);
  }
  // Negative: a different message gives a different tag (when r != 0; with
  // r = 0 the tag is s whatever the message, as A.3 #1 and #2 show).
  if (!msg.empty() && Bytes(key.begin(), key.begin() + 16) != Bytes(16, 0)) {
    auto bad = msg;
    bad.back() ^= 0x01;
    crypto::Poly1305::mac(std::span<const std::uint8_t, 32>(key.data(), 32), bad, tag);
    CHECK_MESSAGE(to_hex(tag) != to_hex(expected), r.where());
  }
}

void check_key_generation(const VectorRecord& r) {
  const auto key = r.bytes("Key"), nonce = r.bytes("Nonce"), expected = r.bytes("OneTimeKey");
  const auto c = keyed_chacha(key);
  std::uint8_t block[64];
  c.block(nonce12(nonce), 0, block);  // RFC 8439 §2.6: counter 0, first 32 bytes
  CHECK_MESSAGE(to_hex(std::span<const std::uint8_t>(block, 32)) == to_hex(expected), r.where());
}

void check_aead(const VectorRecord& r) {
  const auto key = r.bytes("Key"), nonce = r.bytes("Nonce"), aad = r.bytes("AAD");
  const auto pt = r.bytes("Plaintext"), ct = r.bytes("Ciphertext"), tag = r.bytes("Tag");
  REQUIRE(tag.size() == 16);
  check_key_generation(r);  // the record's OneTimeKey, §2.6 from (Key, Nonce)
  crypto::ChaCha20Poly1305 aead;
  REQUIRE(aead.init(key) == crypto::Error::ok);
  Bytes out(pt.size());
  std::uint8_t t[16];
  REQUIRE(aead.seal(nonce, aad, pt, out, t) == crypto::Error::ok);
  CHECK_MESSAGE(to_hex(out) == to_hex(ct), r.where());
  CHECK_MESSAGE(to_hex(t) == to_hex(tag), r.where());
  const std::span<const std::uint8_t, 16> tag16(tag.data(), 16);
  Bytes back(ct.size(), 0xaa);
  REQUIRE(aead.open(nonce, aad, ct, back, tag16) == crypto::Error::ok);
  CHECK_MESSAGE(to_hex(back) == to_hex(pt), r.where());
  // In place both ways.
  Bytes buf = pt;
  REQUIRE(aead.seal(nonce, aad, buf, buf, t) == crypto::Error::ok);
  CHECK(to_hex(buf) == to_hex(ct));
  REQUIRE(aead.open(nonce, aad, buf, buf, tag16) == crypto::Error::ok);
  CHECK(to_hex(buf) == to_hex(pt));
  // Negative: a flipped tag bit is rejected and nothing is released.
  auto bad_tag = tag;
  bad_tag[7] ^= 0x10;
  Bytes rejected(ct.size(), 0xaa);
  CHECK(aead.open(nonce, aad, ct, rejected, std::span<const std::uint8_t, 16>(bad_tag.data(), 16)) ==
        crypto::Error::auth_failed);
  CHECK(rejected == Bytes(ct.size(), 0));
}

}  // namespace

TEST_CASE("RFC 8439 vectors on every ChaCha20 path") {
  for (const auto& path :
       cpu_paths({{"avx2", static_cast<std::uint32_t>(crypto::CpuFeature::avx2)},
                  {"no-ifma", crypto::kAllCpuFeatures & ~static_cast<std::uint32_t>(crypto::CpuFeature::avx512ifma)}})) {
    ScopedCpuMask mask(path.mask);
    crypto::ChaCha20Poly1305 probe;
    REQUIRE(probe.init(Bytes(32, 0)) == crypto::Error::ok);
    const std::string impl(probe.implementation());
    CAPTURE(impl);
    std::map<std::string, std::size_t> n;
    for (const auto& r : load_vector_file(vector_path(kFile)).records) {
      REQUIRE(!r.section.empty());
      const std::string& s = r.section.front().first;
      if (s == "ChaCha quarter round") check_quarter_round(r);
      else if (s.rfind("ChaCha quarter round on state", 0) == 0) check_quarter_round_on_state(r);
      else if (s == "ChaCha20 block function") check_block(r);
      else if (s == "ChaCha20 encryption") check_encryption(r);
      else if (s == "Poly1305") check_poly1305(r);
      else if (s == "Poly1305 key generation") check_key_generation(r);
      else if (s == "AEAD_CHACHA20_POLY1305 encrypt") check_aead(r);
      else if (s == "AEAD_CHACHA20_POLY1305 decrypt") check_aead(r);
      else FAIL("unknown section " << s << " at " << r.where());
      ++n[s.rfind("ChaCha quarter round on state", 0) == 0 ? "state" : s];
    }
    CHECK(n["ChaCha quarter round"] == 1);
    CHECK(n["state"] == 1);
    CHECK(n["ChaCha20 block function"] == 6);
    CHECK(n["ChaCha20 encryption"] == 4);
    CHECK(n["Poly1305"] == 12);
    CHECK(n["Poly1305 key generation"] == 4);
    CHECK(n["AEAD_CHACHA20_POLY1305 encrypt"] == 1);
    CHECK(n["AEAD_CHACHA20_POLY1305 decrypt"] == 1);
    std::size_t total = 0;
    for (const auto& [k, v] : n) total += v;
    CHECK(total == 30);
    MESSAGE("RFC 8439 [" << impl << "]: checked " << total << " records");
  }
}

TEST_CASE("ChaCha20 paths: portable is forced by mask 0") {
  ScopedCpuMask mask(0);
  CHECK(crypto::ChaCha20().implementation() == "portable");
  CHECK(crypto::Poly1305().implementation() == "portable");
  crypto::ChaCha20Poly1305 aead;
  REQUIRE(aead.init(Bytes(32, 1)) == crypto::Error::ok);
  CHECK(aead.implementation() == "portable");
}

TEST_CASE("ChaCha20-Poly1305 argument errors") {
  crypto::ChaCha20Poly1305 aead;
  const Bytes nonce(12, 0), msg(40, 7);
  Bytes out(40);
  std::uint8_t tag[16] = {};
  CHECK(aead.seal(nonce, {}, msg, out, tag) == crypto::Error::invalid_argument);  // no key yet
  CHECK(aead.init(Bytes(31, 0)) == crypto::Error::bad_length);
  CHECK(aead.init(Bytes(33, 0)) == crypto::Error::bad_length);
  REQUIRE(aead.init(Bytes(32, 0)) == crypto::Error::ok);
  CHECK(aead.seal(Bytes(8, 0), {}, msg, out, tag) == crypto::Error::bad_length);
  CHECK(aead.seal(Bytes(16, 0), {}, msg, out, tag) == crypto::Error::bad_length);
  CHECK(aead.seal(nonce, {}, msg, std::span<std::uint8_t>(out).first(39), tag) == crypto::Error::bad_length);
  Bytes overlap(80, 1);
  CHECK(aead.seal(nonce, {}, std::span<const std::uint8_t>(overlap).first(40),
                  std::span<std::uint8_t>(overlap).subspan(1, 40), tag) == crypto::Error::invalid_argument);
  CHECK(aead.seal(nonce, {}, msg, out, tag) == crypto::Error::ok);
  CHECK(aead.open(Bytes(11, 0), {}, out, out, tag) == crypto::Error::bad_length);
  CHECK(out == Bytes(40, 0));  // wiped on failure
}
