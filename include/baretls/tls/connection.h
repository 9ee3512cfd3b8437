// SPDX-License-Identifier: MIT
// The sans-IO TLS 1.2 connection (docs/ARCHITECTURE.md): bytes from the peer go in
// through feed(), records to transmit come out of outgoing(), application
// data goes through read()/write(). No socket, thread, file or clock.
//
//   auto c = Connection::client(cfg, "example.com");
//   loop: send(c->outgoing()); c->consume_outgoing(n);
//         c->feed(received); c->read(buf); c->write(data);
//
// The first fatal error is kept: every later call returns it, and its alert
// is queued once. EOF from the transport goes to feed_eof(): without a
// close_notify first it is reported as Error::truncated.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>

#include "baretls/tls/config.h"
#include "baretls/tls/errors.h"
#include "baretls/tls/session.h"
#include "baretls/tls/types.h"

namespace baretls::tls {

class Connection;
namespace detail {
struct Engine;
Engine& engine_of(Connection& c) noexcept;  // tls/engine.h: tests reach the engine
}

enum class Role : std::uint8_t { client, server };

// state() bits.
enum StateFlag : std::uint32_t {
  kWantInput = 1u << 0,   // feed() more bytes to make progress
  kHasOutput = 1u << 1,   // outgoing() is not empty
  kReadable = 1u << 2,    // read() returns data now
  kWritable = 1u << 3,    // established; write() accepts data
  kHandshaking = 1u << 4,
  kEstablished = 1u << 5,
  kClosed = 1u << 6,      // close_notify received or sent, or the transport ended
  kFailed = 1u << 7,      // error() holds the first fatal error
};

class Connection {
 public:
  // A client for `server_name` (SNI and the certificate's host name; an IP
  // literal is checked but not sent as SNI; empty: no host check). Queues the
  // ClientHello at once.
  [[nodiscard]] static Result<Connection> client(std::shared_ptr<const ClientConfig> config,
                                                 std::string_view server_name);
  // Resumption (RFC 5246 §7.3, RFC 5077): the same, offering `resume` (its
  // session ID or ticket; nullptr = full handshake). A session is offered
  // only if it used the extended master secret (RFC 7627 §5.3), its suite is
  // in the configuration and `server_name` gives the SNI name it was made
  // with (RFC 6066 §3); the server may still choose a full handshake.
  [[nodiscard]] static Result<Connection> client(std::shared_ptr<const ClientConfig> config,
                                                 std::string_view server_name, const Session* resume);
  [[nodiscard]] static Result<Connection> server(std::shared_ptr<const ServerConfig> config);

  Connection(Connection&&) noexcept;
  Connection& operator=(Connection&&) noexcept;
  ~Connection();

  // Consumes up to data.size() bytes (fewer while decrypted application data
  // waits to be read); returns the count or the connection's fatal error.
  [[nodiscard]] Result<std::size_t> feed(std::span<const std::uint8_t> data);
  // The transport reached EOF. ok after a close_notify, else Error::truncated.
  [[nodiscard]] Error feed_eof();

  [[nodiscard]] std::span<const std::uint8_t> outgoing() const noexcept;
  void consume_outgoing(std::size_t n) noexcept;

  // Application data. read() returns 0 when nothing is buffered yet;
  // Error::closed after the peer's close_notify has been read to the end.
  [[nodiscard]] Result<std::size_t> read(std::span<std::uint8_t> out);
  // Seals up to 16 KiB per call (one record; less while unsent records fill
  // outgoing(), 0 once a full record waits); returns what it took.
  [[nodiscard]] Result<std::size_t> write(std::span<const std::uint8_t> data);
  // Queues close_notify (RFC 5246 §7.2.1); no write() after it.
  [[nodiscard]] Error close();

