// SPDX-License-Identifier: MIT
// TLS 1.3 record protection suite (tls/record13.h). Vectors:
//   vectors/tls13/rfc8448-*.txt: every record of the five RFC 8448 traces -
//   each protected record opened with the keys the trace derives (content
//   type and payload checked) and sealed again byte for byte; each plaintext
//   record's header and payload checked.
// Negative records: a flipped bit in header, ciphertext or tag, lengths
// over the limits, an all-zero TLSInnerPlaintext, protected
// change_cipher_spec, unknown and empty inner content.
#include "tls/record13.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "tests/support/hex.h"
#include "tests/support/seeded_rng.h"
#include "tests/tls/rfc8448_trace.h"
#include "tls/key_schedule13.h"

using namespace baretls;
using namespace baretls::tls;
using namespace baretls::test;
using rfc8448::step_is;

namespace {

// One sender's write keys as the trace derives them, and its sequence number.
struct Direction {
  Bytes key, iv;
  std::uint64_t seq = 0;
};

std::span<const std::uint8_t, 12> iv_of(const Bytes& iv) {
  REQUIRE(iv.size() == 12);
  return std::span<const std::uint8_t, 12>(iv.data(), 12);
}

std::string other(const std::string& actor) { return actor == "client" ? "server" : "client"; }

// "derive write traffic keys" names the actor's own keys, "derive read
// traffic keys" the peer's. New keys start at sequence number 0 (§5.3).
void set_keys(std::map<std::string, Direction>& dirs, const VectorRecord& r) {
  const std::string sender = step_is(r, "derive write") ? r.get("Actor") : other(r.get("Actor"));
  Direction& d = dirs[sender];
  const Bytes key = r.bytes("key_expanded"), iv = r.bytes("iv_expanded");
  if (key == d.key && iv == d.iv) return;  // the same keys printed again
  d = Direction{key, iv, 0};
}

ContentType type_of_step(const VectorRecord& r) {
  if (step_is(r, "send handshake record")) return ContentType::handshake;
  if (step_is(r, "send alert record")) return ContentType::alert;
  if (step_is(r, "send application_data record")) return ContentType::application_data;
  REQUIRE(step_is(r, "send change_cipher_spec record"));
  return ContentType::change_cipher_spec;
}

// Opens the trace's record, checks type and payload, seals it again.
void check_protected(const VectorRecord& r, Direction& d) {
  REQUIRE_MESSAGE(!d.key.empty(), r.where() << ": no keys for " << r.get("Actor"));
  crypto::Aead aead;
  REQUIRE(aead.init(crypto::AeadAlgorithm::aes_128_gcm, d.key) == crypto::Error::ok);
  const Bytes wire = r.bytes("complete_record"), payload = r.bytes("payload");
  Bytes record = wire;
  const auto opened = open_record13(aead, iv_of(d.iv), d.seq, record);
  REQUIRE_MESSAGE(opened.ok(), r.where() << ": " << to_string(opened.error()));
  CHECK(opened->type == type_of_step(r));
  CHECK_MESSAGE(Bytes(opened->content.begin(), opened->content.end()) == payload, r.where());
  Bytes sealed(wire.size() + 8);
  const auto n = seal_record13(aead, iv_of(d.iv), d.seq, type_of_step(r), payload, 0, sealed);
  REQUIRE(n.ok());
  sealed.resize(*n);
  CHECK_MESSAGE(sealed == wire, r.where());
  ++d.seq;
}

// TLSPlaintext (§5.1): type, legacy_record_version, length, fragment.
void check_plaintext(const VectorRecord& r) {
  const Bytes wire = r.bytes("complete_record"), payload = r.bytes("payload");
  REQUIRE(wire.size() == payload.size() + 5);
  CHECK(wire[0] == static_cast<std::uint8_t>(type_of_step(r)));
  CHECK(wire[1] == 0x03);
  CHECK((wire[2] == 0x01 || wire[2] == 0x03));  // 0x0301 is allowed on the first ClientHello
  CHECK(((std::size_t{wire[3]} << 8) | wire[4]) == payload.size());
  CHECK(std::equal(payload.begin(), payload.end(), wire.begin() + 5));
}

}  // namespace

