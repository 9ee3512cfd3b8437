// SPDX-License-Identifier: MIT
// baretls-compare: times baretls and the peer libraries found at build time
// (OpenSSL's libcrypto, BearSSL, mbedTLS, wolfSSL) on the same inputs in one
// run and prints one table with the ratios. Never a dependency of the
// libraries.
//
//   baretls-compare [--seconds S] [--rounds N] [--json] [FAMILY...]
//
// Each case gets S seconds in all, spread over N rounds that visit every
// case in turn (best batch kept): a burst of load from elsewhere then slows
// one round of several cases rather than all of one case, which keeps the
// ratios between cases steady on a shared machine.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "bench/harness.h"

int main(int argc, char** argv) {
  using namespace baretls::bench;
  double seconds = 0.3;
  int rounds = 3;
  bool json = false;
  std::vector<std::string> families;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--seconds" && i + 1 < argc) {
      seconds = std::atof(argv[++i]);
    } else if (a == "--rounds" && i + 1 < argc) {
      rounds = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--json") {
      json = true;
    } else if (a == "-h" || a == "--help") {
      std::printf("usage: baretls-compare [--seconds S] [--rounds N] [--json] [FAMILY...]\nfamilies:");
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
  for (int round = 0; round < rounds; ++round) {
    for (std::size_t i = 0; i < cases.size(); ++i) {
      Result r = time_case(cases[i], seconds / rounds);
      if (round == 0) {
        results.push_back(std::move(r));
      } else {
        results[i].value = std::max(results[i].value, r.value);
      }
    }
  }
  if (json) {
    for (const auto& r : results) std::printf("%s\n", to_json(r).c_str());
  }
  if (!json) print_comparison_table(results);
  return 0;
}
