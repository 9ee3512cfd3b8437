// SPDX-License-Identifier: MIT
// baretls benchmark cases: AES-128-GCM and AES-256-GCM seal and open (12-byte
// nonce, 13-byte AAD as in a TLS 1.2 record, out of place), at the standard
// sizes, once per implementation path on this CPU.
#include <memory>
#include <vector>

#include "baretls/crypto/aes_gcm.h"
#include "baretls/crypto/cpu.h"
#include "bench/harness.h"

namespace baretls::bench {
namespace {

struct GcmFixture {
  crypto::AesGcm gcm;
  std::vector<std::uint8_t> in, out, ct;
  std::uint8_t nonce[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
  std::uint8_t aad[13] = {0, 0, 0, 0, 0, 0, 0, 1, 23, 3, 3, 0, 0};
  std::uint8_t tag[16] = {};
};

void add_gcm_cases(std::vector<Case>& out, const char* name, std::size_t key_size) {
  const std::uint32_t no_wide = crypto::kAllCpuFeatures & ~(static_cast<std::uint32_t>(crypto::CpuFeature::vaes) |
                                                            static_cast<std::uint32_t>(crypto::CpuFeature::vpclmulqdq));
  const auto impl = [key_size] {
    crypto::AesGcm g;
    const std::vector<std::uint8_t> key(key_size, 7);
    (void)g.init(key);
    return std::string(g.implementation());
  };
  const std::uint32_t no_avx512 =
      crypto::kAllCpuFeatures &
      ~(static_cast<std::uint32_t>(crypto::CpuFeature::avx512f) | static_cast<std::uint32_t>(crypto::CpuFeature::avx512bw) |
        static_cast<std::uint32_t>(crypto::CpuFeature::avx512vl) | static_cast<std::uint32_t>(crypto::CpuFeature::avx512dq));
  for (const auto& path : distinct_paths(impl, {no_wide, no_avx512})) {
    for (std::size_t size : kSizes) {
      for (const char* op : {"seal", "open"}) {
        const std::uint32_t saved = crypto::cpu_features_mask();
        crypto::set_cpu_features_mask(path.mask);
        auto f = std::make_shared<GcmFixture>();
        const std::vector<std::uint8_t> key(key_size, 7);
        (void)f->gcm.init(key);
        crypto::set_cpu_features_mask(saved);
        f->in.assign(size, 0x5a);
        f->out.assign(size, 0);
        f->ct.assign(size, 0);
        (void)f->gcm.seal(f->nonce, f->aad, f->in, f->ct, f->tag);
        const bool seal = op[0] == 's';
        out.push_back(Case{name, op, "baretls", path.name, size, Unit::megabytes_per_second, path.mask,
                           [f, seal](std::size_t n) {
                             for (std::size_t i = 0; i < n; ++i) {
                               if (seal) {
                                 (void)f->gcm.seal(f->nonce, f->aad, f->in, f->out, f->tag);
                               } else {
                                 (void)f->gcm.open(f->nonce, f->aad, f->ct, f->out, f->tag);
                               }
                               do_not_optimize(f->out.data());
                             }
                           }});
      }
    }
  }
}

BARETLS_BENCH_REGISTER("aes-128-gcm", "baretls", [](std::vector<Case>& out) { add_gcm_cases(out, "aes-128-gcm", 16); });
BARETLS_BENCH_REGISTER("aes-256-gcm", "baretls", [](std::vector<Case>& out) { add_gcm_cases(out, "aes-256-gcm", 32); });

}  // namespace
}  // namespace baretls::bench
