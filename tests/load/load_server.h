// SPDX-License-Identifier: MIT
// The server under test for the load suite and baretls-load: a child
// `baretls server --port 0 ...` whose stderr goes to a file, its port read
// from the "listening on" line, its resident memory read from
// /proc/PID/status. Every wait is bounded; only this child is ever
// signalled, and it is killed if still running when the object dies.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace baretls::load {

class ServerProcess {
 public:
  ServerProcess() = default;
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  // Runs `program args...` (program: "baretls" for our server) with stderr
  // to a scratch file, and waits up to timeout_ms for a "listening on
  // HOST:PORT" line. False (the log says why) if it exits or stays silent.
  [[nodiscard]] bool start(const std::string& program, const std::vector<std::string>& args, int timeout_ms);
  // Only runs it (another server: the caller knows its port and readiness).
  [[nodiscard]] bool spawn(const std::string& program, const std::vector<std::string>& args);
  [[nodiscard]] std::uint16_t port() const noexcept { return port_; }
  void set_port(std::uint16_t port) noexcept { port_ = port; }
  [[nodiscard]] pid_t pid() const noexcept { return pid_; }
  [[nodiscard]] bool alive();
  // VmRSS in KiB, or -1.
  [[nodiscard]] long rss_kib() const;
  // CPU time used so far (user + system, all threads) in ms, or -1.
  [[nodiscard]] double cpu_ms() const;
  [[nodiscard]] std::string log() const;
  // Waits up to timeout_ms until the log holds `text` at least `count` times.
  [[nodiscard]] bool wait_for_log(const std::string& text, std::size_t count, int timeout_ms) const;
  // Sends `sig` to the server (our own child only).
  void send_signal(int sig);
  // Waits up to timeout_ms for the exit: the exit status (or 128 + signal),
  // or -1 if still running.
  int wait_exit(int timeout_ms);

 private:
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
  int status_ = -1;
  std::string log_path_;
};

// Raises the soft RLIMIT_NOFILE to the hard limit; returns the soft limit now.
std::uint64_t raise_descriptor_limit();
// Milliseconds on CLOCK_MONOTONIC.
std::int64_t now_ms();
// The last `lines` lines of a log, to show with a failure.
std::string tail(const std::string& text, std::size_t lines);

}  // namespace baretls::load
