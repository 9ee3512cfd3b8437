// SPDX-License-Identifier: MIT
// see load_server.h
#include "tests/load/load_server.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

extern char** environ;

namespace baretls::load {

namespace {
// Polling period of the bounded waits (a check, not a wait for an event).
constexpr long kPollNs = 5 * 1000 * 1000;

void pause_briefly() {
  const timespec ts{0, kPollNs};
  ::nanosleep(&ts, nullptr);
}

std::string read_file(const std::string& path) {
  std::ifstream f(path);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// "...listening on 127.0.0.1:34567 (1 worker, epoll)" -> 34567.
std::uint16_t parse_port(const std::string& log) {
  const auto at = log.find("listening on ");
  if (at == std::string::npos) return 0;
  const auto end = log.find_first_of(" \n", at + 13);
  const auto colon = log.rfind(':', end);
  if (colon == std::string::npos || colon < at) return 0;
  return static_cast<std::uint16_t>(std::atoi(log.c_str() + colon + 1));
}
}  // namespace

std::int64_t now_ms() {
  timespec ts{};
  ::clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<std::int64_t>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

std::uint64_t raise_descriptor_limit() {
  rlimit rl{};
  if (::getrlimit(RLIMIT_NOFILE, &rl) != 0) return 0;
  rl.rlim_cur = rl.rlim_max;
  (void)::setrlimit(RLIMIT_NOFILE, &rl);
  (void)::getrlimit(RLIMIT_NOFILE, &rl);
  return rl.rlim_cur == RLIM_INFINITY ? ~std::uint64_t{0} : static_cast<std::uint64_t>(rl.rlim_cur);
}

std::string tail(const std::string& text, std::size_t lines) {
  std::size_t pos = text.size();
  while (lines > 0 && pos > 0) {
    pos = text.rfind('\n', pos - 1);
    if (pos == std::string::npos) return text;
    if (pos + 1 < text.size()) --lines;
  }
  return text.substr(pos);
}

ServerProcess::~ServerProcess() {
  if (alive()) {
    ::kill(pid_, SIGKILL);  // our own child only
    ::waitpid(pid_, nullptr, 0);
  }
  if (!log_path_.empty()) ::unlink(log_path_.c_str());
}

bool ServerProcess::spawn(const std::string& program, const std::vector<std::string>& args) {
  const char* tmp = std::getenv("TMPDIR");
  std::string templ = std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/baretls-load-XXXXXX";
  const int log_fd = ::mkstemp(templ.data());
  if (log_fd < 0) return false;
  ::close(log_fd);
  log_path_ = templ;

  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(program.c_str()));
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 2, log_path_.c_str(), O_WRONLY | O_TRUNC, 0);
  const int rc = ::posix_spawnp(&pid_, program.c_str(), &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc == 0) return true;
  pid_ = -1;
  return false;
}

bool ServerProcess::start(const std::string& program, const std::vector<std::string>& args, int timeout_ms) {
  if (!spawn(program, args)) return false;
  const std::int64_t deadline = now_ms() + timeout_ms;
  while (now_ms() < deadline && alive()) {
    port_ = parse_port(log());
    if (port_ != 0) return true;
    pause_briefly();
  }
  return false;
}

bool ServerProcess::alive() {
  if (pid_ <= 0 || status_ != -1) return false;
  int st = 0;
  if (::waitpid(pid_, &st, WNOHANG) != pid_) return true;
  status_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  return false;
}

long ServerProcess::rss_kib() const {
  std::ifstream f("/proc/" + std::to_string(pid_) + "/status");
  std::string line;
  while (std::getline(f, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  return -1;
}

double ServerProcess::cpu_ms() const {
  std::ifstream f("/proc/" + std::to_string(pid_) + "/stat");
  std::string text;
  std::getline(f, text);
  // proc(5): after "(comm)", field 3 is the state; utime and stime are fields 14 and 15.
  const auto close = text.rfind(')');
  if (close == std::string::npos) return -1;
  std::istringstream rest(text.substr(close + 2));
  std::string field;
  unsigned long long utime = 0, stime = 0;
  for (int i = 3; i <= 13 && rest >> field; ++i) {
  }
  if (!(rest >> utime >> stime)) return -1;
  return static_cast<double>(utime + stime) * 1000.0 / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

std::string ServerProcess::log() const { return log_path_.empty() ? std::string() : read_file(log_path_); }

bool ServerProcess::wait_for_log(const std::string& text, std::size_t count, int timeout_ms) const {
  const std::int64_t deadline = now_ms() + timeout_ms;
  for (;;) {
    const std::string l = log();
    std::size_t n = 0;
    for (auto at = l.find(text); at != std::string::npos; at = l.find(text, at + text.size())) ++n;
    if (n >= count) return true;
    if (now_ms() >= deadline) return false;
    pause_briefly();
  }
}

void ServerProcess::send_signal(int sig) {
  if (alive()) ::kill(pid_, sig);
}

int ServerProcess::wait_exit(int timeout_ms) {
  const std::int64_t deadline = now_ms() + timeout_ms;
  while (alive() && now_ms() < deadline) pause_briefly();
  return status_;
}

}  // namespace baretls::load
