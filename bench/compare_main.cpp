// SPDX-License-Identifier: MIT
// baretls-compare: times baretls and the peer libraries found at build time
// (OpenSSL's libcrypto, BearSSL, mbedTLS, wolfSSL) on the same inputs in one
// run and prints one table with the ratios. Never a dependency of the
// libraries.
//
//   baretls-compare [--seconds S] [--json] [FAMILY...]
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "bench/harness.h"

int main(int argc, char** argv) {
  using namespace baretls::bench;
  double seconds = 0.3;
  bool json = false;
  std::vector<std::string> families;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--seconds" && i + 1 < argc) {
      seconds = std::atof(argv[++i]);
    } else if (a == "--json") {
      json = true;
    } else if (a == "-h" || a == "--help") {
      std::printf("usage: baretls-compare [--seconds S] [--json] [FAMILY...]\nfamilies:");
      for (const auto& f : registry()) std::printf(" %s(%s)", f.name.c_str(), f.library.c_str());
      std::printf("\n");
      return 0;
    } else {
      families.push_back(a);
    }
  }
  std::vector<std::string> unknown;
  const auto cases = build_cases(families, {"baretls", "openssl", "bearssl", "mbedtls", "wolfssl"}, unknown);
  for (const auto& u : unknown) {
    std::fprintf(stderr, "baretls-compare: unknown algorithm '%s'\n", u.c_str());
    return 2;
  }
  std::vector<Result> results;
  for (const auto& c : cases) {
    results.push_back(time_case(c, seconds));
    if (json) std::printf("%s\n", to_json(results.back()).c_str());
  }
  if (!json) print_comparison_table(results);
  return 0;
}
