// SPDX-License-Identifier: MIT
// baretls benchmark cases: AES-128-GCM and AES-256-GCM encrypt (seal) and
// decrypt (open, tag checked) with a 12-byte nonce and a 13-byte AAD as in a
// TLS 1.2 record, out of place, at the standard sizes, once per
// implementation path on this CPU (`openssl speed -evp aes-128-gcm
// [-decrypt]`).
#include <algorithm>
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
  std::uint8_t tag[16] = {};       // of ct
  std::uint8_t out_tag[16] = {};   // written by the timed seals
};

// Every seal and open must succeed; the last seal must reproduce the tag.
bool run_gcm(GcmFixture& f, bool seal, std::size_t n) {
  bool ok = true;
  for (std::size_t i = 0; i < n; ++i) {
    if (seal) {
      ok &= f.gcm.seal(f.nonce, f.aad, f.in, f.out, f.out_tag) == crypto::Error::ok;
    } else {
      ok &= f.gcm.open(f.nonce, f.aad, f.ct, f.out, f.tag) == crypto::Error::ok;
    }
    do_not_optimize(f.out.data());
  }
  return ok && (!seal || std::equal(f.out_tag, f.out_tag + 16, f.tag));
}

std::shared_ptr<GcmFixture> make_fixture(std::size_t key_size, std::size_t size, std::uint32_t mask) {
  const std::uint32_t saved = crypto::cpu_features_mask();
  crypto::set_cpu_features_mask(mask);
  auto f = std::make_shared<GcmFixture>();
  const std::vector<std::uint8_t> key(key_size, 7);
  const bool ok = f->gcm.init(key) == crypto::Error::ok;
  crypto::set_cpu_features_mask(saved);
  f->in.assign(size, 0x5a);
  f->out.assign(size, 0);
  f->ct.assign(size, 0);
  if (!ok || f->gcm.seal(f->nonce, f->aad, f->in, f->ct, f->tag) != crypto::Error::ok) return nullptr;
  return f;
}

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
      for (const char* op : {"encrypt", "decrypt"}) {
        auto f = make_fixture(key_size, size, path.mask);
        if (!f) {
          out.push_back(failed_setup(name, op, "baretls"));
          continue;
        }
        const bool seal = op[0] == 'e';
        out.push_back(Case{name, op, "baretls", path.name, size, Unit::megabytes_per_second, path.mask,
                           [f, seal](std::size_t n) { return run_gcm(*f, seal, n); }});
      }
    }
  }
}

BARETLS_BENCH_REGISTER("aes-128-gcm", "baretls", [](std::vector<Case>& out) { add_gcm_cases(out, "aes-128-gcm", 16); });
BARETLS_BENCH_REGISTER("aes-256-gcm", "baretls", [](std::vector<Case>& out) { add_gcm_cases(out, "aes-256-gcm", 32); });

}  // namespace
}  // namespace baretls::bench
