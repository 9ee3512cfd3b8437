// SPDX-License-Identifier: MIT
// baretls benchmark cases: SHA-256, SHA-384, SHA-512 and HMAC-SHA-256
// ("hmac(sha256)", as `openssl speed -hmac sha256` prints it), at the
// standard sizes, once per implementation path on this CPU. A hash cannot
// fail: the last digest of each batch is compared with the expected one.
#include <array>
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
      const auto expected = H::hash(*data);
      out.push_back(Case{name, "hash", "baretls", path.name, size, Unit::megabytes_per_second, path.mask,
                         [data, expected](std::size_t n) {
                           auto d = expected;
                           for (std::size_t i = 0; i < n; ++i) {
                             d = H::hash(*data);
                             do_not_optimize(d.data());
                           }
                           return d == expected;
                         }});
    }
  }
}

BARETLS_BENCH_REGISTER("sha256", "baretls", [](std::vector<Case>& out) { add_hash_cases<crypto::Sha256>(out, "sha256"); });
BARETLS_BENCH_REGISTER("sha384", "baretls", [](std::vector<Case>& out) { add_hash_cases<crypto::Sha384>(out, "sha384"); });
BARETLS_BENCH_REGISTER("sha512", "baretls", [](std::vector<Case>& out) { add_hash_cases<crypto::Sha512>(out, "sha512"); });

struct MacInput {
  std::vector<std::uint8_t> data;
  std::uint8_t key[32] = {1};
  std::array<std::uint8_t, 32> expected{};
};

BARETLS_BENCH_REGISTER("hmac-sha256", "baretls", [](std::vector<Case>& out) {
  for (const auto& path : distinct_paths([] { return std::string(crypto::Sha256().implementation()); })) {
    for (std::size_t size : kSizes) {
      auto in = std::make_shared<MacInput>();
      in->data.assign(size, 0x5a);
      crypto::Hmac::mac(crypto::HashId::sha256, in->key, in->data, in->expected);
      out.push_back(Case{"hmac(sha256)", "mac", "baretls", path.name, size, Unit::megabytes_per_second, path.mask,
                         [in](std::size_t n) {
                           std::array<std::uint8_t, 32> tag{};
                           for (std::size_t i = 0; i < n; ++i) {
                             crypto::Hmac::mac(crypto::HashId::sha256, in->key, in->data, tag);
                             do_not_optimize(tag.data());
                           }
                           return tag == in->expected;
                         }});
    }
  }
});

}  // namespace
}  // namespace baretls::bench
