// SPDX-License-Identifier: MIT
// BearSSL RSA cases for the comparison program: PKCS#1 v1.5 SHA-256 sign and
// verify with br_rsa_i62 (br_rsa_i31 when i62 is not compiled in), same keys
// as baretls (bench/rsa_bench_keys.h). Every call must succeed, the last
// signature of a batch must be the expected one, and every verification must
// recover the digest.
#include <bearssl.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "bench/harness.h"
#include "bench/rsa_bench_keys.h"

namespace baretls::bench {
namespace {

struct BearKey {
  std::vector<unsigned char> n, e, p, q, dp, dq, iq;
  br_rsa_private_key sk{};
  br_rsa_public_key pk{};
};

void add_bearssl_rsa(std::vector<Case>& out, unsigned bits, const char* name) {
  const auto& k = rsa_bench_key(bits);
  auto key = std::make_shared<BearKey>();
  key->n = rsa_bench_bytes(k.n);
  key->e = rsa_bench_bytes(k.e);
  key->p = rsa_bench_bytes(k.p);
  key->q = rsa_bench_bytes(k.q);
  key->dp = rsa_bench_bytes(k.dp);
  key->dq = rsa_bench_bytes(k.dq);
  key->iq = rsa_bench_bytes(k.qinv);
  key->sk = br_rsa_private_key{bits, key->p.data(), key->p.size(), key->q.data(), key->q.size(),
                               key->dp.data(), key->dp.size(), key->dq.data(), key->dq.size(),
                               key->iq.data(), key->iq.size()};
  key->pk = br_rsa_public_key{key->n.data(), key->n.size(), key->e.data(), key->e.size()};
  br_rsa_pkcs1_sign sign = br_rsa_i62_pkcs1_sign_get();
  br_rsa_pkcs1_vrfy vrfy = br_rsa_i62_pkcs1_vrfy_get();
  const char* impl = "i62";
  if (sign == nullptr || vrfy == nullptr) {
    sign = &br_rsa_i31_pkcs1_sign;
    vrfy = &br_rsa_i31_pkcs1_vrfy;
    impl = "i31";
  }
  auto digest = std::make_shared<std::vector<unsigned char>>(32, 0x17);
  auto sig = std::make_shared<std::vector<unsigned char>>(bits / 8);
  if (sign(BR_HASH_OID_SHA256, digest->data(), 32, &key->sk, sig->data()) != 1) {
    out.push_back(failed_setup(name, "sign", "bearssl"));
    return;
  }
  out.push_back(Case{name, "sign", "bearssl", impl, 0, Unit::operations_per_second, 0,
                     [key, digest, sig, sign](std::size_t n) {
                       std::vector<unsigned char> s(sig->size());
                       bool ok = true;
                       for (std::size_t i = 0; i < n; ++i) {
                         ok &= sign(BR_HASH_OID_SHA256, digest->data(), 32, &key->sk, s.data()) == 1;
                         do_not_optimize(s.data());
                       }
                       return ok && s == *sig;
                     }});
  out.push_back(Case{name, "verify", "bearssl", impl, 0, Unit::operations_per_second, 0,
                     [key, digest, sig, vrfy](std::size_t n) {
                       unsigned char h[64] = {};
                       bool ok = true;
                       for (std::size_t i = 0; i < n; ++i)
                         ok &= vrfy(sig->data(), sig->size(), BR_HASH_OID_SHA256, 32, &key->pk, h) == 1;
                       return ok && std::equal(h, h + 32, digest->begin());
                     }});
}

BARETLS_BENCH_REGISTER("rsa2048", "bearssl", [](std::vector<Case>& out) { add_bearssl_rsa(out, 2048, "rsa2048"); });
BARETLS_BENCH_REGISTER("rsa3072", "bearssl", [](std::vector<Case>& out) { add_bearssl_rsa(out, 3072, "rsa3072"); });
BARETLS_BENCH_REGISTER("rsa4096", "bearssl", [](std::vector<Case>& out) { add_bearssl_rsa(out, 4096, "rsa4096"); });

}  // namespace
}  // namespace baretls::bench
