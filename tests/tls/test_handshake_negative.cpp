// SPDX-License-Identifier: MIT
// Negative in-memory handshakes: each case ends with the expected error and
// alert on both sides (tls/errors.h alert_for). Flights are rewritten in
// transit (tests/tls/handshake_support.h) to play a misbehaving peer.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "tests/tls/handshake_support.h"
#include "tls/engine.h"
#include "tls/messages.h"
#include "tools/trace.h"

using namespace baretls;
using namespace baretls::test;
using tls::Alert;
using tls::Connection;
using tls::Error;

namespace {

struct Peers {
  Pair p;
  std::optional<Connection> client, server;
  std::string host = "localhost";
  void start(const char* cert = "p256") {
    if (p.server_config->certificates.empty()) p.server_config->certificates = {load_certified_key(cert)};
    auto c = Connection::client(p.client_config, host);
    REQUIRE(c.ok());
    client.emplace(std::move(*c));
    auto s = Connection::server(p.server_config);
    REQUIRE(s.ok());
    server.emplace(std::move(*s));
  }
  void finish() {
    Transport t(99);
    run_handshake(*client, *server, t);
    settle(*client, *server);
  }
};

std::size_t g_cases = 0;

// `failing` detected `err` and sent `alert`; the other side saw that alert.
void expect_failure(Connection& failing, Connection& other, Error err, Alert alert) {
  CHECK_MESSAGE(failing.error() == err, "got " << tls::to_string(failing.error()));
  CHECK(failing.alert_sent() == alert);
  CHECK(other.error() == Error::peer_alert);
  CHECK(other.peer_alert() == alert);
  CHECK(!failing.is_established());
  CHECK((failing.state() & tls::kFailed) != 0);
  // The first fatal error is kept.
  const std::uint8_t junk[5] = {23, 3, 3, 0, 0};
  CHECK(failing.feed(junk).error() == err);
  const std::uint8_t data[1] = {1};
  CHECK(failing.write(data).error() == err);
  ++g_cases;
}

// Offsets inside a ClientHello body: the extension block's u16 length.
std::size_t client_hello_extensions_at(const std::vector<std::uint8_t>& b) {
  std::size_t i = 2 + 32;
  i += 1 + b[i];
  i += 2 + ((std::size_t{b[i]} << 8) | b[i + 1]);
  i += 1 + b[i];
  return i;
}

void append_raw_extension(std::vector<std::uint8_t>& body, std::initializer_list<std::uint8_t> ext) {
  const std::size_t at = client_hello_extensions_at(body);
  const std::size_t len = ((std::size_t{body[at]} << 8) | body[at + 1]) + ext.size();
  body[at] = static_cast<std::uint8_t>(len >> 8);
  body[at + 1] = static_cast<std::uint8_t>(len);
  body.insert(body.end(), ext.begin(), ext.end());
}

template <typename M>
std::vector<std::uint8_t> reserialize(const M& m) {
  std::vector<std::uint8_t> out;
  REQUIRE(tls::append_handshake(out, tls::HandshakeType::client_hello, m) == Error::ok);
  return std::vector<std::uint8_t>(out.begin() + 4, out.end());
}

void edit_client_hello(Peers& x, const std::function<void(tls::ClientHello&)>& f) {
  rewrite_flight(*x.client, *x.server, [&](std::vector<FlightMessage>& msgs) {
    REQUIRE(msgs.size() == 1);
    auto ch = tls::ClientHello::parse(msgs[0].body);
    REQUIRE(ch.ok());
    f(*ch);
    msgs[0].body = reserialize(*ch);
  });
}

// Delivers the ClientHello, then lets `f` edit the server's flight.
void edit_server_flight(Peers& x, const std::function<void(std::vector<FlightMessage>&)>& f) {
  {
    const auto out = x.client->outgoing();
    auto n = x.server->feed(out);
    REQUIRE(n.ok());
    x.client->consume_outgoing(*n);
  }
  rewrite_flight(*x.server, *x.client, f);
}

void edit_server_hello(Peers& x, const std::function<void(tls::ServerHello&)>& f) {
  edit_server_flight(x, [&](std::vector<FlightMessage>& msgs) {
    auto sh = tls::ServerHello::parse(msgs[0].body);
    REQUIRE(sh.ok());
    f(*sh);
    msgs[0].body = reserialize(*sh);
  });
}

}  // namespace

