// SPDX-License-Identifier: MIT
// ALPN (RFC 7301), SNI certificate selection on the server (RFC 6066 §3,
// RFC 6125 §6.4.3 wildcards) and the NSS key-log line, in memory: matches,
// server preference, mismatch and an unoffered choice with their alerts;
// which chain each server_name gets; the key-log line's format, that both
// sides log the same line once, and that it holds the ClientHello random.
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <set>

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

void edit_server_hello(Peers& x, const std::function<void(tls::ServerHello&)>& f) {
  x.client_to_server();
  rewrite_plaintext_prefix(*x.server, *x.client, [&](std::vector<FlightMessage>& msgs) {
    auto sh = tls::ServerHello::parse(msgs[0].body);
    REQUIRE(sh.ok());
    f(*sh);
    std::vector<std::uint8_t> out;
    REQUIRE(tls::append_handshake(out, HandshakeType::server_hello, *sh) == Error::ok);
    msgs[0].body.assign(out.begin() + 4, out.end());
  });
}

std::optional<tls::ClientHello> client_hello_of(const Peers& x) {
  auto msgs = plaintext_messages(x.client->outgoing());
  if (msgs.empty()) return std::nullopt;
  auto ch = tls::ClientHello::parse(msgs[0].body);
  if (!ch) return std::nullopt;
  return *ch;
}

}  // namespace

TEST_CASE("ALPN: negotiation") {
  struct Case {
    std::vector<std::string> client, server;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {{"h2", "http/1.1"}, {"h2", "http/1.1"}, "h2"},
      {{"h2", "http/1.1"}, {"http/1.1", "h2"}, "http/1.1"},  // the server's preference wins
      {{"http/1.1"}, {"h2", "http/1.1"}, "http/1.1"},
      {{"h2", "http/1.1"}, {}, ""},                          // a server without ALPN ignores it
      {{}, {"h2"}, ""},                                      // nothing offered, nothing chosen
      {{std::string(255, 'x')}, {"h2", std::string(255, 'x')}, std::string(255, 'x')},  // longest name
  };
  for (const auto& c : cases) {
    CAPTURE(c.expected);
    Peers x;
    x.p.client_config->alpn = c.client;
    x.p.server_config->alpn = c.server;
    x.start();
    // The offer is the configured list, in order, or absent.
    auto ch = client_hello_of(x);
    REQUIRE(ch.has_value());
    CHECK(ch->alpn.has_value() == !c.client.empty());
    if (ch->alpn) CHECK(*ch->alpn == c.client);
    x.finish();
    REQUIRE(x.client->is_established());
    REQUIRE(x.server->is_established());
    CHECK(x.client->alpn_protocol() == c.expected);
    CHECK(x.server->alpn_protocol() == c.expected);
    ++g_cases;
  }
}

