// SPDX-License-Identifier: MIT
// A blocking adapter that runs a tls::Connection over a connected socket
// (or any file descriptor): for simple programs and the CLI. It uses only
// the public Connection API. It does not own or close the descriptor.
// Only with BARETLS_WITH_SOCKETS (<baretls/build_config.h>).
#pragma once

#include "baretls/build_config.h"
#if BARETLS_WITH_SOCKETS

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "baretls/tls/connection.h"

namespace baretls::tls {

class SocketStream {
 public:
  SocketStream(Connection connection, int fd);

  // Runs the handshake to completion.
  [[nodiscard]] Error handshake();
  // Blocks until some application data arrives; Error::closed after the
  // peer's close_notify, Error::truncated on EOF without it.
  [[nodiscard]] Result<std::size_t> read(std::span<std::uint8_t> out);
  // Application data already decrypted, without blocking (0 if none).
  [[nodiscard]] Result<std::size_t> read_buffered(std::span<std::uint8_t> out);
  [[nodiscard]] Error write_all(std::span<const std::uint8_t> data);
  // One blocking receive from the descriptor, fed to the connection.
  [[nodiscard]] Error receive();
  // Sends everything the connection has queued.
  [[nodiscard]] Error flush();
  // Sends close_notify (and flushes); the peer's answer is read by read().
  [[nodiscard]] Error close();

  [[nodiscard]] Connection& connection() noexcept { return conn_; }
  [[nodiscard]] int fd() const noexcept { return fd_; }

 private:
  Connection conn_;  // receive() reads into its input_buffer() directly
  int fd_;
};

}  // namespace baretls::tls
#endif  // BARETLS_WITH_SOCKETS
