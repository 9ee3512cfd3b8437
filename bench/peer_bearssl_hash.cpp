// SPDX-License-Identifier: MIT
// BearSSL hash cases for the comparison program.
#include <bearssl.h>

#include <memory>
#include <vector>

#include "bench/harness.h"

namespace baretls::bench {
namespace {

void add_bearssl_hash(std::vector<Case>& out, const char* name, const br_hash_class* cls) {
  for (std::size_t size : kSizes) {
    auto data = std::make_shared<std::vector<std::uint8_t>>(size, 0x5a);
    out.push_back(Case{name, "hash", "bearssl", "generic", size, Unit::megabytes_per_second, 0,
                       [data, cls](std::size_t n) {
                         br_hash_compat_context ctx;
                         unsigned char d[64];
                         for (std::size_t i = 0; i < n; ++i) {
                           cls->init(&ctx.vtable);
                           cls->update(&ctx.vtable, data->data(), data->size());
                           cls->out(&ctx.vtable, d);
                           do_not_optimize(d);
                         }
                       }});
  }
}

BARETLS_BENCH_REGISTER("sha256", "bearssl", [](std::vector<Case>& out) { add_bearssl_hash(out, "sha256", &br_sha256_vtable); });
BARETLS_BENCH_REGISTER("sha384", "bearssl", [](std::vector<Case>& out) { add_bearssl_hash(out, "sha384", &br_sha384_vtable); });
BARETLS_BENCH_REGISTER("sha512", "bearssl", [](std::vector<Case>& out) { add_bearssl_hash(out, "sha512", &br_sha512_vtable); });

}  // namespace
}  // namespace baretls::bench
