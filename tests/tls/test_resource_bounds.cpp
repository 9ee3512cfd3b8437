// SPDX-License-Identifier: MIT
// Resource bounds (issue #9): a peer cannot make a connection allocate
// without bound or loop forever. Each bound is driven just under and just
// over its limit in memory, with the expected error and alert:
//   certificate chain length   kMaxPeerChainCertificates -> certificate_chain_too_long / bad_certificate
//   chain (message) size       max_handshake_message_size -> handshake_message_too_large / illegal_parameter
//   handshake message size     max_handshake_message_size, both sides; kMaxClientHelloSize for a ClientHello
//   huge declared lengths      refused from the header, memory_footprint() stays small
//   empty records              kMaxEmptyRecords -> too_many_empty_records / unexpected_message
//   warning alerts             4 in a row -> unexpected_message / unexpected_message
//   renegotiation requests     4 refused in a row -> too_many_renegotiation_requests / unexpected_message
#include <doctest/doctest.h>

#include <optional>
#include <vector>

#include "tls/engine.h"
#include "tests/tls/handshake_support.h"
#include "tls/peer_auth.h"
#include "tls/record.h"

using namespace baretls;
using namespace baretls::test;
using tls::Alert;
using tls::Connection;
using tls::Error;
using Bytes = std::vector<std::uint8_t>;

namespace {

std::size_t g_bounds_checked = 0;

struct Peers {
  Pair p;
  std::optional<Connection> client, server;
  explicit Peers(const char* cert = "p256") { p.server_config->certificates = {load_certified_key(cert)}; }
  void start() {
    auto c = Connection::client(p.client_config, "localhost");
    auto s = Connection::server(p.server_config);
    REQUIRE((c.ok() && s.ok()));
    client.emplace(std::move(*c));
    server.emplace(std::move(*s));
  }
  void handshake() {
    start();
    settle(*client, *server);
    REQUIRE(client->is_established());
    REQUIRE(server->is_established());
  }
};

void expect_failure(Connection& failing, Connection& other, Error err, Alert alert) {
  CHECK_MESSAGE(failing.error() == err, "got " << tls::to_string(failing.error()));
  CHECK(failing.alert_sent() == alert);
  CHECK(other.peer_alert() == alert);
  ++g_bounds_checked;
}

// The server's chain: its leaf followed by `extra` copies of the CA.
void pad_chain(Peers& peers, std::size_t extra) {
  const auto ca = x509::pem_decode_all(read_text("tls/ca.pem"), "CERTIFICATE");
  REQUIRE((ca.ok() && !ca->empty()));
  auto& chain = peers.p.server_config->certificates[0].chain;
  for (std::size_t i = 0; i < extra; ++i) chain.push_back((*ca)[0]);
}

// Plaintext handshake bytes as records of at most `chunk` bytes.
Bytes records_of(const Bytes& hs, std::size_t chunk) {
  Bytes out;
  for (std::size_t i = 0; i < hs.size(); i += chunk) {
    const std::size_t n = std::min(chunk, hs.size() - i);
    out.insert(out.end(), {22, 3, 3, static_cast<std::uint8_t>(n >> 8), static_cast<std::uint8_t>(n)});
    out.insert(out.end(), hs.begin() + static_cast<long>(i), hs.begin() + static_cast<long>(i + n));
  }
  return out;
}

}  // namespace

TEST_CASE("certificate chain length: kMaxPeerChainCertificates accepted, one more refused") {
  {
    Peers ok;
    pad_chain(ok, tls::kMaxPeerChainCertificates - 1);
    ok.handshake();
    ++g_bounds_checked;
  }
  Peers over;
  pad_chain(over, tls::kMaxPeerChainCertificates);
  over.start();
  settle(*over.client, *over.server);
  expect_failure(*over.client, *over.server, Error::certificate_chain_too_long, Alert::bad_certificate);
  CHECK(tls::to_string(Error::certificate_chain_too_long) == "certificate chain too long");
}

TEST_CASE("certificate chain size: a Certificate message over max_handshake_message_size") {
  Peers peers;
  pad_chain(peers, 3);  // about 2 KB of certificates
  peers.p.client_config->max_handshake_message_size = 1024;
  peers.start();
  settle(*peers.client, *peers.server);
  expect_failure(*peers.client, *peers.server, Error::handshake_message_too_large, Alert::illegal_parameter);
}

