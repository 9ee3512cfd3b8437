// SPDX-License-Identifier: MIT
// Session resumption in memory (issue #8): by session ID (SessionCache) and
// by RFC 5077 ticket (TicketKeys), ticket-key rotation, forged, truncated
// and expired tickets, expired and evicted cache entries, RFC 7627 §5.3 EMS
// mismatches both ways, a changed suite, the Session byte form (with the
// peer certificate), the server identity a client session keeps and the
// names it is offered to, and 1 KiB each way over each resumed connection. Clocks are injected (Pair).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <thread>

#include "baretls/tls/session_cache.h"
#include "baretls/tls/ticket_keys.h"
#include "tests/tls/handshake_support.h"
#include "tls/messages.h"
#include "tls/suites.h"
#include "tools/trace.h"

using namespace baretls;
using namespace baretls::test;
using tls::Connection;

namespace {

struct Conns {
  std::optional<Connection> client, server;
};

void trace_event(void*, const tls::InspectEvent& e) {
  if (const auto line = cli::trace_line(e)) MESSAGE(*line);
}

// One handshake between fresh connections of `p`, the client asking for
// `name` and offering `s`, however it ends (RESUME_TRACE=1 in the
// environment prints both sides' trace).
Conns attempt(Pair& p, const std::string& name, const tls::Session* s, std::uint64_t seed) {
  if (std::getenv("RESUME_TRACE") != nullptr) {
    p.client_config->inspector = {trace_event, nullptr};
    p.server_config->inspector = {trace_event, nullptr};
  }
  auto c = Connection::client(p.client_config, name, s);
  REQUIRE(c.ok());
  auto v = Connection::server(p.server_config);
  REQUIRE(v.ok());
  Conns out;
  out.client.emplace(std::move(*c));
  out.server.emplace(std::move(*v));
  Transport t(seed);
  run_handshake(*out.client, *out.server, t);
  return out;
}

// The same for "localhost", which must end established on both sides.
Conns connect(Pair& p, const tls::Session* s, std::uint64_t seed = 5) {
  Conns out = attempt(p, "localhost", s, seed);
  REQUIRE_MESSAGE(out.client->is_established(), "client: " << tls::to_string(out.client->error()) << ", server: "
                                                          << tls::to_string(out.server->error()));
  REQUIRE(out.server->is_established());
  CHECK(out.client->resumed() == out.server->resumed());
  return out;
}

// 1 KiB each way, checked byte for byte.
void exchange_1k(Conns& c) {
  std::vector<std::uint8_t> a(1024), b(1024);
  for (std::size_t i = 0; i < a.size(); ++i) {
    a[i] = static_cast<std::uint8_t>(i * 7 + 1);
    b[i] = static_cast<std::uint8_t>(i * 13 + 5);
  }
  REQUIRE(c.client->write(a).value() == a.size());
  REQUIRE(c.server->write(b).value() == b.size());
  settle(*c.client, *c.server);
  std::vector<std::uint8_t> ga(2048), gb(2048);
  auto na = c.server->read(ga);
  auto nb = c.client->read(gb);
  REQUIRE(na.ok());
  REQUIRE(nb.ok());
  ga.resize(*na);
  gb.resize(*nb);
  CHECK(ga == a);
  CHECK(gb == b);
}

void setup_server(Pair& p) { p.server_config->certificates = {load_certified_key("p256")}; }

void advance(Pair& p, std::int64_t seconds) {
  p.client_clock.now += seconds;
  p.server_clock.now += seconds;
}

// Re-serializes a ClientHello / ServerHello body after `edit`.
template <typename M, typename F>
std::vector<std::uint8_t> edit_hello(const std::vector<std::uint8_t>& body, F edit) {
  auto m = M::parse(body);
  REQUIRE(m.ok());
  edit(*m);
  std::vector<std::uint8_t> out(4096);
  tls::wire::Writer w(out);
  m->serialize(w);
  out.resize(w.finish().value());
  return out;
}

bool has_message(const std::vector<FlightMessage>& msgs, tls::HandshakeType t) {
  for (const auto& m : msgs)
    if (m.type == static_cast<std::uint8_t>(t)) return true;
  return false;
}

}  // namespace

