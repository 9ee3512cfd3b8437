// SPDX-License-Identifier: MIT
// Every way into the failed state goes through Engine::fail() (issue #18):
// a local error, a peer's fatal alert, a close_notify before the handshake
// ends and EOF without close_notify all leave the master secret wiped and
// the record buffers given back; only fatal alerts end the session
// (RFC 5246 §7.2.1, §7.2.2).
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <utility>

#include "baretls/tls/session_cache.h"
#include "tests/tls/handshake_support.h"
#include "tls/engine.h"

using namespace baretls;
using namespace baretls::test;
using tls::Alert;
using tls::Connection;
using tls::Error;

namespace {

struct Peers {
  Pair p;
  std::optional<Connection> client, server;
  Peers() {
    p.server_config->certificates = {load_certified_key("p256")};
    p.server_config->session_cache = std::make_shared<tls::SessionCache>(16, 3600);
    auto c = Connection::client(p.client_config, "localhost");
    REQUIRE(c.ok());
    client.emplace(std::move(*c));
    auto s = Connection::server(p.server_config);
    REQUIRE(s.ok());
    server.emplace(std::move(*s));
  }
};

// Moves all of `from`'s pending output to `to` (the last byte flipped when
// asked: inside the last record's AEAD tag or Finished).
void deliver(Connection& from, Connection& to, bool flip_last = false) {
  std::vector<std::uint8_t> bytes(from.outgoing().begin(), from.outgoing().end());
  from.consume_outgoing(bytes.size());
  REQUIRE(!bytes.empty());
  if (flip_last) bytes.back() ^= 1;
  std::span<const std::uint8_t> rest(bytes);
  while (!rest.empty() && to.error() == Error::ok) {
    auto n = to.feed(rest);
    if (!n) break;
    rest = rest.subspan(*n);
  }
}

bool all_zero(std::span<const std::uint8_t> s) {
  return std::all_of(s.begin(), s.end(), [](std::uint8_t b) { return b == 0; });
}

// The failed engine kept nothing secret and no buffer but its output.
void check_released(Connection& c) {
  auto& e = tls::detail::engine_of(c);
  CHECK((c.state() & tls::kFailed) != 0);
  CHECK(all_zero(e.neg.master.expose()));
  CHECK(all_zero(e.neg.keys.client_write.key.expose()));
  CHECK(all_zero(e.neg.keys.server_write.key.expose()));
  CHECK(e.channel.input().capacity() == 0);
  CHECK(e.channel.reassembly_capacity() == 0);
  CHECK(e.channel.flight().capacity() == 0);
  CHECK(c.input_buffer().empty());
}

}  // namespace

TEST_CASE("failure: a local error and the peer's fatal alert both wipe and release") {
  Peers x;
  deliver(*x.client, *x.server);  // ClientHello
  deliver(*x.server, *x.client);  // ServerHello .. ServerHelloDone
  // The client has its master secret now; its Finished is corrupted in transit.
  REQUIRE(!all_zero(tls::detail::engine_of(*x.client).neg.master.expose()));
  deliver(*x.client, *x.server, true);
  CHECK(x.server->error() == Error::bad_record_mac);
  CHECK(x.server->alert_sent() == Alert::bad_record_mac);
  check_released(*x.server);
  deliver(*x.server, *x.client);  // the fatal alert
  CHECK(x.client->error() == Error::peer_alert);
  CHECK(x.client->peer_alert() == Alert::bad_record_mac);
  CHECK(!x.client->alert_sent().has_value());  // nothing sent back (RFC 5246 §7.2.2)
  check_released(*x.client);
  CHECK(!x.client->session().has_value());
}

TEST_CASE("failure: close_notify before the handshake ends wipes and releases") {
  Peers x;
  REQUIRE(x.client->close() == Error::ok);
  deliver(*x.client, *x.server);  // ClientHello, close_notify
  CHECK(x.server->error() == Error::peer_alert);
  CHECK(x.server->peer_alert() == Alert::close_notify);
  CHECK(!x.server->alert_sent().has_value());
  check_released(*x.server);
}

TEST_CASE("failure: EOF without close_notify releases but keeps the session (RFC 5246 §7.2.1)") {
  Peers x;
  settle(*x.client, *x.server);
  REQUIRE(x.client->is_established());
  REQUIRE(x.client->session().has_value());
  CHECK(x.client->feed_eof() == Error::truncated);
  CHECK(x.client->error() == Error::truncated);
  CHECK(!x.client->alert_sent().has_value());
  check_released(*x.client);
  CHECK(x.client->session().has_value());
}
