// SPDX-License-Identifier: MIT
// SHA-512 and SHA-384 (FIPS 180-4 §6.4 and §6.5): one block function, two
// initial values and output lengths. Streaming (init/update/final) and
// one-shot, like Sha256.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace baretls::crypto {

namespace detail {

// The shared SHA-512 engine; Sha512 and Sha384 wrap it.
class Sha512Core {
 public:
  static constexpr std::size_t kBlockSize = 128;
  using BlockFn = void (*)(std::uint64_t state[8], const std::uint8_t* blocks, std::size_t count);

  void init(const std::uint64_t iv[8]) noexcept;
  void update(std::span<const std::uint8_t> data) noexcept;
  // Writes the first out_len (<= 64) bytes of the digest.
  void finish(std::uint8_t* out, std::size_t out_len) noexcept;
  void wipe() noexcept;
  [[nodiscard]] std::string_view implementation() const noexcept;

 private:
  std::uint64_t state_[8];
  std::uint8_t buffer_[kBlockSize];
  std::uint64_t total_;   // bytes hashed so far (inputs stay far below 2^64); not secret
  std::size_t buffered_;  // not secret
  BlockFn block_;
};

}  // namespace detail

class Sha512 {
 public:
  static constexpr std::size_t kDigestSize = 64;
  static constexpr std::size_t kBlockSize = 128;
  using Digest = std::array<std::uint8_t, kDigestSize>;

  Sha512() noexcept { init(); }
  ~Sha512() { core_.wipe(); }
  Sha512(const Sha512&) noexcept = default;
  Sha512& operator=(const Sha512&) noexcept = default;

  // CT: time depends only on the input lengths.
  void init() noexcept;
  void update(std::span<const std::uint8_t> data) noexcept { core_.update(data); }
  void final(std::span<std::uint8_t, kDigestSize> out) noexcept;  // then re-initialises
  [[nodiscard]] Digest final() noexcept;
  [[nodiscard]] static Digest hash(std::span<const std::uint8_t> data) noexcept;
  [[nodiscard]] std::string_view implementation() const noexcept { return core_.implementation(); }

 private:
  detail::Sha512Core core_;
};

class Sha384 {
 public:
  static constexpr std::size_t kDigestSize = 48;
  static constexpr std::size_t kBlockSize = 128;
  using Digest = std::array<std::uint8_t, kDigestSize>;

  Sha384() noexcept { init(); }
  ~Sha384() { core_.wipe(); }
  Sha384(const Sha384&) noexcept = default;
  Sha384& operator=(const Sha384&) noexcept = default;

  // CT: time depends only on the input lengths.
  void init() noexcept;
  void update(std::span<const std::uint8_t> data) noexcept { core_.update(data); }
  void final(std::span<std::uint8_t, kDigestSize> out) noexcept;  // then re-initialises
  [[nodiscard]] Digest final() noexcept;
  [[nodiscard]] static Digest hash(std::span<const std::uint8_t> data) noexcept;
  [[nodiscard]] std::string_view implementation() const noexcept { return core_.implementation(); }

 private:
  detail::Sha512Core core_;
};

}  // namespace baretls::crypto
