// SPDX-License-Identifier: MIT
// What a server accepts in a ClientHello and around it (issue 14), in memory:
//   record version     0x0300..0x03FF on the records before ServerHello (RFC 5246 App. E.1), 0x0303 after
//   extended master    default: a full handshake without EMS completes, its session is neither cached nor
//     secret           ticketed nor kept by the client (RFC 7627 §5.3, §5.4); `required` refuses it
//   ec_point_formats   a list without uncompressed(0) -> illegal_parameter (RFC 8422 §5.1.2)
//   large ClientHello  up to 2^17 bytes, memory grown while it arrives and given back after
//   many extensions    16,000 empty ones cost what a normal ClientHello costs (linear duplicate check)
//   SNI host_name      valid DNS names only (RFC 6066 §3), else invalid_server_name / unrecognized_name
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "baretls/tls/session_cache.h"
#include "baretls/tls/ticket_keys.h"
#include "tests/tls/feature_support.h"
#include "tls/engine.h"
#include "tls/features.h"
#include "tls/msg_common.h"

using namespace baretls;
using namespace baretls::test;
using tls::Alert;
using tls::Error;
using tls::HandshakeType;
using Bytes = std::vector<std::uint8_t>;

namespace {

std::size_t g_cases = 0;

// Delivers the client's pending records with each record's version set to `version`.
void deliver_with_record_version(tls::Connection& from, tls::Connection& to, std::uint16_t version) {
  const auto out = from.outgoing();
  Bytes wire(out.begin(), out.end());
  from.consume_outgoing(wire.size());
  for (std::size_t i = 0; i + 5 <= wire.size(); i += 5 + ((std::size_t{wire[i + 3]} << 8) | wire[i + 4])) {
    wire[i + 1] = static_cast<std::uint8_t>(version >> 8);
    wire[i + 2] = static_cast<std::uint8_t>(version);
  }
  (void)to.feed(wire);
}

void expect_established(Peers& x) {
  REQUIRE_MESSAGE(x.client->is_established(), "client: " << tls::to_string(x.client->error()));
  REQUIRE_MESSAGE(x.server->is_established(), "server: " << tls::to_string(x.server->error()));
  ++g_cases;
}

// The server's ServerHello, once the ClientHello has been delivered.
std::optional<tls::ServerHello> server_hello_of(const Peers& x) {
  const auto msgs = plaintext_messages(x.server->outgoing());
  const FlightMessage* m = find_message(msgs, HandshakeType::server_hello);
  if (m == nullptr) return std::nullopt;
  auto sh = tls::ServerHello::parse(m->body);
  if (!sh) return std::nullopt;
  return *sh;
}

}  // namespace

TEST_CASE("ClientHello record version: any {03,XX} before ServerHello, 0x0303 after") {
  for (const std::uint16_t v : {0x0300, 0x0301, 0x0302, 0x0303, 0x03ff}) {
    CAPTURE(v);
    Peers x;
    x.start();
    deliver_with_record_version(*x.client, *x.server, v);
    CHECK(x.server->error() == Error::ok);
    x.finish();
    expect_established(x);
  }
  for (const std::uint16_t v : {0x0200, 0x0203, 0x0400, 0xffff}) {
    CAPTURE(v);
    Peers x;
    x.start();
    deliver_with_record_version(*x.client, *x.server, v);
    settle(*x.client, *x.server);
    expect_failure(*x.server, *x.client, Error::bad_record_version, Alert::protocol_version);
    ++g_cases;
  }
  // The client's second flight after ServerHello: 0x0300 is refused.
  Peers x;
  x.start();
  x.client_to_server();
  x.server_to_client();
  deliver_with_record_version(*x.client, *x.server, 0x0300);
  settle(*x.client, *x.server);
  expect_failure(*x.server, *x.client, Error::bad_record_version, Alert::protocol_version);
  ++g_cases;
}

