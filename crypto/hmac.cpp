// SPDX-License-Identifier: MIT
// HMAC (RFC 2104 §2): H(K ^ opad, H(K ^ ipad, text)); see hmac.h.
#include "baretls/crypto/hmac.h"

#include "baretls/crypto/ct.h"
#include "baretls/crypto/secret.h"

namespace baretls::crypto {

Hmac::Hmac(HashId id, std::span<const std::uint8_t> key) noexcept
    : inner_(id), outer_(id), running_(id) {
  const std::size_t b = block_size(id);
  std::uint8_t k0[kMaxHashBlockSize] = {};
  WipeOnExit wipe_k0(k0, sizeof k0);
  // RFC 2104 §2: keys longer than B are hashed first; shorter ones are
  // padded with zeros to B bytes.
  if (key.size() > b) {
    hash(id, key, k0);
  } else {
    for (std::size_t i = 0; i < key.size(); ++i) k0[i] = key[i];
  }
  std::uint8_t pad[kMaxHashBlockSize];
  WipeOnExit wipe_pad(pad, sizeof pad);
  for (std::size_t i = 0; i < b; ++i) pad[i] = static_cast<std::uint8_t>(k0[i] ^ 0x36);
  inner_.update({pad, b});
  for (std::size_t i = 0; i < b; ++i) pad[i] = static_cast<std::uint8_t>(k0[i] ^ 0x5c);
  outer_.update({pad, b});
  running_ = inner_;
}

std::size_t Hmac::final(std::span<std::uint8_t> out) noexcept {
  std::uint8_t inner_digest[kMaxDigestSize];
  WipeOnExit wipe(inner_digest, sizeof inner_digest);
  const std::size_t n = running_.final(inner_digest);
  AnyHash outer = outer_;
  outer.update({inner_digest, n});
  outer.final(out);
  running_ = inner_;
  return n;
}

std::size_t Hmac::mac(HashId id, std::span<const std::uint8_t> key, std::span<const std::uint8_t> message,
                      std::span<std::uint8_t> out) noexcept {
  Hmac h(id, key);
  h.update(message);
  return h.final(out);
}

Error Hmac::verify(HashId id, std::span<const std::uint8_t> key, std::span<const std::uint8_t> message,
                   std::span<const std::uint8_t> tag) noexcept {
  if (tag.empty() || tag.size() > digest_size(id)) return Error::bad_length;  // lengths are public
  std::uint8_t expected[kMaxDigestSize];
  WipeOnExit wipe(expected, sizeof expected);
  mac(id, key, message, expected);
  const ct::Mask same = ct::equal(std::span<const std::uint8_t>(expected, tag.size()), tag);
  return same.to_bool() ? Error::ok : Error::auth_failed;
}

}  // namespace baretls::crypto
