// SPDX-License-Identifier: MIT
// SHA-384 and SHA-512 suite. Vectors: vectors/nist-cavp/sha2/SHA{384,512}
// {ShortMsg,LongMsg,Monte}.rsp, every record on every path (portable, BMI2,
// AVX-512 message schedule).
#include "baretls/crypto/sha512.h"

#include <algorithm>
#include <vector>

#include "baretls/crypto/cpu.h"
#include "crypto/arch.h"
#include "crypto/sha512_impl.h"
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

#if BARETLS_X86_64
TEST_CASE("SHA-512 AVX-512 block function: every block count 1..20 against the portable one") {
  // Covers each batching case of the four-lane schedule: a lone block, a
  // first batch that computes its own schedule with and without a next one,
  // later full batches, and a partial last batch.
  constexpr std::uint32_t kAvx512 = static_cast<std::uint32_t>(crypto::CpuFeature::avx512f) |
                                    static_cast<std::uint32_t>(crypto::CpuFeature::avx512vl) |
                                    static_cast<std::uint32_t>(crypto::CpuFeature::avx512bw) |
                                    static_cast<std::uint32_t>(crypto::CpuFeature::bmi1) |
                                    static_cast<std::uint32_t>(crypto::CpuFeature::bmi2);
  if (!crypto::cpu_has_all(kAvx512)) {
    MESSAGE("no AVX-512 on this CPU: skipped");
    return;
  }
  std::vector<std::uint8_t> data(20 * 128);
  for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<std::uint8_t>(i * 131 + 7);
  std::size_t checked = 0;
  for (std::size_t count = 1; count <= 20; ++count) {
    std::uint64_t a[8] = {1, 2, 3, 4, 5, 6, 7, 8}, b[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    crypto::detail::sha512_blocks_portable(a, data.data(), count);
    crypto::detail::sha512_blocks_avx512(b, data.data(), count);
    CHECK_MESSAGE(std::equal(a, a + 8, b), "count " << count);
    ++checked;
  }
  CHECK(checked == 20);
}
#endif
