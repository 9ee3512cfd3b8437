// SPDX-License-Identifier: MIT
// Constant-time check (ctgrind style) for X25519 (RFC 7748): the scalar is
// marked undefined for Valgrind memcheck; the Montgomery ladder (x25519) and
// the fixed-base comb (x25519_base) must not branch or index on it. The
// all-zero check's outcome (§6.1) is public by design. The ladder has two
// paths (portable radix 2^51; radix 2^64 with MULX/ADX), run with the CPU
// mask at portable and at the non-AVX-512 set; the second must reach the
// MULX/ADX ladder where the CPU (or BARETLS_CPU_ASSUME_ADX) has it. x25519_generate runs with a random source whose output
// is marked undefined as it is written.
#include <doctest/doctest.h>

#include <random>
#include <set>
#include <string>

#include "baretls/crypto/x25519.h"
#include "tests/crypto/ct_poison.h"
#include "tests/support/hex.h"

using namespace baretls;
using namespace baretls::test;

TEST_CASE("X25519 does not branch or index on the scalar") {
  std::mt19937_64 rng(31);
  std::size_t runs = 0;
  std::set<std::string> ladders;
  const auto paths = ct_paths();  // portable first, then what this CPU has
  for (const auto& path : paths) {
    ScopedCpuMask mask(path.mask);
    for (int i = 0; i < 2; ++i) {
      std::uint8_t a[32], b[32];
      for (auto& x : a) x = static_cast<std::uint8_t>(rng());
      for (auto& x : b) x = static_cast<std::uint8_t>(rng());
      std::uint8_t pub_a[32], pub_b[32], shared_ref[32];
      crypto::x25519_base(pub_a, a);
      crypto::x25519_base(pub_b, b);
      REQUIRE(crypto::x25519(shared_ref, b, pub_a) == crypto::Error::ok);

      CT_POISON(a, sizeof a);
      std::uint8_t pub[32], shared[32];
      crypto::x25519_base(pub, a);
      crypto::Error result = crypto::x25519(shared, a, pub_b);
      CT_UNPOISON(&result, sizeof result);  // "all zero?" is public (RFC 7748 §6.1)
      CT_UNPOISON(pub, sizeof pub);
      CT_UNPOISON(shared, sizeof shared);
      CT_UNPOISON(a, sizeof a);
      CHECK(result == crypto::Error::ok);
      CHECK(std::equal(pub, pub + 32, pub_a));
      CHECK(std::equal(shared, shared + 32, shared_ref));
      ++runs;
    }
    MESSAGE("ct run [" << path.name << "] x25519 ladder (" << crypto::x25519_implementation()
                        << ") and base comb");
    ladders.insert(std::string(crypto::x25519_implementation()));
  }
  CHECK(runs == 2 * paths.size());
  const std::uint32_t adx = static_cast<std::uint32_t>(crypto::CpuFeature::bmi2) |
                            static_cast<std::uint32_t>(crypto::CpuFeature::adx);
  if ((crypto::cpu_detected_features() & adx) == adx) CHECK(ladders.count("bmi2-adx") == 1);
}

namespace {

// A deterministic random source that marks every byte it writes secret.
crypto::Error poisoning_fill(void* ctx, std::span<std::uint8_t> out) {
  auto* gen = static_cast<std::mt19937_64*>(ctx);
  for (auto& b : out) b = static_cast<std::uint8_t>((*gen)());
  CT_POISON(out.data(), out.size());
  return crypto::Error::ok;
}

}  // namespace

TEST_CASE("x25519_generate does not branch or index on the random private key") {
  std::size_t runs = 0;
  const auto paths = ct_paths();  // portable first, then what this CPU has
  for (const auto& path : paths) {
    ScopedCpuMask mask(path.mask);
    std::mt19937_64 gen(32);
    const crypto::RandomSource rng{&poisoning_fill, &gen};
    std::uint8_t priv[32], pub[32], check[32];
    crypto::Error result = crypto::x25519_generate(rng, priv, pub);
    CT_UNPOISON(&result, sizeof result);
    CT_UNPOISON(pub, sizeof pub);
    CT_UNPOISON(priv, sizeof priv);
    REQUIRE(result == crypto::Error::ok);
    crypto::x25519_base(check, priv);
    CHECK(std::equal(pub, pub + 32, check));
    ++runs;
  }
  CHECK(runs == 1 * paths.size());
}
