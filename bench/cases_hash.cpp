// SPDX-License-Identifier: MIT
// baretls benchmark cases: SHA-256, SHA-384, SHA-512 and HMAC-SHA-256, at
// the standard sizes, once per implementation path on this CPU.
#include <memory>
#include <vector>

#include "baretls/crypto/cpu.h"
#include "baretls/crypto/hash.h"
#include "baretls/crypto/hmac.h"
#include "bench/harness.h"

namespace baretls::bench {
namespace {

template <typename H>
void add_hash_cases(std::vector<Case>& out, const char* name) {
  // SHA-512/384 have a BMI-only scalar path below the AVX-512 one.
  const std::vector<std::uint32_t> tiers{static_cast<std::uint32_t>(crypto::CpuFeature::bmi1) |
                                         static_cast<std::uint32_t>(crypto::CpuFeature::bmi2)};
  for (const auto& path : distinct_paths([] { return std::string(H().implementation()); }, tiers)) {
    for (std::size_t size : kSizes) {
      auto data = std::make_shared<std::vector<std::uint8_t>>(size, 0x5a);
      out.push_back(Case{name, "hash", "baretls", path.name, size, Unit::megabytes_per_second, path.mask,
                         [data](std::size_t n) {
                           for (std::size_t i = 0; i < n; ++i) {
                             const auto d = H::hash(*data);
                             do_not_optimize(d.data());
                           }
                         }});
    }
  }
}

BARETLS_BENCH_REGISTER("sha256", "baretls", [](std::vector<Case>& out) { add_hash_cases<crypto::Sha256>(out, "sha256"); });
BARETLS_BENCH_REGISTER("sha384", "baretls", [](std::vector<Case>& out) { add_hash_cases<crypto::Sha384>(out, "sha384"); });
BARETLS_BENCH_REGISTER("sha512", "baretls", [](std::vector<Case>& out) { add_hash_cases<crypto::Sha512>(out, "sha512"); });

BARETLS_BENCH_REGISTER("hmac-sha256", "baretls", [](std::vector<Case>& out) {
  for (const auto& path : distinct_paths([] { return std::string(crypto::Sha256().implementation()); })) {
    for (std::size_t size : kSizes) {
      auto data = std::make_shared<std::vector<std::uint8_t>>(size, 0x5a);
      out.push_back(Case{"hmac-sha256", "mac", "baretls", path.name, size, Unit::megabytes_per_second, path.mask,
                         [data](std::size_t n) {
                           const std::uint8_t key[32] = {1};
                           std::uint8_t tag[32];
                           for (std::size_t i = 0; i < n; ++i) {
                             crypto::Hmac::mac(crypto::HashId::sha256, key, *data, tag);
                             do_not_optimize(tag);
                           }
                         }});
    }
  }
});

}  // namespace
}  // namespace baretls::bench
