// SPDX-License-Identifier: MIT
// Record layer (tls/record.h, tls/record_cipher.h): framing, limits, empty
// records, AEAD nonces per RFC 7905 §2 / RFC 5288 §3 checked against the
// primitive directly, tampering, sequence-number exhaustion.
#include "tls/record.h"

#include <doctest/doctest.h>

#include <limits>

#include "baretls/crypto/chacha20_poly1305.h"
#include "tests/support/hex.h"

using namespace baretls;
using namespace baretls::tls;
using namespace baretls::test;

namespace {

DirectionKeys test_keys(crypto::AeadAlgorithm aead) {
  DirectionKeys k;
  k.key_length = aead == crypto::AeadAlgorithm::aes_128_gcm ? 16 : 32;
  k.iv_length = aead == crypto::AeadAlgorithm::chacha20_poly1305 ? 12 : 4;
  for (std::size_t i = 0; i < 32; ++i) k.key.expose()[i] = static_cast<std::uint8_t>(0x10 + i);
  for (std::size_t i = 0; i < 12; ++i) k.iv.expose()[i] = static_cast<std::uint8_t>(0xa0 + i);
  return k;
}

std::vector<crypto::AeadAlgorithm> available_aeads() {
  return {crypto::AeadAlgorithm::chacha20_poly1305, crypto::AeadAlgorithm::aes_128_gcm, crypto::AeadAlgorithm::aes_256_gcm};
}

}  // namespace

TEST_CASE("record: plaintext framing and incremental arrival") {
  RecordLayer w, r;
  std::vector<std::uint8_t> out;
  const Bytes msg = from_ascii("hello");
  REQUIRE(w.seal(ContentType::handshake, msg, out) == Error::ok);
  CHECK(to_hex(out) == "1603030005" + to_hex(msg));
  for (std::size_t cut = 0; cut < out.size(); ++cut) {
    auto rec = r.open_next(std::span(out).first(cut));
    REQUIRE(rec.ok());
    CHECK(!rec->has_value());
  }
  auto rec = r.open_next(out);
  REQUIRE(rec.ok());
  REQUIRE(rec->has_value());
  CHECK((*rec)->type == ContentType::handshake);
  CHECK((*rec)->wire_size == out.size());
  CHECK(Bytes((*rec)->plaintext.begin(), (*rec)->plaintext.end()) == msg);
}

TEST_CASE("record: header checks") {
  RecordLayer r;
  Bytes bad_type = from_hex("1803030001ff");
  CHECK(r.open_next(bad_type).error() == Error::unexpected_record_type);
  Bytes bad_version = from_hex("1602000001ff");
  CHECK(r.open_next(bad_version).error() == Error::bad_record_version);
  Bytes tls10 = from_hex("1603010001ff");
  CHECK(r.open_next(tls10).ok());
  r.set_version_policy(VersionPolicy::tls12);
  CHECK(r.open_next(tls10).error() == Error::bad_record_version);
  Bytes overflow = from_hex("1603034001");  // 16385: refused before the body arrives
  CHECK(r.open_next(overflow).error() == Error::record_overflow);
  Bytes empty_hs = from_hex("1603030000");
  CHECK(r.open_next(empty_hs).error() == Error::decode_bad_length);
  Bytes empty_alert = from_hex("1503030000");
  CHECK(r.open_next(empty_alert).error() == Error::decode_bad_length);
  Bytes empty_app = from_hex("1703030000");
  for (std::size_t i = 0; i < kMaxEmptyRecords; ++i) CHECK(r.open_next(empty_app).ok());
  CHECK(r.open_next(empty_app).error() == Error::too_many_empty_records);
}

