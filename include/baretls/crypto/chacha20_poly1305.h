// SPDX-License-Identifier: MIT
// AEAD_CHACHA20_POLY1305 (RFC 8439 §2.8): 256-bit key, 96-bit nonce,
// 128-bit tag. Same shape as AesGcm (COMMON.md AEAD contract). The
// ChaCha20 and Poly1305 paths are chosen when the key is set.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "baretls/crypto/chacha20.h"
#include "baretls/crypto/error.h"
#include "baretls/crypto/poly1305.h"

namespace baretls::crypto {

class ChaCha20Poly1305 {
 public:
  static constexpr std::size_t kKeySize = 32;
  static constexpr std::size_t kNonceSize = 12;
  static constexpr std::size_t kTagSize = 16;
  // RFC 8439 §2.8: plaintext up to 2^38 - 64 bytes (the 32-bit counter).
  static constexpr std::uint64_t kMaxPlaintext = (std::uint64_t{1} << 38) - 64;

  // Error::bad_length unless key.size() == 32.
  [[nodiscard]] Error init(std::span<const std::uint8_t> key) noexcept;

  // out.size() == in.size(); in and out are the same buffer or do not
  // overlap. nonce: exactly 12 bytes. Errors: bad_length (sizes),
  // invalid_argument (no key, or partly overlapping buffers),
  // message_too_long. CT: time depends only on the lengths.
  [[nodiscard]] Error seal(std::span<const std::uint8_t> nonce, std::span<const std::uint8_t> aad,
                           std::span<const std::uint8_t> in, std::span<std::uint8_t> out,
                           std::span<std::uint8_t, kTagSize> tag) const noexcept;
  // Verifies the tag in constant time before decrypting anything; on
  // mismatch returns Error::auth_failed and `out` is all zeros.
  // CT: time depends only on the lengths and on whether the tag matched.
  [[nodiscard]] Error open(std::span<const std::uint8_t> nonce, std::span<const std::uint8_t> aad,
                           std::span<const std::uint8_t> in, std::span<std::uint8_t> out,
                           std::span<const std::uint8_t, kTagSize> tag) const noexcept;

  // The ChaCha20 path ("avx512", "avx2", "portable"), with "+ifma" when
  // Poly1305 uses AVX-512 IFMA (otherwise Poly1305 runs AVX2 code on the
  // avx512 and avx2 paths, portable code on the portable one).
  [[nodiscard]] std::string_view implementation() const noexcept;

 private:
  [[nodiscard]] Error check_args(std::span<const std::uint8_t> nonce, std::span<const std::uint8_t> in,
                                 std::span<const std::uint8_t> out) const noexcept;
  void compute_tag(std::span<const std::uint8_t, 32> one_time_key, std::span<const std::uint8_t> aad,
                   std::span<const std::uint8_t> ciphertext, std::span<std::uint8_t, kTagSize> tag) const noexcept;
  void crypt_short(std::span<const std::uint8_t, kNonceSize> nonce, std::span<const std::uint8_t> in,
                   std::uint8_t* buf) const noexcept;

  // Messages up to this size take block 0 and their keystream from one
  // ChaCha20 call on SIMD paths (four blocks in all: one AVX-512 row pass).
  static constexpr std::size_t kShortMax = 192;

  ChaCha20 chacha_;
  Poly1305Path poly_path_ = Poly1305Path::portable;
  bool merge_short_ = false;  // not secret
  bool keyed_ = false;
};

}  // namespace baretls::crypto
