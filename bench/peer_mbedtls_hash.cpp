// SPDX-License-Identifier: MIT
// mbedTLS hash cases for the comparison program; also names the mbedTLS
// version for the report. Every call must succeed and the last digest of a
// batch must equal the expected one.
#include <mbedtls/sha256.h>
#include <mbedtls/sha512.h>
#include <mbedtls/version.h>

#include <array>
#include <memory>
#include <vector>

#include "bench/harness.h"

namespace baretls::bench {
namespace {

BARETLS_BENCH_LIBRARY(MBEDTLS_VERSION_STRING_FULL);

using Digest = std::array<unsigned char, 64>;

bool hash(const std::vector<std::uint8_t>& data, int variant, Digest& d) {
  if (variant == 256) return mbedtls_sha256_ret(data.data(), data.size(), d.data(), 0) == 0;
  return mbedtls_sha512_ret(data.data(), data.size(), d.data(), variant == 384 ? 1 : 0) == 0;
}

void add_mbedtls(std::vector<Case>& out, const char* name, int variant) {
  for (std::size_t size : kSizes) {
    auto data = std::make_shared<std::vector<std::uint8_t>>(size, 0x5a);
    Digest expected{};
    if (!hash(*data, variant, expected)) {
      out.push_back(failed_setup(name, "hash", "mbedtls"));
      continue;
    }
    out.push_back(Case{name, "hash", "mbedtls", "generic", size, Unit::megabytes_per_second, 0,
                       [data, variant, expected](std::size_t n) {
                         Digest d{};
                         bool ok = true;
                         for (std::size_t i = 0; i < n; ++i) {
                           ok &= hash(*data, variant, d);
                           do_not_optimize(d.data());
                         }
                         return ok && d == expected;
                       }});
  }
}

BARETLS_BENCH_REGISTER("sha256", "mbedtls", [](std::vector<Case>& out) { add_mbedtls(out, "sha256", 256); });
BARETLS_BENCH_REGISTER("sha384", "mbedtls", [](std::vector<Case>& out) { add_mbedtls(out, "sha384", 384); });
BARETLS_BENCH_REGISTER("sha512", "mbedtls", [](std::vector<Case>& out) { add_mbedtls(out, "sha512", 512); });

}  // namespace
}  // namespace baretls::bench
