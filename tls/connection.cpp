// SPDX-License-Identifier: MIT
// tls::Connection (see include/baretls/tls/connection.h): the public face
// of the engine.
#include "baretls/tls/connection.h"

#include "tls/engine.h"
#include "tls/handshake_client.h"
#include "tls/handshake_server.h"

namespace baretls::tls {

namespace {
Error check_common(const CommonConfig& c) {
  if (c.random.fill == nullptr) return Error::missing_random;
  if (c.cipher_suites.empty() || c.signature_schemes.empty()) return Error::bad_config;
  if (c.max_handshake_message_size < 1024 || c.max_handshake_message_size > (1u << 24)) return Error::bad_config;
  return Error::ok;
}
}  // namespace

Connection::Connection(std::unique_ptr<detail::Engine> e) noexcept : engine_(std::move(e)) {}
Connection::Connection(Connection&&) noexcept = default;
Connection& Connection::operator=(Connection&&) noexcept = default;
Connection::~Connection() = default;

Result<Connection> Connection::client(std::shared_ptr<const ClientConfig> config, std::string_view server_name) {
  return client(std::move(config), server_name, nullptr);
}

Result<Connection> Connection::client(std::shared_ptr<const ClientConfig> config, std::string_view server_name,
                                      const Session* resume) {
  if (!config) return Error::bad_config;
  BARETLS_TRY(check_common(*config));
  // The server's chain is checked against the trust store at the clock's time.
  if (config->trust_store && config->clock.now == nullptr) return Error::missing_clock;
  auto e = std::make_unique<detail::Engine>();
  e->channel.set_release_idle(config->release_idle_buffers);
  e->role = Role::client;
  auto hs = std::make_unique<detail::ClientHandshake>(std::move(config), server_name, resume);
  auto& client = *hs;
  e->handshake = std::move(hs);
  BARETLS_TRY(client.start(*e));
  return Connection(std::move(e));
}

Result<Connection> Connection::server(std::shared_ptr<const ServerConfig> config) {
  if (!config) return Error::bad_config;
  BARETLS_TRY(check_common(*config));
  if (config->certificates.empty()) return Error::bad_config;
  // Client chains are checked at the clock's time.
  if (config->client_auth != ClientAuth::none && config->clock.now == nullptr) return Error::missing_clock;
  auto e = std::make_unique<detail::Engine>();
  e->channel.set_release_idle(config->release_idle_buffers);
  e->role = Role::server;
  auto hs = std::make_unique<detail::ServerHandshake>(std::move(config));
  auto& server = *hs;
  e->handshake = std::move(hs);
  BARETLS_TRY(server.start(*e));
  return Connection(std::move(e));
}

Result<std::size_t> Connection::feed(std::span<const std::uint8_t> data) { return engine_->feed(data); }

Error Connection::feed_eof() {
  auto& e = *engine_;
  e.channel.note_transport_eof();
  if (e.error != Error::ok) return e.error;
  if (e.channel.close_notify_received()) return Error::ok;
  // RFC 5246 §7.2.1: without close_notify, the data may have been truncated.
  return e.fail(Error::truncated);
}

std::span<const std::uint8_t> Connection::outgoing() const noexcept { return engine_->channel.outgoing(); }
void Connection::consume_outgoing(std::size_t n) noexcept { engine_->channel.consume_outgoing(n); }

Result<std::size_t> Connection::read(std::span<std::uint8_t> out) { return engine_->read(out); }
Result<std::size_t> Connection::write(std::span<const std::uint8_t> data) { return engine_->write(data); }

Error Connection::close() {
  auto& e = *engine_;
  if (e.error != Error::ok) return e.error;
  if (!e.channel.close_notify_sent()) e.send_alert(AlertLevel::warning, Alert::close_notify);
  return Error::ok;
}

std::uint32_t Connection::state() const noexcept { return engine_->state_flags(); }
Error Connection::error() const noexcept { return engine_->error; }
std::optional<Alert> Connection::alert_sent() const noexcept { return engine_->channel.alert_sent(); }
std::optional<Alert> Connection::peer_alert() const noexcept { return engine_->channel.peer_alert(); }
Role Connection::role() const noexcept { return engine_->role; }
std::optional<CipherSuite> Connection::cipher_suite() const noexcept { return engine_->suite; }
std::optional<NamedGroup> Connection::group() const noexcept { return engine_->group; }
std::optional<SignatureScheme> Connection::signature_scheme() const noexcept { return engine_->scheme; }
bool Connection::extended_master_secret() const noexcept { return engine_->ems; }
bool Connection::resumed() const noexcept { return engine_->resumed; }
std::optional<Session> Connection::session() const { return engine_->handshake->session(); }

// Zero-copy I/O
std::span<std::uint8_t> Connection::input_buffer() { return engine_->input_space(); }
Result<std::size_t> Connection::commit_input(std::size_t n) { return engine_->commit_input(n); }
Result<std::span<const std::uint8_t>> Connection::read_view() { return engine_->read_view(); }
Error Connection::consume_read(std::size_t n) { return engine_->consume_read(n); }

namespace detail {
Engine& engine_of(Connection& c) noexcept { return *c.engine_; }
}  // namespace detail

// ALPN, SNI and client certificates.
std::string_view Connection::alpn_protocol() const noexcept { return engine_->alpn_protocol; }
std::string_view Connection::requested_server_name() const noexcept { return engine_->requested_server_name; }
bool Connection::peer_authenticated() const noexcept {
  const auto& e = *engine_;
  return e.state == detail::HsState::established && e.handshake->peer_authenticated(e);
}
std::span<const std::uint8_t> Connection::peer_certificate() const noexcept { return engine_->peer_certificate; }

std::size_t Connection::memory_footprint() const noexcept {
  const auto& e = *engine_;
  return sizeof(detail::Engine) + e.handshake->footprint() + e.channel.footprint() + e.peer_certificate.capacity() +
         e.transcript.messages().size();
}

}  // namespace baretls::tls
