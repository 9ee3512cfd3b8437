// SPDX-License-Identifier: MIT
// AES block encryption (FIPS 197), encrypt direction only: what CTR-based
// modes such as GCM need. Keys of 16, 24 or 32 bytes. The portable path is
// bitsliced (no table indexed by key or data); AES-NI (x86-64) or the ARMv8
// AES instructions (AArch64) are used when the CPU has them. The path is
// chosen when the key is set.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "baretls/crypto/error.h"

namespace baretls::crypto {

class Aes {
 public:
  static constexpr std::size_t kBlockSize = 16;
  static constexpr unsigned kMaxRounds = 14;

  Aes() noexcept = default;
  ~Aes();
  Aes(const Aes&) noexcept = default;
  Aes& operator=(const Aes&) noexcept = default;

  // FIPS 197 §5.2 key expansion. key.size() is 16, 24 or 32, else bad_length.
  // CT: time depends only on key.size().
  [[nodiscard]] Error init(std::span<const std::uint8_t> key) noexcept;

  // ECB encryption of whole blocks: in.size() == out.size(), a multiple of 16
  // (in == out allowed). Returns bad_length otherwise, or invalid_argument
  // before init(). CT: time depends only on the sizes.
  [[nodiscard]] Error encrypt_blocks(std::span<const std::uint8_t> in, std::span<std::uint8_t> out) const noexcept;
  void encrypt_block(std::span<const std::uint8_t, 16> in, std::span<std::uint8_t, 16> out) const noexcept;

  // "aesni", "armv8_aes" or "portable".
  [[nodiscard]] std::string_view implementation() const noexcept;

  // For the modes built on AES (internal use): the FIPS 197 round keys,
  // (rounds() + 1) * 16 bytes in byte order, and the bitsliced form used by
  // the portable path (8 words per round key).
  [[nodiscard]] unsigned rounds() const noexcept { return rounds_; }
  [[nodiscard]] const std::uint8_t* round_keys() const noexcept { return round_keys_; }
  [[nodiscard]] const std::uint64_t* bitsliced_keys() const noexcept { return sliced_keys_; }
  [[nodiscard]] bool uses_aesni() const noexcept { return path_ == Path::aesni; }

 private:
  enum class Path : std::uint8_t { portable, aesni, armv8 };

  alignas(16) std::uint8_t round_keys_[(kMaxRounds + 1) * 16] = {};
  std::uint64_t sliced_keys_[(kMaxRounds + 1) * 8] = {};
  unsigned rounds_ = 0;  // 0 until init(); not secret
  Path path_ = Path::portable;  // not secret
};

}  // namespace baretls::crypto
