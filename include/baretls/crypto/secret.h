// SPDX-License-Identifier: MIT
// Secrets: secure_wipe() (a store the compiler cannot remove) and Secret<N>,
// a fixed-size key buffer that wipes itself, cannot be compared or printed,
// and gives up its bytes only through a visible expose() call (docs/ARCHITECTURE.md).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace baretls::crypto {

// Overwrite n bytes with zeros; never optimised away.
void secure_wipe(void* p, std::size_t n) noexcept;

inline void secure_wipe(std::span<std::uint8_t> s) noexcept { secure_wipe(s.data(), s.size()); }

template <typename T>
inline void secure_wipe_object(T& obj) noexcept {
  secure_wipe(static_cast<void*>(&obj), sizeof(T));
}

template <std::size_t N>
class Secret {
 public:
  static constexpr std::size_t kSize = N;

  Secret() noexcept { bytes_.fill(0); }
  explicit Secret(std::span<const std::uint8_t, N> from) noexcept {
    for (std::size_t i = 0; i < N; ++i) bytes_[i] = from[i];
  }
  Secret(const Secret&) noexcept = default;
  Secret& operator=(const Secret&) noexcept = default;
  ~Secret() { secure_wipe(bytes_.data(), N); }

  // The only way to the raw bytes: grep for expose() to find every use.
  [[nodiscard]] std::span<std::uint8_t, N> expose() noexcept { return bytes_; }
  [[nodiscard]] std::span<const std::uint8_t, N> expose() const noexcept { return bytes_; }

  void wipe() noexcept { secure_wipe(bytes_.data(), N); }

  bool operator==(const Secret&) const = delete;

 private:
  std::array<std::uint8_t, N> bytes_;
};

// Wipes a caller's buffer when it leaves scope.
class WipeOnExit {
 public:
  WipeOnExit(void* p, std::size_t n) noexcept : p_(p), n_(n) {}
  explicit WipeOnExit(std::span<std::uint8_t> s) noexcept : p_(s.data()), n_(s.size()) {}
  WipeOnExit(const WipeOnExit&) = delete;
  WipeOnExit& operator=(const WipeOnExit&) = delete;
  ~WipeOnExit() { secure_wipe(p_, n_); }

 private:
  void* p_;
  std::size_t n_;
};

}  // namespace baretls::crypto
