// SPDX-License-Identifier: MIT
// X25519 test helpers shared by test_x25519.cpp and test_x25519_slow.cpp:
// the RFC 7748 §5.2 iteration (k, u) <- (X25519(k, u), k).
#pragma once

#include <doctest/doctest.h>

#include <array>
#include <cstdint>

#include "baretls/crypto/x25519.h"
#include "tests/support/hex.h"
#include "tests/support/vector_file.h"

namespace baretls::test {

using Key32 = std::array<std::uint8_t, 32>;

inline Key32 key32(const Bytes& b) {
  REQUIRE(b.size() == 32);
  Key32 k;
  for (std::size_t i = 0; i < 32; ++i) k[i] = b[i];
  return k;
}

// RFC 7748 §5.2 second type of test; the record gives Initial, Iterations, Result.
inline void check_iterated(const VectorRecord& r) {
  Key32 k = key32(r.bytes("Initial"));
  Key32 u = k;
  const auto iterations = r.number("Iterations");
  for (unsigned long long i = 0; i < iterations; ++i) {
    Key32 next;
    REQUIRE(crypto::x25519(next, k, u) == crypto::Error::ok);
    u = k;
    k = next;
  }
  CHECK_MESSAGE(to_hex(k) == to_hex(r.bytes("Result")), r.where());
}

}  // namespace baretls::test