TEST_CASE("negative: tampered Finished (transcripts differ) -> bad_finished / decrypt_error") {
  Peers x;
  x.p.client_config->extended_master_secret = tls::ExtendedMasterSecret::optional;
  x.p.server_config->extended_master_secret = tls::ExtendedMasterSecret::optional;
  x.start();
  // Without EMS the keys do not depend on the transcript, so only Finished notices.
  edit_client_hello(x, [](tls::ClientHello& ch) { ch.extended_master_secret = false; });
  x.finish();
  expect_failure(*x.server, *x.client, Error::bad_finished, Alert::decrypt_error);
}

TEST_CASE("negative: tampered ServerKeyExchange signature -> bad_signature / decrypt_error") {
  for (const char* cert : {"p256", "rsa2048"}) {
    Peers x;
    x.start(cert);
    edit_server_flight(x, [](std::vector<FlightMessage>& msgs) {
      REQUIRE(msgs.size() == 4);
      REQUIRE(msgs[2].type == 12);
      msgs[2].body[msgs[2].body.size() - 5] ^= 0x40;
    });
    x.finish();
    expect_failure(*x.client, *x.server, Error::bad_signature, Alert::decrypt_error);
  }
}

TEST_CASE("negative: tampered application record -> bad_record_mac") {
  Peers x;
  x.start();
  x.finish();
  REQUIRE(x.client->is_established());
  const std::uint8_t msg[20] = {1, 2, 3};
  REQUIRE(x.client->write(msg).ok());
  auto out = x.client->outgoing();
  std::vector<std::uint8_t> rec(out.begin(), out.end());
  x.client->consume_outgoing(rec.size());
  rec[rec.size() - 20] ^= 1;
  CHECK(x.server->feed(rec).error() == Error::bad_record_mac);
  std::uint8_t buf[32];
  CHECK(x.server->read(buf).error() == Error::bad_record_mac);  // nothing released
  settle(*x.client, *x.server);
  expect_failure(*x.server, *x.client, Error::bad_record_mac, Alert::bad_record_mac);
}

TEST_CASE("negative: certificate checks on the client") {
  SUBCASE("wrong host name") {
    Peers x;
    x.host = "example.com";
    x.start();
    x.finish();
    expect_failure(*x.client, *x.server, Error::certificate_hostname_mismatch, Alert::bad_certificate);
  }
  SUBCASE("untrusted CA") {
    Peers x;
    x.start("untrusted-p256");
    x.finish();
    expect_failure(*x.client, *x.server, Error::certificate_unknown_ca, Alert::unknown_ca);
  }
  SUBCASE("expired") {
    Peers x;
    x.p.client_clock.now = kAfterExpiry;
    x.start();
    x.finish();
    expect_failure(*x.client, *x.server, Error::certificate_expired, Alert::certificate_expired);
  }
  SUBCASE("not yet valid") {
    Peers x;
    x.p.client_clock.now = 1577836800;  // 2020-01-01
    x.start();
    x.finish();
    expect_failure(*x.client, *x.server, Error::certificate_not_yet_valid, Alert::certificate_expired);
  }
}

TEST_CASE("negative: the server's choices must have been offered") {
  SUBCASE("suite") {
    Peers x;
    x.p.client_config->cipher_suites = {tls::CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256};
    x.start();
    edit_server_hello(x, [](tls::ServerHello& sh) { sh.cipher_suite = 0xC02C; });
    x.finish();
    expect_failure(*x.client, *x.server, Error::unoffered_cipher_suite, Alert::illegal_parameter);
  }
  SUBCASE("group") {
    Peers x;
    x.p.client_config->groups = {tls::NamedGroup::x25519, tls::NamedGroup::secp256r1};
    x.start();
    edit_server_flight(x, [](std::vector<FlightMessage>& msgs) {
      msgs[2].body[2] = 24;  // named_curve := secp384r1
    });
    x.finish();
    expect_failure(*x.client, *x.server, Error::unoffered_group, Alert::illegal_parameter);
  }
  SUBCASE("extension") {
    Peers x;
    x.start();
    edit_server_hello(x, [](tls::ServerHello& sh) { sh.alpn = "h2"; });
    x.finish();
    expect_failure(*x.client, *x.server, Error::unoffered_extension, Alert::unsupported_extension);
  }
}