TEST_CASE("resumption: by session ID, then 1 KiB each way") {
  Pair p;
  setup_server(p);
  p.server_config->session_cache = std::make_shared<tls::SessionCache>(16, 3600);
  p.client_config->session_tickets = false;
  auto first = connect(p, nullptr);
  CHECK_FALSE(first.client->resumed());
  const auto s = first.client->session();
  REQUIRE(s.has_value());
  CHECK(s->session_id.size() == 32);
  CHECK(s->ticket.empty());
  CHECK(s->extended_master_secret);
  CHECK(s->suite == tls::CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256);
  CHECK(p.server_config->session_cache->size() == 1);
  int resumed = 0;
  for (int i = 0; i < 3; ++i) {
    auto again = connect(p, &*s, 100 + static_cast<std::uint64_t>(i));
    CHECK(again.client->resumed());
    CHECK(again.server->resumed());
    CHECK(again.client->cipher_suite() == s->suite);
    CHECK(again.client->extended_master_secret());
    exchange_1k(again);
    resumed += again.client->resumed() ? 1 : 0;
  }
  CHECK(resumed == 3);
  CHECK(p.server_config->session_cache->size() == 1);
}

// RFC 5246 §7.3: a resumed session keeps the identity proved in its full
// handshake. The client's Session keeps the server's leaf, a resumed client
// still reports it, and the session is offered only to host names that leaf
// covers (RFC 6125): otherwise any server holding the session could answer
// for a name it never proved.
TEST_CASE("resumption: a client session keeps the server's leaf and goes only to names it covers") {
  Pair p;
  setup_server(p);
  p.server_config->ticket_keys = std::make_shared<tls::TicketKeys>(3600, 7200);
  auto first = connect(p, nullptr);
  const auto s = first.client->session();
  REQUIRE(s.has_value());
  const std::vector<std::uint8_t> leaf(first.client->peer_certificate().begin(), first.client->peer_certificate().end());
  REQUIRE_FALSE(leaf.empty());
  CHECK(s->peer_certificate == leaf);
  auto parsed = tls::Session::parse(s->serialize());
  REQUIRE(parsed.ok());
  CHECK(parsed->peer_certificate == leaf);

  auto again = connect(p, &*parsed, 9);
  CHECK(again.client->resumed());
  CHECK(again.client->peer_authenticated());
  CHECK(std::equal(again.client->peer_certificate().begin(), again.client->peer_certificate().end(), leaf.begin(),
                   leaf.end()));
  // The renewed session keeps it too.
  REQUIRE(again.client->session().has_value());
  CHECK(again.client->session()->peer_certificate == leaf);

  // The leaf also names 127.0.0.1, but an IP address is sent without SNI:
  // not the name the session was made under (RFC 6066 §3), so not offered.
  auto by_ip = attempt(p, "127.0.0.1", &*s, 10);
  CHECK(by_ip.client->is_established());
  CHECK_FALSE(by_ip.client->resumed());
  // A name the leaf does not cover: not offered, so the full handshake's
  // certificate check refuses the server.
  auto other = attempt(p, "other.example", &*s, 11);
  CHECK_FALSE(other.client->resumed());
  CHECK_FALSE(other.server->resumed());
  CHECK(other.client->error() == tls::Error::certificate_hostname_mismatch);
  // A session without a kept leaf (as older versions made them) is not
  // offered for a name: a full handshake, which succeeds.
  tls::Session bare = *s;
  bare.peer_certificate.clear();
  auto full = connect(p, &bare, 12);
  CHECK_FALSE(full.client->resumed());
  CHECK(full.client->peer_authenticated());
}

