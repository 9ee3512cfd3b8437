// SPDX-License-Identifier: MIT
// One client of `baretls server`: a non-blocking socket and the sans-IO
// tls::Connection over it, moved along by readiness events. It receives
// straight into the connection's input buffer only when the socket is
// readable (so a connection that is not sent anything touches no record
// buffer), sends outgoing() until the socket is full, and serves the
// plaintext: one HTTP/1.0 page per connection (like `openssl s_server
// -www`) or, with --echo, every byte back.
//
//   handshake --established--> established --close_notify queued--> closing
//   closing --all sent, FIN--> lingering --peer's EOF--> done
// Any phase ends in done on a fatal error or a socket error; a fatal alert
// is flushed (closing) first. The event loop owns the timers: each phase
// sits in one of its deadline lists (TimerNode).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "baretls/tls/connection.h"
#include "tools/server_timers.h"

namespace baretls::cli {

enum class AppMode : std::uint8_t { http, echo };

// What every connection of a server shares.
struct ConnSettings {
  AppMode mode = AppMode::http;
  // Extra lines after "accepted" (SNI, ALPN, client certificate): cmd_server.cpp.
  std::function<void(const tls::Connection&)> on_established;
};

// "baretls server: #ID message" on stderr, as one write.
void log_conn(std::uint64_t id, const char* fmt, ...) __attribute__((format(printf, 2, 3)));

class ServerConn : public TimerNode {
 public:
  enum class Phase : std::uint8_t { handshake, established, closing, lingering, done };

  // Takes ownership of fd (closed by the destructor).
  ServerConn(int fd, std::uint64_t id, tls::Connection conn) noexcept;
  ~ServerConn();
  ServerConn(const ServerConn&) = delete;
  ServerConn& operator=(const ServerConn&) = delete;

  // The socket is readable and/or writable: does all the work possible now.
  void on_event(const ConnSettings& s, bool readable, bool writable);
  // Idle timeout or server stop: an established connection queues
  // close_notify and flushes it (closing); one still in its handshake ends.
  void close_notify();
  // Ends now, sending nothing more (handshake or closing timeout).
  void abort() noexcept { phase_ = Phase::done; }

  [[nodiscard]] Phase phase() const noexcept { return phase_; }
  // Interest bits (server_poller.h) for the phase and the buffers now.
  [[nodiscard]] std::uint32_t interest() const noexcept;
  // Bytes went either way since the last call (the idle timer restarts).
  [[nodiscard]] bool take_traffic() noexcept;
  [[nodiscard]] int fd() const noexcept { return fd_; }
  [[nodiscard]] std::uint64_t id() const noexcept { return id_; }
  std::uint32_t registered_interest = 0;  // what the loop last told the poller

 private:
  [[nodiscard]] bool receive_once();
  [[nodiscard]] bool discard_input();
  void advance(const ConnSettings& s);
  void on_handshake_done(const ConnSettings& s);
  void serve_echo();
  void serve_http();
  [[nodiscard]] bool write_pending_response();
  [[nodiscard]] bool flush();
  void settle();
  void on_fatal();

  int fd_;
  std::uint64_t id_;
  tls::Connection conn_;
  Phase phase_ = Phase::handshake;
  bool traffic_ = false;
  bool peer_eof_ = false;       // the peer's FIN (or an error) seen on the socket
  int socket_errno_ = 0;        // send/recv failed: the connection is over
  std::string request_;         // http: the request so far (up to the blank line)
  std::string response_;        // http: the page, written from response_sent_
  std::size_t response_sent_ = 0;
};

}  // namespace baretls::cli