TEST_CASE("extended master secret: default allows a full handshake without it, keeps no session") {
  const auto without_ems = [](tls::ClientHello& ch) { ch.extended_master_secret = false; };
  SUBCASE("session cache and tickets configured: neither is used") {
    Peers x;
    x.p.server_config->session_cache = std::make_shared<tls::SessionCache>(16, 3600);
    x.p.server_config->ticket_keys = std::make_shared<tls::TicketKeys>();
    x.start();
    send_edited_client_hello(x, without_ems);
    const auto sh = server_hello_of(x);
    REQUIRE(sh.has_value());
    CHECK_FALSE(sh->extended_master_secret);
    CHECK(sh->session_id.empty());    // RFC 7627 §5.3: never resumed, so no ID
    CHECK_FALSE(sh->session_ticket);  // ... and no ticket
    x.finish();
    expect_established(x);
    CHECK_FALSE(x.client->extended_master_secret());
    CHECK_FALSE(x.server->extended_master_secret());
    CHECK(x.p.server_config->session_cache->size() == 0);
    CHECK_FALSE(x.client->session().has_value());
    // Data flows: the RFC 5246 §8.1 master secret is the same on both sides.
    const std::uint8_t msg[4] = {'d', 'a', 't', 'a'};
    REQUIRE(x.client->write(msg).ok());
    settle(*x.client, *x.server);
    std::uint8_t buf[8];
    CHECK(x.server->read(buf).value() == 4);
  }
  SUBCASE("with EMS, the same configuration caches the session") {
    Peers x;
    x.p.server_config->session_cache = std::make_shared<tls::SessionCache>(16, 3600);
    x.p.client_config->session_tickets = false;
    x.start();
    x.finish();
    expect_established(x);
    CHECK(x.client->extended_master_secret());
    CHECK(x.p.server_config->session_cache->size() == 1);
    CHECK(x.client->session().has_value());
  }
  SUBCASE("server requires it: handshake_failure") {
    Peers x;
    x.p.server_config->extended_master_secret = tls::ExtendedMasterSecret::required;
    x.start();
    send_edited_client_hello(x, without_ems);
    settle(*x.client, *x.server);
    expect_failure(*x.server, *x.client, Error::extended_master_secret_required, Alert::handshake_failure);
    ++g_cases;
  }
  SUBCASE("client requires it: a server without it is refused") {
    Peers x;
    x.p.client_config->extended_master_secret = tls::ExtendedMasterSecret::required;
    x.start();
    send_edited_client_hello(x, without_ems);
    settle(*x.client, *x.server);
    expect_failure(*x.client, *x.server, Error::extended_master_secret_required, Alert::handshake_failure);
    ++g_cases;
  }
}

TEST_CASE("ec_point_formats without uncompressed: illegal_parameter (RFC 8422 §5.1.2)") {
  enum class Groups { ours, absent, ffdhe_only };
  struct Case {
    std::optional<Bytes> formats;
    Groups groups;
    bool rsa_only;  // the server configured for RSA key transport only
    bool refused;
  };
  const std::vector<Case> cases = {
      {Bytes{0}, Groups::ours, false, false},
      {Bytes{2, 1, 0}, Groups::ours, false, false},
      {std::nullopt, Groups::ours, false, false},  // absent: uncompressed only
      {Bytes{1}, Groups::ours, false, true},
      {Bytes{1, 2}, Groups::ours, false, true},
      {Bytes{1}, Groups::absent, false, true},      // an ECDHE suite would use an RFC 8422 curve
      {Bytes{1}, Groups::ours, true, true},         // RSA chosen, but the client named RFC 8422 curves
      {Bytes{1}, Groups::ffdhe_only, true, false},  // ffdhe2048 (256) only, RSA chosen: no EC at all
  };
  for (const auto& c : cases) {
    CAPTURE(c.refused);
    Peers x;
    x.p.server_config->certificates = {load_certified_key("rsa2048")};
    if (c.rsa_only) x.p.server_config->cipher_suites = {tls::CipherSuite::rsa_with_aes_128_gcm_sha256};
    x.start();
    send_edited_client_hello(x, [&](tls::ClientHello& ch) {
      ch.ec_point_formats = c.formats;
      if (c.groups == Groups::absent) ch.supported_groups.reset();
      if (c.groups == Groups::ffdhe_only) ch.supported_groups = std::vector<std::uint16_t>{256};
    });
    if (c.refused) {
      settle(*x.client, *x.server);
      expect_failure(*x.server, *x.client, Error::illegal_parameter, Alert::illegal_parameter);
      ++g_cases;
    } else {
      x.finish();
      expect_established(x);
    }
  }
}

