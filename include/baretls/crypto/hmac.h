// SPDX-License-Identifier: MIT
// HMAC (RFC 2104) over SHA-256, SHA-384 and SHA-512, with the padded key
// absorbed once so that many messages can be MACed under one key (the TLS
// PRF does this). Verification compares in constant time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "baretls/crypto/error.h"
#include "baretls/crypto/hash.h"

namespace baretls::crypto {

class Hmac {
 public:
  // CT: time depends only on key.size().
  Hmac(HashId id, std::span<const std::uint8_t> key) noexcept;
  Hmac(const Hmac&) noexcept = default;
  Hmac& operator=(const Hmac&) noexcept = default;
  ~Hmac() = default;  // the AnyHash members wipe themselves

  [[nodiscard]] HashId id() const noexcept { return inner_.id(); }
  [[nodiscard]] std::size_t mac_size() const noexcept { return inner_.digest_size(); }

  void update(std::span<const std::uint8_t> data) noexcept { running_.update(data); }
  // Writes mac_size() bytes (out.size() must be at least that), then starts a
  // new message under the same key. Returns the number of bytes written.
  std::size_t final(std::span<std::uint8_t> out) noexcept;
  // Forget the message so far; keep the key.
  void reset() noexcept { running_ = inner_; }

  // One-shot MAC; returns the number of bytes written (the digest size).
  static std::size_t mac(HashId id, std::span<const std::uint8_t> key,
                         std::span<const std::uint8_t> message, std::span<std::uint8_t> out) noexcept;

  // Checks that `tag` equals the leftmost tag.size() bytes of the MAC
  // (truncated tags, RFC 2104 §5). tag.size() must be in [1, digest size].
  // CT: time depends only on the lengths. Returns ok or auth_failed
  // (bad_length for an empty or over-long tag).
  [[nodiscard]] static Error verify(HashId id, std::span<const std::uint8_t> key,
                                    std::span<const std::uint8_t> message,
                                    std::span<const std::uint8_t> tag) noexcept;

 private:
  AnyHash inner_;    // H state after (K ^ ipad)
  AnyHash outer_;    // H state after (K ^ opad)
  AnyHash running_;  // inner_ plus the message so far
};

}  // namespace baretls::crypto
