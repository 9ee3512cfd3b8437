// SPDX-License-Identifier: MIT
// OpenSSL (libcrypto 3.0, EVP) P-256/P-384 cases, named as `openssl speed`
// names them: "ecdhp256"/"ecdhp384" derive and keygen+derive
// (bench/peer_openssl_pkey.h); "ecdsap256"/"ecdsap384": sign/verify a digest
// of the curve's size. Every call must succeed; every verification must accept.
#include <openssl/core_names.h>
#include <openssl/evp.h>

#include <memory>
#include <vector>

#include "bench/harness.h"
#include "bench/peer_openssl_pkey.h"

namespace baretls::bench {
namespace {

using namespace openssl_peer;

PkeyCtxPtr keygen_context(const char* group) {
  PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr), EVP_PKEY_CTX_free);
  if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 || EVP_PKEY_CTX_set_group_name(ctx.get(), group) != 1)
    return nullptr;
  return ctx;
}

void add_ecdsa(std::vector<Case>& out, const char* name, const char* group, std::size_t digest_len) {
  auto kctx = keygen_context(group);
  PkeyPtr key = kctx ? generate(kctx.get()) : nullptr;
  PkeyCtxPtr sctx(key ? EVP_PKEY_CTX_new(key.get(), nullptr) : nullptr, EVP_PKEY_CTX_free);
  PkeyCtxPtr vctx(key ? EVP_PKEY_CTX_new(key.get(), nullptr) : nullptr, EVP_PKEY_CTX_free);
  auto digest = std::make_shared<std::vector<unsigned char>>(digest_len, 0xa5);
  auto sig = std::make_shared<std::vector<unsigned char>>(256);
  std::size_t sig_len = sig->size();
  if (!sctx || !vctx || EVP_PKEY_sign_init(sctx.get()) != 1 || EVP_PKEY_verify_init(vctx.get()) != 1 ||
      EVP_PKEY_sign(sctx.get(), sig->data(), &sig_len, digest->data(), digest->size()) != 1) {
    out.push_back(failed_setup(name, "sign", "openssl"));
    return;
  }
  sig->resize(sig_len);
  out.push_back(Case{name, "sign", "openssl", "evp", 0, Unit::operations_per_second, 0,
                     [key, sctx, digest](std::size_t n) {
                       unsigned char s[256];
                       bool ok = true;
                       for (std::size_t i = 0; i < n; ++i) {
                         std::size_t len = sizeof s;
                         ok &= EVP_PKEY_sign(sctx.get(), s, &len, digest->data(), digest->size()) == 1;
                         do_not_optimize(s);
                       }
                       return ok;
                     }});
  out.push_back(Case{name, "verify", "openssl", "evp", 0, Unit::operations_per_second, 0,
                     [key, vctx, digest, sig](std::size_t n) {
                       bool ok = true;
                       for (std::size_t i = 0; i < n; ++i)
                         ok &= EVP_PKEY_verify(vctx.get(), sig->data(), sig->size(), digest->data(), digest->size()) == 1;
                       return ok;
                     }});
}

BARETLS_BENCH_REGISTER("p256", "openssl", [](std::vector<Case>& out) {
  add_key_exchange(out, "ecdhp256", keygen_context("P-256"));
});
BARETLS_BENCH_REGISTER("p384", "openssl", [](std::vector<Case>& out) {
  add_key_exchange(out, "ecdhp384", keygen_context("P-384"));
});
BARETLS_BENCH_REGISTER("ecdsa-p256", "openssl", [](std::vector<Case>& out) { add_ecdsa(out, "ecdsap256", "P-256", 32); });
BARETLS_BENCH_REGISTER("ecdsa-p384", "openssl", [](std::vector<Case>& out) { add_ecdsa(out, "ecdsap384", "P-384", 48); });

}  // namespace
}  // namespace baretls::bench
