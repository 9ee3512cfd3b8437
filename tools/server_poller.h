// SPDX-License-Identifier: MIT
// Readiness notification for `baretls server`'s event loop: epoll on Linux
// (server_poller_epoll.cpp), poll(2) everywhere (server_poller_poll.cpp).
// Level-triggered in both: a descriptor is reported for as long as it is
// ready and asked for, so a loop may leave bytes unread and come back.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace baretls::cli {

enum Interest : std::uint32_t {
  kInterestRead = 1u << 0,
  kInterestWrite = 1u << 1,
};

struct PollEvent {
  int fd = -1;
  bool readable = false;  // also set on hang-up and error: the next recv() says which
  bool writable = false;
};

enum class PollerKind : std::uint8_t { epoll, poll };

// The default: epoll where the build has it, else poll.
PollerKind default_poller_kind() noexcept;
std::string_view poller_name(PollerKind k) noexcept;

class Poller {
 public:
  virtual ~Poller() = default;
  // Registers fd (interest: Interest bits); false on failure (errno set).
  [[nodiscard]] virtual bool add(int fd, std::uint32_t interest) = 0;
  virtual void modify(int fd, std::uint32_t interest) = 0;
  virtual void remove(int fd) = 0;  // before close(fd)
  // Waits up to timeout_ms (-1: no limit) and replaces `out` with the ready
  // descriptors; false on a failure other than EINTR.
  [[nodiscard]] virtual bool wait(std::vector<PollEvent>& out, int timeout_ms) = 0;
};

// nullptr (and errno) when the kernel refuses, or for epoll on a build without it.
std::unique_ptr<Poller> make_poller(PollerKind kind);
std::unique_ptr<Poller> make_epoll_poller();
std::unique_ptr<Poller> make_poll_poller();

}  // namespace baretls::cli
