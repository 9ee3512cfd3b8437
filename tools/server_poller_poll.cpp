// SPDX-License-Identifier: MIT
// poll(2) back end of the server's Poller (see server_poller.h): a dense
// pollfd array plus, per descriptor, its slot; removal moves the last entry
// into the hole. Each wait is O(registered descriptors), which is why epoll
// is preferred where it exists; this one is portable POSIX and is tested
// through the server's hidden --poll option.
#include <poll.h>

#include <cerrno>

#include "tools/server_poller.h"

namespace baretls::cli {

namespace {

class PollPoller final : public Poller {
 public:
  bool add(int fd, std::uint32_t interest) override {
    if (fd < 0) return false;
    const auto slot_index = static_cast<std::size_t>(fd);
    if (slot_index >= slot_.size()) slot_.resize(slot_index + 1, kNoSlot);
    if (slot_[slot_index] != kNoSlot) return false;
    slot_[slot_index] = fds_.size();
    fds_.push_back(pollfd{fd, to_events(interest), 0});
    return true;
  }

  void modify(int fd, std::uint32_t interest) override {
    if (const std::size_t s = slot_of(fd); s != kNoSlot) fds_[s].events = to_events(interest);
  }

  void remove(int fd) override {
    const std::size_t s = slot_of(fd);
    if (s == kNoSlot) return;
    fds_[s] = fds_.back();
    slot_[static_cast<std::size_t>(fds_[s].fd)] = s;
    fds_.pop_back();
    slot_[static_cast<std::size_t>(fd)] = kNoSlot;
  }

  bool wait(std::vector<PollEvent>& out, int timeout_ms) override {
    out.clear();
    const int n = ::poll(fds_.data(), static_cast<nfds_t>(fds_.size()), timeout_ms);
    if (n < 0) return errno == EINTR;
    for (const pollfd& p : fds_) {
      if (p.revents == 0) continue;
      out.push_back(PollEvent{.fd = p.fd,
                              .readable = (p.revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL)) != 0,
                              .writable = (p.revents & POLLOUT) != 0});
    }
    return true;
  }

 private:
  static constexpr std::size_t kNoSlot = ~std::size_t{0};
  static short to_events(std::uint32_t interest) {
    short e = 0;
    if ((interest & kInterestRead) != 0) e = static_cast<short>(e | POLLIN);
    if ((interest & kInterestWrite) != 0) e = static_cast<short>(e | POLLOUT);
    return e;
  }
  [[nodiscard]] std::size_t slot_of(int fd) const {
    return fd >= 0 && static_cast<std::size_t>(fd) < slot_.size() ? slot_[static_cast<std::size_t>(fd)] : kNoSlot;
  }
  std::vector<pollfd> fds_;
  std::vector<std::size_t> slot_;  // by descriptor: index in fds_, or kNoSlot
};

}  // namespace

std::unique_ptr<Poller> make_poll_poller() { return std::make_unique<PollPoller>(); }

}  // namespace baretls::cli
