// SPDX-License-Identifier: MIT
// One AEAD interface for the record layer's three ciphers: AES-128-GCM and
// AES-256-GCM (SP 800-38D, see aes_gcm.h) and ChaCha20-Poly1305 (RFC 8439
// §2.8, see chacha20_poly1305.h), chosen at run time, 12-byte nonces,
// 16-byte tags. No heap; the keyed context wipes itself.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "baretls/crypto/aes_gcm.h"
#include "baretls/crypto/chacha20_poly1305.h"
#include "baretls/crypto/error.h"

namespace baretls::crypto {

enum class AeadAlgorithm : std::uint8_t { aes_128_gcm, aes_256_gcm, chacha20_poly1305 };

class Aead {
 public:
  static constexpr std::size_t kNonceSize = 12;
  static constexpr std::size_t kTagSize = 16;

  [[nodiscard]] static constexpr std::size_t key_size(AeadAlgorithm alg) noexcept {
    return alg == AeadAlgorithm::aes_128_gcm ? 16 : 32;
  }
  [[nodiscard]] static std::string_view name(AeadAlgorithm alg) noexcept;

  // bad_length unless key.size() == key_size(alg).
  [[nodiscard]] Error init(AeadAlgorithm alg, std::span<const std::uint8_t> key) noexcept;
  [[nodiscard]] AeadAlgorithm algorithm() const noexcept { return alg_; }

  // As AesGcm::seal / ChaCha20Poly1305::seal: out.size() == in.size(), in
  // place or disjoint. invalid_argument before init(). CT: time depends only
  // on the lengths.
  [[nodiscard]] Error seal(std::span<const std::uint8_t, kNonceSize> nonce, std::span<const std::uint8_t> aad,
                           std::span<const std::uint8_t> in, std::span<std::uint8_t> out,
                           std::span<std::uint8_t, kTagSize> tag) const noexcept;
  // Releases nothing unless the tag matches: on failure auth_failed and `out`
  // is all zeros. CT: time depends only on the lengths and the tag decision.
  [[nodiscard]] Error open(std::span<const std::uint8_t, kNonceSize> nonce, std::span<const std::uint8_t> aad,
                           std::span<const std::uint8_t> in, std::span<std::uint8_t> out,
                           std::span<const std::uint8_t, kTagSize> tag) const noexcept;

  [[nodiscard]] std::string_view implementation() const noexcept;

 private:
  AeadAlgorithm alg_ = AeadAlgorithm::aes_128_gcm;
  bool keyed_ = false;
  AesGcm gcm_;
  ChaCha20Poly1305 chacha_;
};

}  // namespace baretls::crypto