namespace {

// Where the extension block's u16 length sits in a ClientHello body: after
// version, random, session_id, cipher_suites and compression_methods.
std::size_t extensions_at(const Bytes& body) {
  std::size_t at = 2 + 32;
  at += 1 + body[at];
  at += 2 + ((std::size_t{body[at]} << 8) | body[at + 1]);
  at += 1 + body[at];
  return at;
}

// Appends `extensions` (whole extensions, already encoded) to the block.
void append_extensions(Bytes& body, const Bytes& extensions) {
  const std::size_t at = extensions_at(body);
  const std::size_t len = ((std::size_t{body[at]} << 8) | body[at + 1]) + extensions.size();
  REQUIRE(len <= 0xffff);
  body[at] = static_cast<std::uint8_t>(len >> 8);
  body[at + 1] = static_cast<std::uint8_t>(len);
  body.insert(body.end(), extensions.begin(), extensions.end());
}

// Our client's ClientHello grown to `target` bytes: unknown suites
// (0x0100 + i) after its own, up to the 2^15 - 1 the list holds, then a
// padding extension (RFC 7685, type 21) for the rest.
void grow_client_hello(Bytes& body, std::size_t target) {
  auto ch = tls::ClientHello::parse(body);
  REQUIRE(ch.ok());
  const std::size_t more = std::min<std::size_t>(32767 - ch->cipher_suites.size(), (target - body.size()) / 2);
  for (std::size_t i = 0; i < more; ++i) ch->cipher_suites.push_back(static_cast<std::uint16_t>(0x0100 + i));
  Bytes out;
  REQUIRE(tls::append_handshake(out, HandshakeType::client_hello, *ch) == Error::ok);
  body.assign(out.begin() + 4, out.end());
  REQUIRE(target >= body.size() + 4);
  const std::size_t padding = target - body.size() - 4;
  Bytes ext = {0, 21, static_cast<std::uint8_t>(padding >> 8), static_cast<std::uint8_t>(padding)};
  ext.resize(4 + padding, 0);
  append_extensions(body, ext);
  REQUIRE(body.size() == target);
}

// Feeds all of `bytes` (feed() takes at most a record's room per call).
void feed_all(tls::Connection& to, const Bytes& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    auto n = to.feed(std::span(bytes).subspan(done));
    if (!n || *n == 0) return;
    done += *n;
  }
}

// A handshake message as plaintext handshake records of at most 2^14 bytes.
Bytes as_records(std::uint8_t type, const Bytes& body) {
  Bytes hs = {type, static_cast<std::uint8_t>(body.size() >> 16), static_cast<std::uint8_t>(body.size() >> 8),
              static_cast<std::uint8_t>(body.size())};
  hs.insert(hs.end(), body.begin(), body.end());
  Bytes records;
  for (std::size_t i = 0; i < hs.size(); i += 16384) {
    const std::size_t n = std::min<std::size_t>(16384, hs.size() - i);
    records.insert(records.end(), {22, 3, 3, static_cast<std::uint8_t>(n >> 8), static_cast<std::uint8_t>(n)});
    records.insert(records.end(), hs.begin() + static_cast<long>(i), hs.begin() + static_cast<long>(i + n));
  }
  return records;
}

// The client's pending ClientHello body, taken away from it.
Bytes take_client_hello(Peers& x) {
  Bytes body;
  rewrite_flight(*x.client, *x.server, [&](std::vector<FlightMessage>& msgs) {
    body = msgs[0].body;
    msgs.clear();  // nothing reaches the server
  });
  return body;
}

}  // namespace

TEST_CASE("large ClientHello: up to 2^17 bytes completes, memory is given back") {
  Peers x;
  x.start();
  std::size_t hello_size = 0;
  send_edited_client_hello(x, [&](Bytes& body) {
    grow_client_hello(body, tls::kMaxClientHelloSize);
    hello_size = body.size();
  });
  CHECK(hello_size == tls::kMaxClientHelloSize);
  REQUIRE(x.server->error() == Error::ok);
  // The message was taken and its buffer released before the handshake ends.
  CHECK(tls::detail::engine_of(*x.server).channel.reassembly_capacity() <= tls::detail::ChannelSizes{}.kept_reassembly);
  x.finish();
  expect_established(x);
  CHECK(x.server->memory_footprint() < 48 * 1024);  // issue #7's bound on an established connection
}

