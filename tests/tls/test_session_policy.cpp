// SPDX-License-Identifier: MIT
// What a session is bound to and when it ends (issue 14), in memory:
//   server name   a session made under one SNI name is not resumed under another, by ID or by ticket,
//                 on the server (RFC 6066 §3) nor offered by the client; case does not count
//   fatal alerts  after a fatal alert, sent or received, the server's cache forgets the session and
//                 the client's session() is none (RFC 5246 §7.2.2); also for a resumed connection
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "baretls/tls/session_cache.h"
#include "baretls/tls/ticket_keys.h"
#include "tests/tls/feature_support.h"

using namespace baretls;
using namespace baretls::test;
using tls::Alert;
using tls::Error;
using tls::HandshakeType;

namespace {

std::size_t g_cases = 0;

enum class By { id, ticket };

// A server for localhost and www.example.test (and *.wild.example.test),
// resuming by `by`, and a client that asks for what `by` needs.
void resuming_server(Peers& x, By by) {
  x.p.server_config->certificates = {load_certified_key("p256"), load_certified_key("sni-exact-p256"),
                                     load_certified_key("sni-wild-p384")};
  if (by == By::id) {
    x.p.server_config->session_cache = std::make_shared<tls::SessionCache>(16, 3600);
    x.p.client_config->session_tickets = false;
  } else {
    x.p.server_config->ticket_keys = std::make_shared<tls::TicketKeys>();
  }
}

// A full handshake for `host`; the client's session.
tls::Session first_session(Peers& x, const std::string& host) {
  x.host = host;
  x.start();
  x.finish();
  REQUIRE_MESSAGE(x.client->is_established(), tls::to_string(x.client->error()));
  REQUIRE(x.server->is_established());
  CHECK_FALSE(x.client->resumed());
  auto s = x.client->session();
  REQUIRE(s.has_value());
  CHECK(s->server_name == x.client->requested_server_name());  // the SNI sent (none for an IP address)
  return *s;
}

// Fresh connections of `x`: a client for `host` offering `s`, and a server.
void offer(Peers& x, const std::string& host, const tls::Session& s) {
  auto c = tls::Connection::client(x.p.client_config, host, &s);
  REQUIRE(c.ok());
  x.client.emplace(std::move(*c));
  auto v = tls::Connection::server(x.p.server_config);
  REQUIRE(v.ok());
  x.server.emplace(std::move(*v));
}

// The same, run to the end.
void reconnect(Peers& x, const std::string& host, const tls::Session& s) {
  offer(x, host, s);
  x.finish();
  REQUIRE_MESSAGE(x.client->is_established(), tls::to_string(x.client->error()));
}

// The server's answer to a client for `host` offering `s`, with the
// ClientHello's server_name replaced by `sent` in transit: whether it resumed.
bool server_resumes(Peers& x, const std::string& host, const tls::Session& s, const std::string& sent) {
  offer(x, host, s);
  const auto hello = plaintext_messages(x.client->outgoing());
  REQUIRE(hello.size() == 1);
  const auto offered = tls::ClientHello::parse(hello[0].body).value();
  REQUIRE((!offered.session_id.empty() || offered.session_ticket));
  send_edited_client_hello(x, [&](tls::ClientHello& ch) { ch.server_name = sent; });
  REQUIRE(x.server->error() == Error::ok);
  const auto flight = plaintext_messages(x.server->outgoing());
  REQUIRE(!flight.empty());
  const auto sh = tls::ServerHello::parse(flight[0].body).value();
  const bool resumed = find_message(flight, HandshakeType::certificate) == nullptr;
  // RFC 5246 §7.4.1.3: an echoed session ID means resumption; a new one, a full handshake.
  CHECK((sh.session_id == offered.session_id) == resumed);
  if (resumed) {  // completes; a full handshake may not (the chain is chosen for the other name)
    x.finish();
    REQUIRE_MESSAGE(x.client->is_established(), tls::to_string(x.client->error()));
    CHECK(x.server->resumed());
    CHECK(x.client->resumed());
  }
  ++g_cases;
  return resumed;
}


}  // namespace

TEST_CASE("server name: a session resumes only under the name it was made with (RFC 6066 §3)") {
  for (const By by : {By::id, By::ticket}) {
    CAPTURE(static_cast<int>(by));
    Peers x;
    resuming_server(x, by);
    const auto s = first_session(x, "www.example.test");
    CHECK(server_resumes(x, "www.example.test", s, "www.example.test"));
    CHECK(server_resumes(x, "www.example.test", s, "WWW.EXAMPLE.test"));  // DNS names ignore case
    CHECK_FALSE(server_resumes(x, "www.example.test", s, "localhost"));
    CHECK_FALSE(server_resumes(x, "www.example.test", s, "a.wild.example.test"));
    // A wildcard certificate covers both names, but the session is bound to one.
    Peers w;
    resuming_server(w, by);
    const auto ws = first_session(w, "a.wild.example.test");
    CHECK(server_resumes(w, "a.wild.example.test", ws, "a.wild.example.test"));
    CHECK_FALSE(server_resumes(w, "a.wild.example.test", ws, "b.wild.example.test"));
  }
}