TEST_CASE("resumption: by RFC 5077 ticket, renewed chain of resumptions") {
  Pair p;
  setup_server(p);
  p.server_config->ticket_keys = std::make_shared<tls::TicketKeys>(3600, 7200);
  p.server_config->session_cache = std::make_shared<tls::SessionCache>(16, 3600);
  auto first = connect(p, nullptr);
  CHECK_FALSE(first.client->resumed());
  auto s = first.client->session();
  REQUIRE(s.has_value());
  // RFC 5077 §3.4: the server sends an empty session ID when it issues a ticket.
  CHECK(s->session_id.empty());
  // State (Session::serialize) without ID, ticket or peer certificate:
  // 70 bytes, and the server name "localhost".
  CHECK(s->ticket.size() == tls::TicketKeys::kOverhead + 70 + 9);
  CHECK(s->ticket_lifetime_hint == 7200);
  CHECK(p.server_config->session_cache->size() == 0);
  auto again = connect(p, &*s, 9);
  CHECK(again.client->resumed());
  exchange_1k(again);
  // No renewal under the same key: the session stays the same.
  const auto s2 = again.client->session();
  REQUIRE(s2.has_value());
  CHECK(s2->ticket == s->ticket);
  CHECK(std::equal(s2->master_secret().begin(), s2->master_secret().end(), s->master_secret().begin()));
  // Tickets off on the server: the same offer gets a full handshake.
  p.server_config->ticket_keys = nullptr;
  auto full = connect(p, &*s, 10);
  CHECK_FALSE(full.client->resumed());
}

TEST_CASE("resumption: ticket-key rotation accepts the previous key, not older ones") {
  Pair p;
  setup_server(p);
  auto keys = std::make_shared<tls::TicketKeys>(100, 100000);
  p.server_config->ticket_keys = keys;
  auto first = connect(p, nullptr);
  const auto old_ticket = first.client->session().value();
  const auto key1 = keys->current_key_name().value();
  advance(p, 150);  // one rotation: key1 is now the previous key
  auto second = connect(p, &old_ticket, 2);
  CHECK(second.client->resumed());
  CHECK(keys->previous_key_name() == key1);
  // Resumed under the previous key: the ticket is renewed under the current one.
  const auto renewed = second.client->session().value();
  CHECK(renewed.ticket != old_ticket.ticket);
  CHECK(std::equal(key1.begin(), key1.end(), old_ticket.ticket.begin()));
  const auto key2 = keys->current_key_name().value();
  CHECK(std::equal(key2.begin(), key2.end(), renewed.ticket.begin()));
  exchange_1k(second);
  advance(p, 150);  // two rotations after key1: it is gone
  auto third = connect(p, &old_ticket, 3);
  CHECK_FALSE(third.client->resumed());
  auto fourth = connect(p, &renewed, 4);  // its key is now the previous one
  CHECK(fourth.client->resumed());
}

TEST_CASE("resumption: forged and truncated tickets fall back to a full handshake") {
  Pair p;
  setup_server(p);
  p.server_config->ticket_keys = std::make_shared<tls::TicketKeys>(3600, 7200);
  auto first = connect(p, nullptr);
  const auto good = first.client->session().value();
  std::size_t fallbacks = 0;
  // A flipped bit in the key name, the IV, the sealed state and the tag.
  for (std::size_t pos = 0; pos < good.ticket.size(); pos += 7) {
    auto forged = good;
    forged.ticket[pos] ^= 0x01;
    auto c = connect(p, &forged, pos);
    CHECK_FALSE(c.client->resumed());
    fallbacks += c.client->resumed() ? 0 : 1;
  }
  // Truncated: every length that leaves a non-empty ticket, sampled.
  for (std::size_t len : {std::size_t{1}, std::size_t{15}, std::size_t{16}, std::size_t{28}, std::size_t{43},
                          std::size_t{44}, std::size_t{60}, good.ticket.size() - 1}) {
    auto cut = good;
    cut.ticket.resize(len);
    auto c = connect(p, &cut, len + 1000);
    CHECK_FALSE(c.client->resumed());
    fallbacks += c.client->resumed() ? 0 : 1;
  }
  // Longer than sealed: one garbage byte appended.
  auto longer = good;
  longer.ticket.push_back(0);
  CHECK_FALSE(connect(p, &longer, 77).client->resumed());
  ++fallbacks;
  MESSAGE("forged/truncated tickets answered with a full handshake: " << fallbacks);
  CHECK(fallbacks == (good.ticket.size() + 6) / 7 + 9);
  CHECK(connect(p, &good, 78).client->resumed());  // the genuine one still works
}

