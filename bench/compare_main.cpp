// SPDX-License-Identifier: MIT
// baretls-compare: times baretls and the peer libraries found at build time
// (OpenSSL's libcrypto and libssl, BearSSL, mbedTLS, wolfSSL) on the same
// inputs in one run and prints one table with the ratios; --html/--svg draw
// the charts, --from-json charts a saved run. Never a dependency of the
// libraries.
//
//   baretls-compare [--seconds S] [--rounds N] [--json] [--html FILE] [--svg DIR] [ALGORITHM...]
//   baretls-compare --from-json FILE [--html FILE] [--svg DIR]
//
// Timing (bench/runner.h): each case gets S seconds in all, spread over N
// rounds that visit every case in turn; each figure is the median of the
// rounds, with the slowest and fastest.
#include "bench/frontend.h"

int main(int argc, char** argv) {
  using namespace baretls::bench;
  const Frontend compare{"baretls-compare", {"baretls", "openssl", "bearssl", "mbedtls", "wolfssl"}, true, true};
  return run_frontend(compare, argc, argv);
}