TEST_CASE("large ClientHello: reassembly grows with what arrives, not past the message") {
  Peers x;
  x.start();
  Bytes body = take_client_hello(x);
  grow_client_hello(body, 100000);
  const Bytes records = as_records(1, body);
  const auto& e = tls::detail::engine_of(*x.server);
  std::size_t peak = 0;
  std::size_t fed = 0;
  for (std::size_t i = 0; i < records.size();) {
    const std::size_t n = 5 + ((std::size_t{records[i + 3]} << 8) | records[i + 4]);
    REQUIRE(x.server->feed(std::span(records).subspan(i, n)).value() == n);
    i += n;
    fed += n - 5;
    if (i < records.size()) {
      CHECK(e.channel.reassembly_capacity() <= std::max<std::size_t>(2 * fed, 16384));  // follows what arrived
      CHECK(e.channel.reassembly_capacity() <= 4 + body.size());                        // never past the message
      peak = std::max(peak, e.channel.reassembly_capacity());
    }
  }
  MESSAGE("ClientHello " << body.size() << " bytes, reassembly peak " << peak);
  CHECK(peak >= 64 * 1024);
  // The ClientHello was processed (the server answered), the memory went back.
  CHECK(x.server->error() == Error::ok);
  CHECK(!x.server->outgoing().empty());
  CHECK(e.channel.reassembly_capacity() <= tls::detail::ChannelSizes{}.kept_reassembly);
  ++g_cases;
}

namespace {

// `count` empty extensions of unknown types (0x2000 + i) appended to a
// ClientHello body; `duplicate` repeats the last one.
void add_empty_extensions(Bytes& body, std::size_t count, bool duplicate) {
  Bytes ext;
  for (std::size_t i = 0; i < count + (duplicate ? 1 : 0); ++i) {
    const auto type = static_cast<std::uint16_t>(0x2000 + std::min(i, count - 1));
    ext.insert(ext.end(), {static_cast<std::uint8_t>(type >> 8), static_cast<std::uint8_t>(type), 0, 0});
  }
  append_extensions(body, ext);
}

// Seconds the server takes to answer the ClientHello `edit` makes (best of 5).
double server_answer_time(const std::function<void(Bytes&)>& edit, Error expected) {
  double best = 1e9;
  for (int round = 0; round < 5; ++round) {
    Peers x;
    x.start();
    Bytes body = take_client_hello(x);
    edit(body);
    const Bytes records = as_records(1, body);
    const auto t0 = std::chrono::steady_clock::now();
    feed_all(*x.server, records);
    const auto t1 = std::chrono::steady_clock::now();
    CHECK(x.server->error() == expected);
    best = std::min(best, std::chrono::duration<double>(t1 - t0).count());
  }
  return best;
}

}  // namespace

TEST_CASE("16,000 empty extensions: the duplicate check is linear") {
  // The check on its own: a duplicate at the very end of 16,000 is found.
  {
    Peers x;
    x.start();
    send_edited_client_hello(x, [](Bytes& body) { add_empty_extensions(body, 16000, true); });
    settle(*x.client, *x.server);
    expect_failure(*x.server, *x.client, Error::decode_duplicate_extension, Alert::decode_error);
    ++g_cases;
  }
  // Without duplicates the handshake completes.
  {
    Peers x;
    x.start();
    send_edited_client_hello(x, [](Bytes& body) { add_empty_extensions(body, 16000, false); });
    x.finish();
    expect_established(x);
  }
  // The cost: the server's answer (records, transcript hashes, parse, suite
  // choice, ECDHE key, signature) to a ClientHello of the same size with one
  // 64,000-byte padding extension, and to one with 16,000 empty extensions.
  // A quadratic check (128 million comparisons) made the second 100x the
  // first or more; linear parsing costs about 2x. Allow 20x for noise,
  // sanitizers and a busy machine.
  const auto padded = [](Bytes& b) {
    Bytes ext = {0, 21, static_cast<std::uint8_t>(63996 >> 8), static_cast<std::uint8_t>(63996 & 0xff)};
    ext.resize(64000, 0);
    append_extensions(b, ext);
  };
  const double normal = server_answer_time([](Bytes&) {}, Error::ok);
  const double same_size = server_answer_time(padded, Error::ok);
  const double many = server_answer_time([](Bytes& b) { add_empty_extensions(b, 16000, false); }, Error::ok);
  const double dup = server_answer_time([](Bytes& b) { add_empty_extensions(b, 16000, true); },
                                        Error::decode_duplicate_extension);
  MESSAGE("server answer: normal ClientHello " << normal * 1e6 << " us, with 64000 bytes of padding "
                                               << same_size * 1e6 << " us, 16000 extensions " << many * 1e6
                                               << " us, with a duplicate " << dup * 1e6 << " us");
  CHECK(many < 20 * same_size);
  CHECK(dup < 20 * same_size);
  ++g_cases;
}

