// SPDX-License-Identifier: MIT
// The record-protection AEAD chosen at run time by the cipher suite:
// AES-GCM with the RFC 5288 §3 nonce (4-byte salt || 8-byte explicit nonce,
// which we set to the sequence number) or ChaCha20-Poly1305 with the RFC 7905
// §2 nonce (12-byte IV XOR the padded sequence number), over crypto::Aead
// (include/baretls/crypto/aead.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "baretls/crypto/aead.h"
#include "baretls/crypto/secret.h"
#include "baretls/tls/errors.h"
#include "tls/key_schedule.h"
#include "tls/suites.h"

namespace baretls::tls {

// RFC 5246 §6.2.3.3 additional_data = seq_num + TLSCompressed.type +
// TLSCompressed.version + TLSCompressed.length;
inline constexpr std::size_t kAadSize = 13;

class RecordCipher {
 public:
  RecordCipher() noexcept = default;
  RecordCipher(const RecordCipher&) = delete;
  RecordCipher& operator=(const RecordCipher&) = delete;
  ~RecordCipher();

  // bad_config when the AEAD is not built in this tree.
  [[nodiscard]] Error init(crypto::AeadAlgorithm aead, const DirectionKeys& keys) noexcept;
  // Forgets the key and IV: seal() and open() fail until init() again.
  void wipe() noexcept;
  [[nodiscard]] crypto::AeadAlgorithm aead() const noexcept { return aead_; }
  // Bytes a sealed fragment adds to the plaintext: explicit nonce + tag.
  [[nodiscard]] std::size_t overhead() const noexcept { return explicit_nonce_size() + kAeadTagSize; }
  [[nodiscard]] std::size_t explicit_nonce_size() const noexcept {
    return aead_ == crypto::AeadAlgorithm::chacha20_poly1305 ? 0 : 8;
  }

  // Writes explicit_nonce || ciphertext || tag into `fragment`
  // (fragment.size() == plaintext.size() + overhead()). CT: time depends only on lengths.
  [[nodiscard]] Error seal(std::uint64_t seq, std::uint8_t type, std::uint16_t version,
                           std::span<const std::uint8_t> plaintext, std::span<std::uint8_t> fragment) const noexcept;
  // Decrypts `fragment` in place; on success the plaintext is
  // fragment[explicit_nonce_size(), +plaintext_size). bad_record_mac on any
  // failure, with the buffer wiped (nothing released).
  // CT: time depends only on the lengths and on whether the tag matched.
  [[nodiscard]] Result<std::size_t> open(std::uint64_t seq, std::uint8_t type, std::uint16_t version,
                                         std::span<std::uint8_t> fragment) const noexcept;

  [[nodiscard]] std::string_view implementation() const noexcept;

 private:
  void make_nonce(std::uint64_t seq, std::span<const std::uint8_t> explicit_nonce,
                  std::span<std::uint8_t, 12> nonce) const noexcept;

  crypto::AeadAlgorithm aead_ = crypto::AeadAlgorithm::chacha20_poly1305;
  bool keyed_ = false;
  crypto::Secret<12> iv_;  // GCM: 4-byte salt; ChaCha20-Poly1305: 12-byte IV
  crypto::Aead cipher_;
};

}  // namespace baretls::tls
