// SPDX-License-Identifier: MIT
// OpenSSL (libcrypto, EVP) hash cases for the comparison program.
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <memory>
#include <vector>

#include "bench/harness.h"

namespace baretls::bench {
namespace {

void add_openssl_hash(std::vector<Case>& out, const char* name, const EVP_MD* md) {
  for (std::size_t size : kSizes) {
    auto data = std::make_shared<std::vector<std::uint8_t>>(size, 0x5a);
    out.push_back(Case{name, "hash", "openssl", "evp", size, Unit::megabytes_per_second, 0,
                       [data, md](std::size_t n) {
                         unsigned char d[EVP_MAX_MD_SIZE];
                         unsigned int len = 0;
                         for (std::size_t i = 0; i < n; ++i) {
                           EVP_Digest(data->data(), data->size(), d, &len, md, nullptr);
                           do_not_optimize(d);
                         }
                       }});
  }
}

BARETLS_BENCH_REGISTER("sha256", "openssl", [](std::vector<Case>& out) { add_openssl_hash(out, "sha256", EVP_sha256()); });
BARETLS_BENCH_REGISTER("sha384", "openssl", [](std::vector<Case>& out) { add_openssl_hash(out, "sha384", EVP_sha384()); });
BARETLS_BENCH_REGISTER("sha512", "openssl", [](std::vector<Case>& out) { add_openssl_hash(out, "sha512", EVP_sha512()); });

BARETLS_BENCH_REGISTER("hmac-sha256", "openssl", [](std::vector<Case>& out) {
  for (std::size_t size : kSizes) {
    auto data = std::make_shared<std::vector<std::uint8_t>>(size, 0x5a);
    out.push_back(Case{"hmac-sha256", "mac", "openssl", "hmac", size, Unit::megabytes_per_second, 0,
                       [data](std::size_t n) {
                         const unsigned char key[32] = {1};
                         unsigned char tag[EVP_MAX_MD_SIZE];
                         unsigned int len = 0;
                         for (std::size_t i = 0; i < n; ++i) {
                           HMAC(EVP_sha256(), key, sizeof key, data->data(), data->size(), tag, &len);
                           do_not_optimize(tag);
                         }
                       }});
  }
});

}  // namespace
}  // namespace baretls::bench
