// SPDX-License-Identifier: MIT
// OpenSSL (libcrypto 3, EVP_PKEY) RSA cases for the comparison program:
// PKCS#1 v1.5 SHA-256 sign and verify of a digest with the same keys as
// baretls (bench/rsa_bench_keys.h). Every call must succeed and every
// verification accept; the last signature of a batch must be the expected one.
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/rsa.h>

#include <memory>
#include <vector>

#include "bench/harness.h"
#include "bench/rsa_bench_keys.h"

namespace baretls::bench {
namespace {

BIGNUM* bn(const char* hex) {
  const auto b = rsa_bench_bytes(hex);
  return BN_bin2bn(b.data(), static_cast<int>(b.size()), nullptr);
}

EVP_PKEY* make_key(unsigned bits) {
  const auto& k = rsa_bench_key(bits);
  OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
  BIGNUM* parts[] = {bn(k.n), bn(k.e), bn(k.d), bn(k.p), bn(k.q), bn(k.dp), bn(k.dq), bn(k.qinv)};
  const char* names[] = {OSSL_PKEY_PARAM_RSA_N, OSSL_PKEY_PARAM_RSA_E, OSSL_PKEY_PARAM_RSA_D,
                         OSSL_PKEY_PARAM_RSA_FACTOR1, OSSL_PKEY_PARAM_RSA_FACTOR2, OSSL_PKEY_PARAM_RSA_EXPONENT1,
                         OSSL_PKEY_PARAM_RSA_EXPONENT2, OSSL_PKEY_PARAM_RSA_COEFFICIENT1};
  for (int i = 0; i < 8; ++i) OSSL_PARAM_BLD_push_BN(bld, names[i], parts[i]);
  OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(bld);
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr);
  EVP_PKEY* pkey = nullptr;
  EVP_PKEY_fromdata_init(ctx);
  EVP_PKEY_fromdata(ctx, &pkey, EVP_PKEY_KEYPAIR, params);
  EVP_PKEY_CTX_free(ctx);
  OSSL_PARAM_free(params);
  OSSL_PARAM_BLD_free(bld);
  for (auto* p : parts) BN_free(p);
  return pkey;
}

void add_openssl_rsa(std::vector<Case>& out, unsigned bits, const char* name) {
  std::shared_ptr<EVP_PKEY> key(make_key(bits), EVP_PKEY_free);
  if (!key) {
    out.push_back(failed_setup(name, "sign", "openssl"));
    return;
  }
  std::shared_ptr<EVP_PKEY_CTX> sctx(EVP_PKEY_CTX_new(key.get(), nullptr), EVP_PKEY_CTX_free);
  std::shared_ptr<EVP_PKEY_CTX> vctx(EVP_PKEY_CTX_new(key.get(), nullptr), EVP_PKEY_CTX_free);
  EVP_PKEY_sign_init(sctx.get());
  EVP_PKEY_CTX_set_rsa_padding(sctx.get(), RSA_PKCS1_PADDING);
  EVP_PKEY_CTX_set_signature_md(sctx.get(), EVP_sha256());
  EVP_PKEY_verify_init(vctx.get());
  EVP_PKEY_CTX_set_rsa_padding(vctx.get(), RSA_PKCS1_PADDING);
  EVP_PKEY_CTX_set_signature_md(vctx.get(), EVP_sha256());
  auto digest = std::make_shared<std::vector<unsigned char>>(32, 0x17);
  auto sig = std::make_shared<std::vector<unsigned char>>(bits / 8);
  std::size_t len = sig->size();
  if (EVP_PKEY_sign(sctx.get(), sig->data(), &len, digest->data(), digest->size()) != 1 || len != sig->size()) {
    out.push_back(failed_setup(name, "sign", "openssl"));
    return;
  }
  out.push_back(Case{name, "sign", "openssl", "evp", 0, Unit::operations_per_second, 0,
                     [key, sctx, digest, sig](std::size_t n) {
                       std::vector<unsigned char> s(sig->size());
                       bool ok = true;
                       for (std::size_t i = 0; i < n; ++i) {
                         std::size_t l = s.size();
                         ok &= EVP_PKEY_sign(sctx.get(), s.data(), &l, digest->data(), digest->size()) == 1;
                         do_not_optimize(s.data());
                       }
                       return ok && s == *sig;
                     }});
  out.push_back(Case{name, "verify", "openssl", "evp", 0, Unit::operations_per_second, 0,
                     [key, vctx, digest, sig](std::size_t n) {
                       bool ok = true;
                       for (std::size_t i = 0; i < n; ++i)
                         ok &= EVP_PKEY_verify(vctx.get(), sig->data(), sig->size(), digest->data(), digest->size()) == 1;
                       return ok;
                     }});
}

BARETLS_BENCH_REGISTER("rsa2048", "openssl", [](std::vector<Case>& out) { add_openssl_rsa(out, 2048, "rsa2048"); });
BARETLS_BENCH_REGISTER("rsa3072", "openssl", [](std::vector<Case>& out) { add_openssl_rsa(out, 3072, "rsa3072"); });
BARETLS_BENCH_REGISTER("rsa4096", "openssl", [](std::vector<Case>& out) { add_openssl_rsa(out, 4096, "rsa4096"); });

}  // namespace
}  // namespace baretls::bench