TEST_CASE("ALPN: refusals") {
  SUBCASE("no protocol in common -> no_application_protocol (120)") {
    Peers x;
    x.p.client_config->alpn = {"h2", "http/1.1"};
    x.p.server_config->alpn = {"spdy/3", "imap"};
    x.start();
    x.finish();
    expect_failure(*x.server, *x.client, Error::no_application_protocol, Alert::no_application_protocol);
    CHECK(static_cast<int>(Alert::no_application_protocol) == 120);
    ++g_cases;
  }
  SUBCASE("server picks a protocol the client did not offer -> illegal_parameter") {
    Peers x;
    x.p.client_config->alpn = {"h2", "http/1.1"};
    x.start();
    edit_server_hello(x, [](tls::ServerHello& sh) { sh.alpn = "spdy/3"; });
    settle(*x.client, *x.server);
    expect_failure(*x.client, *x.server, Error::unoffered_application_protocol, Alert::illegal_parameter);
    ++g_cases;
  }
  SUBCASE("server answers ALPN although none was offered -> unsupported_extension") {
    Peers x;
    x.start();
    edit_server_hello(x, [](tls::ServerHello& sh) { sh.alpn = "h2"; });
    settle(*x.client, *x.server);
    expect_failure(*x.client, *x.server, Error::unoffered_extension, Alert::unsupported_extension);
    ++g_cases;
  }
  SUBCASE("server names two protocols -> decode_error") {
    Peers x;
    x.p.client_config->alpn = {"h2", "http/1.1"};
    x.start();
    x.client_to_server();
    rewrite_plaintext_prefix(*x.server, *x.client, [](std::vector<FlightMessage>& msgs) {
      auto sh = tls::ServerHello::parse(msgs[0].body);
      REQUIRE(sh.ok());
      sh->alpn = "h2";
      std::vector<std::uint8_t> out;
      REQUIRE(tls::append_handshake(out, HandshakeType::server_hello, *sh) == Error::ok);
      auto& b = msgs[0].body;
      b.assign(out.begin() + 4, out.end());
      // Find the ALPN extension (00 10 00 05 00 03 02 'h' '2') and add "\x01x" to its list.
      const std::vector<std::uint8_t> needle = {0x00, 0x10, 0x00, 0x05, 0x00, 0x03, 0x02, 'h', '2'};
      auto it = std::search(b.begin(), b.end(), needle.begin(), needle.end());
      REQUIRE(it != b.end());
      const auto at = static_cast<std::size_t>(it - b.begin());
      b[at + 3] = 0x07;
      b[at + 5] = 0x05;
      b.insert(b.begin() + static_cast<long>(at + 9), {0x01, 'x'});
      // Extensions block length (after version, random, session id, suite, compression).
      const std::size_t ext_len_at = 2 + 32 + 1 + b[34] + 2 + 1;
      const std::size_t len = ((std::size_t{b[ext_len_at]} << 8) | b[ext_len_at + 1]) + 2;
      b[ext_len_at] = static_cast<std::uint8_t>(len >> 8);
      b[ext_len_at + 1] = static_cast<std::uint8_t>(len);
    });
    settle(*x.client, *x.server);
    expect_failure(*x.client, *x.server, Error::decode_trailing_data, Alert::decode_error);
    ++g_cases;
  }
  SUBCASE("configuration: empty or over-long names are refused") {
    for (const auto& bad : std::vector<std::vector<std::string>>{{""}, {"h2", ""}, {std::string(256, 'a')}}) {
      Pair p;
      p.client_config->alpn = bad;
      CHECK(tls::Connection::client(p.client_config, "localhost").error() == Error::bad_config);
      p.server_config->alpn = bad;
      p.server_config->certificates = {load_certified_key("p256")};
      CHECK(tls::Connection::server(p.server_config).error() == Error::bad_config);
      ++g_cases;
    }
  }
}

namespace {

// A server with the default chain (p256, "localhost") and the SNI chains.
void sni_server(Peers& x) {
  x.p.server_config->certificates = {load_certified_key("p256"), load_certified_key("sni-exact-p256"),
                                     load_certified_key("sni-exact-rsa"), load_certified_key("sni-wild-p384")};
}

// Runs ClientHello -> server flight and returns the leaf the server sent and
// whether its ServerHello acknowledged server_name.
std::pair<std::vector<std::uint8_t>, bool> served_leaf(Peers& x) {
  x.client_to_server();
  auto msgs = plaintext_messages(x.server->outgoing());
  REQUIRE(msgs.size() >= 2);
  auto sh = tls::ServerHello::parse(msgs[0].body);
  REQUIRE(sh.ok());
  auto cert = tls::CertificateMsg::parse(msgs[1].body);
  REQUIRE(cert.ok());
  REQUIRE(!cert->certificate_list.empty());
  return {cert->certificate_list.front(), sh->server_name_ack};
}

}  // namespace

TEST_CASE("SNI: the server picks the chain by server_name") {
  struct Case {
    std::string name;
    std::vector<tls::CipherSuite> suites;  // empty: the defaults
    const char* expected;
    bool matched;
  };
  const auto rsa_only = std::vector<tls::CipherSuite>{tls::CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256};
  const auto ecdsa_only = std::vector<tls::CipherSuite>{tls::CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256};
  const std::vector<Case> cases = {
      {"localhost", {}, "p256", true},
      {"www.example.test", {}, "sni-exact-p256", true},
      {"WWW.Example.TEST", {}, "sni-exact-p256", true},         // names compare case-insensitively
      {"www.example.test", ecdsa_only, "sni-exact-p256", true},
      {"www.example.test", rsa_only, "sni-exact-rsa", true},    // among suite-compatible chains
      {"a.wild.example.test", {}, "sni-wild-p384", true},       // wildcard, one label
      {"b-c.wild.example.test", ecdsa_only, "sni-wild-p384", true},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    Peers x;
    sni_server(x);
    if (!c.suites.empty()) x.p.client_config->cipher_suites = c.suites;
    x.host = c.name;
    x.start();
    const auto [leaf, ack] = served_leaf(x);
    CHECK(leaf == load_certified_key(c.expected).chain.front());
    CHECK(ack == c.matched);
    x.finish();
    // The client's host-name check passes on the chosen chain.
    REQUIRE_MESSAGE(x.client->is_established(), tls::to_string(x.client->error()));
    REQUIRE(x.server->is_established());
    CHECK(x.server->requested_server_name() == c.name);
    ++g_cases;
  }
}

