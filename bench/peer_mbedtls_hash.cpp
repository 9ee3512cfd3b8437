// SPDX-License-Identifier: MIT
// mbedTLS hash cases for the comparison program.
#include <mbedtls/sha256.h>
#include <mbedtls/sha512.h>

#include <memory>
#include <vector>

#include "bench/harness.h"

namespace baretls::bench {
namespace {

void add_mbedtls(std::vector<Case>& out, const char* name, int variant) {
  for (std::size_t size : kSizes) {
    auto data = std::make_shared<std::vector<std::uint8_t>>(size, 0x5a);
    out.push_back(Case{name, "hash", "mbedtls", "generic", size, Unit::megabytes_per_second, 0,
                       [data, variant](std::size_t n) {
                         unsigned char d[64];
                         for (std::size_t i = 0; i < n; ++i) {
                           if (variant == 256) {
                             (void)mbedtls_sha256_ret(data->data(), data->size(), d, 0);
                           } else {
                             (void)mbedtls_sha512_ret(data->data(), data->size(), d, variant == 384 ? 1 : 0);
                           }
                           do_not_optimize(d);
                         }
                       }});
  }
}

BARETLS_BENCH_REGISTER("sha256", "mbedtls", [](std::vector<Case>& out) { add_mbedtls(out, "sha256", 256); });
BARETLS_BENCH_REGISTER("sha384", "mbedtls", [](std::vector<Case>& out) { add_mbedtls(out, "sha384", 384); });
BARETLS_BENCH_REGISTER("sha512", "mbedtls", [](std::vector<Case>& out) { add_mbedtls(out, "sha512", 512); });

}  // namespace
}  // namespace baretls::bench
