// SPDX-License-Identifier: MIT
#include <baretls/crypto/sha256.h>

#include <cstdint>
#include <cstdio>

int main() {
  const std::uint8_t data[] = {'a', 'b', 'c'};
  const auto digest = baretls::crypto::Sha256::hash(data);  // std::array<std::uint8_t, 32>
  for (const auto byte : digest) std::printf("%02x", byte);
  std::printf("\n");
}
