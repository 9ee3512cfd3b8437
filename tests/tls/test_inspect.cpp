// SPDX-License-Identifier: MIT
// The Inspector hook (include/baretls/tls/inspect.h): in-memory handshakes
// with an inspector on both sides; every message one side sends is reported
// received by the other with the same bytes, records likewise (wire and
// plaintext), and the reported secrets agree between the sides and with the
// key schedule recomputed from the reported inputs (RFC 7627 §4, RFC 5246 §6.3).
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <variant>
#include <string>
#include <vector>

#include "tests/tls/handshake_support.h"
#include "tls/key_schedule.h"
#include "tls/suites.h"

using namespace baretls;
using namespace baretls::test;

namespace {

struct Ev {
  tls::InspectKind kind;
  bool from_client;
  std::string name;
  std::vector<std::uint8_t> bytes, plaintext;
  std::optional<tls::HandshakeFields> fields;
};

struct Collector {
  std::vector<Ev> events;
  static void on(void* ctx, const tls::InspectEvent& e) {
    static_cast<Collector*>(ctx)->events.push_back(
        {e.kind, e.from_client, std::string(e.name), {e.bytes.begin(), e.bytes.end()}, {e.plaintext.begin(), e.plaintext.end()},
         e.fields != nullptr ? std::optional<tls::HandshakeFields>(*e.fields) : std::nullopt});
  }
  tls::Inspector inspector() { return {&Collector::on, this}; }
  std::vector<const Ev*> all(bool client, tls::InspectKind k) const {
    std::vector<const Ev*> v;
    for (const auto& e : events)
      if (e.from_client == client && e.kind == k) v.push_back(&e);
    return v;
  }
  std::vector<std::uint8_t> value(bool client, const std::string& name) const {
    for (const auto& e : events)
      if (e.from_client == client && e.name == name &&
          (e.kind == tls::InspectKind::value || e.kind == tls::InspectKind::secret))
        return e.bytes;
    return {};
  }
};

// Sent by one side == received by the other, in order, bytes and plaintext.
std::size_t check_mirrored(const Collector& c, bool client, tls::InspectKind sent, tls::InspectKind received) {
  const auto s = c.all(client, sent);
  const auto r = c.all(!client, received);
  REQUIRE(s.size() == r.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    CHECK(s[i]->name == r[i]->name);
    CHECK(s[i]->bytes == r[i]->bytes);
    CHECK(s[i]->plaintext == r[i]->plaintext);
  }
  return s.size();
}

}  // namespace

TEST_CASE("inspector: messages, records and secrets of a full handshake, ECDHE and RSA key exchange") {
  std::size_t checked = 0;
  for (const bool rsa_kex : {false, true}) {
    CAPTURE(rsa_kex);
    Pair p;
    Collector col;
    p.server_config->certificates = {load_certified_key(rsa_kex ? "rsa2048" : "p256")};
    if (rsa_kex) p.client_config->cipher_suites = {tls::CipherSuite::rsa_with_aes_128_gcm_sha256};
    p.client_config->inspector = col.inspector();
    p.server_config->inspector = col.inspector();
    auto client = tls::Connection::client(p.client_config, "localhost");
    auto server = tls::Connection::server(p.server_config);
    REQUIRE(client.ok());
    REQUIRE(server.ok());
    Transport t(11);
    run_handshake(*client, *server, t);
    REQUIRE(client->is_established());
    const std::uint8_t msg[] = {'p', 'i', 'n', 'g'};
    REQUIRE(client->write(msg).ok());
    settle(*client, *server);
    std::uint8_t buf[16];
    auto n = server->read(buf);
    REQUIRE(n.ok());
    CHECK(*n == 4);

    // Messages: client -> server and server -> client, byte for byte.
    CHECK(check_mirrored(col, true, tls::InspectKind::handshake_sent, tls::InspectKind::handshake_received) == 3);
    CHECK(check_mirrored(col, false, tls::InspectKind::handshake_sent, tls::InspectKind::handshake_received) ==
          (rsa_kex ? 4u : 5u));
    // Records: the plaintext ones and the protected ones (Finished, application data).
    CHECK(check_mirrored(col, true, tls::InspectKind::record_sent, tls::InspectKind::record_received) == 5);
    const auto app = col.all(false, tls::InspectKind::record_received).back();
    CHECK(app->name == "application_data");
    CHECK(app->plaintext == std::vector<std::uint8_t>(msg, msg + 4));
    CHECK(app->bytes.size() == 5 + 8 + 4 + 16);  // header, explicit nonce, ciphertext, tag

    // Secrets agree between the sides and with the key schedule.
    for (const char* name : {"pre_master_secret", "session_hash", "master_secret", "key_block", "client_write_key",
                             "server_write_key", "client_write_iv", "server_write_iv", "client_random",
                             "server_random"}) {
      CAPTURE(name);
      CHECK(!col.value(true, name).empty());
      CHECK(col.value(true, name) == col.value(false, name));
      ++checked;
    }
    const auto pms = col.value(true, "pre_master_secret");
    CHECK(pms.size() == (rsa_kex ? 48u : 32u));
    CHECK(col.value(true, "ecdhe_shared_secret") == (rsa_kex ? std::vector<std::uint8_t>{} : pms));
    CHECK(col.value(false, "encrypted_pre_master_secret") == col.value(true, "encrypted_pre_master_secret"));
    const auto master = tls::derive_extended_master_secret(crypto::HashId::sha256, pms, col.value(true, "session_hash"));
    CHECK(std::vector<std::uint8_t>(master.expose().begin(), master.expose().end()) == col.value(true, "master_secret"));
    auto block = col.value(true, "client_write_key");
    for (const char* part : {"server_write_key", "client_write_iv", "server_write_iv"}) {
      const auto v = col.value(true, part);
      block.insert(block.end(), v.begin(), v.end());
    }
    CHECK(block == col.value(true, "key_block"));
    CHECK(block.size() == 40);
    // Finished: computed by the sender == expected by the receiver, 12 bytes.
    CHECK(col.value(true, "client_verify_data").size() == 12);
    CHECK(col.value(true, "client_verify_data") == col.value(false, "expected_client_verify_data"));
    CHECK(col.value(false, "server_verify_data") == col.value(true, "expected_server_verify_data"));
    checked += 4;
  }
  MESSAGE("inspector values checked: " << checked);
  CHECK(checked == 28);
}

