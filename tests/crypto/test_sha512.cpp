// SPDX-License-Identifier: MIT
// SHA-384 and SHA-512 suite. Vectors: vectors/nist-cavp/sha2/SHA{384,512}
// {ShortMsg,LongMsg,Monte}.rsp, every record on every path (portable, BMI2,
// AVX-512 message schedule).
#include "baretls/crypto/sha512.h"

#include "tests/crypto/sha2_checks.h"

using namespace baretls;
using namespace baretls::test;

namespace {
// Portable, the BMI1/BMI2 scalar path, and everything (AVX-512 schedule).
std::vector<CpuPath> sha512_paths() {
  return cpu_paths({{"bmi", static_cast<std::uint32_t>(crypto::CpuFeature::bmi1) |
                                static_cast<std::uint32_t>(crypto::CpuFeature::bmi2)}});
}
}  // namespace

TEST_CASE("SHA-384 NIST SHAVS vectors on every path") {
  for (const auto& path : sha512_paths()) {
    ScopedCpuMask mask(path.mask);
    const std::string impl(crypto::Sha384().implementation());
    CAPTURE(impl);
    const auto short_n = check_sha_msg_file<crypto::Sha384>("nist-cavp/sha2/SHA384ShortMsg.rsp");
    const auto long_n = check_sha_msg_file<crypto::Sha384>("nist-cavp/sha2/SHA384LongMsg.rsp");
    const auto monte_n = check_sha_monte_file<crypto::Sha384>("nist-cavp/sha2/SHA384Monte.rsp");
    CHECK(short_n == 129);
    CHECK(long_n == 128);
    CHECK(monte_n == 100);
    MESSAGE("SHA-384 [" << impl << "]: checked " << short_n << " ShortMsg, " << long_n << " LongMsg, "
                        << monte_n << " Monte records");
  }
}

TEST_CASE("SHA-512 NIST SHAVS vectors on every path") {
  for (const auto& path : sha512_paths()) {
    ScopedCpuMask mask(path.mask);
    const std::string impl(crypto::Sha512().implementation());
    CAPTURE(impl);
    const auto short_n = check_sha_msg_file<crypto::Sha512>("nist-cavp/sha2/SHA512ShortMsg.rsp");
    const auto long_n = check_sha_msg_file<crypto::Sha512>("nist-cavp/sha2/SHA512LongMsg.rsp");
    const auto monte_n = check_sha_monte_file<crypto::Sha512>("nist-cavp/sha2/SHA512Monte.rsp");
    CHECK(short_n == 129);
    CHECK(long_n == 128);
    CHECK(monte_n == 100);
    MESSAGE("SHA-512 [" << impl << "]: checked " << short_n << " ShortMsg, " << long_n << " LongMsg, "
                        << monte_n << " Monte records");
  }
}

TEST_CASE("SHA-384 and SHA-512: any split of the input gives the same digest") {
  for (const auto& path : sha512_paths()) {
    ScopedCpuMask mask(path.mask);
    check_sha_splits<crypto::Sha384>();
    check_sha_splits<crypto::Sha512>();
  }
}
