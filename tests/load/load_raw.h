// SPDX-License-Identifier: MIT
// Plain TCP peers for the load suite: stalled connections (silent, or half a
// ClientHello) and hostile ones (random bytes, truncated records, oversized
// lengths), all to 127.0.0.1 with every wait bounded.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "baretls/tls/config.h"

namespace baretls::load {

// A connected blocking socket to 127.0.0.1:port, or -1.
int connect_raw(std::uint16_t port);
// A TCP port of 127.0.0.1 free a moment ago (bound to port 0 and released),
// for a peer that cannot pick its own; 0 on failure.
std::uint16_t free_port();
// Connects until 127.0.0.1:port accepts (true) or timeout_ms passes.
bool wait_accepting(std::uint16_t port, int timeout_ms);
// Sends all of `bytes`; false if the socket fails.
bool send_all(int fd, std::span<const std::uint8_t> bytes);
// The records a baretls client sends first: a real ClientHello.
std::vector<std::uint8_t> client_hello(const std::shared_ptr<const tls::ClientConfig>& cfg);
// Reads (and drops) until the server closes the connection (EOF or reset):
// true if that happens within timeout_ms.
bool wait_closed_by_peer(int fd, int timeout_ms);
// Owns a set of raw sockets, closed together.
class RawSockets {
 public:
  RawSockets() = default;
  ~RawSockets();
  RawSockets(const RawSockets&) = delete;
  RawSockets& operator=(const RawSockets&) = delete;
  void add(int fd) { fds_.push_back(fd); }
  [[nodiscard]] const std::vector<int>& fds() const noexcept { return fds_; }
  void close_all();

 private:
  std::vector<int> fds_;
};

}  // namespace baretls::load
