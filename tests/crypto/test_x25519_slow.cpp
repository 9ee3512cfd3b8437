// SPDX-License-Identifier: MIT
// X25519 slow suite: the RFC 7748 §5.2 1,000,000-iteration result
// (vectors/rfc7748/rfc7748-x25519-x448.txt, [X25519 iterated] Count = 3).
#include <doctest/doctest.h>

#include "tests/crypto/x25519_checks.h"

using namespace baretls::test;

TEST_CASE("RFC 7748 X25519 after 1,000,000 iterations") {
  std::size_t n = 0;
  for (const auto& r : load_vector_file(vector_path("rfc7748/rfc7748-x25519-x448.txt")).records) {
    if (r.section.front().first != "X25519 iterated" || r.number("Iterations") != 1000000) continue;
    check_iterated(r);
    ++n;
  }
  CHECK(n == 1);
  MESSAGE("RFC 7748: checked " << n << " 1,000,000-iteration record");
}