TEST_CASE("negative: no common cipher suite -> handshake_failure") {
  Peers x;
  x.p.client_config->cipher_suites = {tls::CipherSuite::rsa_with_aes_128_gcm_sha256};
  x.start("p256");  // an ECDSA-only server cannot do RSA key transport
  x.finish();
  expect_failure(*x.server, *x.client, Error::no_common_cipher_suite, Alert::handshake_failure);
}

TEST_CASE("negative: record layer on the server") {
  const std::vector<std::pair<std::vector<std::uint8_t>, std::pair<Error, Alert>>> cases = {
      {{22, 3, 3, 0x40, 0x01}, {Error::record_overflow, Alert::record_overflow}},
      {{24, 3, 3, 0, 1, 0}, {Error::unexpected_record_type, Alert::unexpected_message}},
      {{23, 3, 3, 0, 1, 0}, {Error::unexpected_message, Alert::unexpected_message}},  // data before Finished
      {{22, 3, 3, 0, 0}, {Error::decode_bad_length, Alert::decode_error}},             // empty handshake fragment
      // A ClientHello body of 2^17 + 1 bytes declared: over its bound (engine.cpp), a handshake-level alert.
      {{22, 3, 3, 0, 4, 1, 2, 0x00, 0x01}, {Error::handshake_message_too_large, Alert::illegal_parameter}},
      {{22, 3, 3, 0, 4, 2, 0, 0, 0}, {Error::unexpected_message, Alert::unexpected_message}},  // ServerHello to a server
      {{20, 3, 3, 0, 1, 1}, {Error::unexpected_change_cipher_spec, Alert::unexpected_message}},
  };
  for (const auto& [bytes, expect] : cases) {
    Peers x;
    x.start();
    x.client->consume_outgoing(x.client->outgoing().size());  // drop the real ClientHello
    CHECK(x.server->feed(bytes).error() == expect.first);
    settle(*x.client, *x.server);
    expect_failure(*x.server, *x.client, expect.first, expect.second);
  }
}

TEST_CASE("negative: malformed handshake messages -> decode_error") {
  SUBCASE("truncated ClientHello") {
    Peers x;
    x.start();
    rewrite_flight(*x.client, *x.server, [](std::vector<FlightMessage>& m) { m[0].body.pop_back(); });
    settle(*x.client, *x.server);
    expect_failure(*x.server, *x.client, Error::decode_truncated, Alert::decode_error);
  }
  SUBCASE("trailing byte after ServerHello") {
    Peers x;
    x.start();
    edit_server_flight(x, [](std::vector<FlightMessage>& m) { m[0].body.push_back(0); });
    x.finish();
    expect_failure(*x.client, *x.server, Error::decode_trailing_data, Alert::decode_error);
  }
  SUBCASE("duplicate extension in ClientHello") {
    Peers x;
    x.start();
    rewrite_flight(*x.client, *x.server,
                   [](std::vector<FlightMessage>& m) { append_raw_extension(m[0].body, {0x00, 0x17, 0x00, 0x00}); });
    settle(*x.client, *x.server);
    expect_failure(*x.server, *x.client, Error::decode_duplicate_extension, Alert::decode_error);
  }
}

