// SPDX-License-Identifier: MIT
// `baretls demo`: the Inspector's event log, and one connection between an
// in-process client and server of ours over an in-memory pipe (bytes copied
// from one's outgoing() to the other's feed()): handshake, one message each
// way, close_notify both ways.
#include <algorithm>

#include "baretls/tls/pump.h"
#include "tools/demo.h"
#include "tools/demo_pki.h"

namespace baretls::cli::demo {

void Log::record(void* ctx, const tls::InspectEvent& e) {
  auto& log = *static_cast<Log*>(ctx);
  Event ev;
  ev.kind = e.kind;
  ev.from_client = e.from_client;
  ev.name = std::string(e.name);
  ev.bytes.assign(e.bytes.begin(), e.bytes.end());
  ev.plaintext.assign(e.plaintext.begin(), e.plaintext.end());
  ev.sequence = e.sequence;
  ev.is_protected = e.is_protected;
  if (e.fields != nullptr) ev.fields = *e.fields;
  log.events_.push_back(std::move(ev));
}

const Event* Log::find(bool from_client, tls::InspectKind kind, std::string_view name, std::size_t nth) const noexcept {
  for (const auto& e : events_) {
    if (e.from_client != from_client || e.kind != kind || e.name != name) continue;
    if (nth == 0) return &e;
    --nth;
  }
  return nullptr;
}

const Event* Log::sent(bool from_client, tls::HandshakeType type) const noexcept {
  for (const auto& e : events_)
    if (e.from_client == from_client && e.kind == tls::InspectKind::handshake_sent && !e.bytes.empty() &&
        e.bytes[0] == static_cast<std::uint8_t>(type))
      return &e;
  return nullptr;
}

std::span<const std::uint8_t> Log::value(bool from_client, std::string_view name) const noexcept {
  for (const auto kind : {tls::InspectKind::value, tls::InspectKind::secret})
    if (const Event* e = find(from_client, kind, name)) return e->bytes;
  return {};
}

namespace {

// Moves bytes both ways until neither side has anything to send. False
// when a side failed.
bool deliver(tls::Connection& client, tls::Connection& server) { return tls::pump(client, server) == tls::Error::ok; }

std::string read_all(tls::Connection& c) {
  std::string got;
  std::uint8_t buf[4096];
  for (;;) {
    auto n = c.read(buf);
    if (!n || *n == 0) break;
    got.append(reinterpret_cast<const char*>(buf), *n);
  }
  return got;
}

bool write_all(tls::Connection& c, std::string_view text) {
  auto n = c.write(std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
  return n && *n == text.size();
}

Run fail(Run r, const tls::Connection& client, const tls::Connection& server) {
  const bool client_failed = client.error() != tls::Error::ok &&
                              !(client.peer_alert() && server.error() != tls::Error::ok && server.alert_sent());
  r.error = client_failed ? client.error() : server.error();
  r.failed_side = client_failed ? "client" : "server";
  return r;
}

}  // namespace

Run run_connection(const Setup& setup, Log& log, const tls::Session* resume) {
  Run r;
  auto server_cfg = std::make_shared<tls::ServerConfig>(*setup.server);
  auto client_cfg = std::make_shared<tls::ClientConfig>(*setup.client);
  server_cfg->inspector = log.inspector();
  client_cfg->inspector = log.inspector();
  auto server = tls::Connection::server(server_cfg);
  auto client = tls::Connection::client(client_cfg, demo_pki::kServerName, resume);
  if (!server || !client) {
    r.error = !server ? server.error() : client.error();
    r.failed_side = !server ? "server" : "client";
    return r;
  }
  if (!deliver(*client, *server) || !client->is_established() || !server->is_established())
    return fail(std::move(r), *client, *server);
  r.suite = client->cipher_suite();
  r.ems = client->extended_master_secret() && server->extended_master_secret();
  r.resumed = client->resumed() && server->resumed();
  r.session = client->session();
  r.peer_authenticated = server->peer_authenticated();
  r.peer_certificate.assign(server->peer_certificate().begin(), server->peer_certificate().end());

  if (!write_all(*client, kClientMessage) || !deliver(*client, *server)) return fail(std::move(r), *client, *server);
  r.client_sent = std::string(kClientMessage);
  r.server_received = read_all(*server);
  if (!write_all(*server, kServerMessage) || !deliver(*client, *server)) return fail(std::move(r), *client, *server);
  r.server_sent = std::string(kServerMessage);
  r.client_received = read_all(*client);

  // RFC 5246 §7.2.1: the client closes; the server answers when its read() sees the alert.
  if (client->close() != tls::Error::ok || !deliver(*client, *server)) return fail(std::move(r), *client, *server);
  (void)read_all(*server);
  if (!deliver(*client, *server)) return fail(std::move(r), *client, *server);
  (void)read_all(*client);
  return r;
}

}  // namespace baretls::cli::demo
