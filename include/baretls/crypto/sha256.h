// SPDX-License-Identifier: MIT
// SHA-256 (FIPS 180-4 §6.2). Streaming (init/update/final) and one-shot.
// The block function is chosen when the context is initialised: SHA-NI on
// x86-64 or the ARMv8 SHA-256 instructions on AArch64 when the CPU has them,
// the portable code otherwise.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace baretls::crypto {

class Sha256 {
 public:
  static constexpr std::size_t kDigestSize = 32;
  static constexpr std::size_t kBlockSize = 64;
  using Digest = std::array<std::uint8_t, kDigestSize>;
  using BlockFn = void (*)(std::uint32_t state[8], const std::uint8_t* blocks, std::size_t count);

  Sha256() noexcept { init(); }
  ~Sha256();
  Sha256(const Sha256&) noexcept = default;
  Sha256& operator=(const Sha256&) noexcept = default;

  // CT: time depends only on the input lengths.
  void init() noexcept;
  void update(std::span<const std::uint8_t> data) noexcept;
  void final(std::span<std::uint8_t, kDigestSize> out) noexcept;  // then re-initialises
  [[nodiscard]] Digest final() noexcept;

  [[nodiscard]] static Digest hash(std::span<const std::uint8_t> data) noexcept;

  // "sha_ni", "armv8_sha2" or "portable": the block function this context uses.
  [[nodiscard]] std::string_view implementation() const noexcept;

 private:
  std::uint32_t state_[8];
  std::uint8_t buffer_[kBlockSize];
  std::uint64_t total_;   // bytes hashed so far; not secret
  std::size_t buffered_;  // not secret
  BlockFn block_;
};

}  // namespace baretls::crypto
