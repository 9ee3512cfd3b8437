// SPDX-License-Identifier: MIT
// Randomness. The library never draws randomness behind the caller's back:
// a RandomSource is passed in (configurations hold one), and
// system_random() is the operating system's generator (getrandom(2)),
// which fails closed with Error::rng_failure — there is no weaker fallback.
// Builds without BARETLS_WITH_OS_RANDOM (bare metal) have no system_random():
// the application supplies its own source (a hardware TRNG, a DRBG).
#pragma once

#include <cstdint>
#include <span>

#include "baretls/build_config.h"
#include "baretls/crypto/error.h"

namespace baretls::crypto {

// A source of random bytes: a function and its context. fill() must either
// fill the whole span or return an error.
struct RandomSource {
  Error (*fill)(void* ctx, std::span<std::uint8_t> out) = nullptr;
  void* ctx = nullptr;

  [[nodiscard]] Error operator()(std::span<std::uint8_t> out) const noexcept {
    if (fill == nullptr) return Error::rng_failure;
    return fill(ctx, out);
  }
};

#if BARETLS_WITH_OS_RANDOM
// Fill `out` from the operating system (getrandom, blocking until the pool
// is initialised). CT: none (no secret inputs).
[[nodiscard]] Error os_random_bytes(std::span<std::uint8_t> out) noexcept;

// A RandomSource over os_random_bytes.
[[nodiscard]] RandomSource system_random() noexcept;
#endif

}  // namespace baretls::crypto
