// SPDX-License-Identifier: MIT
// describe_run(): the facts about a benchmark run shown beside its figures
// (runner.h). The build flags come from CMake (bench_build_info.h).
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>
#include <sys/utsname.h>

#include "baretls/crypto/cpu.h"
#include "bench/runner.h"
#include "bench_build_info.h"

namespace baretls::bench {
namespace {

// The "model name" of /proc/cpuinfo (x86), else the machine name.
std::string cpu_model() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) != 0) continue;
    const auto colon = line.find(':');
    if (colon != std::string::npos) return line.substr(line.find_first_not_of(" \t", colon + 1));
  }
  utsname u{};
  return uname(&u) == 0 ? std::string(u.machine) : "unknown";
}

std::string features_in_force() {
  std::string out;
  const std::uint32_t f = crypto::cpu_features();
  for (std::uint32_t bit = 1; bit != 0 && bit <= crypto::kAllCpuFeatures; bit <<= 1) {
    if ((f & bit) == 0) continue;
    if (!out.empty()) out += ' ';
    out += crypto::cpu_feature_name(static_cast<crypto::CpuFeature>(bit));
  }
  return out;
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string compiler() {
#if defined(__clang__)
  return "clang " __clang_version__;
#elif defined(__GNUC__)
  return "GCC " __VERSION__;
#else
  return "unknown compiler";
#endif
}

}  // namespace

RunInfo describe_run(std::string tool, const RunOptions& options) {
  RunInfo run;
  run.tool = std::move(tool);
  run.date = utc_now();
  run.cpu = cpu_model();
  run.cpu_features = features_in_force();
  const char* env = std::getenv("BARETLS_CPU");
  run.baretls_cpu = env != nullptr ? env : "";
  run.compiler = compiler();
  run.flags = kBenchBuildFlags;
  for (const auto& v : library_versions()) run.libraries += (run.libraries.empty() ? "" : "; ") + v;
  run.seconds = options.seconds;
  run.rounds = options.rounds;
  return run;
}

}  // namespace baretls::bench
