// SPDX-License-Identifier: MIT
// Poly1305 one-time authenticator (RFC 8439 §2.5). Streaming
// (init/update/final) and one-shot. Arithmetic modulo 2^130-5 in three
// 64-bit words with 128-bit products; the final reduction is branch-free.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "baretls/crypto/error.h"

namespace baretls::crypto {

class Poly1305 {
 public:
  static constexpr std::size_t kKeySize = 32;
  static constexpr std::size_t kTagSize = 16;
  static constexpr std::size_t kBlockSize = 16;

  Poly1305() noexcept;
  ~Poly1305();
  Poly1305(const Poly1305&) noexcept = default;
  Poly1305& operator=(const Poly1305&) noexcept = default;

  // key = r || s (RFC 8439 §2.5); r is clamped here. A key must authenticate
  // one message only. Error::bad_length unless 32 bytes.
  // CT: time depends only on the input lengths (init, update, pad16, final).
  [[nodiscard]] Error init(std::span<const std::uint8_t> key) noexcept;
  void update(std::span<const std::uint8_t> data) noexcept;
  // Zero-pads what was fed so far to a multiple of 16 bytes (RFC 8439 §2.8
  // padding1/padding2); nothing happens when it already is one.
  void pad16() noexcept;
  // Writes the tag and wipes the context (init() again before reuse).
  void final(std::span<std::uint8_t, kTagSize> tag) noexcept;

  static void mac(std::span<const std::uint8_t, kKeySize> key, std::span<const std::uint8_t> data,
                  std::span<std::uint8_t, kTagSize> tag) noexcept;

 private:
  std::uint64_t h_[3];   // accumulator, h_[2] holds bits 128 and up
  std::uint64_t r_[2];   // clamped r
  std::uint64_t s_[2];   // the final addend s
  std::uint8_t buffer_[kBlockSize];
  std::size_t buffered_;  // not secret
};

}  // namespace baretls::crypto
