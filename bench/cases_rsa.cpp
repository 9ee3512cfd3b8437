// SPDX-License-Identifier: MIT
// baretls RSA benchmark cases: "rsa2048", "rsa3072", "rsa4096" — PKCS#1 v1.5
// SHA-256 signatures (private operation: CRT, blinding, fault check) and
// verifications (public operation, e = 65537), once per Montgomery kernel
// path on this CPU. Keys from bench/rsa_bench_keys.h (same as the peers).
// PKCS#1 v1.5 signatures are deterministic: the last signature of a batch
// must equal the expected one; every verification must accept.
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

struct RsaFixture {
  std::shared_ptr<crypto::RsaPrivateKey> key;
  std::vector<std::uint8_t> digest = std::vector<std::uint8_t>(32, 0x17);
  std::vector<std::uint8_t> sig;  // the expected signature of digest
  crypto::RandomSource rng = crypto::system_random();
};

bool run_sign(const RsaFixture& f, std::size_t n) {
  std::vector<std::uint8_t> s(f.sig.size());
  bool ok = true;
  for (std::size_t i = 0; i < n; ++i) {
    ok &= crypto::rsa_pkcs1_sign(*f.key, crypto::HashId::sha256, f.digest, f.rng, s) == crypto::Error::ok;
    do_not_optimize(s.data());
  }
  return ok && s == f.sig;
}

bool run_verify(const RsaFixture& f, std::size_t n) {
  bool ok = true;
  for (std::size_t i = 0; i < n; ++i)
    ok &= crypto::rsa_pkcs1_verify(f.key->public_key(), crypto::HashId::sha256, f.digest, f.sig) == crypto::Error::ok;
  return ok;
}

void add_rsa_cases(std::vector<Case>& out, unsigned bits, const char* name) {
  const std::uint32_t bmi2 =
      static_cast<std::uint32_t>(crypto::CpuFeature::bmi2) | static_cast<std::uint32_t>(crypto::CpuFeature::adx);
  const auto paths = distinct_paths([bits] { return std::string(load_key(bits).implementation()); }, {bmi2});
  for (const auto& path : paths) {
    auto f = std::make_shared<RsaFixture>();
    {
      const std::uint32_t saved = crypto::cpu_features_mask();
      crypto::set_cpu_features_mask(path.mask);
      f->key = std::make_shared<crypto::RsaPrivateKey>(load_key(bits));
      crypto::set_cpu_features_mask(saved);
    }
    f->sig.resize(f->key->public_key().modulus_size());
    if (crypto::rsa_pkcs1_sign(*f->key, crypto::HashId::sha256, f->digest, f->rng, f->sig) != crypto::Error::ok) {
      out.push_back(failed_setup(name, "sign", "baretls"));
      continue;
    }
    out.push_back(Case{name, "sign", "baretls", path.name, 0, Unit::operations_per_second, path.mask,
                       [f](std::size_t n) { return run_sign(*f, n); }});
    out.push_back(Case{name, "verify", "baretls", path.name, 0, Unit::operations_per_second, path.mask,
                       [f](std::size_t n) { return run_verify(*f, n); }});
  }
}

BARETLS_BENCH_REGISTER("rsa2048", "baretls", [](std::vector<Case>& out) { add_rsa_cases(out, 2048, "rsa2048"); });
BARETLS_BENCH_REGISTER("rsa3072", "baretls", [](std::vector<Case>& out) { add_rsa_cases(out, 3072, "rsa3072"); });
BARETLS_BENCH_REGISTER("rsa4096", "baretls", [](std::vector<Case>& out) { add_rsa_cases(out, 4096, "rsa4096"); });

}  // namespace
}  // namespace baretls::bench
