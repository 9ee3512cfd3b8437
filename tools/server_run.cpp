// SPDX-License-Identifier: MIT
// see server_run.h
#include "tools/server_run.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <thread>
#include <vector>

namespace baretls::cli {

namespace {

// The listen backlog asked for: at least 1024 so that a burst of clients is
// queued rather than dropped (their SYNs retried seconds later), at most
// the system's somaxconn, which the kernel would impose anyway.
constexpr int kBacklogMin = 1024;
constexpr int kBacklogMax = 4096;
// Descriptors kept for everything but client sockets (listeners, pollers,
// pipes, the key log, the reserve descriptor of each loop).
constexpr std::size_t kSpareDescriptors = 64;

int listen_backlog() {
  int somaxconn = kBacklogMax;
  if (std::FILE* f = std::fopen("/proc/sys/net/core/somaxconn", "r")) {
    if (std::fscanf(f, "%d", &somaxconn) != 1) somaxconn = kBacklogMax;
    std::fclose(f);
  }
  return std::clamp(somaxconn, kBacklogMin, kBacklogMax);
}

// The soft RLIMIT_NOFILE goes up to the hard one; --max-connections comes
// down to what the limit allows, so that accept() does not fail instead.
void fit_descriptor_limit(ServerLimits& limits, int workers) {
  rlimit rl{};
  if (::getrlimit(RLIMIT_NOFILE, &rl) != 0) return;
  if (rl.rlim_cur < rl.rlim_max) {
    rl.rlim_cur = rl.rlim_max;
    (void)::setrlimit(RLIMIT_NOFILE, &rl);
    (void)::getrlimit(RLIMIT_NOFILE, &rl);
  }
  const std::size_t spare = kSpareDescriptors + 4 * static_cast<std::size_t>(workers);
  if (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur >= limits.max_connections + spare) return;
  const std::size_t fit = rl.rlim_cur > spare + 1 ? static_cast<std::size_t>(rl.rlim_cur) - spare : 1;
  std::fprintf(stderr, "baretls server: %llu file descriptors at most: --max-connections lowered from %zu to %zu\n",
               static_cast<unsigned long long>(rl.rlim_cur), limits.max_connections, fit);
  limits.max_connections = fit;
}

// A non-blocking listening socket on host:port (port 0: the system picks
// one and `port` is set to it). SO_REUSEPORT lets every worker bind its own.
int listen_socket(const std::string& host, int& port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  const int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
  ::fcntl(fd, F_SETFD, FD_CLOEXEC);
  sockaddr_in addr{};
  socklen_t len = sizeof addr;
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  if (::inet_pton(AF_INET, host.c_str(), &addr.sin_addr) != 1 ||
      ::bind(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd, listen_backlog()) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    std::fprintf(stderr, "baretls server: cannot listen on %s:%d: %s\n", host.c_str(), port, std::strerror(errno));
    ::close(fd);
    return -1;
  }
  port = ntohs(addr.sin_port);
  return fd;
}

// One event loop per worker, each with its own listening socket and poller.
bool make_loops(const std::shared_ptr<const tls::ServerConfig>& cfg, const ServerRunOptions& opt, LoopShared& shared,
                int& port, std::vector<std::unique_ptr<EventLoop>>& loops) {
  for (int i = 0; i < opt.workers; ++i) {
    auto poller = make_poller(opt.poller);
    if (!poller) {
      std::fprintf(stderr, "baretls server: no %s: %s\n", std::string(poller_name(opt.poller)).c_str(),
                   std::strerror(errno));
      return false;
    }
    const int fd = listen_socket(opt.host, port);
    if (fd < 0) return false;
    loops.push_back(std::make_unique<EventLoop>(shared, cfg, fd, std::move(poller)));
    if (!loops.back()->init()) return false;
  }
  return true;
}

int wait_for_stop_signal(const sigset_t& set) {
  int sig = 0;
  while (::sigwait(&set, &sig) != 0) {
  }
  return sig;
}

}  // namespace

int run_server(const std::shared_ptr<const tls::ServerConfig>& cfg, ServerRunOptions opt) {
  ::signal(SIGPIPE, SIG_IGN);  // a closed stderr pipe must not end the server (sockets use MSG_NOSIGNAL)
  fit_descriptor_limit(opt.limits, opt.workers);
  LoopShared shared;
  shared.conn = opt.conn;
  shared.limits = opt.limits;
  int port = opt.port;
  std::vector<std::unique_ptr<EventLoop>> loops;
  if (!make_loops(cfg, opt, shared, port, loops)) return 1;

  // The workers inherit the blocked signals; only this thread takes them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  std::fprintf(stderr, "baretls server: listening on %s:%d (%d worker%s, %s)\n", opt.host.c_str(), port, opt.workers,
               opt.workers == 1 ? "" : "s", std::string(poller_name(opt.poller)).c_str());
  std::vector<std::thread> threads;
  for (auto& l : loops) {
    threads.emplace_back([&shared, loop = l.get()] {
      if (loop->run()) return;
      shared.failed.store(true);
      ::kill(::getpid(), SIGTERM);  // wakes the main thread: the server stops
    });
  }

  const int sig = wait_for_stop_signal(stop_signals);
  const std::int64_t started = monotonic_ms();
  std::fprintf(stderr, "baretls server: %s: closing %zu connection(s) with close_notify\n",
               sig == SIGINT ? "SIGINT" : "SIGTERM", shared.open.load());
  for (auto& l : loops) l->request_stop();
  for (auto& t : threads) t.join();
  loops.clear();
  // A second stop signal (a script's and a timeout's, say) may still be pending, blocked: ignoring
  // the signal discards it (POSIX sigaction), so nothing is delivered while the process exits.
  ::signal(SIGINT, SIG_IGN);
  ::signal(SIGTERM, SIG_IGN);
  std::fprintf(stderr, "baretls server: stopped in %lld ms\n", static_cast<long long>(monotonic_ms() - started));
  return shared.failed.load() ? 1 : 0;
}

}  // namespace baretls::cli