TEST_CASE("handshake message size limit on the server: at the bound waits, one byte over is refused") {
  // The smallest bound a configuration may set (connection.cpp) still fits a
  // real ClientHello.
  {
    Peers small;
    small.p.server_config->max_handshake_message_size = 1024;
    small.handshake();
    ++g_bounds_checked;
  }
  // Any message but a ClientHello: the configured bound (the type is looked
  // at only after the size). A ClientHello: 2^17 whatever the configuration.
  struct Case {
    std::uint8_t type;
    std::size_t bound;
  };
  for (const Case c : {Case{11, 1024}, Case{1, tls::kMaxClientHelloSize}}) {
    for (const std::size_t declared : {c.bound, c.bound + 1}) {
      CAPTURE(declared);
      Peers peers;
      peers.p.server_config->max_handshake_message_size = 1024;
      peers.start();
      Bytes hs(4 + 10, 0);
      hs[0] = c.type;
      hs[1] = static_cast<std::uint8_t>(declared >> 16);
      hs[2] = static_cast<std::uint8_t>(declared >> 8);
      hs[3] = static_cast<std::uint8_t>(declared);
      const auto r = peers.server->feed(records_of(hs, 16384));
      if (declared == c.bound) {
        CHECK(r.ok());  // waits for the rest
        CHECK(peers.server->error() == Error::ok);
      } else {
        CHECK(r.error() == Error::handshake_message_too_large);
        // RFC 5246 §7.2.2: not record_overflow, which is for records.
        CHECK(peers.server->alert_sent() == Alert::illegal_parameter);
        ++g_bounds_checked;
      }
    }
  }
}

TEST_CASE("huge declared handshake length without the bytes: refused or bounded, no allocation") {
  // 2^24 - 1 declared, 4 bytes sent: refused at once (over the 64 KiB default).
  {
    Peers peers;
    peers.start();
    const Bytes rec = records_of({1, 0xff, 0xff, 0xff}, 16384);
    CHECK(peers.server->feed(rec).error() == Error::handshake_message_too_large);
    CHECK(peers.server->alert_sent() == Alert::illegal_parameter);
    CHECK(peers.server->memory_footprint() < 64 * 1024);
    ++g_bounds_checked;
  }
  // Just under the bound declared, the bytes trickle in: memory follows what
  // arrived, never the declared length, and stays under the bound.
  {
    Peers peers;
    peers.start();
    const std::size_t declared = peers.p.server_config->max_handshake_message_size;
    Bytes first(4 + 100, 0x42);
    first[0] = 1;  // client_hello
    first[1] = static_cast<std::uint8_t>(declared >> 16);
    first[2] = static_cast<std::uint8_t>(declared >> 8);
    first[3] = static_cast<std::uint8_t>(declared);
    REQUIRE(peers.server->feed(records_of(first, 16384)).ok());
    const std::size_t base = peers.server->memory_footprint();
    for (int i = 0; i < 20; ++i) REQUIRE(peers.server->feed(records_of(Bytes(100, 0x42), 16384)).ok());
    const std::size_t grown = peers.server->memory_footprint();
    MESSAGE("declared " << declared << " bytes, 2100 sent: footprint " << base << " -> " << grown);
    CHECK(grown - base < 8 * 1024);
    CHECK(peers.server->error() == Error::ok);
    CHECK(peers.server->feed_eof() == Error::truncated);
    ++g_bounds_checked;
  }
  // A record header declaring 2^14 bytes, 10 sent: waits, fixed buffer.
  {
    Peers peers;
    peers.start();
    Bytes rec(15, 0);
    rec[0] = 22;
    rec[1] = rec[2] = 3;
    rec[3] = 0x40;
    REQUIRE(peers.server->feed(rec).ok());
    CHECK(peers.server->memory_footprint() < sizeof(tls::detail::Engine) + 2 * tls::kMaxRecordIn);
    // Over 2^14 in the clear: record_overflow at once.
    Peers over;
    over.start();
    const Bytes big{22, 3, 3, 0x40, 0x01};
    CHECK(over.server->feed(big).error() == Error::record_overflow);
    CHECK(over.server->alert_sent() == Alert::record_overflow);
    ++g_bounds_checked;
  }
}

TEST_CASE("empty application-data records: kMaxEmptyRecords in a row accepted, one more refused") {
  for (const std::size_t n : {tls::kMaxEmptyRecords, tls::kMaxEmptyRecords + 1}) {
    Peers peers;
    peers.handshake();
    auto& engine = tls::detail::engine_of(*peers.server);
    for (std::size_t i = 0; i < n; ++i)
      REQUIRE(engine.channel.seal(tls::ContentType::application_data, {}) == Error::ok);
    settle(*peers.client, *peers.server);
    if (n == tls::kMaxEmptyRecords) {
      CHECK(peers.client->error() == Error::ok);
      // Data resets the run: as many again are fine.
      REQUIRE(peers.server->write(Bytes{1}).ok());
      for (std::size_t i = 0; i < n; ++i)
        REQUIRE(engine.channel.seal(tls::ContentType::application_data, {}) == Error::ok);
      settle(*peers.client, *peers.server);
      std::uint8_t buf[4];
      CHECK(peers.client->read(buf).ok());
      settle(*peers.client, *peers.server);
      CHECK(peers.client->error() == Error::ok);
      ++g_bounds_checked;
    } else {
      expect_failure(*peers.client, *peers.server, Error::too_many_empty_records, Alert::unexpected_message);
    }
  }
}

