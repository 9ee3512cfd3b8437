// SPDX-License-Identifier: MIT
// mbedTLS 2.28 RSA cases for the comparison program: mbedtls_rsa_pkcs1_sign
// and _verify (PKCS#1 v1.5, SHA-256) with the same keys as baretls. Every
// call must succeed and every verification accept; the last signature of a
// batch must be the expected one.
#include <mbedtls/rsa.h>

#include <memory>
#include <random>
#include <vector>

#include "bench/harness.h"
#include "bench/rsa_bench_keys.h"

namespace baretls::bench {
namespace {

// Blinding randomness for mbedTLS (a benchmark, not a key generator).
int bench_rng(void* ctx, unsigned char* out, std::size_t len) {
  auto* g = static_cast<std::mt19937_64*>(ctx);
  for (std::size_t i = 0; i < len; ++i) out[i] = static_cast<unsigned char>((*g)());
  return 0;
}

struct MbedKey {
  mbedtls_rsa_context ctx;
  std::mt19937_64 gen{42};
  MbedKey() { mbedtls_rsa_init(&ctx, MBEDTLS_RSA_PKCS_V15, 0); }
  ~MbedKey() { mbedtls_rsa_free(&ctx); }
};

void add_mbedtls_rsa(std::vector<Case>& out, unsigned bits, const char* name) {
  const auto& k = rsa_bench_key(bits);
  auto key = std::make_shared<MbedKey>();
  const auto n = rsa_bench_bytes(k.n), p = rsa_bench_bytes(k.p), q = rsa_bench_bytes(k.q);
  const auto d = rsa_bench_bytes(k.d), e = rsa_bench_bytes(k.e);
  if (mbedtls_rsa_import_raw(&key->ctx, n.data(), n.size(), p.data(), p.size(), q.data(), q.size(), d.data(),
                             d.size(), e.data(), e.size()) != 0 ||
      mbedtls_rsa_complete(&key->ctx) != 0) {
    out.push_back(failed_setup(name, "sign", "mbedtls"));
    return;
  }
  auto digest = std::make_shared<std::vector<unsigned char>>(32, 0x17);
  auto sig = std::make_shared<std::vector<unsigned char>>(bits / 8);
  if (mbedtls_rsa_pkcs1_sign(&key->ctx, bench_rng, &key->gen, MBEDTLS_RSA_PRIVATE, MBEDTLS_MD_SHA256, 32,
                             digest->data(), sig->data()) != 0) {
    out.push_back(failed_setup(name, "sign", "mbedtls"));
    return;
  }
  out.push_back(Case{name, "sign", "mbedtls", "bignum", 0, Unit::operations_per_second, 0,
                     [key, digest, sig](std::size_t count) {
                       std::vector<unsigned char> s(sig->size());
                       bool ok = true;
                       for (std::size_t i = 0; i < count; ++i) {
                         ok &= mbedtls_rsa_pkcs1_sign(&key->ctx, bench_rng, &key->gen, MBEDTLS_RSA_PRIVATE,
                                                      MBEDTLS_MD_SHA256, 32, digest->data(), s.data()) == 0;
                         do_not_optimize(s.data());
                       }
                       return ok && s == *sig;
                     }});
  out.push_back(Case{name, "verify", "mbedtls", "bignum", 0, Unit::operations_per_second, 0,
                     [key, digest, sig](std::size_t count) {
                       bool ok = true;
                       for (std::size_t i = 0; i < count; ++i)
                         ok &= mbedtls_rsa_pkcs1_verify(&key->ctx, nullptr, nullptr, MBEDTLS_RSA_PUBLIC,
                                                        MBEDTLS_MD_SHA256, 32, digest->data(), sig->data()) == 0;
                       return ok;
                     }});
}

BARETLS_BENCH_REGISTER("rsa2048", "mbedtls", [](std::vector<Case>& out) { add_mbedtls_rsa(out, 2048, "rsa2048"); });
BARETLS_BENCH_REGISTER("rsa3072", "mbedtls", [](std::vector<Case>& out) { add_mbedtls_rsa(out, 3072, "rsa3072"); });
BARETLS_BENCH_REGISTER("rsa4096", "mbedtls", [](std::vector<Case>& out) { add_mbedtls_rsa(out, 4096, "rsa4096"); });

}  // namespace
}  // namespace baretls::bench
