// SPDX-License-Identifier: MIT
// OpenSSL (libcrypto 3.0, EVP) P-256/P-384 cases: ECDH key generation +
// derive, ECDSA sign/verify of a digest of the curve's size.
#include <openssl/evp.h>

#include <memory>
#include <vector>

#include "bench/harness.h"

namespace baretls::bench {
namespace {

using PkeyPtr = std::shared_ptr<EVP_PKEY>;

PkeyPtr keygen(const char* group) { return PkeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", group), EVP_PKEY_free); }

void add_ecdh(std::vector<Case>& out, const char* name, const char* group) {
  auto peer = keygen(group);
  out.push_back(Case{name, "ecdh", "openssl", "evp", 0, Unit::operations_per_second, 0, [peer, group](std::size_t n) {
                       unsigned char z[64];
                       for (std::size_t i = 0; i < n; ++i) {
                         EVP_PKEY* mine = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", group);
                         EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new(mine, nullptr);
                         std::size_t len = sizeof z;
                         EVP_PKEY_derive_init(ctx);
                         EVP_PKEY_derive_set_peer(ctx, peer.get());
                         EVP_PKEY_derive(ctx, z, &len);
                         do_not_optimize(z);
                         EVP_PKEY_CTX_free(ctx);
                         EVP_PKEY_free(mine);
                       }
                     }});
}

void add_ecdsa(std::vector<Case>& out, const char* name, const char* group, std::size_t digest_len) {
  auto key = keygen(group);
  auto digest = std::make_shared<std::vector<unsigned char>>(digest_len, 0xa5);
  auto sig = std::make_shared<std::vector<unsigned char>>(256);
  std::size_t sig_len = sig->size();
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new(key.get(), nullptr);
  EVP_PKEY_sign_init(ctx);
  EVP_PKEY_sign(ctx, sig->data(), &sig_len, digest->data(), digest->size());
  EVP_PKEY_CTX_free(ctx);
  sig->resize(sig_len);
  out.push_back(Case{name, "sign", "openssl", "evp", 0, Unit::operations_per_second, 0, [key, digest](std::size_t n) {
                       unsigned char s[256];
                       EVP_PKEY_CTX* c = EVP_PKEY_CTX_new(key.get(), nullptr);
                       EVP_PKEY_sign_init(c);
                       for (std::size_t i = 0; i < n; ++i) {
                         std::size_t len = sizeof s;
                         EVP_PKEY_sign(c, s, &len, digest->data(), digest->size());
                         do_not_optimize(s);
                       }
                       EVP_PKEY_CTX_free(c);
                     }});
  out.push_back(Case{name, "verify", "openssl", "evp", 0, Unit::operations_per_second, 0,
                     [key, digest, sig](std::size_t n) {
                       EVP_PKEY_CTX* c = EVP_PKEY_CTX_new(key.get(), nullptr);
                       EVP_PKEY_verify_init(c);
                       for (std::size_t i = 0; i < n; ++i) {
                         if (EVP_PKEY_verify(c, sig->data(), sig->size(), digest->data(), digest->size()) != 1) break;
                       }
                       EVP_PKEY_CTX_free(c);
                     }});
}

BARETLS_BENCH_REGISTER("p256", "openssl", [](std::vector<Case>& out) { add_ecdh(out, "p256", "P-256"); });
BARETLS_BENCH_REGISTER("p384", "openssl", [](std::vector<Case>& out) { add_ecdh(out, "p384", "P-384"); });
BARETLS_BENCH_REGISTER("ecdsa-p256", "openssl", [](std::vector<Case>& out) { add_ecdsa(out, "ecdsa-p256", "P-256", 32); });
BARETLS_BENCH_REGISTER("ecdsa-p384", "openssl", [](std::vector<Case>& out) { add_ecdsa(out, "ecdsa-p384", "P-384", 48); });

}  // namespace
}  // namespace baretls::bench
