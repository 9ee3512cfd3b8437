// SPDX-License-Identifier: MIT
// Test support: run a shell command, capture its standard output and exit
// status (POSIX popen). Used by the CLI and interop suites.
#pragma once

#include <cstdio>
#include <stdexcept>
#include <string>
#include <sys/wait.h>

namespace baretls::test {

struct CommandResult {
  int status = -1;  // exit status, or -1 if it did not exit normally
  std::string out;
};

inline CommandResult run_command(const std::string& command) {
  std::FILE* p = popen(command.c_str(), "r");
  if (p == nullptr) throw std::runtime_error("popen failed: " + command);
  CommandResult r;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int raw = pclose(p);
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return r;
}

// The CLI as tests start it (tests/CMakeLists.txt: through the emulator when
// cross-compiling).
inline std::string baretls_binary() { return BARETLS_TEST_CLI; }

}  // namespace baretls::test
