// SPDX-License-Identifier: MIT
// BearSSL hash cases for the comparison program; also names BearSSL for the
// report (its headers carry no version number). The last digest of a batch
// must equal the expected one.
#include <bearssl.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "bench/harness.h"

namespace baretls::bench {
namespace {

BARETLS_BENCH_LIBRARY("BearSSL (libbearssl)");

void hash(const br_hash_class* cls, const std::vector<std::uint8_t>& data, unsigned char* d) {
  br_hash_compat_context ctx;
  cls->init(&ctx.vtable);
  cls->update(&ctx.vtable, data.data(), data.size());
  cls->out(&ctx.vtable, d);
}

void add_bearssl_hash(std::vector<Case>& out, const char* name, const br_hash_class* cls) {
  for (std::size_t size : kSizes) {
    auto data = std::make_shared<std::vector<std::uint8_t>>(size, 0x5a);
    auto expected = std::make_shared<std::vector<unsigned char>>(64);
    hash(cls, *data, expected->data());
    out.push_back(Case{name, "hash", "bearssl", "generic", size, Unit::megabytes_per_second, 0,
                       [data, cls, expected](std::size_t n) {
                         unsigned char d[64] = {};
                         for (std::size_t i = 0; i < n; ++i) {
                           hash(cls, *data, d);
                           do_not_optimize(d);
                         }
                         return std::equal(d, d + 64, expected->begin());
                       }});
  }
}

BARETLS_BENCH_REGISTER("sha256", "bearssl", [](std::vector<Case>& out) { add_bearssl_hash(out, "sha256", &br_sha256_vtable); });
BARETLS_BENCH_REGISTER("sha384", "bearssl", [](std::vector<Case>& out) { add_bearssl_hash(out, "sha384", &br_sha384_vtable); });
BARETLS_BENCH_REGISTER("sha512", "bearssl", [](std::vector<Case>& out) { add_bearssl_hash(out, "sha512", &br_sha512_vtable); });

}  // namespace
}  // namespace baretls::bench
