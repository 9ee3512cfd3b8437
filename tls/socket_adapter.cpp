// SPDX-License-Identifier: MIT
// Blocking socket adapter over the public Connection (see socket_adapter.h).
// Empty without BARETLS_WITH_SOCKETS.
#include "baretls/tls/socket_adapter.h"

#if BARETLS_WITH_SOCKETS

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

namespace baretls::tls {

SocketStream::SocketStream(Connection connection, int fd) : conn_(std::move(connection)), fd_(fd) {}

Error SocketStream::flush() {
  for (;;) {
    const auto out = conn_.outgoing();
    if (out.empty()) return Error::ok;
    const ssize_t n = ::send(fd_, out.data(), out.size(), MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == ENOTSOCK) {
        const ssize_t w = ::write(fd_, out.data(), out.size());
        if (w < 0) return Error::io_error;
        conn_.consume_outgoing(static_cast<std::size_t>(w));
        continue;
      }
      return Error::io_error;
    }
    conn_.consume_outgoing(static_cast<std::size_t>(n));
  }
}

// Receives straight into the connection's input buffer (no staging copy).
Error SocketStream::receive() {
  const auto buf = conn_.input_buffer();
  if (buf.empty()) {
    if (conn_.error() != Error::ok) return conn_.error();
    // Only a whole record of decrypted data waiting for read() fills it.
    return (conn_.state() & kReadable) != 0 ? Error::ok : Error::internal_error;
  }
  ssize_t n;
  do {
    n = ::recv(fd_, buf.data(), buf.size(), 0);
    if (n < 0 && errno == ENOTSOCK) n = ::read(fd_, buf.data(), buf.size());
  } while (n < 0 && errno == EINTR);
  if (n < 0) return Error::io_error;
  if (n == 0) {
    const Error e = conn_.feed_eof();
    return e == Error::ok ? Error::closed : e;
  }
  auto taken = conn_.commit_input(static_cast<std::size_t>(n));
  return taken ? Error::ok : taken.error();
}

Error SocketStream::handshake() {
  while (!conn_.is_established()) {
    const Error f = flush();
    if (conn_.error() != Error::ok) return conn_.error();
    if (f != Error::ok) return f;
    const Error r = receive();
    if (r != Error::ok) {
      (void)flush();  // deliver our fatal alert if there is one
      return r;
    }
  }
  return flush();
}

Result<std::size_t> SocketStream::read_buffered(std::span<std::uint8_t> out) { return conn_.read(out); }

Result<std::size_t> SocketStream::read(std::span<std::uint8_t> out) {
  for (;;) {
    auto n = conn_.read(out);
    if (!n || *n > 0) {
      (void)flush();
      return n;
    }
    BARETLS_TRY(flush());
    const Error r = receive();
    if (r != Error::ok) {
      (void)flush();
      return r;
    }
  }
}

Error SocketStream::write_all(std::span<const std::uint8_t> data) {
  while (!data.empty()) {
    auto n = conn_.write(data);
    if (!n) return n.error();
    data = data.subspan(*n);
    BARETLS_TRY(flush());
  }
  return Error::ok;
}

Error SocketStream::close() {
  BARETLS_TRY(conn_.close());
  return flush();
}

}  // namespace baretls::tls
#endif  // BARETLS_WITH_SOCKETS
