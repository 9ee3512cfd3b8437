// SPDX-License-Identifier: MIT
// `baretls speed [--json] [--seconds S] [ALGORITHM...]`: baretls's own
// throughput (MB/s) and operation rates (ops/s) on every implementation path
// this CPU has. The side-by-side with other libraries is baretls-compare.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench/harness.h"
#include "tools/commands.h"

namespace baretls::cli {

int cmd_speed(int argc, char** argv) {
  double seconds = 0.3;
  bool json = false;
  std::vector<std::string> families;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--json") {
      json = true;
    } else if (a == "--seconds") {
      if (i + 1 >= argc || std::atof(argv[i + 1]) <= 0) {
        std::fprintf(stderr, "baretls speed: --seconds needs a positive number\n");
        return 2;
      }
      seconds = std::atof(argv[++i]);
    } else if (a == "-h" || a == "--help") {
      std::printf("usage: baretls speed [--json] [--seconds S] [ALGORITHM...]\n\nalgorithms:");
      std::vector<std::string> seen;
      for (const auto& f : bench::registry()) {
        if (f.library != "baretls") continue;
        std::printf(" %s", f.name.c_str());
      }
      std::printf("\n\n--json prints one JSON object per line: algorithm, operation, library,\n"
                  "implementation, size (bytes), mb_per_s or ops_per_s.\n");
      return 0;
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "baretls speed: unknown option '%s'\n", a.c_str());
      return 2;
    } else {
      families.push_back(a);
    }
  }
  std::vector<std::string> unknown;
  const auto cases = bench::build_cases(families, {"baretls"}, unknown);
  if (!unknown.empty()) {
    std::fprintf(stderr, "baretls speed: unknown algorithm '%s' (see baretls speed --help)\n", unknown[0].c_str());
    return 2;
  }
  std::vector<bench::Result> results;
  for (const auto& c : cases) {
    results.push_back(bench::time_case(c, seconds));
    if (json) {
      std::printf("%s\n", bench::to_json(results.back()).c_str());
      std::fflush(stdout);
    }
  }
  if (!json) bench::print_results_table(results);
  return 0;
}

}  // namespace baretls::cli