TEST_CASE("SNI host_name: valid DNS names only (RFC 6066 §3)") {
  const std::vector<std::string> valid = {
      "localhost", "www.example.test", "WWW.Example.TEST", "a-b.c_d.example", "xn--bcher-kva.example",
      "1.2.3.4", "a", std::string(63, 'a') + ".example",
      std::string(63, 'a') + "." + std::string(63, 'b') + "." + std::string(63, 'c') + "." + std::string(61, 'd')};
  const std::vector<std::string> invalid = {
      std::string("a\0b.example", 11), "exa mple.test", "example.test.", ".example.test", "a..b",
      "-a.example", "a-.example", std::string(64, 'a') + ".example",
      std::string(63, 'a') + "." + std::string(63, 'b') + "." + std::string(63, 'c') + "." + std::string(62, 'd'),
      "ex\x1b[31mample.test", "\xc3\xa9.example", "*.example.test", "a/b.example", "a:b", "\x7f", "tab\t.test"};
  CHECK(valid.back().size() == 253);
  CHECK(invalid[8].size() == 254);
  for (const auto& name : valid) {
    CAPTURE(name);
    CHECK(tls::detail::is_valid_host_name(name));
    Peers x;
    x.start();
    send_edited_client_hello(x, [&](tls::ClientHello& ch) { ch.server_name = name; });
    x.finish();
    expect_established(x);
    CHECK(x.server->requested_server_name() == name);
  }
  for (const auto& name : invalid) {
    CAPTURE(name);
    CHECK_FALSE(tls::detail::is_valid_host_name(name));
    Peers x;
    x.start();
    send_edited_client_hello(x, [&](tls::ClientHello& ch) { ch.server_name = name; });
    settle(*x.client, *x.server);
    expect_failure(*x.server, *x.client, Error::invalid_server_name, Alert::unrecognized_name);
    CHECK(x.server->requested_server_name().empty());  // never handed to the application
    ++g_cases;
  }
}

TEST_CASE("SNI host_name a client sends: no trailing dot, no IP literal, nothing invalid") {
  struct Case {
    std::string name;
    std::optional<std::string> sent;
  };
  const std::vector<Case> cases = {
      {"localhost", "localhost"}, {"localhost.", "localhost"}, {"www.example.test", "www.example.test"},
      {"127.0.0.1", std::nullopt}, {"::1", std::nullopt}, {"bad name", std::nullopt}, {"", std::nullopt},
      {".", std::nullopt}};
  for (const auto& c : cases) {
    CAPTURE(c.name);
    Peers x;
    x.host = c.name;
    x.start();
    const auto msgs = plaintext_messages(x.client->outgoing());
    REQUIRE(msgs.size() == 1);
    const auto ch = tls::ClientHello::parse(msgs[0].body);
    REQUIRE(ch.ok());
    CHECK(ch->server_name == c.sent);
    CHECK(x.client->requested_server_name() == c.sent.value_or(""));
    ++g_cases;
  }
}

TEST_CASE("hello checks: case count") {
  // record versions 5 + 4 + 1, EMS 1 + 1 + 2, point formats 8, large hello 2,
  // extensions 3, SNI 9 + 16, client SNI 8.
  CHECK(g_cases == 10 + 4 + 8 + 2 + 3 + 25 + 8);
}
