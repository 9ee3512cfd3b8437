// SPDX-License-Identifier: MIT
// epoll(7) back end of the server's Poller (see server_poller.h), level-
// triggered: the kernel keeps the interest set, so a wait costs only the
// ready descriptors. Elsewhere make_epoll_poller() returns nullptr and the
// loop uses poll(2).
#include "tools/server_poller.h"

#include <cerrno>

#if defined(__linux__)
#include <sys/epoll.h>
#include <unistd.h>
#endif

namespace baretls::cli {

#if defined(__linux__)

namespace {

class EpollPoller final : public Poller {
 public:
  explicit EpollPoller(int epfd) : epfd_(epfd) {}
  ~EpollPoller() override { ::close(epfd_); }
  EpollPoller(const EpollPoller&) = delete;
  EpollPoller& operator=(const EpollPoller&) = delete;

  bool add(int fd, std::uint32_t interest) override { return control(EPOLL_CTL_ADD, fd, interest); }
  void modify(int fd, std::uint32_t interest) override { (void)control(EPOLL_CTL_MOD, fd, interest); }
  void remove(int fd) override { (void)::epoll_ctl(epfd_, EPOLL_CTL_DEL, fd, nullptr); }

  bool wait(std::vector<PollEvent>& out, int timeout_ms) override {
    out.clear();
    const int n = ::epoll_wait(epfd_, ready_, kBatch, timeout_ms);
    if (n < 0) return errno == EINTR;
    for (int i = 0; i < n; ++i) {
      const std::uint32_t ev = ready_[i].events;
      out.push_back(PollEvent{.fd = ready_[i].data.fd,
                              .readable = (ev & (EPOLLIN | EPOLLHUP | EPOLLERR | EPOLLRDHUP)) != 0,
                              .writable = (ev & EPOLLOUT) != 0});
    }
    return true;
  }

 private:
  // Ready descriptors taken per wait; more stay ready for the next one.
  static constexpr int kBatch = 256;
  bool control(int op, int fd, std::uint32_t interest) {
    epoll_event ev{};
    if ((interest & kInterestRead) != 0) ev.events |= EPOLLIN;
    if ((interest & kInterestWrite) != 0) ev.events |= EPOLLOUT;
    ev.data.fd = fd;
    return ::epoll_ctl(epfd_, op, fd, &ev) == 0;
  }
  int epfd_;
  epoll_event ready_[kBatch]{};
};

}  // namespace

std::unique_ptr<Poller> make_epoll_poller() {
  const int epfd = ::epoll_create1(EPOLL_CLOEXEC);
  if (epfd < 0) return nullptr;
  return std::make_unique<EpollPoller>(epfd);
}

PollerKind default_poller_kind() noexcept { return PollerKind::epoll; }

#else

std::unique_ptr<Poller> make_epoll_poller() {
  errno = ENOSYS;
  return nullptr;
}

PollerKind default_poller_kind() noexcept { return PollerKind::poll; }

#endif

std::unique_ptr<Poller> make_poller(PollerKind kind) {
  return kind == PollerKind::epoll ? make_epoll_poller() : make_poll_poller();
}

std::string_view poller_name(PollerKind k) noexcept { return k == PollerKind::epoll ? "epoll" : "poll"; }

}  // namespace baretls::cli