TEST_CASE("SNI: names without a matching chain get the default") {
  // Wildcards match exactly one label (RFC 6125 §6.4.3), so these fall back.
  for (const char* name : {"unknown.test", "x.y.wild.example.test", "wild.example.test", "example.test"}) {
    CAPTURE(name);
    Peers x;
    sni_server(x);
    x.host = name;
    x.start();
    const auto [leaf, ack] = served_leaf(x);
    CHECK(leaf == load_certified_key("p256").chain.front());
    CHECK(!ack);
    x.finish();
    // The default chain does not name the host: the client refuses it.
    expect_failure(*x.client, *x.server, Error::certificate_hostname_mismatch, Alert::bad_certificate);
    CHECK(x.server->requested_server_name() == name);
    ++g_cases;
  }
}

TEST_CASE("SNI: no server_name, and a matching chain that cannot serve") {
  SUBCASE("no server_name at all (IP literal): the default, no acknowledgement") {
    Peers x;
    sni_server(x);
    x.host = "127.0.0.1";
    x.start();
    const auto [leaf, ack] = served_leaf(x);
    CHECK(leaf == load_certified_key("p256").chain.front());
    CHECK(!ack);
    x.finish();
    REQUIRE(x.client->is_established());
    CHECK(x.server->requested_server_name().empty());
    ++g_cases;
  }
  SUBCASE("a matching chain that cannot serve the client's suites: the default") {
    Peers x;
    x.p.server_config->certificates = {load_certified_key("rsa2048"), load_certified_key("sni-exact-p256")};
    x.p.client_config->cipher_suites = {tls::CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256};
    x.host = "www.example.test";
    x.start();
    const auto [leaf, ack] = served_leaf(x);
    CHECK(leaf == load_certified_key("rsa2048").chain.front());
    CHECK(!ack);
    ++g_cases;
  }
}

namespace {

struct LogSink {
  std::vector<std::string> lines;
  static void line(void* ctx, std::string_view l) { static_cast<LogSink*>(ctx)->lines.emplace_back(l); }
};

std::string hex(std::span<const std::uint8_t> b) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s;
  for (const auto v : b) {
    s += kDigits[v >> 4];
    s += kDigits[v & 15];
  }
  return s;
}

}  // namespace

