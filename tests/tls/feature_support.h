// SPDX-License-Identifier: MIT
// Support for the client-certificate / ALPN / SNI / key-log suites: a client
// and server pair built from handshake_support.h, failure checks on both
// sides, and helpers that look at (or rewrite) the plaintext part of a
// flight in transit.
#pragma once

#include <doctest/doctest.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "tests/tls/handshake_support.h"
#include "tls/engine.h"
#include "tls/messages.h"

namespace baretls::test {

struct Peers {
  Pair p;
  std::optional<tls::Connection> client, server;
  std::string host = "localhost";
  void start(const char* cert = "p256") {
    if (p.server_config->certificates.empty()) p.server_config->certificates = {load_certified_key(cert)};
    auto c = tls::Connection::client(p.client_config, host);
    REQUIRE_MESSAGE(c.ok(), tls::to_string(c.error()));
    client.emplace(std::move(*c));
    auto s = tls::Connection::server(p.server_config);
    REQUIRE_MESSAGE(s.ok(), tls::to_string(s.error()));
    server.emplace(std::move(*s));
  }
  void finish() {
    Transport t(99);
    run_handshake(*client, *server, t);
    settle(*client, *server);
  }
  // Delivers the client's pending bytes to the server in one piece.
  void client_to_server() {
    const auto out = client->outgoing();
    auto n = server->feed(out);
    REQUIRE_MESSAGE(n.ok(), tls::to_string(n.error()));
    client->consume_outgoing(*n);
  }
  void server_to_client() {
    const auto out = server->outgoing();
    auto n = client->feed(out);
    REQUIRE_MESSAGE(n.ok(), tls::to_string(n.error()));
    server->consume_outgoing(*n);
  }
};

// `failing` detected `err` and sent `alert`; the other side saw that alert.
inline void expect_failure(tls::Connection& failing, tls::Connection& other, tls::Error err, tls::Alert alert) {
  CHECK_MESSAGE(failing.error() == err, "got " << tls::to_string(failing.error()));
  CHECK(failing.alert_sent() == alert);
  CHECK(other.error() == tls::Error::peer_alert);
  CHECK(other.peer_alert() == alert);
  CHECK(!failing.is_established());
  CHECK(!other.is_established());
}

// The handshake messages in the plaintext records of `wire` before the
// first ChangeCipherSpec (or the end).
inline std::vector<FlightMessage> plaintext_messages(std::span<const std::uint8_t> wire) {
  std::vector<std::uint8_t> stream;
  for (std::size_t i = 0; i + 5 <= wire.size();) {
    const std::size_t len = (std::size_t{wire[i + 3]} << 8) | wire[i + 4];
    REQUIRE(i + 5 + len <= wire.size());
    if (wire[i] != 22) break;
    stream.insert(stream.end(), wire.begin() + static_cast<long>(i + 5), wire.begin() + static_cast<long>(i + 5 + len));
    i += 5 + len;
  }
  std::vector<FlightMessage> msgs;
  for (std::size_t i = 0; i + 4 <= stream.size();) {
    const std::size_t len = (std::size_t{stream[i + 1]} << 16) | (std::size_t{stream[i + 2]} << 8) | stream[i + 3];
    REQUIRE(i + 4 + len <= stream.size());
    msgs.push_back({stream[i], std::vector<std::uint8_t>(stream.begin() + static_cast<long>(i + 4),
                                                         stream.begin() + static_cast<long>(i + 4 + len))});
    i += 4 + len;
  }
  return msgs;
}

inline const FlightMessage* find_message(const std::vector<FlightMessage>& msgs, tls::HandshakeType t) {
  for (const auto& m : msgs)
    if (m.type == static_cast<std::uint8_t>(t)) return &m;
  return nullptr;
}

// Takes all of `from`'s outgoing bytes: the plaintext handshake records
// before the first ChangeCipherSpec are decoded, edited by `edit` and
// re-framed into one record; the records from the ChangeCipherSpec on are
// kept as they are. Feeds the result to `to`.
inline void rewrite_plaintext_prefix(tls::Connection& from, tls::Connection& to,
                                     const std::function<void(std::vector<FlightMessage>&)>& edit) {
  const auto out = from.outgoing();
  const std::vector<std::uint8_t> wire(out.begin(), out.end());
  from.consume_outgoing(wire.size());
  std::size_t rest = 0;
  while (rest + 5 <= wire.size() && wire[rest] == 22)
    rest += 5 + ((std::size_t{wire[rest + 3]} << 8) | wire[rest + 4]);
  auto msgs = plaintext_messages(wire);
  edit(msgs);
  std::vector<std::uint8_t> hs;
  for (const auto& m : msgs) {
    const std::size_t len = m.body.size();
    hs.insert(hs.end(), {m.type, static_cast<std::uint8_t>(len >> 16), static_cast<std::uint8_t>(len >> 8),
                         static_cast<std::uint8_t>(len)});
    hs.insert(hs.end(), m.body.begin(), m.body.end());
  }
  REQUIRE(hs.size() <= 16384);
  std::vector<std::uint8_t> records = {22, 3, 3, static_cast<std::uint8_t>(hs.size() >> 8),
                                       static_cast<std::uint8_t>(hs.size())};
  records.insert(records.end(), hs.begin(), hs.end());
  records.insert(records.end(), wire.begin() + static_cast<long>(rest), wire.end());
  std::size_t done = 0;
  while (done < records.size()) {
    auto n = to.feed(std::span(records).subspan(done));
    if (!n || *n == 0) break;
    done += *n;
  }
}

// Plays a client that sent another ClientHello: `edit` changes the body of
// the client's pending ClientHello, the client's transcript is rebuilt from
// the edited message (tls/engine.h seam) and the result goes to the server
// (split into records as needed), so the handshake can still complete.
inline void send_edited_client_hello(Peers& x, const std::function<void(std::vector<std::uint8_t>&)>& edit) {
  rewrite_flight(*x.client, *x.server, [&](std::vector<FlightMessage>& msgs) {
    REQUIRE(msgs.size() == 1);
    edit(msgs[0].body);
    const std::size_t len = msgs[0].body.size();
    std::vector<std::uint8_t> message = {1, static_cast<std::uint8_t>(len >> 16), static_cast<std::uint8_t>(len >> 8),
                                         static_cast<std::uint8_t>(len)};
    message.insert(message.end(), msgs[0].body.begin(), msgs[0].body.end());
    auto& t = tls::detail::engine_of(*x.client).transcript;
    const bool keep = t.keeping();
    t = tls::Transcript();
    if (keep) t.keep_messages();
    t.update(message);
  });
}

// The same through the parsed ClientHello (unknown extensions are dropped).
inline void send_edited_client_hello(Peers& x, const std::function<void(tls::ClientHello&)>& edit) {
  send_edited_client_hello(x, [&](std::vector<std::uint8_t>& body) {
    auto ch = tls::ClientHello::parse(body);
    REQUIRE(ch.ok());
    edit(*ch);
    std::vector<std::uint8_t> out;
    REQUIRE(tls::append_handshake(out, tls::HandshakeType::client_hello, *ch) == tls::Error::ok);
    body.assign(out.begin() + 4, out.end());
  });
}

}  // namespace baretls::test
