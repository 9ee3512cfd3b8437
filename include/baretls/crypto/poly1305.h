// SPDX-License-Identifier: MIT
// Poly1305 one-time authenticator (RFC 8439 §2.5). Streaming
// (init/update/final) and one-shot. Arithmetic modulo 2^130-5 in three
// 64-bit words with 128-bit products; the final reduction is branch-free.
// Long inputs use eight-lane AVX-512 IFMA or four-lane AVX2 code, or
// four-lane NEON on AArch64.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "baretls/crypto/error.h"

namespace baretls::crypto {

namespace detail {
// Powers of r for the eight-lane AVX-512 IFMA path, radix 2^44: r8 = r^8
// and r16 = r^16 (limbs 0..2, then 20 * limbs 1 and 2); last[.][q] = the
// same for r^(8-j), the factor of lane q (holding block j) in the final step.
// The four-lane AVX2 path keeps radix-2^26 powers: r4 = r^4 and r8_26 = r^8
// (limbs 0..4, then 5 * limbs 1..4) and last26[.][q] = the same for r^(4-j).
// The four-lane NEON path uses the radix-2^26 fields with lane q holding
// block q (j = q).
struct Poly1305Powers {
  alignas(64) std::uint64_t last[5][8];
  std::uint64_t r8[5];
  std::uint64_t r16[5];
  alignas(32) std::uint64_t last26[9][4];
  std::uint64_t r4[9];
  std::uint64_t r8_26[9];
};
}  // namespace detail

enum class Poly1305Path : std::uint8_t { portable, avx2, avx512ifma, neon };

class Poly1305 {
 public:
  static constexpr std::size_t kKeySize = 32;
  static constexpr std::size_t kTagSize = 16;
  static constexpr std::size_t kBlockSize = 16;

  // The fastest path this CPU allows under the current feature mask.
  [[nodiscard]] static Poly1305Path detect_path() noexcept;

  Poly1305() noexcept;  // detect_path()
  // A path chosen earlier by detect_path() (or portable).
  explicit Poly1305(Poly1305Path path) noexcept;
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
  // Writes the tag and wipes the key and state (init() again before reuse).
  void final(std::span<std::uint8_t, kTagSize> tag) noexcept;

  static void mac(std::span<const std::uint8_t, kKeySize> key, std::span<const std::uint8_t> data,
                  std::span<std::uint8_t, kTagSize> tag) noexcept;

  // "avx512ifma" (eight lanes), "avx2" or "neon" (four lanes) or
  // "portable"; the lanes serve long inputs only.
  [[nodiscard]] std::string_view implementation() const noexcept;

 private:
  void absorb_blocks(const std::uint8_t* m, std::size_t count) noexcept;
  void wipe_state() noexcept;

  std::uint64_t h_[3];   // accumulator, h_[2] holds bits 128 and up
  std::uint64_t r_[2];   // clamped r
  std::uint64_t s_[2];   // the final addend s
  std::uint8_t buffer_[kBlockSize];
  std::size_t buffered_;  // not secret
  detail::Poly1305Powers powers_;
  Poly1305Path path_;     // not secret
  bool powers_ready_;     // powers_ computed for this key; not secret
};

}  // namespace baretls::crypto
