// SPDX-License-Identifier: MIT
// OpenSSL (libcrypto, EVP) hash and HMAC ("hmac(sha256)") cases for the
// comparison program; also names the OpenSSL version for the report. The
// last digest of a batch must equal the expected one.
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "bench/harness.h"

namespace baretls::bench {
namespace {

BARETLS_BENCH_LIBRARY(OpenSSL_version(OPENSSL_VERSION));

struct Digest {
  unsigned char bytes[EVP_MAX_MD_SIZE] = {};
  unsigned int len = 0;
  bool operator==(const Digest& o) const { return len == o.len && std::equal(bytes, bytes + len, o.bytes); }
};

void add_openssl_hash(std::vector<Case>& out, const char* name, const EVP_MD* md) {
  for (std::size_t size : kSizes) {
    auto data = std::make_shared<std::vector<std::uint8_t>>(size, 0x5a);
    Digest expected;
    if (EVP_Digest(data->data(), data->size(), expected.bytes, &expected.len, md, nullptr) != 1) {
      out.push_back(failed_setup(name, "hash", "openssl"));
      continue;
    }
    out.push_back(Case{name, "hash", "openssl", "evp", size, Unit::megabytes_per_second, 0,
                       [data, md, expected](std::size_t n) {
                         Digest d;
                         bool ok = true;
                         for (std::size_t i = 0; i < n; ++i) {
                           ok &= EVP_Digest(data->data(), data->size(), d.bytes, &d.len, md, nullptr) == 1;
                           do_not_optimize(d.bytes);
                         }
                         return ok && d == expected;
                       }});
  }
}

BARETLS_BENCH_REGISTER("sha256", "openssl", [](std::vector<Case>& out) { add_openssl_hash(out, "sha256", EVP_sha256()); });
BARETLS_BENCH_REGISTER("sha384", "openssl", [](std::vector<Case>& out) { add_openssl_hash(out, "sha384", EVP_sha384()); });
BARETLS_BENCH_REGISTER("sha512", "openssl", [](std::vector<Case>& out) { add_openssl_hash(out, "sha512", EVP_sha512()); });

constexpr unsigned char kMacKey[32] = {1};

BARETLS_BENCH_REGISTER("hmac-sha256", "openssl", [](std::vector<Case>& out) {
  for (std::size_t size : kSizes) {
    auto data = std::make_shared<std::vector<std::uint8_t>>(size, 0x5a);
    Digest expected;
    HMAC(EVP_sha256(), kMacKey, sizeof kMacKey, data->data(), data->size(), expected.bytes, &expected.len);
    out.push_back(Case{"hmac(sha256)", "mac", "openssl", "hmac", size, Unit::megabytes_per_second, 0,
                       [data, expected](std::size_t n) {
                         Digest tag;
                         for (std::size_t i = 0; i < n; ++i) {
                           HMAC(EVP_sha256(), kMacKey, sizeof kMacKey, data->data(), data->size(), tag.bytes, &tag.len);
                           do_not_optimize(tag.bytes);
                         }
                         return expected.len == 32 && tag == expected;
                       }});
  }
});

}  // namespace
}  // namespace baretls::bench
