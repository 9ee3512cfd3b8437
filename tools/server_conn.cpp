// SPDX-License-Identifier: MIT
// see server_conn.h
#include "tools/server_conn.h"

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>

#include "tools/server_poller.h"
#include "tools/tls_options.h"

namespace baretls::cli {

namespace {
// recv() calls per event: a fast sender cannot keep the loop from the others.
constexpr int kReadsPerEvent = 4;
// The old blocking server's bound on an HTTP request: past it, answer anyway.
constexpr std::size_t kMaxRequest = 65536;
}  // namespace

void log_conn(std::uint64_t id, const char* fmt, ...) {
  char text[1024];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(text, sizeof text, fmt, ap);
  va_end(ap);
  std::fprintf(stderr, "baretls server: #%llu %s\n", static_cast<unsigned long long>(id), text);
}

ServerConn::ServerConn(int fd, std::uint64_t id, tls::Connection conn) noexcept
    : fd_(fd), id_(id), conn_(std::move(conn)) {}

ServerConn::~ServerConn() {
  TimerList::disarm(*this);
  ::close(fd_);
}

void ServerConn::on_event(const ConnSettings& s, bool readable, bool writable) {
  if (phase_ == Phase::done) return;
  if (writable && !flush()) {
    settle();
    return;
  }
  // Receive, then act on what arrived, a few rounds while bytes keep coming.
  for (int round = 0; round < kReadsPerEvent; ++round) {
    const bool got = readable && receive_once();
    advance(s);
    (void)flush();
    if (!got || socket_errno_ != 0) break;
  }
  settle();
}

// One recv() into the connection's own input buffer (no staging copy). False
// when nothing came: would block, EOF, an error, or no room until the
// plaintext waiting in the buffer is read.
bool ServerConn::receive_once() {
  if (phase_ == Phase::lingering) return discard_input();
  if (phase_ != Phase::handshake && phase_ != Phase::established) return false;
  const auto buf = conn_.input_buffer();
  if (buf.empty()) return false;
  ssize_t n;
  do {
    n = ::recv(fd_, buf.data(), buf.size(), 0);
  } while (n < 0 && errno == EINTR);
  if (n < 0) {
    if (errno != EAGAIN && errno != EWOULDBLOCK) socket_errno_ = errno;
    (void)conn_.commit_input(0);  // nothing came: an idle connection gives its buffer back
    return false;
  }
  if (n == 0) {
    peer_eof_ = true;
    (void)conn_.commit_input(0);
    (void)conn_.feed_eof();  // truncated unless close_notify came first: settle() reports it
    return false;
  }
  traffic_ = true;
  (void)conn_.commit_input(static_cast<std::size_t>(n));  // a fatal error stays in conn_.error()
  return true;
}

// Lingering: our close_notify and FIN are out; read and drop until the peer
// closes, so that closing with unread bytes does not turn into a reset that
// could destroy our last records before the peer reads them.
bool ServerConn::discard_input() {
  std::uint8_t scratch[4096];
  const ssize_t n = ::recv(fd_, scratch, sizeof scratch, 0);
  if (n > 0) return true;
  if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) phase_ = Phase::done;
  return false;
}

void ServerConn::advance(const ConnSettings& s) {
  if (phase_ == Phase::handshake && conn_.is_established()) on_handshake_done(s);
  if (phase_ != Phase::established) return;
  if (s.mode == AppMode::echo) {
    serve_echo();
  } else {
    serve_http();
  }
}

void ServerConn::on_handshake_done(const ConnSettings& s) {
  phase_ = Phase::established;
  log_conn(id_, "accepted, %s%s", describe_session(conn_).c_str(), conn_.resumed() ? ", resumed" : "");
  if (s.on_established) s.on_established(conn_);
}

// --echo: each record's plaintext is sealed back straight from the input
// buffer (read_view), and consumed only once written.
void ServerConn::serve_echo() {
  for (;;) {
    const auto view = conn_.read_view();
    if (!view) {
      if (view.error() == tls::Error::closed) phase_ = Phase::closing;  // our close_notify is queued
      return;
    }
    if (view->empty()) return;
    const auto n = conn_.write(*view);
    if (!n) return;
    if (*n == 0) {
      if (!flush()) return;  // the socket is full: wait until it is writable
      continue;
    }
    if (conn_.consume_read(*n) != tls::Error::ok) return;
  }
}