TEST_CASE("resumption: expired tickets and expired cache entries") {
  Pair p;
  setup_server(p);
  p.server_config->ticket_keys = std::make_shared<tls::TicketKeys>(1000000, 1000);
  auto first = connect(p, nullptr);
  const auto ticket = first.client->session().value();
  p.server_clock.now += 999;
  CHECK(connect(p, &ticket, 1).client->resumed());
  p.server_clock.now += 2;  // 1001 s after creation: the server refuses it
  CHECK_FALSE(connect(p, &ticket, 2).client->resumed());
  // The client drops it itself once the lifetime hint has passed.
  p.server_clock.now = p.client_clock.now;
  p.client_clock.now += 1001;
  auto c = Connection::client(p.client_config, "localhost", &ticket);
  REQUIRE(c.ok());
  auto hello = c->outgoing();
  auto ch = tls::ClientHello::parse(std::vector<std::uint8_t>(hello.begin() + 9, hello.end()));
  REQUIRE(ch.ok());
  CHECK(ch->session_ticket.has_value());
  CHECK(ch->session_ticket->empty());
  CHECK(ch->session_id.empty());

  Pair q;
  setup_server(q);
  q.server_config->session_cache = std::make_shared<tls::SessionCache>(16, 100);
  q.client_config->session_tickets = false;
  auto by_id = connect(q, nullptr);
  const auto sid = by_id.client->session().value();
  advance(q, 100);
  CHECK(connect(q, &sid, 3).client->resumed());
  advance(q, 1);
  CHECK_FALSE(connect(q, &sid, 4).client->resumed());
  CHECK(q.server_config->session_cache->size() == 1);  // the expired one went, the new full one came
}

TEST_CASE("resumption: RFC 7627 §5.3 extended master secret mismatches") {
  SUBCASE("EMS session, ClientHello without EMS: the server aborts") {
    Pair p;
    setup_server(p);
    p.server_config->extended_master_secret = tls::ExtendedMasterSecret::optional;
    p.server_config->session_cache = std::make_shared<tls::SessionCache>(16, 3600);
    p.client_config->session_tickets = false;
    const auto s = connect(p, nullptr).client->session().value();
    auto c = Connection::client(p.client_config, "localhost", &s);
    auto v = Connection::server(p.server_config);
    REQUIRE(c.ok());
    REQUIRE(v.ok());
    rewrite_flight(*c, *v, [](std::vector<FlightMessage>& msgs) {
      msgs[0].body = edit_hello<tls::ClientHello>(msgs[0].body, [](tls::ClientHello& ch) {
        ch.extended_master_secret = false;
      });
    });
    CHECK(v->error() == tls::Error::extended_master_secret_required);
    CHECK(v->alert_sent() == tls::Alert::handshake_failure);
  }
  SUBCASE("session without EMS, ClientHello with EMS: full handshake") {
    Pair p;
    setup_server(p);
    p.server_config->session_cache = std::make_shared<tls::SessionCache>(16, 3600);
    tls::Session legacy;
    legacy.suite = tls::CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256;
    legacy.extended_master_secret = false;
    legacy.session_id = std::vector<std::uint8_t>(32, 0xab);
    legacy.created = p.server_clock.now;
    p.server_config->session_cache->store(legacy.session_id, legacy);
    auto c = Connection::client(p.client_config, "localhost");
    auto v = Connection::server(p.server_config);
    REQUIRE(c.ok());
    REQUIRE(v.ok());
    rewrite_flight(*c, *v, [&](std::vector<FlightMessage>& msgs) {
      msgs[0].body = edit_hello<tls::ClientHello>(msgs[0].body, [&](tls::ClientHello& ch) {
        ch.session_id = legacy.session_id;
      });
    });
    REQUIRE(v->error() == tls::Error::ok);
    std::vector<std::uint8_t> echoed;
    bool certificate = false;
    rewrite_flight(*v, *c, [&](std::vector<FlightMessage>& msgs) {
      echoed = tls::ServerHello::parse(msgs[0].body).value().session_id;
      certificate = has_message(msgs, tls::HandshakeType::certificate);
    });
    CHECK(echoed != legacy.session_id);
    CHECK(certificate);
    // And our client never offers such a session (RFC 7627 §5.3 SHOULD NOT).
    auto c2 = Connection::client(p.client_config, "localhost", &legacy);
    REQUIRE(c2.ok());
    auto v2 = Connection::server(p.server_config);
    REQUIRE(v2.ok());
    rewrite_flight(*c2, *v2, [](std::vector<FlightMessage>& msgs) {
      CHECK(tls::ClientHello::parse(msgs[0].body).value().session_id.empty());
    });
  }
  SUBCASE("resumed ServerHello without EMS: the client aborts") {
    Pair p;
    setup_server(p);
    p.client_config->extended_master_secret = tls::ExtendedMasterSecret::optional;
    p.server_config->session_cache = std::make_shared<tls::SessionCache>(16, 3600);
    p.client_config->session_tickets = false;
    const auto s = connect(p, nullptr).client->session().value();
    auto c = Connection::client(p.client_config, "localhost", &s);
    auto v = Connection::server(p.server_config);
    REQUIRE(c.ok());
    REQUIRE(v.ok());
    const auto hello = c->outgoing();
    REQUIRE(v->feed(hello).ok());
    c->consume_outgoing(hello.size());
    REQUIRE(v->resumed() == false);  // not established yet
    // The server's flight: ServerHello in a plaintext record, then CCS and Finished.
    const auto out = v->outgoing();
    std::vector<std::uint8_t> wire(out.begin(), out.end());
    v->consume_outgoing(wire.size());
    const std::size_t first_len = (std::size_t{wire[3]} << 8) | wire[4];
    std::vector<std::uint8_t> sh_body(wire.begin() + 9, wire.begin() + 5 + static_cast<long>(first_len));
    sh_body = edit_hello<tls::ServerHello>(sh_body, [](tls::ServerHello& sh) { sh.extended_master_secret = false; });
    std::vector<std::uint8_t> rec = {22, 3, 3, static_cast<std::uint8_t>((sh_body.size() + 4) >> 8),
                                     static_cast<std::uint8_t>(sh_body.size() + 4), 2, 0,
                                     static_cast<std::uint8_t>(sh_body.size() >> 8), static_cast<std::uint8_t>(sh_body.size())};
    rec.insert(rec.end(), sh_body.begin(), sh_body.end());
    (void)c->feed(rec);
    CHECK(c->error() == tls::Error::extended_master_secret_required);
  }
}

