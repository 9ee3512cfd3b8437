// SPDX-License-Identifier: MIT
// baretls RSA benchmark cases: "rsa2048", "rsa3072", "rsa4096" — PKCS#1 v1.5
// SHA-256 signatures (private operation: CRT, blinding, fault check) and
// verifications (public operation, e = 65537), once per Montgomery kernel
// path on this CPU. Keys from bench/rsa_bench_keys.h (same as the peers).
#include <memory>
#include <vector>

#include "baretls/crypto/cpu.h"
#include "baretls/crypto/rsa.h"
#include "bench/harness.h"
#include "bench/rsa_bench_keys.h"

namespace baretls::bench {
namespace {

crypto::RsaPrivateKey load_key(unsigned bits) {
  const auto& k = rsa_bench_key(bits);
  auto key = crypto::RsaPrivateKey::from_components(rsa_bench_bytes(k.n), rsa_bench_bytes(k.e), rsa_bench_bytes(k.d),
                                                    rsa_bench_bytes(k.p), rsa_bench_bytes(k.q), rsa_bench_bytes(k.dp),
                                                    rsa_bench_bytes(k.dq), rsa_bench_bytes(k.qinv));
  return *key;  // the fixture keys are valid (checked by test_rsa)
}

void add_rsa_cases(std::vector<Case>& out, unsigned bits, const char* name) {
  const std::uint32_t bmi2 =
      static_cast<std::uint32_t>(crypto::CpuFeature::bmi2) | static_cast<std::uint32_t>(crypto::CpuFeature::adx);
  const auto paths = distinct_paths([bits] { return std::string(load_key(bits).implementation()); }, {bmi2});
  for (const auto& path : paths) {
    std::shared_ptr<crypto::RsaPrivateKey> key;
    {
      const std::uint32_t saved = crypto::cpu_features_mask();
      crypto::set_cpu_features_mask(path.mask);
      key = std::make_shared<crypto::RsaPrivateKey>(load_key(bits));
      crypto::set_cpu_features_mask(saved);
    }
    const std::size_t k = key->public_key().modulus_size();
    auto digest = std::make_shared<std::vector<std::uint8_t>>(32, 0x17);
    auto sig = std::make_shared<std::vector<std::uint8_t>>(k);
    const crypto::RandomSource rng = crypto::system_random();
    (void)crypto::rsa_pkcs1_sign(*key, crypto::HashId::sha256, *digest, rng, *sig);
    out.push_back(Case{name, "sign", "baretls", path.name, 0, Unit::operations_per_second, path.mask,
                       [key, digest, sig, rng](std::size_t n) {
                         for (std::size_t i = 0; i < n; ++i) {
                           (void)crypto::rsa_pkcs1_sign(*key, crypto::HashId::sha256, *digest, rng, *sig);
                           do_not_optimize(sig->data());
                         }
                       }});
    out.push_back(Case{name, "verify", "baretls", path.name, 0, Unit::operations_per_second, path.mask,
                       [key, digest, sig](std::size_t n) {
                         for (std::size_t i = 0; i < n; ++i) {
                           const auto e = crypto::rsa_pkcs1_verify(key->public_key(), crypto::HashId::sha256,
                                                                   *digest, *sig);
                           do_not_optimize(&e);
                         }
                       }});
  }
}

BARETLS_BENCH_REGISTER("rsa2048", "baretls", [](std::vector<Case>& out) { add_rsa_cases(out, 2048, "rsa2048"); });
BARETLS_BENCH_REGISTER("rsa3072", "baretls", [](std::vector<Case>& out) { add_rsa_cases(out, 3072, "rsa3072"); });
BARETLS_BENCH_REGISTER("rsa4096", "baretls", [](std::vector<Case>& out) { add_rsa_cases(out, 4096, "rsa4096"); });

}  // namespace
}  // namespace baretls::bench