TEST_CASE("inspector: off unless set; one side set reports that side only") {
  Pair p;
  Collector col;
  p.server_config->certificates = {load_certified_key("p256")};
  p.server_config->inspector = col.inspector();
  auto client = tls::Connection::client(p.client_config, "localhost");
  auto server = tls::Connection::server(p.server_config);
  REQUIRE(client.ok());
  REQUIRE(server.ok());
  Transport t(3);
  run_handshake(*client, *server, t);
  REQUIRE(client->is_established());
  CHECK(!col.events.empty());
  CHECK(std::none_of(col.events.begin(), col.events.end(), [](const Ev& e) { return e.from_client; }));
}

// Tracing is an Inspector client (tools/trace.h): the library has no trace
// sink or formatter of its own, so a connection without an inspector neither
// parses a message twice nor formats a line (include/baretls/tls/inspect.h).
template <typename C>
concept HasTraceSink = requires(C c) { c.trace; };
static_assert(!HasTraceSink<tls::CommonConfig>);

TEST_CASE("inspector: every handshake message event carries its decoded fields") {
  Pair p;
  Collector col;
  p.server_config->certificates = {load_certified_key("p256")};
  p.client_config->inspector = col.inspector();
  p.server_config->inspector = col.inspector();
  auto client = tls::Connection::client(p.client_config, "localhost");
  auto server = tls::Connection::server(p.server_config);
  REQUIRE(client.ok());
  REQUIRE(server.ok());
  Transport t(5);
  run_handshake(*client, *server, t);
  REQUIRE(client->is_established());
  std::size_t messages = 0, with_fields = 0, complete = 0;
  for (const auto& e : col.events) {
    const bool hs = e.kind == tls::InspectKind::handshake_sent || e.kind == tls::InspectKind::handshake_received;
    messages += hs ? 1 : 0;
    if (e.kind == tls::InspectKind::handshake_complete) {
      ++complete;
      CHECK(e.name == tls::suite_name(*client->cipher_suite()));
    }
    CHECK(e.fields.has_value() == hs);
    if (!e.fields) continue;
    CHECK(!std::holds_alternative<tls::Error>(*e.fields));
    if (std::holds_alternative<std::monostate>(*e.fields)) continue;
    ++with_fields;
    if (const auto* ch = std::get_if<tls::ClientHelloFields>(&*e.fields)) {
      CHECK(e.name == "ClientHello");
      CHECK(std::equal(ch->random.begin(), ch->random.end(), col.value(true, "client_random").begin()));
      CHECK(ch->cipher_suites.size() >= p.client_config->cipher_suites.size());
    }
    if (const auto* sh = std::get_if<tls::ServerHelloFields>(&*e.fields))
      CHECK(sh->cipher_suite == static_cast<std::uint16_t>(*client->cipher_suite()));
  }
  // ClientHello .. Finished of a full ECDHE handshake, each seen by both
  // sides (ServerHelloDone has no fields).
  CHECK(messages >= 16);
  CHECK(with_fields == messages - 2);
  CHECK(complete == 2);
}
