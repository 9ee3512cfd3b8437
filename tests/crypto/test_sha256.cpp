// SPDX-License-Identifier: MIT
// SHA-256 suite. Vectors: vectors/nist-cavp/sha2/SHA256{ShortMsg,LongMsg,
// Monte}.rsp. Every record runs on every path this CPU has (portable, SHA-NI).
#include "baretls/crypto/sha256.h"

#include "tests/crypto/sha2_checks.h"

using namespace baretls;
using namespace baretls::test;

TEST_CASE("SHA-256 NIST SHAVS vectors on every path") {
  for (const auto& path : cpu_paths()) {
    ScopedCpuMask mask(path.mask);
    const std::string impl(crypto::Sha256().implementation());
    CAPTURE(impl);
    const auto short_n = check_sha_msg_file<crypto::Sha256>("nist-cavp/sha2/SHA256ShortMsg.rsp");
    const auto long_n = check_sha_msg_file<crypto::Sha256>("nist-cavp/sha2/SHA256LongMsg.rsp");
    const auto monte_n = check_sha_monte_file<crypto::Sha256>("nist-cavp/sha2/SHA256Monte.rsp");
    CHECK(short_n == 65);
    CHECK(long_n == 64);
    CHECK(monte_n == 100);
    MESSAGE("SHA-256 [" << impl << "]: checked " << short_n << " ShortMsg, " << long_n << " LongMsg, "
                        << monte_n << " Monte records");
  }
}

TEST_CASE("SHA-256 paths: portable is forced by mask 0") {
  ScopedCpuMask mask(0);
  CHECK(crypto::Sha256().implementation() == "portable");
}

TEST_CASE("SHA-256 any split of the input gives the same digest") {
  for (const auto& path : cpu_paths()) {
    ScopedCpuMask mask(path.mask);
    check_sha_splits<crypto::Sha256>();
  }
}

TEST_CASE("SHA-256 one million 'a' (FIPS 180-4 example)") {
  crypto::Sha256 h;
  const Bytes chunk(1000, 'a');
  for (int i = 0; i < 1000; ++i) h.update(chunk);
  CHECK(to_hex(h.final()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}