TEST_CASE("TLS 1.3 records: every record of the RFC 8448 traces, opened and sealed again") {
  std::size_t protected_records = 0, plaintext_records = 0;
  for (const auto& trace : rfc8448::load_traces()) {
    INFO(trace.name);
    std::map<std::string, Direction> dirs;  // by sender
    for (const auto& r : trace.steps) {
      if (r.get("Step").find("traffic keys") != std::string::npos) set_keys(dirs, r);
      if (!step_is(r, "send ")) continue;
      if (r.bytes("complete_record").at(0) == 23) {
        check_protected(r, dirs[r.get("Actor")]);
        ++protected_records;
      } else {
        check_plaintext(r);
        ++plaintext_records;
      }
    }
  }
  CHECK(protected_records == 27);
  CHECK(plaintext_records == 14);
  MESSAGE("RFC 8448 records: " << protected_records << " protected (opened and resealed), " << plaintext_records
                               << " plaintext");
}

namespace {

struct Keyed {
  crypto::Aead aead;
  Bytes iv;
  explicit Keyed(crypto::AeadAlgorithm alg, std::uint8_t fill = 0x42) : iv(12, static_cast<std::uint8_t>(fill + 1)) {
    const Bytes key(crypto::Aead::key_size(alg), fill);
    REQUIRE(aead.init(alg, key) == crypto::Error::ok);
  }
};

// A record whose TLSInnerPlaintext is `inner` as given (no encoding), for
// the negative cases a correct sender never produces.
Bytes seal_raw(const Keyed& k, std::uint64_t seq, const Bytes& inner) {
  Bytes record(5 + inner.size() + 16);
  const auto header = record_header13(inner.size() + 16);
  std::copy(header.begin(), header.end(), record.begin());
  std::copy(inner.begin(), inner.end(), record.begin() + 5);
  const auto body = std::span<std::uint8_t>(record).subspan(5, inner.size());
  const auto tag = std::span<std::uint8_t>(record).last<16>();
  REQUIRE(k.aead.seal(record_nonce13(iv_of(k.iv), seq), header, body, body, tag) == crypto::Error::ok);
  return record;
}

Error open_error(const Keyed& k, std::uint64_t seq, Bytes record) {
  const auto r = open_record13(k.aead, iv_of(k.iv), seq, record);
  return r.ok() ? Error::ok : r.error();
}

}  // namespace

TEST_CASE("TLS 1.3 records: round trips with padding on every AEAD") {
  SeededRng rng{1303, 0};
  std::size_t n = 0;
  for (const auto alg : {crypto::AeadAlgorithm::aes_128_gcm, crypto::AeadAlgorithm::aes_256_gcm,
                         crypto::AeadAlgorithm::chacha20_poly1305}) {
    const Keyed k(alg);
    for (const std::size_t size : {std::size_t{0}, std::size_t{1}, std::size_t{300}, kMaxPlaintext13}) {
      for (const std::size_t padding : {std::size_t{0}, std::size_t{1}, std::size_t{255}, kMaxPlaintext13}) {
        if (size + 1 + padding > kMaxInnerPlaintext13) continue;
        Bytes content(size);
        REQUIRE(SeededRng::fill(&rng, content) == crypto::Error::ok);
        Bytes record(kMaxRecordOut13);
        const auto sealed = seal_record13(k.aead, iv_of(k.iv), 7, ContentType::application_data, content, padding, record);
        REQUIRE(sealed.ok());
        CHECK(*sealed == 5 + size + 1 + padding + 16);
        record.resize(*sealed);
        const auto opened = open_record13(k.aead, iv_of(k.iv), 7, record);
        REQUIRE(opened.ok());
        CHECK(opened->type == ContentType::application_data);
        CHECK(Bytes(opened->content.begin(), opened->content.end()) == content);
        ++n;
      }
    }
  }
  CHECK(n == 3 * 11);
}

