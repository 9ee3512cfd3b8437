// SPDX-License-Identifier: MIT
// Canary for the constant-time suites: a deliberately leaky comparison (an
// early-exit loop over secret bytes). Natively it only checks its result;
// under Valgrind memcheck it must be reported: test_ct_canary_valgrind
// passes only when memcheck prints the conditional-jump error. If
// <valgrind/memcheck.h> were missing (CT_POISON a no-op), every other ct
// suite would pass vacuously and this one would turn red.
#include <doctest/doctest.h>

#include <cstdint>

#include "tests/crypto/ct_poison.h"

namespace {

// Variable time on purpose: returns at the first differing byte.
[[gnu::noinline]] bool leaky_equal(const volatile std::uint8_t* a, const volatile std::uint8_t* b, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

}  // namespace

TEST_CASE("canary: a secret-dependent branch is what the ct suites detect") {
  std::uint8_t secret[16], guess[16];
  for (std::size_t i = 0; i < 16; ++i) secret[i] = guess[i] = static_cast<std::uint8_t>(i * 7);
  guess[3] ^= 1;
  CT_POISON(secret, sizeof secret);
  bool same = leaky_equal(secret, guess, sizeof secret);
  CT_UNPOISON(&same, sizeof same);
  CT_UNPOISON(secret, sizeof secret);
  CHECK(!same);
#if !__has_include(<valgrind/memcheck.h>)
  FAIL("valgrind/memcheck.h is missing: the ct suites cannot mark secrets");
#endif
}
