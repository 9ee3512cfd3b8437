// SPDX-License-Identifier: MIT
// The deterministic RandomSource of the test suites, the fuzz targets and
// their seed generator: SHA-256(seed || counter) blocks, both 64-bit
// little-endian, read in order. The same seed gives the same handshakes, so
// a failure or a fuzz input replays exactly. Never for production keys.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "baretls/crypto/random.h"
#include "baretls/crypto/sha256.h"

namespace baretls::test {

struct SeededRng {
  std::uint64_t seed = 0;
  std::uint64_t counter = 0;

  static crypto::Error fill(void* ctx, std::span<std::uint8_t> out) {
    auto* self = static_cast<SeededRng*>(ctx);
    std::size_t done = 0;
    while (done < out.size()) {
      std::array<std::uint8_t, 16> in{};
      for (std::size_t i = 0; i < 8; ++i) {
        in[i] = static_cast<std::uint8_t>(self->seed >> (8 * i));
        in[8 + i] = static_cast<std::uint8_t>(self->counter >> (8 * i));
      }
      ++self->counter;
      std::array<std::uint8_t, 32> block{};
      crypto::Sha256 h;
      h.init();
      h.update(in);
      h.final(block);
      for (std::size_t i = 0; i < block.size() && done < out.size(); ++i) out[done++] = block[i];
    }
    return crypto::Error::ok;
  }
  [[nodiscard]] crypto::RandomSource source() noexcept { return {&SeededRng::fill, this}; }
  // Back to the first block (a fuzz target does this before each input).
  void reset() noexcept { counter = 0; }
};

}  // namespace baretls::test