TEST_CASE("TLS 1.3 records: a content already in place is sealed in place") {
  const Keyed k(crypto::AeadAlgorithm::chacha20_poly1305);
  Bytes record(5 + 100 + 1 + 16);
  for (std::size_t i = 0; i < 100; ++i) record[5 + i] = static_cast<std::uint8_t>(i);
  const Bytes content(record.begin() + 5, record.begin() + 105);
  const auto in_place = std::span<const std::uint8_t>(record).subspan(5, 100);
  REQUIRE(seal_record13(k.aead, iv_of(k.iv), 3, ContentType::handshake, in_place, 0, record).ok());
  const auto opened = open_record13(k.aead, iv_of(k.iv), 3, record);
  REQUIRE(opened.ok());
  CHECK(Bytes(opened->content.begin(), opened->content.end()) == content);
}

TEST_CASE("TLS 1.3 records: a flipped bit anywhere, a wrong sequence number -> bad_record_mac") {
  const Keyed k(crypto::AeadAlgorithm::aes_128_gcm);
  Bytes record(200);
  const auto n = seal_record13(k.aead, iv_of(k.iv), 1, ContentType::handshake, Bytes(40, 9), 3, record);
  REQUIRE(n.ok());
  record.resize(*n);
  CHECK(open_error(k, 1, record) == Error::ok);
  CHECK(open_error(k, 2, record) == Error::bad_record_mac);
  std::size_t flips = 0;
  // Header bytes 1-2 (legacy_record_version) are in the additional data; 0
  // and 3-4 are checked before decryption.
  for (std::size_t i = 1; i < record.size(); ++i) {
    if (i == 3 || i == 4) continue;
    Bytes bad = record;
    bad[i] ^= 0x01;
    Bytes copy = bad;
    CHECK_MESSAGE(open_error(k, 1, bad) == Error::bad_record_mac, "byte " << i);
    // Nothing released: the buffer holds no plaintext afterwards.
    const auto r = open_record13(k.aead, iv_of(k.iv), 1, copy);
    CHECK(!r.ok());
    CHECK(std::all_of(copy.begin() + 5, copy.end() - 16, [](std::uint8_t b) { return b == 0; }));
    ++flips;
  }
  CHECK(flips == record.size() - 3);
}

TEST_CASE("TLS 1.3 records: framing and length limits") {
  const Keyed k(crypto::AeadAlgorithm::aes_256_gcm);
  // §5.2: TLSCiphertext.length over 2^14 + 256 -> record_overflow, before decryption.
  Bytes huge(5 + kMaxCiphertext13 + 1);
  const auto h = record_header13(kMaxCiphertext13 + 1);
  std::copy(h.begin(), h.end(), huge.begin());
  CHECK(open_error(k, 0, huge) == Error::record_overflow);
  // §5.4: a TLSInnerPlaintext of 2^14 + 2 bytes (valid tag) -> record_overflow.
  CHECK(open_error(k, 0, seal_raw(k, 0, Bytes(kMaxInnerPlaintext13 + 1, 0x17))) == Error::record_overflow);
  // ... and 2^14 + 1 is the largest accepted.
  Bytes largest(kMaxInnerPlaintext13, 0x41);
  largest.back() = 0x17;
  CHECK(open_error(k, 0, seal_raw(k, 0, largest)) == Error::ok);
  // Header and buffer disagree; too short for a header; outer type not 23.
  Bytes ok_record = seal_raw(k, 0, Bytes{1, 2, 3, 0x17});
  CHECK(open_error(k, 0, Bytes(ok_record.begin(), ok_record.end() - 1)) == Error::decode_bad_length);
  CHECK(open_error(k, 0, Bytes{23, 3, 3, 0}) == Error::decode_truncated);
  Bytes outer_handshake = ok_record;
  outer_handshake[0] = 22;
  CHECK(open_error(k, 0, outer_handshake) == Error::unexpected_record_type);
  // Shorter than a tag: cannot authenticate.
  CHECK(open_error(k, 0, Bytes{23, 3, 3, 0, 15, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}) ==
        Error::bad_record_mac);
}