TEST_CASE("warning alerts: four in a row tolerated, the fifth refused") {
  // After the handshake (encrypted) ...
  for (const std::size_t n : {std::size_t{4}, std::size_t{5}}) {
    Peers peers;
    peers.handshake();
    auto& engine = tls::detail::engine_of(*peers.server);
    for (std::size_t i = 0; i < n; ++i) engine.send_alert(tls::AlertLevel::warning, Alert::user_canceled);
    settle(*peers.client, *peers.server);
    if (n == 4) {
      CHECK(peers.client->error() == Error::ok);
      ++g_bounds_checked;
    } else {
      expect_failure(*peers.client, *peers.server, Error::unexpected_message, Alert::unexpected_message);
    }
  }
  // ... and before it, in the clear, at a client waiting for ServerHello.
  Peers peers;
  peers.start();
  peers.client->consume_outgoing(peers.client->outgoing().size());
  const Bytes warning{21, 3, 3, 0, 2, 1, static_cast<std::uint8_t>(Alert::no_renegotiation)};
  for (int i = 0; i < 4; ++i) REQUIRE(peers.client->feed(warning).ok());
  CHECK(peers.client->feed(warning).error() == Error::unexpected_message);
  CHECK(peers.client->alert_sent() == Alert::unexpected_message);
  ++g_bounds_checked;
}

// RFC 5246 §7.2.2 / RFC 5746 §4: each renegotiation request (HelloRequest to
// a client, ClientHello to a server) is refused with a no_renegotiation
// warning, which costs a record; Engine::kMaxRenegotiationRefusals in a row
// are answered, the next ends the connection. Application data resets the run.
TEST_CASE("renegotiation requests: four refused in a row, the fifth ends the connection") {
  using tls::detail::Engine;
  static_assert(Engine::kMaxRenegotiationRefusals == 4);
  for (const bool from_server : {true, false}) {
    const Bytes request = from_server ? Bytes{0, 0, 0, 0} : Bytes{1, 0, 0, 0};  // HelloRequest / a ClientHello
    const auto ask = [&](Peers& peers, std::size_t n) {
      auto& e = tls::detail::engine_of(from_server ? *peers.server : *peers.client);
      for (std::size_t i = 0; i < n; ++i) REQUIRE(e.channel.seal(tls::ContentType::handshake, request) == Error::ok);
      settle(*peers.client, *peers.server);
    };
    for (const std::size_t n : {std::size_t{4}, std::size_t{5}}) {
      CAPTURE(from_server);
      CAPTURE(n);
      Peers peers;
      peers.handshake();
      ask(peers, n);
      Connection& refuser = from_server ? *peers.client : *peers.server;
      Connection& asker = from_server ? *peers.server : *peers.client;
      if (n == 4) {
        CHECK(refuser.error() == Error::ok);
        CHECK(asker.error() == Error::ok);  // four warnings: within its own limit
        ++g_bounds_checked;
      } else {
        expect_failure(refuser, asker, Error::too_many_renegotiation_requests, Alert::unexpected_message);
      }
    }
    // Four, application data both ways, four more: the run starts again
    // (on both sides: the asker's count of warnings received resets too).
    Peers peers;
    peers.handshake();
    ask(peers, 4);
    Connection& asker = from_server ? *peers.server : *peers.client;
    Connection& refuser = from_server ? *peers.client : *peers.server;
    const Bytes data = {'d', 'a', 't', 'a'};
    REQUIRE(asker.write(data).ok());
    REQUIRE(refuser.write(data).ok());
    settle(*peers.client, *peers.server);
    for (auto* side : {&refuser, &asker}) {
      Bytes got(16);
      auto n = side->read(got);
      REQUIRE(n.ok());
      CHECK(*n == data.size());
    }
    ask(peers, 4);
    CHECK(refuser.error() == Error::ok);
    CHECK(refuser.is_established());
    ++g_bounds_checked;
  }
}

TEST_CASE("every bound was checked") {
  // chain length 2, chain size 1, message size 3, declared lengths 3,
  // empty records 2, warnings 3, renegotiation requests 6.
  CHECK(g_bounds_checked == 20);
}
