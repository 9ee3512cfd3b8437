// SPDX-License-Identifier: MIT
// Record protection with AEAD (see record_cipher.h): RFC 5246 §6.2.3.3,
// RFC 5288 §3 (AES-GCM nonce), RFC 7905 §2 (ChaCha20-Poly1305 nonce).
#include "tls/record_cipher.h"

#include "baretls/crypto/secret.h"

namespace baretls::tls {

namespace {
void store_be64(std::uint64_t v, std::span<std::uint8_t> out) noexcept {
  for (std::size_t i = 0; i < 8; ++i) out[i] = static_cast<std::uint8_t>(v >> (56 - 8 * i));
}

// Little-endian words through byte arithmetic (compilers emit single moves).
std::uint32_t load_le32(const std::uint8_t* p) noexcept {
  return std::uint32_t{p[0]} | (std::uint32_t{p[1]} << 8) | (std::uint32_t{p[2]} << 16) | (std::uint32_t{p[3]} << 24);
}
void store_le(std::uint8_t* p, std::uint64_t v, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}
// The four bytes of v in big-endian order, read back as a little-endian word.
std::uint32_t be_as_le32(std::uint32_t v) noexcept {
  return (v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000) | (v << 24);
}

// seq_num(8) || type(1) || version(2) || length(2) of the plaintext, written
// straight into the caller's array (no temporary: the AEAD reads it next).
void write_aad(std::uint64_t seq, std::uint8_t type, std::uint16_t version, std::size_t length,
               std::span<std::uint8_t, kAadSize> aad) noexcept {
  store_be64(seq, aad);
  aad[8] = type;
  aad[9] = static_cast<std::uint8_t>(version >> 8);
  aad[10] = static_cast<std::uint8_t>(version);
  aad[11] = static_cast<std::uint8_t>(length >> 8);
  aad[12] = static_cast<std::uint8_t>(length);
}
}  // namespace

// AesGcm and ChaCha20 wipe their keys when destroyed; wiping the whole Aead
// here as well leaves nothing of the keyed context behind.
RecordCipher::~RecordCipher() { crypto::secure_wipe_object(cipher_); }

void RecordCipher::wipe() noexcept {
  keyed_ = false;
  crypto::secure_wipe_object(cipher_);
  iv_.wipe();
}

Error RecordCipher::init(crypto::AeadAlgorithm aead, const DirectionKeys& keys) noexcept {
  aead_ = aead;
  keyed_ = false;
  iv_ = keys.iv;
  const auto key = keys.key.expose().first(keys.key_length);
  if (cipher_.init(aead, key) != crypto::Error::ok) return Error::internal_error;
  keyed_ = true;
  return Error::ok;
}

// The nonce is written as one 8-byte and one 4-byte word, the widths
// crypto::Aead reads it back with, so that read is served from the store
// buffer rather than stalling until the stores reach the cache.
void RecordCipher::make_nonce(std::uint64_t seq, std::span<const std::uint8_t> explicit_nonce,
                              std::span<std::uint8_t, 12> nonce) const noexcept {
  const std::uint8_t* iv = iv_.expose().data();
  std::uint32_t w1 = 0;  // nonce bytes 4..7, 8..11, as little-endian words
  std::uint32_t w2 = 0;
  if (aead_ == crypto::AeadAlgorithm::chacha20_poly1305) {
    // RFC 7905 §2: "The 64-bit record sequence number is serialized as an
    // 8-byte, big-endian value and padded on the left with four 0x00 bytes.
    // The padded sequence number is XORed with the client_write_IV".
    w1 = load_le32(iv + 4) ^ be_as_le32(static_cast<std::uint32_t>(seq >> 32));
    w2 = load_le32(iv + 8) ^ be_as_le32(static_cast<std::uint32_t>(seq));
  } else {
    // RFC 5288 §3: GCMNonce = salt (client_write_IV, 4 bytes) || nonce_explicit (8 bytes).
    w1 = load_le32(explicit_nonce.data());
    w2 = load_le32(explicit_nonce.data() + 4);
  }
  store_le(nonce.data(), load_le32(iv) | (std::uint64_t{w1} << 32), 8);
  store_le(nonce.data() + 8, w2, 4);
}

Error RecordCipher::seal(std::uint64_t seq, std::uint8_t type, std::uint16_t version,
                         std::span<const std::uint8_t> plaintext, std::span<std::uint8_t> fragment) const noexcept {
  if (!keyed_ || fragment.size() != plaintext.size() + overhead()) return Error::internal_error;
  const std::size_t en = explicit_nonce_size();
  // RFC 5288 §3: "The nonce_explicit MAY be the 64-bit sequence number" - we
  // use it, so a nonce never repeats under one key.
  if (en != 0) store_be64(seq, fragment.first(8));
  std::array<std::uint8_t, 12> nonce;
  make_nonce(seq, fragment.first(en), nonce);
  std::array<std::uint8_t, kAadSize> aad;
  write_aad(seq, type, version, plaintext.size(), aad);
  const auto body = fragment.subspan(en, plaintext.size());
  const auto tag = fragment.subspan(en + plaintext.size()).first<kAeadTagSize>();
  const crypto::Error e = cipher_.seal(nonce, aad, plaintext, body, tag);
  return e == crypto::Error::ok ? Error::ok : Error::internal_error;
}

Result<std::size_t> RecordCipher::open(std::uint64_t seq, std::uint8_t type, std::uint16_t version,
                                       std::span<std::uint8_t> fragment) const noexcept {
  const std::size_t en = explicit_nonce_size();  // not secret
  if (!keyed_) return Error::internal_error;
  // A fragment too short to hold the nonce and tag cannot authenticate.
  if (fragment.size() < overhead()) return Error::bad_record_mac;
  const std::size_t n = fragment.size() - overhead();
  std::array<std::uint8_t, 12> nonce;
  make_nonce(seq, fragment.first(en), nonce);
  std::array<std::uint8_t, kAadSize> aad;
  write_aad(seq, type, version, n, aad);
  const auto body = fragment.subspan(en, n);
  const auto tag = fragment.subspan(en + n).first<kAeadTagSize>();
  if (cipher_.open(nonce, aad, body, body, tag) != crypto::Error::ok) {
    crypto::secure_wipe(fragment);
    return Error::bad_record_mac;
  }
  return n;
}

std::string_view RecordCipher::implementation() const noexcept { return cipher_.implementation(); }

}  // namespace baretls::tls