TEST_CASE("key log: one NSS line per connection, the same on both sides") {
  const std::regex format("^CLIENT_RANDOM [0-9a-f]{64} [0-9a-f]{96}$");
  struct Case {
    const char* cert;
    std::optional<tls::CipherSuite> suite;
    bool ems;
  };
  const std::vector<Case> cases = {
      {"p256", std::nullopt, true},
      {"p384", tls::CipherSuite::ecdhe_ecdsa_with_aes_256_gcm_sha384, true},
      {"rsa2048", tls::CipherSuite::rsa_with_aes_128_gcm_sha256, true},
      {"rsa2048", tls::CipherSuite::ecdhe_rsa_with_chacha20_poly1305_sha256, false},
  };
  std::set<std::string> seen;
  for (const auto& c : cases) {
    CAPTURE(c.cert);
    Peers x;
    LogSink client_log, server_log;
    x.p.client_config->key_log = {&LogSink::line, &client_log};
    x.p.server_config->key_log = {&LogSink::line, &server_log};
    if (c.suite) x.p.client_config->cipher_suites = {*c.suite};
    if (!c.ems) {
      x.p.client_config->extended_master_secret = tls::ExtendedMasterSecret::optional;
      x.p.server_config->extended_master_secret = tls::ExtendedMasterSecret::optional;
    }
    x.start(c.cert);
    const auto ch = client_hello_of(x);
    REQUIRE(ch.has_value());
    if (!c.ems) {
      // Play a client without EMS: rewrite its hello so neither side uses it.
      rewrite_flight(*x.client, *x.server, [](std::vector<FlightMessage>& m) {
        auto hello = tls::ClientHello::parse(m[0].body);
        REQUIRE(hello.ok());
        hello->extended_master_secret = false;
        std::vector<std::uint8_t> out;
        REQUIRE(tls::append_handshake(out, HandshakeType::client_hello, *hello) == Error::ok);
        m[0].body.assign(out.begin() + 4, out.end());
      });
    }
    x.finish();
    if (!c.ems) {
      // The transcripts differ, so Finished fails -- but both sides derived
      // the same (non-EMS) master secret first, and logged it.
      CHECK(x.server->error() == Error::bad_finished);
    } else {
      REQUIRE(x.client->is_established());
      REQUIRE(x.server->is_established());
    }
    REQUIRE(client_log.lines.size() == 1);
    REQUIRE(server_log.lines.size() == 1);
    CHECK(std::regex_match(client_log.lines[0], format));
    CHECK(client_log.lines[0] == server_log.lines[0]);
    CHECK(client_log.lines[0].substr(14, 64) == hex(ch->random));
    CHECK(seen.insert(client_log.lines[0]).second);  // a new master secret each time
    ++g_cases;
  }
}

TEST_CASE("key log: no line when the handshake fails before the keys") {
  {
    Peers x;
    LogSink client_log, server_log;
    x.p.client_config->key_log = {&LogSink::line, &client_log};
    x.p.server_config->key_log = {&LogSink::line, &server_log};
    x.host = "example.com";  // the client refuses the certificate
    x.start();
    x.finish();
    CHECK(x.client->error() == Error::certificate_hostname_mismatch);
    CHECK(client_log.lines.empty());
    CHECK(server_log.lines.empty());
    ++g_cases;
  }
}

TEST_CASE("resumption: ALPN is negotiated again, the key log has a line per connection") {
  for (const bool tickets : {false, true}) {
    CAPTURE(tickets);
    Pair p;
    p.server_config->certificates = {load_certified_key("p256")};
    if (tickets) {
      p.server_config->ticket_keys = std::make_shared<tls::TicketKeys>();
    } else {
      p.server_config->session_cache = std::make_shared<tls::SessionCache>(16, 3600);
      p.client_config->session_tickets = false;
    }
    p.server_config->alpn = {"h2", "http/1.1"};
    LogSink client_log, server_log;
    p.client_config->key_log = {&LogSink::line, &client_log};
    p.server_config->key_log = {&LogSink::line, &server_log};
    std::optional<tls::Session> session;
    for (const auto& offer : std::vector<std::vector<std::string>>{{"h2"}, {"spdy/3", "http/1.1"}}) {
      p.client_config->alpn = offer;
      auto c = tls::Connection::client(p.client_config, "localhost", session ? &*session : nullptr);
      REQUIRE(c.ok());
      auto v = tls::Connection::server(p.server_config);
      REQUIRE(v.ok());
      Transport t(3);
      run_handshake(*c, *v, t);
      REQUIRE_MESSAGE(c->is_established(), tls::to_string(c->error()));
      REQUIRE(v->is_established());
      CHECK(c->resumed() == session.has_value());
      CHECK(v->resumed() == session.has_value());
      CHECK(c->alpn_protocol() == offer.back());
      CHECK(v->alpn_protocol() == offer.back());
      session = c->session();
      REQUIRE(session.has_value());
      ++g_cases;
    }
    // One line per connection on each side, the same line, new client randoms.
    REQUIRE(client_log.lines.size() == 2);
    CHECK(client_log.lines == server_log.lines);
    CHECK(client_log.lines[0].substr(14, 64) != client_log.lines[1].substr(14, 64));
    // The resumed connection reuses the master secret.
    CHECK(client_log.lines[0].substr(79) == client_log.lines[1].substr(79));
  }
}

TEST_CASE("alpn/sni/keylog: case count") {
  MESSAGE("ALPN/SNI/key-log cases checked: " << g_cases);
  CHECK(g_cases == 35);
}