// Default: read the request up to its blank line, answer with one page,
// close_notify.
void ServerConn::serve_http() {
  while (response_.empty()) {
    const auto view = conn_.read_view();
    if (!view) {
      if (view.error() == tls::Error::closed) phase_ = Phase::closing;
      return;
    }
    if (view->empty()) return;
    // Only the new bytes (and the 3 before them) can complete the blank line.
    const std::size_t from = request_.size() < 3 ? 0 : request_.size() - 3;
    const std::size_t take = std::min(view->size(), kMaxRequest + 1 - request_.size());
    request_.append(reinterpret_cast<const char*>(view->data()), take);
    if (conn_.consume_read(view->size()) != tls::Error::ok) return;
    if (request_.find("\r\n\r\n", from) == std::string::npos && request_.find("\n\n", from) == std::string::npos &&
        request_.size() <= kMaxRequest)
      continue;
    const std::string body = "<html><body><p>baretls: " + describe_session(conn_) + "</p></body></html>\n";
    response_ = "HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + std::to_string(body.size()) +
                "\r\n\r\n" + body;
    std::string().swap(request_);
  }
  if (!write_pending_response()) return;
  std::string().swap(response_);
  if (conn_.close() == tls::Error::ok) phase_ = Phase::closing;
}

// True once the whole page is sealed into outgoing().
bool ServerConn::write_pending_response() {
  while (response_sent_ < response_.size()) {
    const auto rest = std::span(reinterpret_cast<const std::uint8_t*>(response_.data()) + response_sent_,
                                response_.size() - response_sent_);
    const auto n = conn_.write(rest);
    if (!n) return false;
    if (*n == 0 && !flush()) return false;
    response_sent_ += *n;
  }
  return true;
}

// Sends outgoing() until it is empty (true) or the socket is full or failed.
bool ServerConn::flush() {
  for (;;) {
    const auto out = conn_.outgoing();
    if (out.empty()) return true;
    if (socket_errno_ != 0) return false;
    const ssize_t n = ::send(fd_, out.data(), out.size(), MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno != EAGAIN && errno != EWOULDBLOCK) socket_errno_ = errno;
      return false;
    }
    traffic_ = true;
    conn_.consume_outgoing(static_cast<std::size_t>(n));
  }
}

// After an event: reports a failure once and moves closing on to lingering
// when everything is sent.
void ServerConn::settle() {
  if (phase_ == Phase::done) return;
  if (phase_ != Phase::closing && phase_ != Phase::lingering && conn_.error() != tls::Error::ok) on_fatal();
  if (socket_errno_ != 0) {
    if (phase_ == Phase::handshake || phase_ == Phase::established)
      log_conn(id_, "connection ended: %s", std::strerror(socket_errno_));
    phase_ = Phase::done;
    return;
  }
  if (phase_ == Phase::closing && conn_.outgoing().empty()) {
    // RFC 5246 §7.2.1: our close_notify is out; the peer may answer with its own.
    ::shutdown(fd_, SHUT_WR);
    phase_ = peer_eof_ ? Phase::done : Phase::lingering;
  }
}

// The connection's first fatal error: say why, then deliver the alert.
void ServerConn::on_fatal() {
  const tls::Error e = conn_.error();
  if (phase_ == Phase::handshake) {
    log_conn(id_, "handshake failed: %s", describe_failure(conn_, e).c_str());
  } else if (e != tls::Error::closed) {
    log_conn(id_, "connection ended: %s", describe_failure(conn_, e).c_str());
  }
  phase_ = Phase::closing;
}

void ServerConn::close_notify() {
  if (phase_ == Phase::handshake) {
    phase_ = Phase::done;
    return;
  }
  if (phase_ != Phase::established) return;
  if (conn_.close() == tls::Error::ok) phase_ = Phase::closing;
  (void)flush();
  settle();
}

std::uint32_t ServerConn::interest() const noexcept {
  std::uint32_t i = conn_.outgoing().empty() ? 0u : std::uint32_t{kInterestWrite};
  switch (phase_) {
    case Phase::handshake:
    case Phase::established:
      // Not while plaintext waits that the page or the echo cannot take yet
      // (kWantInput is clear then): it leaves only when writing has room.
      if ((conn_.state() & tls::kWantInput) != 0) i |= kInterestRead;
      break;
    case Phase::lingering:
      i |= kInterestRead;
      break;
    case Phase::closing:
    case Phase::done:
      break;
  }
  return i;
}

bool ServerConn::take_traffic() noexcept {
  const bool t = traffic_;
  traffic_ = false;
  return t;
}

}  // namespace baretls::cli
