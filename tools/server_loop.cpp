// SPDX-License-Identifier: MIT
// see server_loop.h
#include "tools/server_loop.h"

#include "tools/trace.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

namespace baretls::cli {

namespace {
// accept() calls per wake-up: established connections get their turn too.
constexpr int kAcceptsPerEvent = 64;
// Longest sleep: refusals are logged at most once a second.
constexpr int kMaxWaitMs = 1000;

int accept_nonblocking(int listen_fd) {
#if defined(__linux__)
  return ::accept4(listen_fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
#else
  const int fd = ::accept(listen_fd, nullptr, nullptr);
  if (fd >= 0) {
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    ::fcntl(fd, F_SETFD, FD_CLOEXEC);
  }
  return fd;
#endif
}

bool make_wake_pipe(int& rd, int& wr) {
  int p[2];
  if (::pipe(p) != 0) return false;
  for (const int fd : p) {
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    ::fcntl(fd, F_SETFD, FD_CLOEXEC);
  }
  rd = p[0];
  wr = p[1];
  return true;
}
}  // namespace

EventLoop::EventLoop(LoopShared& shared, const std::shared_ptr<const tls::ServerConfig>& cfg, int listen_fd,
                     std::unique_ptr<Poller> poller)
    : shared_(shared),
      cfg_(std::make_shared<tls::ServerConfig>(*cfg)),
      trace_(cfg->inspector.event != nullptr),
      listen_fd_(listen_fd),
      poller_(std::move(poller)),
      handshake_timers_(shared.limits.handshake_timeout_s * 1000),
      idle_timers_(shared.limits.idle_timeout_s * 1000),
      closing_timers_(kClosingMs) {
  // --trace: each line names its connection; this loop serves one at a time.
  if (trace_) cfg_->inspector = {&EventLoop::trace_event, this};
}

EventLoop::~EventLoop() {
  for (auto& c : conns_)
    if (c) destroy(*c);
  for (const int fd : {listen_fd_, wake_rd_, wake_wr_, reserve_fd_})
    if (fd >= 0) ::close(fd);
}

void EventLoop::trace_event(void* ctx, const tls::InspectEvent& e) {
  const auto text = trace_line(e);
  if (!text) return;
  const auto* self = static_cast<const EventLoop*>(ctx);
  char head[32];
  std::snprintf(head, sizeof head, "#%llu ", static_cast<unsigned long long>(self->current_id_));
  print_trace_line(head + *text);
}

bool EventLoop::init() {
  if (!make_wake_pipe(wake_rd_, wake_wr_) || !poller_->add(wake_rd_, kInterestRead) ||
      !poller_->add(listen_fd_, kInterestRead)) {
    std::fprintf(stderr, "baretls server: event loop: %s\n", std::strerror(errno));
    return false;
  }
  reserve_fd_ = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  return true;
}

void EventLoop::request_stop() noexcept {
  stop_requested_.store(true);
  const char byte = 's';
  (void)!::write(wake_wr_, &byte, 1);
}

bool EventLoop::run() {
  bool ok = true;
  for (;;) {
    std::int64_t now = monotonic_ms();
    if (stopping_ && (live_ == 0 || now >= stop_deadline_)) break;
    if (!poller_->wait(events_, wait_ms(now))) {
      std::fprintf(stderr, "baretls server: event loop: %s\n", std::strerror(errno));
      ok = false;
      break;
    }
    now = monotonic_ms();
    for (const PollEvent& ev : events_) dispatch(ev, now);
    expire(now);
    log_refusals(now, false);
  }
  log_refusals(monotonic_ms(), true);
  for (auto& c : conns_)
    if (c) destroy(*c);
  return ok;
}

int EventLoop::wait_ms(std::int64_t now) const {
  std::int64_t until = now + kMaxWaitMs;
  for (const TimerList* l : {&handshake_timers_, &idle_timers_, &closing_timers_})
    if (l->front() != nullptr) until = std::min(until, l->front()->deadline_ms);
  if (stopping_) until = std::min(until, stop_deadline_);
  return static_cast<int>(std::max<std::int64_t>(0, until - now));
}

ServerConn* EventLoop::find(int fd) const {
  const auto i = static_cast<std::size_t>(fd);
  return fd >= 0 && i < conns_.size() ? conns_[i].get() : nullptr;
}

void EventLoop::dispatch(const PollEvent& ev, std::int64_t now) {
  if (ev.fd == wake_rd_) {
    char drain[64];
    while (::read(wake_rd_, drain, sizeof drain) > 0) {
    }
    if (stop_requested_.load() && !stopping_) begin_stop(now);
    return;
  }
  if (ev.fd == listen_fd_) {
    accept_ready(now);
    return;
  }
  ServerConn* c = find(ev.fd);
  if (c == nullptr) return;
  current_id_ = c->id();
  const Phase before = c->phase();
  c->on_event(shared_.conn, ev.readable, ev.writable);
  after_event(*c, before, now);
}

void EventLoop::accept_ready(std::int64_t now) {
  for (int i = 0; i < kAcceptsPerEvent; ++i) {
    const int fd = accept_nonblocking(listen_fd_);
    if (fd < 0) {
      if (errno == EMFILE || errno == ENFILE) shed_when_out_of_descriptors();
      // EAGAIN: the queue is empty; ECONNABORTED and the like: that client is gone.
      if (errno == EINTR || errno == ECONNABORTED) continue;
      return;
    }
    if (shared_.open.fetch_add(1) >= shared_.limits.max_connections) {
      shared_.open.fetch_sub(1);
      refuse(fd, now);
      continue;
    }
    admit(fd, now);
  }
}

void EventLoop::admit(int fd, std::int64_t now) {
  // Each send() carries whole flights and records: no reason to wait for more.
  const int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  auto conn = tls::Connection::server(cfg_);
  const std::uint64_t id = shared_.next_id.fetch_add(1) + 1;
  if (!conn || !poller_->add(fd, kInterestRead)) {
    log_conn(id, "cannot serve: %s", conn ? std::strerror(errno) : std::string(tls::to_string(conn.error())).c_str());
    ::close(fd);
    shared_.open.fetch_sub(1);
    return;
  }
  const auto slot = static_cast<std::size_t>(fd);
  if (slot >= conns_.size()) conns_.resize(slot + 1);
  conns_[slot] = std::make_unique<ServerConn>(fd, id, std::move(*conn));
  conns_[slot]->registered_interest = kInterestRead;
  handshake_timers_.arm(*conns_[slot], now);
  ++live_;
}

// --max-connections reached: closed at once, counted for the log.
void EventLoop::refuse(int fd, std::int64_t now) {
  ::close(fd);
  ++refused_unlogged_;
  log_refusals(now, false);
}

// Out of descriptors the listening socket stays readable: accept the
// waiting client with the reserve descriptor's slot and close it, so the
// loop does not spin and the client learns at once.
void EventLoop::shed_when_out_of_descriptors() {
  if (reserve_fd_ < 0) return;
  ::close(reserve_fd_);
  const int fd = ::accept(listen_fd_, nullptr, nullptr);
  if (fd >= 0) {
    ::close(fd);
    ++refused_unlogged_;
  }
  reserve_fd_ = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  errno = EAGAIN;
}

void EventLoop::log_refusals(std::int64_t now, bool force) {
  if (refused_unlogged_ == 0 || (!force && now - refusal_logged_ms_ < kMaxWaitMs)) return;
  std::fprintf(stderr, "baretls server: %zu new connection(s) closed at once: --max-connections %zu reached\n",
               refused_unlogged_, shared_.limits.max_connections);
  refused_unlogged_ = 0;
  refusal_logged_ms_ = now;
}

// Moves the connection to the deadline list of its phase and tells the
// poller what it waits for now.
void EventLoop::after_event(ServerConn& c, Phase before, std::int64_t now) {
  const bool traffic = c.take_traffic();
  switch (c.phase()) {
    case Phase::done:
      destroy(c);
      return;
    case Phase::handshake:
      break;
    case Phase::established:
      if (before == Phase::handshake || traffic) idle_timers_.arm(c, now);
      break;
    case Phase::closing:
    case Phase::lingering:
      if (c.list != &closing_timers_) closing_timers_.arm(c, now);
      break;
  }
  if (const std::uint32_t want = c.interest(); want != c.registered_interest) {
    poller_->modify(c.fd(), want);
    c.registered_interest = want;
  }
}

void EventLoop::destroy(ServerConn& c) {
  poller_->remove(c.fd());
  conns_[static_cast<std::size_t>(c.fd())].reset();  // closes the socket
  --live_;
  shared_.open.fetch_sub(1);
}

// Each list is ordered by deadline: only the expired fronts are looked at.
void EventLoop::expire(std::int64_t now) {
  while (TimerNode* n = handshake_timers_.expired(now)) {
    auto& c = static_cast<ServerConn&>(*n);
    log_conn(c.id(), "no handshake within %llds: closed", static_cast<long long>(shared_.limits.handshake_timeout_s));
    destroy(c);
  }
  while (TimerNode* n = idle_timers_.expired(now)) {
    auto& c = static_cast<ServerConn&>(*n);
    current_id_ = c.id();
    log_conn(c.id(), "idle for %llds: close_notify", static_cast<long long>(shared_.limits.idle_timeout_s));
    c.close_notify();
    if (c.phase() == Phase::established) c.abort();  // close() refused: nothing more to say
    after_event(c, Phase::established, now);
  }
  while (TimerNode* n = closing_timers_.expired(now)) destroy(static_cast<ServerConn&>(*n));
}

// SIGINT/SIGTERM: no new connection; close_notify on every established one;
// the loop ends when all are closed or kStopFlushMs has passed.
void EventLoop::begin_stop(std::int64_t now) {
  stopping_ = true;
  stop_deadline_ = now + kStopFlushMs;
  poller_->remove(listen_fd_);
  ::close(listen_fd_);
  listen_fd_ = -1;
  for (auto& slot : conns_) {
    if (!slot) continue;
    ServerConn& c = *slot;
    current_id_ = c.id();
    const Phase before = c.phase();
    c.close_notify();
    after_event(c, before, now);
  }
}

}  // namespace baretls::cli
