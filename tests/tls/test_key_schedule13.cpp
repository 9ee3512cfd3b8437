// SPDX-License-Identifier: MIT
// TLS 1.3 key schedule suite (tls/key_schedule13.h). Vectors:
//   vectors/tls13/rfc8448-*.txt: every secret, key, IV, Finished and binder
//   of the five RFC 8448 traces, each step on its own (HKDF-Extract,
//   HKDF-Expand-Label with the printed HkdfLabel, the transcript hash built
//   from the trace's messages) and the whole schedule through the stage types;
//   vectors/tls13/key-schedule-openssl.txt: whole SHA-256 and SHA-384
//   schedules with KeyUpdate, resumption PSK and exporter (openssl TLS13-KDF).
#include "tls/key_schedule13.h"

#include <doctest/doctest.h>

#include <map>
#include <stdexcept>
#include <optional>

#include "baretls/crypto/ec.h"
#include "baretls/crypto/hkdf.h"
#include "baretls/crypto/x25519.h"
#include "tests/support/hex.h"
#include "tests/support/vector_file.h"
#include "tests/tls/rfc8448_trace.h"

using namespace baretls;
using namespace baretls::tls;
using namespace baretls::test;
using rfc8448::step_is;
using rfc8448::step_label;

namespace {

constexpr auto kSha256 = crypto::HashId::sha256;

Secret13 secret_of(const Bytes& b, crypto::HashId hash = kSha256) {
  auto s = Secret13::from_bytes(hash, b);
  REQUIRE(s);
  return *s;
}
TranscriptHash hash_of(const Bytes& b, crypto::HashId hash = kSha256) {
  auto t = TranscriptHash::from_bytes(hash, b);
  REQUIRE(t);
  return *t;
}
Bytes bytes(std::span<const std::uint8_t> s) { return Bytes(s.begin(), s.end()); }

// HkdfLabel (RFC 8446 §7.1) built here, independently of the library, to
// check that each trace step was read with the right label and context.
Bytes hkdf_label(std::size_t length, const std::string& label, const Bytes& context) {
  Bytes out{static_cast<std::uint8_t>(length >> 8), static_cast<std::uint8_t>(length),
            static_cast<std::uint8_t>(6 + label.size())};
  const Bytes full = from_ascii("tls13 " + label);
  out.insert(out.end(), full.begin(), full.end());
  out.push_back(static_cast<std::uint8_t>(context.size()));
  out.insert(out.end(), context.begin(), context.end());
  return out;
}

struct Counts {
  std::size_t extract = 0, derive = 0, transcript = 0, finished = 0, binder = 0, traffic_keys = 0,
              resumption = 0, key_pairs = 0, ecdhe = 0;
};

struct KeyPair {
  bool x25519 = true;
  Bytes private_key, public_key;
};

void check_extract(const VectorRecord& r) {
  Bytes prk(32);
  REQUIRE(crypto::hkdf_extract(kSha256, r.bytes("salt"), r.bytes("IKM"), prk) == crypto::Error::ok);
  CHECK_MESSAGE(prk == r.bytes("secret"), r.where());
}

// Derive-Secret: HkdfLabel and output, and the Messages hash against the
// transcript of the trace ("derived" uses Hash("")).
void check_derive(const VectorRecord& r, const rfc8448::TraceTranscript& transcript, Counts& n) {
  const std::string label = step_label(r);
  const Bytes context = r.bytes("hash");
  CHECK_MESSAGE(r.bytes("info") == hkdf_label(32, label, context), r.where());
  Bytes out(32);
  REQUIRE(hkdf_expand_label(kSha256, r.bytes("PRK"), label, context, out) == Error::ok);
  CHECK_MESSAGE(out == r.bytes("expanded"), r.where());
  const auto expected = label == "derived" ? TranscriptHash::of(kSha256, {}) : transcript.hash();
  CHECK_MESSAGE(bytes(expected.bytes()) == context, r.where() << " (" << label << ")");
  ++n.transcript;
}

// finished_key and verify_data (RFC 8446 §4.4.4) over the transcript so far,
// or a PSK binder (§4.2.11.2) over the printed truncated ClientHello.
void check_finished(const VectorRecord& r, const TranscriptHash& context, Error mismatch) {
  const Secret13 base = secret_of(r.bytes("PRK"));
  CHECK(r.bytes("info") == hkdf_label(32, "finished", {}));
  CHECK_MESSAGE(bytes(finished_key(base).expose()) == r.bytes("expanded"), r.where());
  const Bytes expected = r.bytes("finished");
  CHECK_MESSAGE(bytes(compute_verify_data13(base, context).view()) == expected, r.where());
  const auto check = [&](const Bytes& v) {
    return mismatch == Error::bad_psk_binder ? check_binder13(base, context, v) : check_finished13(base, context, v);
  };
  CHECK(check(expected) == Error::ok);
  for (const std::size_t bit : {0u, 77u, 255u}) {
    Bytes flipped = expected;
    flipped[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
    CHECK(check(flipped) == mismatch);
  }
  CHECK(check(Bytes(expected.begin(), expected.end() - 1)) == mismatch);
}

void check_traffic_keys(const VectorRecord& r) {
  const DirectionKeys keys = derive_traffic_keys13(secret_of(r.bytes("PRK")), crypto::AeadAlgorithm::aes_128_gcm);
  CHECK(r.bytes("key_info") == hkdf_label(16, "key", {}));
  CHECK(r.bytes("iv_info") == hkdf_label(12, "iv", {}));
  REQUIRE(keys.key_length == 16);
  CHECK_MESSAGE(bytes(keys.key.expose().first(16)) == r.bytes("key_expanded"), r.where());
  CHECK_MESSAGE(bytes(keys.iv.expose()) == r.bytes("iv_expanded"), r.where());
}

void check_resumption(const VectorRecord& r) {
  const Bytes nonce = r.bytes("hash");
  CHECK(r.bytes("info") == hkdf_label(32, "resumption", nonce));
  const auto psk = resumption_psk(secret_of(r.bytes("PRK")), nonce);
  REQUIRE(psk.ok());
  CHECK_MESSAGE(bytes(psk->expose()) == r.bytes("expanded"), r.where());
}

KeyPair check_key_pair(const VectorRecord& r) {
  KeyPair kp{step_is(r, "create an ephemeral x25519"), r.bytes("private_key"), r.bytes("public_key")};
  Bytes pub(kp.x25519 ? 32 : 65);
  if (kp.x25519) {
    REQUIRE(kp.private_key.size() == 32);
    crypto::x25519_base(std::span<std::uint8_t, 32>(pub.data(), 32),
                        std::span<const std::uint8_t, 32>(kp.private_key.data(), 32));
  } else {
    REQUIRE(crypto::ec_public_from_private(crypto::Curve::p256, kp.private_key, pub) == crypto::Error::ok);
  }
  CHECK_MESSAGE(pub == kp.public_key, r.where());
  return kp;
}

// The (EC)DHE input of "extract secret handshake" from the last key pairs.
void check_ecdhe(const VectorRecord& r, const KeyPair& client, const KeyPair& server) {
  REQUIRE(client.x25519 == server.x25519);
  Bytes shared(32);
  if (client.x25519) {
    REQUIRE(crypto::x25519(std::span<std::uint8_t, 32>(shared.data(), 32),
                           std::span<const std::uint8_t, 32>(client.private_key.data(), 32),
                           std::span<const std::uint8_t, 32>(server.public_key.data(), 32)) == crypto::Error::ok);
  } else {
    REQUIRE(crypto::ecdh(crypto::Curve::p256, client.private_key, server.public_key, shared) == crypto::Error::ok);
  }
  CHECK_MESSAGE(shared == r.bytes("IKM"), r.where());
}

// Runs every key-schedule step of one trace; returns the counts.
Counts check_trace_steps(const rfc8448::Trace& trace) {
  Counts n;
  rfc8448::TraceTranscript transcript;
  std::map<std::string, KeyPair> pairs;  // by actor, the latest
  for (const auto& r : trace.steps) {
    transcript.on_step(r);
    if (step_is(r, "extract secret")) {
      check_extract(r);
      ++n.extract;
      if (step_label(r) == "handshake" && pairs.count("client") && pairs.count("server")) {
        check_ecdhe(r, pairs["client"], pairs["server"]);
        ++n.ecdhe;
      }
    } else if (step_is(r, "derive secret")) {
      check_derive(r, transcript, n);
      ++n.derive;
    } else if (step_is(r, "calculate finished")) {
      check_finished(r, transcript.hash(), Error::bad_finished);
      ++n.finished;
    } else if (step_is(r, "calculate PSK binder")) {
      const auto truncated = TranscriptHash::of(kSha256, r.bytes("ClientHello_prefix"));
      CHECK(bytes(truncated.bytes()) == r.bytes("binder_hash"));
      check_finished(r, truncated, Error::bad_psk_binder);
      ++n.binder;
    } else if (r.get("Step").find("traffic keys") != std::string::npos) {
      check_traffic_keys(r);
      ++n.traffic_keys;
    } else if (step_is(r, "generate resumption secret")) {
      check_resumption(r);
      ++n.resumption;
    } else if (step_is(r, "create an ephemeral")) {
      pairs[r.get("Actor")] = check_key_pair(r);
      ++n.key_pairs;
    }
  }
  return n;
}

}  // namespace

TEST_CASE("TLS 1.3 key schedule: every step of the RFC 8448 traces") {
  Counts all;
  std::size_t steps = 0;
  for (const auto& trace : rfc8448::load_traces()) {
    INFO(trace.name);
    const Counts n = check_trace_steps(trace);
    // Every trace derives the three stage secrets, both handshake and both
    // application traffic secrets, and computes both Finished MACs.
    CHECK(n.extract == 3);
    CHECK(n.finished == 2);
    CHECK(n.ecdhe == 1);
    all.extract += n.extract;
    all.derive += n.derive;
    all.transcript += n.transcript;
    all.finished += n.finished;
    all.binder += n.binder;
    all.traffic_keys += n.traffic_keys;
    all.resumption += n.resumption;
    all.key_pairs += n.key_pairs;
    all.ecdhe += n.ecdhe;
    steps += n.extract + n.derive + n.finished + n.binder + n.traffic_keys + n.resumption + n.key_pairs;
  }
  CHECK(all.extract == 15);
  CHECK(all.derive == 47);
  CHECK(all.transcript == 47);
  CHECK(all.finished == 10);
  CHECK(all.binder == 1);
  CHECK(all.traffic_keys == 21);
  CHECK(all.resumption == 1);
  CHECK(all.key_pairs == 11);
  CHECK(all.ecdhe == 5);
  CHECK(steps == 106);
  MESSAGE("RFC 8448 key schedule: " << steps << " trace steps checked (" << all.extract << " extract, "
                                    << all.derive << " Derive-Secret, " << all.finished << " Finished, "
                                    << all.binder << " binder, " << all.traffic_keys << " traffic keys, "
                                    << all.resumption << " resumption PSK, " << all.key_pairs << " key pairs)");
}

namespace {

// The first step of a trace that starts with `prefix`.
const VectorRecord& first_step(const rfc8448::Trace& trace, std::string_view prefix) {
  for (const auto& r : trace.steps)
    if (step_is(r, prefix)) return r;
  FAIL("no step " << prefix << " in " << trace.name);
  throw std::logic_error("unreachable");
}

// Every Derive-Secret of the trace through the stage that owns it; returns the count.
std::size_t check_stage_secrets(const rfc8448::Trace& trace, const EarlySecret& early, const HandshakeSecret& hs,
                                const MasterSecret13& ms) {
  std::size_t n = 0;
  for (const auto& r : trace.steps) {
    if (!step_is(r, "derive secret \"")) continue;
    const std::string label = step_label(r);
    const TranscriptHash th = hash_of(r.bytes("hash"));
    std::optional<Secret13> got;
    if (label == "c e traffic") got = early.client_early_traffic_secret(th);
    if (label == "e exp master") got = early.early_exporter_master_secret(th);
    if (label == "c hs traffic") got = hs.client_handshake_traffic_secret(th);
    if (label == "s hs traffic") got = hs.server_handshake_traffic_secret(th);
    if (label == "c ap traffic") got = ms.client_application_traffic_secret_0(th);
    if (label == "s ap traffic") got = ms.server_application_traffic_secret_0(th);
    if (label == "exp master") got = ms.exporter_master_secret(th);
    if (label == "res master") got = ms.resumption_master_secret(th);
    REQUIRE_MESSAGE(got, r.where() << ": no stage derives " << label);
    CHECK_MESSAGE(bytes(got->expose()) == r.bytes("expanded"), r.where());
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("TLS 1.3 key schedule: the stage types reproduce each RFC 8448 trace") {
  std::size_t secrets = 0, traces = 0, binder_keys = 0;
  for (const auto& trace : rfc8448::load_traces()) {
    INFO(trace.name);
    const auto& early_step = first_step(trace, "extract secret \"early\"");
    const Bytes psk = early_step.bytes("IKM");
    const EarlySecret early = EarlySecret::with_psk(kSha256, psk);
    CHECK(bytes(early.secret().expose()) == early_step.bytes("secret"));
    if (psk == Bytes(32, 0)) {
      // RFC 8446 §7.1: "if PSK is not in use, Early Secret will still be HKDF-Extract(0, 0)".
      CHECK(bytes(EarlySecret::without_psk(kSha256).secret().expose()) == early_step.bytes("secret"));
    }
    const HandshakeSecret hs = early.handshake_secret(first_step(trace, "extract secret \"handshake\"").bytes("IKM"));
    CHECK(bytes(hs.secret().expose()) == first_step(trace, "extract secret \"handshake\"").bytes("secret"));
    const MasterSecret13 ms = hs.master_secret();
    CHECK(bytes(ms.secret().expose()) == first_step(trace, "extract secret \"master\"").bytes("secret"));
    secrets += 3 + check_stage_secrets(trace, early, hs, ms);
    for (const auto& r : trace.steps) {
      if (!step_is(r, "calculate PSK binder")) continue;
      // RFC 8448 §4 resumes the session of §3: a resumption PSK, "res binder".
      CHECK(bytes(early.binder_key(PskKind::resumption).expose()) == r.bytes("PRK"));
      CHECK(bytes(early.binder_key(PskKind::external).expose()) != r.bytes("PRK"));
      ++binder_keys;
    }
    ++traces;
  }
  CHECK(traces == rfc8448::kTraceCount);
  CHECK(binder_keys == 1);
  CHECK(secrets == 15 + 32);
  MESSAGE("RFC 8448 through the stage types: " << secrets << " secrets, " << binder_keys << " binder key");
}

TEST_CASE("TLS 1.3 key schedule: RFC 8448 §4 resumes with the PSK of §3's ticket") {
  const auto simple = rfc8448::load_trace("rfc8448-simple-1rtt.txt");
  const auto resumed = rfc8448::load_trace("rfc8448-resumed-0rtt.txt");
  const auto& res_master = first_step(simple, "derive secret \"tls13 res master\"");
  // The ticket's nonce is printed in the "generate resumption secret" step.
  const Bytes nonce = first_step(simple, "generate resumption secret").bytes("hash");
  const auto psk = resumption_psk(secret_of(res_master.bytes("expanded")), nonce);
  REQUIRE(psk.ok());
  CHECK(bytes(psk->expose()) == first_step(resumed, "extract secret \"early\"").bytes("IKM"));
}

TEST_CASE("TLS 1.3 key schedule: whole SHA-256 and SHA-384 schedules against openssl") {
  std::size_t records = 0, values = 0;
  for (const auto& r : load_vector_file(vector_path("tls13/key-schedule-openssl.txt")).records) {
    const std::string& name = r.section_value("Hash");
    REQUIRE((name == "SHA-256" || name == "SHA-384"));
    const auto hash = name == "SHA-256" ? crypto::HashId::sha256 : crypto::HashId::sha384;
    const auto aead = name == "SHA-256" ? crypto::AeadAlgorithm::aes_128_gcm : crypto::AeadAlgorithm::aes_256_gcm;
    const auto th = [&](const char* field) { return hash_of(r.bytes(field), hash); };
    const auto expect = [&](std::span<const std::uint8_t> got, const char* field) {
      CHECK_MESSAGE(bytes(got) == r.bytes(field), r.where() << " " << std::string(field));
      ++values;
    };
    const Bytes psk = r.bytes("PSK");
    const EarlySecret early = psk.empty() ? EarlySecret::without_psk(hash) : EarlySecret::with_psk(hash, psk);
    expect(early.secret().expose(), "EarlySecret");
    expect(early.binder_key(PskKind::resumption).expose(), "ResBinderKey");
    expect(early.binder_key(PskKind::external).expose(), "ExtBinderKey");
    const HandshakeSecret hs = early.handshake_secret(r.bytes("ECDHE"));
    expect(hs.secret().expose(), "HandshakeSecret");
    expect(hs.client_handshake_traffic_secret(th("HelloHash")).expose(), "ClientHandshakeTrafficSecret");
    const Secret13 s_hs = hs.server_handshake_traffic_secret(th("HelloHash"));
    expect(s_hs.expose(), "ServerHandshakeTrafficSecret");
    const MasterSecret13 ms = hs.master_secret();
    expect(ms.secret().expose(), "MasterSecret");
    const Secret13 c_ap = ms.client_application_traffic_secret_0(th("ServerFinishedHash"));
    expect(c_ap.expose(), "ClientApplicationTrafficSecret0");
    expect(ms.server_application_traffic_secret_0(th("ServerFinishedHash")).expose(), "ServerApplicationTrafficSecret0");
    const Secret13 exporter = ms.exporter_master_secret(th("ServerFinishedHash"));
    expect(exporter.expose(), "ExporterMasterSecret");
    const Secret13 res = ms.resumption_master_secret(th("ClientFinishedHash"));
    expect(res.expose(), "ResumptionMasterSecret");
    const DirectionKeys keys = derive_traffic_keys13(s_hs, aead);
    expect(keys.key.expose().first(keys.key_length), "ServerHandshakeKey");
    expect(keys.iv.expose(), "ServerHandshakeIV");
    expect(finished_key(s_hs).expose(), "ServerFinishedKey");
    expect(compute_verify_data13(s_hs, th("CertificateVerifyHash")).view(), "ServerVerifyData");
    expect(next_application_traffic_secret(c_ap).expose(), "ClientApplicationTrafficSecret1");
    const auto resumption = resumption_psk(res, r.bytes("TicketNonce"));
    REQUIRE(resumption.ok());
    expect(resumption->expose(), "ResumptionPSK");
    Bytes exported(32);
    const Bytes label = r.bytes("ExporterLabel");
    REQUIRE(tls13_exporter(exporter, std::string(label.begin(), label.end()), r.bytes("ExporterContext"), exported) ==
            Error::ok);
    expect(exported, "Exporter32");
    ++records;
  }
  CHECK(records == 4);
  CHECK(values == 4 * 18);
  MESSAGE("openssl TLS 1.3 schedules: " << records << " records, " << values << " values checked");
}

TEST_CASE("TLS 1.3 key schedule: out-of-range arguments are refused") {
  const Secret13 secret = EarlySecret::without_psk(kSha256).secret();
  Bytes out(32);
  const std::string label249(249, 'a'), label250(250, 'a');
  CHECK(hkdf_expand_label(kSha256, secret.expose(), label249, {}, out) == Error::ok);
  CHECK(hkdf_expand_label(kSha256, secret.expose(), label250, {}, out) == Error::invalid_argument);
  CHECK(hkdf_expand_label(kSha256, secret.expose(), "key", Bytes(255, 1), out) == Error::ok);
  CHECK(hkdf_expand_label(kSha256, secret.expose(), "key", Bytes(256, 1), out) == Error::invalid_argument);
  Bytes at_max(255 * 32), too_long(255 * 32 + 1);
  CHECK(hkdf_expand_label(kSha256, secret.expose(), "key", {}, at_max) == Error::ok);
  CHECK(hkdf_expand_label(kSha256, secret.expose(), "key", {}, too_long) == Error::invalid_argument);
  CHECK(tls13_exporter(secret, label250, {}, out) == Error::invalid_argument);
  CHECK(tls13_exporter(secret, "EXPORTER-x", {}, too_long) == Error::invalid_argument);
  CHECK(!resumption_psk(secret, Bytes(256, 0)).ok());
  CHECK(resumption_psk(secret, Bytes(256, 0)).error() == Error::invalid_argument);
  CHECK(!Secret13::from_bytes(kSha256, Bytes(48)).has_value());
  CHECK(!TranscriptHash::from_bytes(crypto::HashId::sha384, Bytes(32)).has_value());
}

TEST_CASE("TLS 1.3 key schedule: exporter with and without a context, empty context = no context") {
  // RFC 8446 §7.5: "providing no context computes the same value as providing an empty context."
  const Secret13 secret = EarlySecret::with_psk(crypto::HashId::sha384, Bytes(48, 7)).secret();
  Bytes a(40), b(40), c(40);
  REQUIRE(tls13_exporter(secret, "EXPORTER-test", {}, a) == Error::ok);
  REQUIRE(tls13_exporter(secret, "EXPORTER-test", Bytes{}, b) == Error::ok);
  REQUIRE(tls13_exporter(secret, "EXPORTER-test", Bytes{0}, c) == Error::ok);
  CHECK(a == b);
  CHECK(a != c);
}
