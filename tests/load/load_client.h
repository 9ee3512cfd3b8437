// SPDX-License-Identifier: MIT
// The load generator of the load suite and of baretls-load: many baretls
// TLS clients at once over non-blocking sockets to 127.0.0.1, driven by one
// epoll loop with a deadline. Each client makes a full handshake (or resumes
// a session) and then either holds the connection idle or sends one HTTP
// request and reads the answer to the server's close_notify.
#pragma once

#include <sys/epoll.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "baretls/tls/config.h"
#include "baretls/tls/connection.h"
#include "baretls/tls/session.h"

namespace baretls::load {

enum class Job : std::uint8_t {
  hold,     // handshake, then stay established and idle (until the server closes)
  request,  // handshake, "GET / HTTP/1.0", read the page up to close_notify
};

// A client config trusting CA.pem (the test CA of vectors/tls), nullptr and
// a message on stderr if it cannot be loaded.
std::shared_ptr<const tls::ClientConfig> client_config(const std::string& ca_file);

struct FleetCounts {
  std::size_t started = 0;
  std::size_t established = 0;      // handshakes completed
  std::size_t completed = 0;        // request: a 200 page read to close_notify
  std::size_t closed_notify = 0;    // hold: the server's close_notify arrived
  std::size_t failed = 0;
};

class Fleet {
 public:
  Fleet(std::uint16_t port, std::shared_ptr<const tls::ClientConfig> cfg);
  ~Fleet();
  Fleet(const Fleet&) = delete;
  Fleet& operator=(const Fleet&) = delete;

  // Opens n connections (non-blocking connect) for `job`; `resume`: offer
  // that session. False when a socket cannot be made (see failures()).
  bool start(std::size_t n, Job job, const tls::Session* resume = nullptr);
  // Drives every client until each is settled (hold: established or ended;
  // request: completed or failed) or the monotonic deadline passes.
  bool run_until_settled(std::int64_t deadline_ms);
  // Drives the held clients until each has ended (the server closed it) or
  // the deadline passes.
  bool run_until_held_end(std::int64_t deadline_ms);
  // One wait of up to timeout_ms and the work on what is ready (a
  // benchmark tops the clients up between calls).
  void poll_once(int timeout_ms);
  // Forgets every finished client (counts stay): a long run keeps only the live ones.
  void reap();

  [[nodiscard]] const FleetCounts& counts() const noexcept { return counts_; }
  [[nodiscard]] std::size_t active() const noexcept { return active_; }
  // The first failures ("#n: reason"), at most 8.
  [[nodiscard]] const std::vector<std::string>& failures() const noexcept { return failures_; }
  // A session from a completed handshake, for resumption.
  [[nodiscard]] const std::optional<tls::Session>& last_session() const noexcept { return session_; }

 private:
  struct Client;
  void on_event(Client& c, std::uint32_t events);
  void step(Client& c);
  void after_handshake(Client& c);
  void read_plaintext(Client& c);
  [[nodiscard]] bool receive(Client& c);
  [[nodiscard]] bool flush(Client& c);
  void finish(Client& c, bool ok, const std::string& why);
  void watch(Client& c);
  void mark_settled(Client& c);
  bool run(std::int64_t deadline_ms, bool until_held_end);

  std::uint16_t port_;
  std::shared_ptr<const tls::ClientConfig> cfg_;
  int epfd_;
  std::vector<std::unique_ptr<Client>> clients_;
  std::size_t active_ = 0;   // not finished
  std::size_t settled_ = 0;  // hold: established or finished; request: finished
  FleetCounts counts_;
  std::vector<std::string> failures_;
  std::optional<tls::Session> session_;
  std::vector<epoll_event> ready_;
};

}  // namespace baretls::load