TEST_CASE("resumption: a session whose suite is no longer allowed gets a full handshake") {
  Pair p;
  setup_server(p);
  p.server_config->session_cache = std::make_shared<tls::SessionCache>(16, 3600);
  p.server_config->ticket_keys = std::make_shared<tls::TicketKeys>(3600, 7200);
  std::size_t checked = 0;
  for (const bool tickets : {false, true}) {
    p.client_config->session_tickets = tickets;
    p.client_config->cipher_suites = tls::ClientConfig{}.cipher_suites;
    p.server_config->cipher_suites = tls::ServerConfig{}.cipher_suites;
    const auto s = connect(p, nullptr).client->session().value();
    CHECK(s.ticket.empty() != tickets);
    CHECK(s.suite == tls::CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256);
    // The server drops the suite: full handshake with another one.
    p.server_config->cipher_suites = {tls::CipherSuite::ecdhe_ecdsa_with_aes_256_gcm_sha384};
    auto c = connect(p, &s, 20);
    CHECK_FALSE(c.client->resumed());
    CHECK(c.client->cipher_suite() == tls::CipherSuite::ecdhe_ecdsa_with_aes_256_gcm_sha384);
    // The client drops it: it does not offer the session at all.
    p.server_config->cipher_suites = tls::ServerConfig{}.cipher_suites;
    p.client_config->cipher_suites = {tls::CipherSuite::ecdhe_ecdsa_with_chacha20_poly1305_sha256};
    auto d = connect(p, &s, 21);
    CHECK_FALSE(d.client->resumed());
    checked += 2;
  }
  CHECK(checked == 4);
}

