// SPDX-License-Identifier: MIT
// see load_raw.h
#include "tests/load/load_raw.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

#include "baretls/tls/connection.h"
#include "tests/load/load_server.h"

namespace baretls::load {

int connect_raw(std::uint16_t port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

std::uint16_t free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return 0;
  sockaddr_in addr{};
  socklen_t len = sizeof addr;
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::uint16_t port = 0;
  if (::bind(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
    port = ntohs(addr.sin_port);
  ::close(fd);
  return port;
}

bool wait_accepting(std::uint16_t port, int timeout_ms) {
  const std::int64_t deadline = now_ms() + timeout_ms;
  for (;;) {
    if (const int fd = connect_raw(port); fd >= 0) {
      ::close(fd);
      return true;
    }
    if (now_ms() >= deadline) return false;
    pollfd none{-1, 0, 0};
    (void)::poll(&none, 0, 10);  // a moment before the next try
  }
}

bool send_all(int fd, std::span<const std::uint8_t> bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes = bytes.subspan(static_cast<std::size_t>(n));
  }
  return true;
}

std::vector<std::uint8_t> client_hello(const std::shared_ptr<const tls::ClientConfig>& cfg) {
  auto c = tls::Connection::client(cfg, "localhost");
  if (!c) return {};
  const auto out = c->outgoing();
  return {out.begin(), out.end()};
}

bool wait_closed_by_peer(int fd, int timeout_ms) {
  const std::int64_t deadline = now_ms() + timeout_ms;
  std::uint8_t scratch[4096];
  for (;;) {
    const std::int64_t left = deadline - now_ms();
    if (left <= 0) return false;
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left)) <= 0) continue;
    const ssize_t n = ::recv(fd, scratch, sizeof scratch, MSG_DONTWAIT);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) return true;
  }
}

RawSockets::~RawSockets() { close_all(); }

void RawSockets::close_all() {
  for (const int fd : fds_) ::close(fd);
  fds_.clear();
}

}  // namespace baretls::load
