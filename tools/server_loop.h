// SPDX-License-Identifier: MIT
// One event loop of `baretls server` (one per worker thread): its own
// listening socket (SO_REUSEPORT spreads new connections over the workers),
// its own Poller and connections, and three deadline lists (handshake, idle,
// closing; server_timers.h). Nothing is shared between loops but the
// configuration (its session cache and ticket keys lock themselves) and the
// connection count that --max-connections bounds.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "baretls/tls/config.h"
#include "tools/server_conn.h"
#include "tools/server_poller.h"
#include "tools/server_timers.h"

namespace baretls::cli {

struct ServerLimits {
  std::size_t max_connections = 10000;  // open at once, over all workers
  std::int64_t handshake_timeout_s = 10;  // from accept to established
  std::int64_t idle_timeout_s = 60;       // established, no byte either way
};

// After close_notify (idle timeout or a fatal alert): time to flush it and
// see the peer close, then the socket is closed regardless.
inline constexpr std::int64_t kClosingMs = 3000;
// SIGINT/SIGTERM: time for every connection to flush its close_notify and
// be closed by its peer, within the 2 s a graceful stop may take.
inline constexpr std::int64_t kStopFlushMs = 1500;

// What the loops of one server share.
struct LoopShared {
  ConnSettings conn;
  ServerLimits limits;
  std::atomic<std::size_t> open{0};        // connections open, all loops
  std::atomic<std::uint64_t> next_id{0};   // "#ID" in the log and trace
  std::atomic<bool> failed{false};         // a loop stopped on an error
};

class EventLoop {
 public:
  EventLoop(LoopShared& shared, const std::shared_ptr<const tls::ServerConfig>& cfg, int listen_fd,
            std::unique_ptr<Poller> poller);
  ~EventLoop();
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;

  // The wake-up pipe and the listening socket registered; false and a message on failure.
  [[nodiscard]] bool init();
  // Serves until stop is requested, then closes every connection with
  // close_notify within kStopFlushMs. False if the poller failed.
  [[nodiscard]] bool run();
  // Any thread (async-signal-safe too): starts the graceful stop.
  void request_stop() noexcept;

 private:
  using Phase = ServerConn::Phase;
  void dispatch(const PollEvent& ev, std::int64_t now);
  void accept_ready(std::int64_t now);
  void admit(int fd, std::int64_t now);
  void refuse(int fd, std::int64_t now);
  void shed_when_out_of_descriptors();
  void after_event(ServerConn& c, Phase before, std::int64_t now);
  void destroy(ServerConn& c);
  void expire(std::int64_t now);
  void log_refusals(std::int64_t now, bool force);
  void begin_stop(std::int64_t now);
  [[nodiscard]] int wait_ms(std::int64_t now) const;
  [[nodiscard]] ServerConn* find(int fd) const;
  static void trace_event(void* ctx, const tls::InspectEvent& e);

  LoopShared& shared_;
  std::shared_ptr<tls::ServerConfig> cfg_;  // this loop's copy: its trace inspector names the connection
  bool trace_ = false;  // --trace: the configuration came with the stderr trace inspector
  std::uint64_t current_id_ = 0;            // the connection being served (for the trace)
  int listen_fd_;
  std::unique_ptr<Poller> poller_;
  int wake_rd_ = -1, wake_wr_ = -1;
  int reserve_fd_ = -1;  // given up to accept and close a connection when out of descriptors
  std::atomic<bool> stop_requested_{false};
  bool stopping_ = false;
  std::int64_t stop_deadline_ = 0;
  std::vector<std::unique_ptr<ServerConn>> conns_;  // by descriptor
  std::size_t live_ = 0;
  TimerList handshake_timers_, idle_timers_, closing_timers_;
  std::size_t refused_unlogged_ = 0;
  std::int64_t refusal_logged_ms_ = 0;
  std::vector<PollEvent> events_;
};

}  // namespace baretls::cli