TEST_CASE("TLS 1.3 records: the inner content type (§5, §5.4)") {
  const Keyed k(crypto::AeadAlgorithm::chacha20_poly1305);
  // All zeros: no content type -> unexpected_message; the plaintext is wiped.
  for (const std::size_t size : {std::size_t{0}, std::size_t{1}, std::size_t{500}}) {
    Bytes record = seal_raw(k, 4, Bytes(size, 0));
    CHECK(open_error(k, 4, record) == Error::no_inner_content_type);
  }
  CHECK(open_error(k, 0, seal_raw(k, 0, Bytes{'h', 'i', 20})) == Error::unexpected_change_cipher_spec);
  CHECK(open_error(k, 0, seal_raw(k, 0, Bytes{'h', 'i', 99, 0, 0})) == Error::unexpected_record_type);
  CHECK(open_error(k, 0, seal_raw(k, 0, Bytes{22, 0, 0})) == Error::empty_inner_content);
  CHECK(open_error(k, 0, seal_raw(k, 0, Bytes{21})) == Error::empty_inner_content);
  // An empty application_data record is allowed ("plausibly sized cover traffic").
  Bytes cover = seal_raw(k, 0, Bytes{23, 0, 0, 0});
  const auto opened = open_record13(k.aead, iv_of(k.iv), 0, cover);
  REQUIRE(opened.ok());
  CHECK(opened->content.empty());
  // Zeros inside the content are content: only the trailing run is padding.
  Bytes inner{0, 0, 5, 0, 22, 0, 0, 0};
  Bytes record = seal_raw(k, 0, inner);
  const auto with_zeros = open_record13(k.aead, iv_of(k.iv), 0, record);
  REQUIRE(with_zeros.ok());
  CHECK(with_zeros->type == ContentType::handshake);
  CHECK(Bytes(with_zeros->content.begin(), with_zeros->content.end()) == Bytes{0, 0, 5, 0});
}

TEST_CASE("TLS 1.3 records: encode_inner_plaintext and decode_inner_plaintext") {
  Bytes out(kMaxInnerPlaintext13 + 8);
  CHECK(encode_inner_plaintext(Bytes(kMaxPlaintext13), ContentType::handshake, 0, out).ok());
  CHECK(encode_inner_plaintext(Bytes(kMaxPlaintext13 + 1), ContentType::handshake, 0, out).error() ==
        Error::invalid_argument);
  CHECK(encode_inner_plaintext(Bytes(10), ContentType::handshake, kMaxPlaintext13 - 10, out).ok());
  CHECK(encode_inner_plaintext(Bytes(10), ContentType::handshake, kMaxPlaintext13 - 9, out).error() ==
        Error::invalid_argument);
  CHECK(encode_inner_plaintext(Bytes(1), ContentType::change_cipher_spec, 0, out).error() == Error::invalid_argument);
  Bytes small(5);
  CHECK(encode_inner_plaintext(Bytes(3), ContentType::alert, 2, small).error() == Error::buffer_too_small);
  const auto n = encode_inner_plaintext(Bytes{1, 2, 3}, ContentType::alert, 4, out);
  REQUIRE(n.ok());
  CHECK(Bytes(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(*n)) == Bytes{1, 2, 3, 21, 0, 0, 0, 0});
  const auto d = decode_inner_plaintext(std::span<const std::uint8_t>(out).first(*n));
  REQUIRE(d.ok());
  CHECK(d->type == ContentType::alert);
  CHECK(d->content_size == 3);
  CHECK(decode_inner_plaintext({}).error() == Error::no_inner_content_type);
}

TEST_CASE("TLS 1.3 records: nonce = IV XOR the padded sequence number, header = AAD") {
  const Bytes iv = from_hex("5d313eb2671276ee13000b30");
  CHECK(to_hex(record_nonce13(iv_of(iv), 0)) == "5d313eb2671276ee13000b30");
  CHECK(to_hex(record_nonce13(iv_of(iv), 1)) == "5d313eb2671276ee13000b31");
  CHECK(to_hex(record_nonce13(iv_of(iv), 0x0102030405060708)) == "5d313eb2661075ea16060c38");
  CHECK(to_hex(record_nonce13(iv_of(iv), ~std::uint64_t{0})) == "5d313eb298ed8911ecfff4cf");
  CHECK(to_hex(record_header13(0x02a2)) == "17030302a2");
}