TEST_CASE("negative: versions, renegotiation, extended master secret") {
  SUBCASE("TLS 1.0 client") {
    Peers x;
    x.start();
    edit_client_hello(x, [](tls::ClientHello& ch) { ch.client_version = 0x0301; });
    settle(*x.client, *x.server);
    expect_failure(*x.server, *x.client, Error::protocol_version, Alert::protocol_version);
  }
  SUBCASE("TLS 1.3-only client (supported_versions without 1.2)") {
    Peers x;
    x.start();
    rewrite_flight(*x.client, *x.server, [](std::vector<FlightMessage>& m) {
      append_raw_extension(m[0].body, {0x00, 0x2b, 0x00, 0x03, 0x02, 0x03, 0x04});
    });
    settle(*x.client, *x.server);
    expect_failure(*x.server, *x.client, Error::protocol_version, Alert::protocol_version);
  }
  SUBCASE("server without renegotiation_info") {
    Peers x;
    x.start();
    edit_server_hello(x, [](tls::ServerHello& sh) { sh.renegotiation_info.reset(); });
    x.finish();
    expect_failure(*x.client, *x.server, Error::secure_renegotiation_failed, Alert::handshake_failure);
  }
  SUBCASE("initial ClientHello with a non-empty renegotiated_connection") {
    Peers x;
    x.start();
    edit_client_hello(x, [](tls::ClientHello& ch) { ch.renegotiation_info = std::vector<std::uint8_t>(12, 1); });
    settle(*x.client, *x.server);
    expect_failure(*x.server, *x.client, Error::secure_renegotiation_failed, Alert::handshake_failure);
  }
  SUBCASE("a second ClientHello during the handshake") {
    Peers x;
    x.start();
    rewrite_flight(*x.client, *x.server, [](std::vector<FlightMessage>& m) { m.push_back(m[0]); });
    settle(*x.client, *x.server);
    expect_failure(*x.server, *x.client, Error::unexpected_message, Alert::unexpected_message);
  }
  SUBCASE("server requires EMS, client hello without it") {
    Peers x;
    x.p.server_config->extended_master_secret = tls::ExtendedMasterSecret::required;
    x.start();
    edit_client_hello(x, [](tls::ClientHello& ch) { ch.extended_master_secret = false; });
    settle(*x.client, *x.server);
    expect_failure(*x.server, *x.client, Error::extended_master_secret_required, Alert::handshake_failure);
  }
  SUBCASE("client requires EMS, server hello without it") {
    Peers x;
    x.p.client_config->extended_master_secret = tls::ExtendedMasterSecret::required;
    x.start();
    edit_server_hello(x, [](tls::ServerHello& sh) { sh.extended_master_secret = false; });
    x.finish();
    expect_failure(*x.client, *x.server, Error::extended_master_secret_required, Alert::handshake_failure);
  }
}

namespace {

// Collects --trace lines (tools/trace.h), one log per side.
struct TraceLog {
  std::vector<std::string> lines;
  static void event(void* ctx, const tls::InspectEvent& e) {
    if (auto text = cli::trace_line(e)) static_cast<TraceLog*>(ctx)->lines.push_back(std::move(*text));
  }
  // Lines that start with `prefix`.
  [[nodiscard]] std::size_t count(std::string_view prefix) const {
    return static_cast<std::size_t>(
        std::count_if(lines.begin(), lines.end(), [&](const std::string& l) { return l.starts_with(prefix); }));
  }
};

// Seals `message` as an encrypted handshake record from `from`'s engine, as
// a peer that wants to renegotiate would (tls/engine.h seam).
void send_encrypted_handshake(Connection& from, const std::vector<std::uint8_t>& message) {
  auto& e = tls::detail::engine_of(from);
  REQUIRE(e.channel.record().write_protected());
  REQUIRE(e.channel.seal(tls::ContentType::handshake, message) == Error::ok);
}

// The one record `from` has queued: its content type and wire size.
std::pair<std::uint8_t, std::size_t> single_record(Connection& from) {
  const auto out = from.outgoing();
  REQUIRE(out.size() >= 5);
  const std::size_t len = (std::size_t{out[3]} << 8) | out[4];
  CHECK(out.size() == 5 + len);
  return {out[0], out.size()};
}

// Both sides still open and moving data both ways.
void check_still_usable(Peers& x) {
  for (auto* side : {&*x.client, &*x.server}) {
    CHECK(side->is_established());
    CHECK(side->error() == Error::ok);
    CHECK(!side->alert_sent().has_value());
    CHECK(!side->peer_alert().has_value());
  }
  const std::vector<std::uint8_t> ping = {'p', 'i', 'n', 'g'}, pong = {'p', 'o', 'n', 'g', '!'};
  REQUIRE(x.client->write(ping).ok());
  REQUIRE(x.server->write(pong).ok());
  settle(*x.client, *x.server);
  std::vector<std::uint8_t> buf(16);
  auto n = x.server->read(buf);
  REQUIRE(n.ok());
  CHECK(std::vector<std::uint8_t>(buf.begin(), buf.begin() + static_cast<long>(*n)) == ping);
  n = x.client->read(buf);
  REQUIRE(n.ok());
  CHECK(std::vector<std::uint8_t>(buf.begin(), buf.begin() + static_cast<long>(*n)) == pong);
}

}  // namespace

