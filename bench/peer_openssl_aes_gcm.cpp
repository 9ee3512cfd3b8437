// SPDX-License-Identifier: MIT
// OpenSSL (libcrypto, EVP) AES-GCM seal/open cases for the comparison program:
// same key, 12-byte nonce, 13-byte AAD and out-of-place buffers as baretls.
// Every call must succeed (decrypt: the tag must verify); the last tag of an
// encryption batch must be the expected one.
#include <openssl/evp.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "bench/harness.h"

namespace baretls::bench {
namespace {

struct EvpGcm {
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  std::vector<unsigned char> in, out, ct;
  unsigned char nonce[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
  unsigned char aad[13] = {0, 0, 0, 0, 0, 0, 0, 1, 23, 3, 3, 0, 0};
  unsigned char tag[16] = {};
  ~EvpGcm() { EVP_CIPHER_CTX_free(ctx); }

  bool seal(const unsigned char* src, unsigned char* dst, std::size_t len, unsigned char* tag_out) {
    int n = 0;
    return EVP_EncryptInit_ex(ctx, nullptr, nullptr, nullptr, nonce) == 1 &&
           EVP_EncryptUpdate(ctx, nullptr, &n, aad, sizeof aad) == 1 &&
           EVP_EncryptUpdate(ctx, dst, &n, src, static_cast<int>(len)) == 1 &&
           EVP_EncryptFinal_ex(ctx, dst + n, &n) == 1 && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, 16, tag_out) == 1;
  }
  bool open(const unsigned char* src, unsigned char* dst, std::size_t len) {
    int n = 0;
    return EVP_DecryptInit_ex(ctx, nullptr, nullptr, nullptr, nonce) == 1 &&
           EVP_DecryptUpdate(ctx, nullptr, &n, aad, sizeof aad) == 1 &&
           EVP_DecryptUpdate(ctx, dst, &n, src, static_cast<int>(len)) == 1 &&
           EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, 16, tag) == 1 && EVP_DecryptFinal_ex(ctx, dst + n, &n) > 0;
  }
};

void add_openssl_gcm(std::vector<Case>& out, const char* name, const EVP_CIPHER* cipher, std::size_t key_size) {
  for (std::size_t size : kSizes) {
    for (const char* op : {"encrypt", "decrypt"}) {
      const bool seal = op[0] == 'e';
      auto f = std::make_shared<EvpGcm>();
      const std::vector<unsigned char> key(key_size, 7);
      if (seal) {
        EVP_EncryptInit_ex(f->ctx, cipher, nullptr, key.data(), nullptr);
      } else {
        EVP_DecryptInit_ex(f->ctx, cipher, nullptr, key.data(), nullptr);
      }
      f->in.assign(size, 0x5a);
      f->out.assign(size, 0);
      f->ct.assign(size, 0);
      EvpGcm sealer;
      if (EVP_EncryptInit_ex(sealer.ctx, cipher, nullptr, key.data(), nullptr) != 1 ||
          !sealer.seal(f->in.data(), f->ct.data(), size, f->tag)) {
        out.push_back(failed_setup(name, op, "openssl"));
        continue;
      }
      out.push_back(Case{name, op, "openssl", "evp", size, Unit::megabytes_per_second, 0, [f, seal](std::size_t n) {
                           unsigned char tag[16] = {};
                           bool ok = true;
                           for (std::size_t i = 0; i < n; ++i) {
                             ok &= seal ? f->seal(f->in.data(), f->out.data(), f->in.size(), tag)
                                        : f->open(f->ct.data(), f->out.data(), f->ct.size());
                             do_not_optimize(f->out.data());
                           }
                           return ok && (!seal || std::equal(tag, tag + 16, f->tag));
                         }});
    }
  }
}

BARETLS_BENCH_REGISTER("aes-128-gcm", "openssl", [](std::vector<Case>& out) {
  add_openssl_gcm(out, "aes-128-gcm", EVP_aes_128_gcm(), 16);
});
BARETLS_BENCH_REGISTER("aes-256-gcm", "openssl", [](std::vector<Case>& out) {
  add_openssl_gcm(out, "aes-256-gcm", EVP_aes_256_gcm(), 32);
});

}  // namespace
}  // namespace baretls::bench