  [[nodiscard]] std::uint32_t state() const noexcept;
  [[nodiscard]] bool is_established() const noexcept { return (state() & kEstablished) != 0; }
  [[nodiscard]] Error error() const noexcept;
  [[nodiscard]] std::optional<Alert> alert_sent() const noexcept;
  [[nodiscard]] std::optional<Alert> peer_alert() const noexcept;

  // Negotiated parameters (after the handshake).
  [[nodiscard]] Role role() const noexcept;
  [[nodiscard]] std::optional<CipherSuite> cipher_suite() const noexcept;
  [[nodiscard]] std::optional<NamedGroup> group() const noexcept;
  [[nodiscard]] std::optional<SignatureScheme> signature_scheme() const noexcept;
  [[nodiscard]] bool extended_master_secret() const noexcept;
  // Resumption: whether this handshake was abbreviated (RFC 5246 §7.3), and
  // on a client after the handshake the session to offer next time (nullopt
  // when the server gave neither a session ID nor a ticket, when the
  // handshake had no extended master secret, after a fatal alert (RFC 5246
  // §7.2.2), or on a server).
  [[nodiscard]] bool resumed() const noexcept;
  [[nodiscard]] std::optional<Session> session() const;

  // ALPN, SNI and client certificates (after the handshake).
  [[nodiscard]] std::string_view alpn_protocol() const noexcept;          // empty: none negotiated
  // The SNI host_name: received (server; a valid DNS name, RFC 6066 §3,
  // else the handshake failed with invalid_server_name) or sent (client).
  [[nodiscard]] std::string_view requested_server_name() const noexcept;
  // Server: the client's chain and CertificateVerify were verified, in this
  // handshake or in the one that made the resumed session. Client: the
  // server's chain was verified, likewise (a client offers a session only
  // to a host name the kept leaf certificate covers).
  [[nodiscard]] bool peer_authenticated() const noexcept;
  // The peer's verified leaf certificate (DER); empty when none.
  [[nodiscard]] std::span<const std::uint8_t> peer_certificate() const noexcept;

  // Bytes this connection holds now (buffers and state).
  [[nodiscard]] std::size_t memory_footprint() const noexcept;

  // Zero-copy I/O: the same traffic as feed()/read() without their copies.
  //   auto buf = c.input_buffer();             // receive straight into the engine
  //   n = recv(fd, buf.data(), buf.size());     c.commit_input(n);
  //   auto v = c.read_view();                   // plaintext decrypted in place
  //   use(*v);                                  c.consume_read(v->size());
  // input_buffer(): free space for received bytes (empty after a fatal error,
  // or while a whole record of decrypted data waits: read it first). Valid
  // until the next non-const call. commit_input(n): the first n bytes of it
  // hold received data; processes them like feed() (returns n or the fatal
  // error; buffer_too_small if n exceeds the span, nothing taken).
  // read_view(): decrypted application data not yet consumed, at most one
  // record (empty when none; Error::closed / the fatal error as read()).
  // The view is valid until the next non-const call. consume_read(n): marks
  // n bytes of it used (buffer_too_small beyond the view); once a record is
  // used up, the records behind it are processed. write() already seals
  // straight from the caller's buffer into outgoing() with no copy.
  // With CommonConfig::release_idle_buffers, input_buffer() takes a released
  // buffer back, and commit_input(0) after a receive that brought nothing
  // (would block) gives it back again.
  [[nodiscard]] std::span<std::uint8_t> input_buffer();
  [[nodiscard]] Result<std::size_t> commit_input(std::size_t n);
  [[nodiscard]] Result<std::span<const std::uint8_t>> read_view();
  [[nodiscard]] Error consume_read(std::size_t n);

 private:
  // Internal seam for tests and tools inside the tree (tls/engine.h).
  friend detail::Engine& detail::engine_of(Connection& c) noexcept;
  explicit Connection(std::unique_ptr<detail::Engine> e) noexcept;
  std::unique_ptr<detail::Engine> engine_;
};

}  // namespace baretls::tls