TEST_CASE("server name: the client offers a session only under its name") {
  for (const By by : {By::id, By::ticket}) {
    CAPTURE(static_cast<int>(by));
    Peers x;
    resuming_server(x, by);
    const auto s = first_session(x, "a.wild.example.test");
    for (const char* host : {"a.wild.example.test", "A.Wild.Example.Test", "a.wild.example.test.",
                             "b.wild.example.test"}) {
      CAPTURE(host);
      auto c = tls::Connection::client(x.p.client_config, host, &s);
      REQUIRE(c.ok());
      const auto hello = plaintext_messages(c->outgoing());
      const auto ch = tls::ClientHello::parse(hello.at(0).body).value();
      const bool offered = by == By::id ? !ch.session_id.empty() : (ch.session_ticket && !ch.session_ticket->empty());
      CHECK(offered == (std::string(host)[0] != 'b'));
      ++g_cases;
    }
  }
}

TEST_CASE("server name: the ticket and the cached session carry it") {
  Peers x;
  resuming_server(x, By::id);
  const auto s = first_session(x, "www.example.test");
  const auto& clock = x.p.server_config->clock;
  const auto cached = x.p.server_config->session_cache->find(s.session_id, clock.now(clock.ctx));
  REQUIRE(cached.has_value());
  CHECK(cached->server_name == "www.example.test");
  // Without SNI (an IP address): an empty name, which only an empty name resumes.
  Peers y;
  resuming_server(y, By::ticket);
  const auto ip = first_session(y, "127.0.0.1");
  CHECK(ip.server_name.empty());
  reconnect(y, "127.0.0.1", ip);
  CHECK(y.client->resumed());
  CHECK(y.server->resumed());
  ++g_cases;
}

namespace {

// Flips one bit of the first record `from` has queued and delivers it: the
// receiver fails with bad_record_mac and sends that fatal alert back.
void tamper_and_deliver(tls::Connection& from, tls::Connection& to) {
  const std::uint8_t msg[5] = {'h', 'e', 'l', 'l', 'o'};
  REQUIRE(from.write(msg).ok());
  const auto out = from.outgoing();
  std::vector<std::uint8_t> wire(out.begin(), out.end());
  from.consume_outgoing(wire.size());
  wire.back() ^= 1;
  (void)to.feed(wire);
  CHECK(to.error() == Error::bad_record_mac);
  settle(from, to);
}

// Both sides of `x` saw the fatal bad_record_mac alert; neither keeps the session.
void expect_session_gone(Peers& x, const std::vector<std::uint8_t>& session_id) {
  CHECK((x.client->alert_sent() == Alert::bad_record_mac || x.client->peer_alert() == Alert::bad_record_mac));
  CHECK((x.server->alert_sent() == Alert::bad_record_mac || x.server->peer_alert() == Alert::bad_record_mac));
  CHECK_FALSE(x.client->session().has_value());
  const auto& clock = x.p.server_config->clock;
  CHECK_FALSE(x.p.server_config->session_cache->find(session_id, clock.now(clock.ctx)).has_value());
  ++g_cases;
}

}  // namespace

TEST_CASE("fatal alerts end the session (RFC 5246 §7.2.2)") {
  for (const bool server_fails : {true, false}) {
    CAPTURE(server_fails);
    Peers x;
    resuming_server(x, By::id);
    const auto s = first_session(x, "localhost");
    const auto& cache = *x.p.server_config->session_cache;
    CHECK(cache.size() == 1);
    REQUIRE(x.client->session().has_value());
    if (server_fails) {
      tamper_and_deliver(*x.client, *x.server);  // the server sends the alert
    } else {
      tamper_and_deliver(*x.server, *x.client);  // the server receives it
    }
    expect_session_gone(x, s.session_id);
    CHECK(cache.size() == 0);
    // Offered again: a full handshake.
    reconnect(x, "localhost", s);
    CHECK_FALSE(x.client->resumed());
    ++g_cases;
  }
}

TEST_CASE("fatal alerts end a resumed session too, and one that never failed stays") {
  Peers x;
  resuming_server(x, By::id);
  const auto s = first_session(x, "localhost");
  // A clean close keeps it.
  REQUIRE(x.client->close() == Error::ok);
  settle(*x.client, *x.server);
  CHECK(x.p.server_config->session_cache->size() == 1);
  CHECK(x.client->session().has_value());
  // Resumed, then a fatal alert: gone from the cache and from the client.
  reconnect(x, "localhost", s);
  REQUIRE(x.client->resumed());
  REQUIRE(x.client->session().has_value());
  tamper_and_deliver(*x.server, *x.client);
  expect_session_gone(x, s.session_id);
  // A handshake that fails on a fatal alert before it is established forgets
  // the session it was resuming (the client's Finished is tampered here).
  Peers y;
  resuming_server(y, By::id);
  const auto t = first_session(y, "localhost");
  offer(y, "localhost", t);
  y.client_to_server();  // ClientHello; the server answers with its abbreviated flight
  y.server_to_client();  // the client answers with ChangeCipherSpec and Finished
  auto out = y.client->outgoing();
  std::vector<std::uint8_t> wire(out.begin(), out.end());
  y.client->consume_outgoing(wire.size());
  wire.back() ^= 1;
  (void)y.server->feed(wire);
  CHECK(y.server->error() == Error::bad_record_mac);
  const auto& clock = y.p.server_config->clock;
  CHECK_FALSE(y.p.server_config->session_cache->find(t.session_id, clock.now(clock.ctx)).has_value());
  ++g_cases;
}

TEST_CASE("session policy: case count") {
  // server-side names 2 x (4 + 2), client offers 2 x 4, carried 1, fatal alerts 2 x 2, resumed 2.
  CHECK(g_cases == 12 + 8 + 1 + 4 + 2);
}