TEST_CASE("resumption: the server echoing our ID with another suite is illegal_parameter") {
  Pair p;
  setup_server(p);
  p.server_config->session_cache = std::make_shared<tls::SessionCache>(16, 3600);
  p.client_config->session_tickets = false;
  auto s = connect(p, nullptr).client->session().value();
  s.suite = tls::CipherSuite::ecdhe_ecdsa_with_aes_256_gcm_sha384;  // the client remembers another suite
  auto c = Connection::client(p.client_config, "localhost", &s);
  auto v = Connection::server(p.server_config);
  REQUIRE(c.ok());
  REQUIRE(v.ok());
  Transport t(3);
  run_handshake(*c, *v, t);
  // The server resumes its cached session (AES-128); the client remembers AES-256.
  CHECK(c->error() == tls::Error::illegal_parameter);
  CHECK_FALSE(c->is_established());
}

TEST_CASE("resumption: SessionCache is a bounded LRU") {
  tls::SessionCache cache(2, 3600);
  auto id = [](std::uint8_t b) { return std::vector<std::uint8_t>(32, b); };
  tls::Session s;
  s.created = 1000;
  cache.store(id(1), s);
  cache.store(id(2), s);
  CHECK(cache.find(id(1), 1000).has_value());  // 1 is now the most recent
  cache.store(id(3), s);                        // evicts 2
  CHECK(cache.size() == 2);
  CHECK_FALSE(cache.find(id(2), 1000).has_value());
  CHECK(cache.find(id(1), 1000).has_value());
  CHECK(cache.find(id(3), 1000).has_value());
  cache.store({}, s);                                     // ignored
  cache.store(std::vector<std::uint8_t>(33, 1), s);       // ignored
  CHECK(cache.size() == 2);
  CHECK_FALSE(cache.find(id(1), 1000 + 3601).has_value());  // expired and removed
  CHECK(cache.size() == 1);
  cache.remove(id(3));
  CHECK(cache.size() == 0);

  // Through handshakes: capacity 2, three sessions, the oldest is gone.
  Pair p;
  setup_server(p);
  p.server_config->session_cache = std::make_shared<tls::SessionCache>(2, 3600);
  p.client_config->session_tickets = false;
  std::vector<tls::Session> sessions;
  for (std::uint64_t i = 0; i < 3; ++i) sessions.push_back(connect(p, nullptr, 30 + i).client->session().value());
  CHECK(p.server_config->session_cache->size() == 2);
  CHECK(connect(p, &sessions[2], 40).client->resumed());
  CHECK(connect(p, &sessions[1], 41).client->resumed());
  CHECK_FALSE(connect(p, &sessions[0], 42).client->resumed());  // evicted; this full handshake evicts sessions[2]
  CHECK_FALSE(connect(p, &sessions[2], 43).client->resumed());

  // Shared between threads.
  if (!BARETLS_TEST_THREADS) {
    MESSAGE("SessionCache between threads: skipped, this emulator cannot run threads (tests/CMakeLists.txt)");
    return;
  }
  tls::SessionCache shared(64, 3600);
  std::vector<std::thread> threads;
  for (std::uint8_t t = 0; t < 4; ++t) {
    threads.emplace_back([&shared, t] {
      tls::Session x;
      x.created = 5;
      for (int i = 0; i < 2000; ++i) {
        const std::vector<std::uint8_t> k(8, static_cast<std::uint8_t>(t * 50 + i % 50));
        shared.store(k, x);
        (void)shared.find(k, 6);
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(shared.size() <= 64);
}

TEST_CASE("resumption: TicketKeys seal/open") {
  TestRng rng{77};
  tls::TicketKeys keys(10, 100);
  const std::vector<std::uint8_t> state = {1, 2, 3, 4, 5};
  auto t1 = keys.seal(rng.source(), 0, state);
  REQUIRE(t1.ok());
  CHECK(t1->size() == tls::TicketKeys::kOverhead + state.size());
  auto o = keys.open(*t1);
  REQUIRE(o.has_value());
  CHECK(o->state == state);
  CHECK_FALSE(o->under_previous_key);
  REQUIRE(keys.rotate(rng.source(), 5) == tls::Error::ok);
  o = keys.open(*t1);
  REQUIRE(o.has_value());
  CHECK(o->under_previous_key);
  REQUIRE(keys.rotate_if_due(rng.source(), 14) == tls::Error::ok);  // not due: key made at 5
  CHECK(keys.open(*t1).has_value());
  REQUIRE(keys.rotate_if_due(rng.source(), 15) == tls::Error::ok);  // due
  CHECK_FALSE(keys.open(*t1).has_value());
  CHECK_FALSE(keys.open(std::vector<std::uint8_t>(43, 0)).has_value());
  CHECK_FALSE(keys.open({}).has_value());
}

TEST_CASE("resumption: Session serialize/parse") {
  tls::Session s;
  s.suite = tls::CipherSuite::ecdhe_rsa_with_chacha20_poly1305_sha256;
  s.extended_master_secret = true;
  s.session_id = std::vector<std::uint8_t>(32, 0x5a);
  s.ticket = std::vector<std::uint8_t>(104, 0xc3);
  s.ticket_lifetime_hint = 7200;
  s.created = 1893456000;
  s.peer_certificate = std::vector<std::uint8_t>(300);
  for (std::size_t i = 0; i < s.peer_certificate.size(); ++i) s.peer_certificate[i] = static_cast<std::uint8_t>(i * 3);
  s.server_name = "www.example.test";
  std::array<std::uint8_t, 48> ms{};
  for (std::size_t i = 0; i < ms.size(); ++i) ms[i] = static_cast<std::uint8_t>(i);
  s.set_master_secret(ms);
  const auto bytes = s.serialize();
  CHECK(bytes.size() == 70 + 32 + 104 + 300 + 16);
  CHECK(bytes[0] == 3);  // format version 3: with the peer certificate and the server name
  auto back = tls::Session::parse(bytes);
  REQUIRE(back.ok());
  CHECK(back->suite == s.suite);
  CHECK(back->extended_master_secret);
  CHECK(back->session_id == s.session_id);
  CHECK(back->ticket == s.ticket);
  CHECK(back->ticket_lifetime_hint == 7200);
  CHECK(back->created == s.created);
  CHECK(back->peer_certificate == s.peer_certificate);
  CHECK(back->server_name == "www.example.test");
  CHECK(std::equal(ms.begin(), ms.end(), back->master_secret().begin()));
  CHECK(back->serialize() == bytes);

  // Without a certificate: an empty vector, two bytes of length.
  tls::Session anon = *back;
  anon.peer_certificate.clear();
  anon.server_name.clear();
  const auto anon_bytes = anon.serialize();
  CHECK(anon_bytes.size() == 70 + 32 + 104);
  auto anon_back = tls::Session::parse(anon_bytes);
  REQUIRE(anon_back.ok());
  CHECK(anon_back->peer_certificate.empty());
  CHECK(anon_back->server_name.empty());
  // Format 2 (before the server name) is still read, with an empty name: the
  // same bytes without the name's length prefix.
  auto v2 = anon_bytes;
  v2[0] = 2;
  v2.erase(v2.end() - 49);
  auto v2_back = tls::Session::parse(v2);
  REQUIRE(v2_back.ok());
  CHECK(v2_back->server_name.empty());
  CHECK(v2_back->session_id == anon.session_id);
  CHECK(std::equal(ms.begin(), ms.end(), v2_back->master_secret().begin()));
  // The name bound: 255 bytes are written, 256 are not.
  tls::Session named = anon;
  named.server_name.assign(tls::Session::kMaxServerNameSize, 'a');
  CHECK(tls::Session::parse(named.serialize()).ok());
  named.server_name.push_back('a');
  CHECK(named.serialize().empty());

  // The certificate bound: 16 KiB is written and read, one byte more is not.
  tls::Session big = *back;
  big.peer_certificate.assign(tls::Session::kMaxPeerCertificateSize, 0x30);
  const auto big_bytes = big.serialize();
  REQUIRE(big_bytes.size() == 70 + 32 + 104 + 16 + tls::Session::kMaxPeerCertificateSize);
  CHECK(tls::Session::parse(big_bytes).ok());
  big.peer_certificate.push_back(0x30);
  CHECK(big.serialize().empty());

  std::size_t rejected = 0;
  for (std::size_t n = 0; n < bytes.size(); ++n) {  // every truncation
    rejected += tls::Session::parse(std::span(bytes).first(n)).ok() ? 0 : 1;
  }
  auto longer = bytes;
  longer.push_back(0);
  rejected += tls::Session::parse(longer).ok() ? 0 : 1;
  for (const std::size_t pos : {std::size_t{0}, std::size_t{1}, std::size_t{3}}) {  // version, suite, ems
    auto bad = bytes;
    bad[pos] = 0x77;
    rejected += tls::Session::parse(bad).ok() ? 0 : 1;
  }
  auto v1 = bytes;  // the version-1 layout had no certificate field
  v1[0] = 1;
  rejected += tls::Session::parse(v1).ok() ? 0 : 1;
  auto long_id = bytes;  // session_id length 33
  long_id[16] = 33;
  rejected += tls::Session::parse(long_id).ok() ? 0 : 1;
  // The certificate's length prefix sits after version..hint (16), the ID
  // (1 + 32) and the ticket (2 + 104).
  const std::size_t cert_len = 16 + 1 + 32 + 2 + 104;
  REQUIRE(bytes[cert_len] == 300 >> 8);
  REQUIRE(bytes[cert_len + 1] == (300 & 0xff));
  for (const std::size_t len : {std::size_t{299}, std::size_t{301}, std::size_t{0xffff}}) {
    auto bad = bytes;
    bad[cert_len] = static_cast<std::uint8_t>(len >> 8);
    bad[cert_len + 1] = static_cast<std::uint8_t>(len);
    rejected += tls::Session::parse(bad).ok() ? 0 : 1;
  }
  auto over = big_bytes;  // a 16 KiB + 1 certificate, consistently encoded
  const std::size_t over_len = tls::Session::kMaxPeerCertificateSize + 1;
  over[cert_len] = static_cast<std::uint8_t>(over_len >> 8);
  over[cert_len + 1] = static_cast<std::uint8_t>(over_len);
  over.insert(over.begin() + static_cast<std::ptrdiff_t>(cert_len + 2), 0x30);
  rejected += tls::Session::parse(over).ok() ? 0 : 1;
  std::mt19937_64 g(4242);
  for (int i = 0; i < 1000; ++i) {
    std::vector<std::uint8_t> junk(g() % 300);
    for (auto& b : junk) b = static_cast<std::uint8_t>(g());
    rejected += tls::Session::parse(junk).ok() ? 0 : 1;
  }
  MESSAGE("malformed session encodings rejected: " << rejected);
  CHECK(rejected == bytes.size() + 1 + 3 + 1 + 1 + 3 + 1 + 1000);
}

TEST_CASE("resumption: NewSessionTicket message and an unannounced one") {
  tls::NewSessionTicket m;
  m.ticket_lifetime_hint = 300;
  m.ticket = std::vector<std::uint8_t>(40, 0x11);
  std::vector<std::uint8_t> body(64);
  tls::wire::Writer w(body);
  m.serialize(w);
  body.resize(w.finish().value());
  REQUIRE(body.size() == 4 + 2 + 40);
  auto back = tls::NewSessionTicket::parse(body);
  REQUIRE(back.ok());
  CHECK(back->ticket_lifetime_hint == 300);
  CHECK(back->ticket == m.ticket);
  std::size_t rejected = 0;
  for (std::size_t n = 0; n < body.size(); ++n) rejected += tls::NewSessionTicket::parse(std::span(body).first(n)).ok() ? 0 : 1;
  body.push_back(0);
  rejected += tls::NewSessionTicket::parse(body).ok() ? 0 : 1;
  CHECK(rejected == 4 + 2 + 40 + 1);

  // The server did not announce a ticket: a NewSessionTicket is unexpected.
  Pair p;
  setup_server(p);
  auto c = Connection::client(p.client_config, "localhost");
  auto v = Connection::server(p.server_config);
  REQUIRE(c.ok());
  REQUIRE(v.ok());
  const auto deliver = [](Connection& from, Connection& to) {
    const auto out = from.outgoing();
    REQUIRE(to.feed(out).value() == out.size());
    from.consume_outgoing(out.size());
  };
  deliver(*c, *v);  // ClientHello
  deliver(*v, *c);  // ServerHello .. ServerHelloDone; the client answers
  const std::vector<std::uint8_t> nst_record = {22, 3, 3, 0, 10, 4, 0, 0, 6, 0, 0, 0, 0, 0, 0};
  (void)c->feed(nst_record);
  CHECK(c->error() == tls::Error::unexpected_message);
}
