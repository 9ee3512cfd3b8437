// SPDX-License-Identifier: MIT
// Run-time AEAD selection; see aead.h.
#include "baretls/crypto/aead.h"

namespace baretls::crypto {

std::string_view Aead::name(AeadAlgorithm alg) noexcept {
  switch (alg) {
    case AeadAlgorithm::aes_128_gcm: return "AES-128-GCM";
    case AeadAlgorithm::aes_256_gcm: return "AES-256-GCM";
    case AeadAlgorithm::chacha20_poly1305: return "ChaCha20-Poly1305";
  }
  return "?";
}

Error Aead::init(AeadAlgorithm alg, std::span<const std::uint8_t> key) noexcept {
  keyed_ = false;
  if (key.size() != key_size(alg)) return Error::bad_length;
  alg_ = alg;
  const Error e = alg == AeadAlgorithm::chacha20_poly1305 ? chacha_.init(key) : gcm_.init(key);
  keyed_ = e == Error::ok;
  return e;
}

Error Aead::seal(std::span<const std::uint8_t, kNonceSize> nonce, std::span<const std::uint8_t> aad,
                 std::span<const std::uint8_t> in, std::span<std::uint8_t> out,
                 std::span<std::uint8_t, kTagSize> tag) const noexcept {
  if (!keyed_) return Error::invalid_argument;
  return alg_ == AeadAlgorithm::chacha20_poly1305 ? chacha_.seal(nonce, aad, in, out, tag)
                                                  : gcm_.seal(nonce, aad, in, out, tag);
}

Error Aead::open(std::span<const std::uint8_t, kNonceSize> nonce, std::span<const std::uint8_t> aad,
                 std::span<const std::uint8_t> in, std::span<std::uint8_t> out,
                 std::span<const std::uint8_t, kTagSize> tag) const noexcept {
  if (!keyed_) return Error::invalid_argument;
  return alg_ == AeadAlgorithm::chacha20_poly1305 ? chacha_.open(nonce, aad, in, out, tag)
                                                  : gcm_.open(nonce, aad, in, out, tag);
}

std::string_view Aead::implementation() const noexcept {
  return alg_ == AeadAlgorithm::chacha20_poly1305 ? chacha_.implementation() : gcm_.implementation();
}

}  // namespace baretls::crypto
