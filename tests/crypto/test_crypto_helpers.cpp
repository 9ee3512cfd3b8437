// SPDX-License-Identifier: MIT
// Shared crypto helpers: constant-time masks and comparisons, Secret<N>
// wiping, the OS random source, the CPU-feature mask and error strings.
#include <doctest/doctest.h>

#include <set>

#include "baretls/crypto/cpu.h"
#include "baretls/crypto/ct.h"
#include "baretls/crypto/error.h"
#include "baretls/crypto/random.h"
#include "baretls/crypto/secret.h"
#include "tests/support/hex.h"

using namespace baretls;
using namespace baretls::crypto;

TEST_CASE("ct comparisons agree with the plain operators") {
  const std::uint64_t values[] = {0, 1, 2, 0x7fffffffffffffff, 0x8000000000000000, 0xfffffffffffffffe,
                                  0xffffffffffffffff, 12345};
  for (auto a : values) {
    CHECK(ct::is_zero(a).to_bool() == (a == 0));
    for (auto b : values) {
      CHECK(ct::eq(a, b).to_bool() == (a == b));
      CHECK(ct::lt(a, b).to_bool() == (a < b));
      CHECK(ct::gt(a, b).to_bool() == (a > b));
      CHECK(ct::le(a, b).to_bool() == (a <= b));
      CHECK(ct::ge(a, b).to_bool() == (a >= b));
      CHECK(ct::eq(a, b).select<std::uint64_t>(7, 9) == (a == b ? 7u : 9u));
    }
  }
  CHECK(ct::Mask::ones().word() == ~std::uint64_t{0});
  CHECK(ct::Mask::zeros().word() == 0);
}

TEST_CASE("ct::equal, cond_copy, cond_swap, table_lookup") {
  std::uint8_t a[5] = {1, 2, 3, 4, 5}, b[5] = {1, 2, 3, 4, 5}, c[5] = {1, 2, 3, 4, 6};
  CHECK(ct::equal(a, b).to_bool());
  CHECK_FALSE(ct::equal(a, c).to_bool());
  CHECK_FALSE(ct::equal(std::span<const std::uint8_t>(a, 4), b).to_bool());  // lengths differ
  CHECK(ct::equal({}, {}).to_bool());

  std::uint8_t dst[5] = {9, 9, 9, 9, 9};
  ct::cond_copy(ct::Mask::zeros(), dst, c);
  CHECK(dst[4] == 9);
  ct::cond_copy(ct::Mask::ones(), dst, c);
  CHECK(dst[4] == 6);

  ct::cond_swap(ct::Mask::ones(), std::span<std::uint8_t>(a), std::span<std::uint8_t>(c));
  CHECK(a[4] == 6);
  CHECK(c[4] == 5);
  std::uint64_t x[2] = {1, 2}, y[2] = {3, 4};
  ct::cond_swap(ct::Mask::zeros(), std::span<std::uint64_t>(x), std::span<std::uint64_t>(y));
  CHECK(x[0] == 1);
  ct::cond_swap(ct::Mask::ones(), std::span<std::uint64_t>(x), std::span<std::uint64_t>(y));
  CHECK(x[0] == 3);

  std::uint8_t table[4 * 3];
  for (std::size_t i = 0; i < sizeof table; ++i) table[i] = static_cast<std::uint8_t>(i);
  for (std::size_t idx = 0; idx < 4; ++idx) {
    std::uint8_t out[3];
    ct::table_lookup(out, table, 4, idx);
    CHECK(out[0] == 3 * idx);
    CHECK(out[2] == 3 * idx + 2);
  }
}

TEST_CASE("Secret<N> wipes, copies and exposes") {
  std::uint8_t raw[4] = {1, 2, 3, 4};
  Secret<4> s{std::span<const std::uint8_t, 4>(raw)};
  CHECK(s.expose()[3] == 4);
  Secret<4> copy = s;
  s.wipe();
  CHECK(s.expose()[3] == 0);
  CHECK(copy.expose()[3] == 4);
  secure_wipe(raw);
  CHECK(raw[0] == 0);
}

TEST_CASE("OS random source fills every byte and differs between calls") {
  std::set<std::string> seen;
  for (int i = 0; i < 16; ++i) {
    std::uint8_t buf[32] = {};
    REQUIRE(os_random_bytes(buf) == Error::ok);
    seen.insert(test::to_hex(buf));
  }
  CHECK(seen.size() == 16);
  std::uint8_t big[100000];
  REQUIRE(system_random()(big) == Error::ok);
  std::size_t zeros = 0;
  for (auto b : big) zeros += b == 0;
  CHECK(zeros < 1000);  // about 390 expected
  RandomSource none;
  CHECK(none(big) == Error::rng_failure);
}

TEST_CASE("CPU feature mask restricts and restores") {
  const auto saved = cpu_features_mask();
  set_cpu_features_mask(0);
  CHECK(cpu_features() == 0);
  set_cpu_features_mask(kAllCpuFeatures);
  CHECK(cpu_features() == cpu_detected_features());
  set_cpu_features_mask(saved);
  MESSAGE("detected features:" << [] {
    std::string s;
    for (std::uint32_t bit = 1; bit <= static_cast<std::uint32_t>(CpuFeature::arm_sha512); bit <<= 1)
      if (cpu_detected_features() & bit) {
        s += ' ';
        s += cpu_feature_name(static_cast<CpuFeature>(bit));
      }
    return s;
  }());
}

TEST_CASE("every crypto::Error has a reason") {
  for (int v = 0; v < 400; ++v) {
    const auto s = to_string(static_cast<Error>(v));
    CHECK(!s.empty());
  }
  CHECK(to_string(Error::auth_failed) == "authentication tag mismatch");
}