TEST_CASE("negative: renegotiation on an established connection is refused, the connection stays usable") {
  TraceLog client_log, server_log;
  Peers x;
  x.p.client_config->inspector = {&TraceLog::event, &client_log};
  x.p.server_config->inspector = {&TraceLog::event, &server_log};
  x.start();
  // Keep the initial ClientHello: the renegotiating one is built from it.
  const auto first = x.client->outgoing();
  const std::vector<std::uint8_t> first_flight(first.begin(), first.end());
  x.finish();
  REQUIRE(x.client->is_established());
  REQUIRE(x.server->is_established());

  SUBCASE("HelloRequest from the server -> client answers a no_renegotiation warning") {
    // RFC 5246 §7.4.1.1: struct { } HelloRequest; sent under the current keys.
    send_encrypted_handshake(*x.server, {0, 0, 0, 0});
    const auto [type, size] = single_record(*x.server);
    CHECK(type == 22);
    CHECK(size == 5 + 8 + 4 + 16);
    {  // deliver the HelloRequest only
      const auto out = x.server->outgoing();
      auto n = x.client->feed(out);
      REQUIRE(n.ok());
      x.server->consume_outgoing(*n);
    }
    // RFC 5746 §4.2: the client "MUST respond to such requests with a
    // no_renegotiation alert" at the warning level (RFC 5246 §7.2.2): one
    // encrypted alert record and no ClientHello.
    const auto [answer_type, answer_size] = single_record(*x.client);
    CHECK(answer_type == 21);
    CHECK(answer_size == 5 + 8 + 2 + 16);
    CHECK(client_log.count("<<< HelloRequest") == 1);
    CHECK(client_log.count(">>> Alert warning no_renegotiation") == 1);
    settle(*x.client, *x.server);
    CHECK(server_log.count("<<< Alert warning no_renegotiation") == 1);
    check_still_usable(x);
  }

  SUBCASE("renegotiating ClientHello from the client -> server answers a no_renegotiation warning") {
    // RFC 5746 §3.5: a secure renegotiation's ClientHello carries the saved
    // client_verify_data in renegotiation_info, sent under the current keys.
    REQUIRE(first_flight.size() > 9);
    REQUIRE(first_flight[0] == 22);
    REQUIRE(first_flight[5] == 1);
    auto hello = tls::ClientHello::parse(std::span(first_flight).subspan(9));
    REQUIRE(hello.ok());
    const auto& verify = tls::detail::engine_of(*x.client).client_verify_data;
    hello->renegotiation_info = std::vector<std::uint8_t>(verify.begin(), verify.end());
    std::vector<std::uint8_t> message;
    REQUIRE(tls::append_handshake(message, tls::HandshakeType::client_hello, *hello) == Error::ok);
    send_encrypted_handshake(*x.client, message);
    {
      const auto out = x.client->outgoing();
      auto n = x.server->feed(out);
      REQUIRE(n.ok());
      x.client->consume_outgoing(*n);
    }
    // RFC 5246 §7.2.2 no_renegotiation: "sent ... by the server in response
    // to a client hello after initial handshaking"; RFC 5746 §4.4 recommends
    // not renegotiating. We refuse with a warning and keep the connection
    // (issue #7): no ServerHello, no fatal alert.
    const auto [answer_type, answer_size] = single_record(*x.server);
    CHECK(answer_type == 21);
    CHECK(answer_size == 5 + 8 + 2 + 16);
    CHECK(server_log.count(">>> Alert warning no_renegotiation") == 1);
    settle(*x.client, *x.server);
    CHECK(client_log.count("<<< Alert warning no_renegotiation") == 1);
    check_still_usable(x);
  }
  ++g_cases;
}

TEST_CASE("negative: EOF without close_notify is truncation") {
  Peers x;
  x.start();
  x.finish();
  REQUIRE(x.client->is_established());
  CHECK(x.client->feed_eof() == Error::truncated);
  CHECK(x.client->error() == Error::truncated);
  ++g_cases;
  MESSAGE("negative cases checked: " << g_cases);
  CHECK(g_cases >= 32);
}
