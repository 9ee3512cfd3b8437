// SPDX-License-Identifier: MIT
// mbedTLS (2.28) AES-GCM encrypt/decrypt cases for the comparison program:
// same key, nonce, 13-byte AAD and out-of-place buffers as baretls. Every call
// must succeed (decrypt: the tag must verify); the last tag of an encryption
// batch must be the expected one.
#include <mbedtls/gcm.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "bench/harness.h"

namespace baretls::bench {
namespace {

struct MbedGcm {
  mbedtls_gcm_context ctx;
  std::vector<unsigned char> in, out, ct;
  unsigned char nonce[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
  unsigned char aad[13] = {0, 0, 0, 0, 0, 0, 0, 1, 23, 3, 3, 0, 0};
  unsigned char tag[16] = {};
  MbedGcm() { mbedtls_gcm_init(&ctx); }
  ~MbedGcm() { mbedtls_gcm_free(&ctx); }
};

void add_mbedtls_gcm(std::vector<Case>& out, const char* name, unsigned key_bits) {
  for (std::size_t size : kSizes) {
    for (const char* op : {"encrypt", "decrypt"}) {
      const bool seal = op[0] == 'e';
      auto f = std::make_shared<MbedGcm>();
      const std::vector<unsigned char> key(key_bits / 8, 7);
      f->in.assign(size, 0x5a);
      f->out.assign(size, 0);
      f->ct.assign(size, 0);
      if (mbedtls_gcm_setkey(&f->ctx, MBEDTLS_CIPHER_ID_AES, key.data(), key_bits) != 0 ||
          mbedtls_gcm_crypt_and_tag(&f->ctx, MBEDTLS_GCM_ENCRYPT, size, f->nonce, 12, f->aad, 13, f->in.data(),
                                    f->ct.data(), 16, f->tag) != 0) {
        out.push_back(failed_setup(name, op, "mbedtls"));
        continue;
      }
      out.push_back(Case{name, op, "mbedtls", "generic", size, Unit::megabytes_per_second, 0, [f, seal](std::size_t n) {
                           unsigned char tag[16] = {};
                           bool ok = true;
                           for (std::size_t i = 0; i < n; ++i) {
                             if (seal) {
                               ok &= mbedtls_gcm_crypt_and_tag(&f->ctx, MBEDTLS_GCM_ENCRYPT, f->in.size(), f->nonce, 12,
                                                               f->aad, 13, f->in.data(), f->out.data(), 16, tag) == 0;
                             } else {
                               ok &= mbedtls_gcm_auth_decrypt(&f->ctx, f->ct.size(), f->nonce, 12, f->aad, 13, f->tag,
                                                              16, f->ct.data(), f->out.data()) == 0;
                             }
                             do_not_optimize(f->out.data());
                           }
                           return ok && (!seal || std::equal(tag, tag + 16, f->tag));
                         }});
    }
  }
}

BARETLS_BENCH_REGISTER("aes-128-gcm", "mbedtls", [](std::vector<Case>& out) { add_mbedtls_gcm(out, "aes-128-gcm", 128); });
BARETLS_BENCH_REGISTER("aes-256-gcm", "mbedtls", [](std::vector<Case>& out) { add_mbedtls_gcm(out, "aes-256-gcm", 256); });

}  // namespace
}  // namespace baretls::bench