TEST_CASE("record: AEAD round trip, nonce construction, tampering") {
  std::size_t checked = 0;
  for (const auto aead : available_aeads()) {
    RecordLayer w, r;
    REQUIRE(w.enable_write(aead, test_keys(aead)) == Error::ok);
    REQUIRE(r.enable_read(aead, test_keys(aead)) == Error::ok);
    w.set_sequence_numbers_for_test(0, 0x0102030405060708);
    r.set_sequence_numbers_for_test(0x0102030405060708, 0);
    const Bytes msg = from_ascii("GET / HTTP/1.0\r\n\r\n");
    std::vector<std::uint8_t> out;
    REQUIRE(w.seal(ContentType::application_data, msg, out) == Error::ok);
    const std::size_t en = aead == crypto::AeadAlgorithm::chacha20_poly1305 ? 0 : 8;
    CHECK(out.size() == 5 + en + msg.size() + 16);
    if (aead == crypto::AeadAlgorithm::chacha20_poly1305) {
      // RFC 7905 §2: nonce = IV xor (0^32 || seq); AAD = seq || type || version || length.
      crypto::ChaCha20Poly1305 c;
      REQUIRE(c.init(test_keys(aead).key.expose()) == crypto::Error::ok);
      Bytes nonce = from_hex("a0a1a2a3a4a5a6a7a8a9aaab");
      const Bytes seq = from_hex("0102030405060708");
      for (std::size_t i = 0; i < 8; ++i) nonce[4 + i] ^= seq[i];
      const Bytes aad = from_hex("0102030405060708" "17" "0303" "0012");
      Bytes ct(msg.size());
      std::array<std::uint8_t, 16> tag{};
      REQUIRE(c.seal(nonce, aad, msg, ct, tag) == crypto::Error::ok);
      CHECK(Bytes(out.begin() + 5, out.begin() + 5 + static_cast<long>(msg.size())) == ct);
      CHECK(Bytes(out.end() - 16, out.end()) == Bytes(tag.begin(), tag.end()));
    } else {
      // RFC 5288 §3: the explicit nonce on the wire is our sequence number.
      CHECK(to_hex(std::span(out).subspan(5, 8)) == "0102030405060708");
    }
    Bytes copy(out.begin(), out.end());
    auto rec = r.open_next(copy);
    REQUIRE(rec.ok());
    REQUIRE(rec->has_value());
    CHECK(Bytes((*rec)->plaintext.begin(), (*rec)->plaintext.end()) == msg);
    // Every single-byte change (header, nonce, body, tag) fails and releases nothing.
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (i < 3) continue;  // type / version changes are header errors, checked above
      if (i == 3 || i == 4) continue;  // length changes make the record incomplete or short
      RecordLayer r2;
      REQUIRE(r2.enable_read(aead, test_keys(aead)) == Error::ok);
      r2.set_sequence_numbers_for_test(0x0102030405060708, 0);
      Bytes t(out.begin(), out.end());
      t[i] ^= 0x01;
      auto bad = r2.open_next(t);
      CHECK(bad.error() == Error::bad_record_mac);
      bool wiped = true;
      for (std::size_t j = 5; j < t.size(); ++j) wiped = wiped && t[j] == 0;
      CHECK(wiped);
      ++checked;
    }
    // The wrong sequence number fails too (replay / reorder).
    RecordLayer r3;
    REQUIRE(r3.enable_read(aead, test_keys(aead)) == Error::ok);
    Bytes again(out.begin(), out.end());
    CHECK(r3.open_next(again).error() == Error::bad_record_mac);
    // Too short to hold nonce and tag.
    Bytes tiny = from_hex("1703030004aabbccdd");
    CHECK(r3.open_next(tiny).error() == Error::bad_record_mac);
    // Oversized ciphertext is refused before decryption.
    Bytes big = from_hex("1703034101");
    CHECK(r3.open_next(big).error() == Error::record_overflow);
  }
  MESSAGE("record tamper checks: " << checked);
  CHECK(checked > 0);
}

TEST_CASE("record: sequence numbers never wrap") {
  const auto aead = crypto::AeadAlgorithm::chacha20_poly1305;
  RecordLayer w;
  REQUIRE(w.enable_write(aead, test_keys(aead)) == Error::ok);
  w.set_sequence_numbers_for_test(0, std::numeric_limits<std::uint64_t>::max() - 1);
  std::vector<std::uint8_t> out;
  const Bytes msg(10, 1);
  CHECK(w.seal(ContentType::application_data, msg, out) == Error::ok);
  const std::size_t size = out.size();
  CHECK(w.seal(ContentType::application_data, msg, out) == Error::sequence_number_exhausted);
  CHECK(out.size() == size);
  RecordLayer r;
  REQUIRE(r.enable_read(aead, test_keys(aead)) == Error::ok);
  r.set_sequence_numbers_for_test(std::numeric_limits<std::uint64_t>::max(), 0);
  CHECK(r.open_next(out).error() == Error::sequence_number_exhausted);
}

TEST_CASE("record: seal_all splits at 2^14") {
  RecordLayer w;
  std::vector<std::uint8_t> out;
  const Bytes data(40000, 7);
  REQUIRE(w.seal_all(ContentType::application_data, data, out) == Error::ok);
  CHECK(out.size() == 3 * 5 + data.size());
  CHECK(to_hex(std::span(out).first(5)) == "1703034000");
}
