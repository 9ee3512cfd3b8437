// SPDX-License-Identifier: MIT
// AEAD_CHACHA20_POLY1305 (RFC 8439 §2.8) over ChaCha20 and Poly1305; see
// chacha20_poly1305.h. The one-time Poly1305 key is the first half of
// keystream block 0 (§2.6); the message is encrypted from block 1.
#include "baretls/crypto/chacha20_poly1305.h"

#include <cstring>
#include <functional>

#include "baretls/crypto/ct.h"
#include "baretls/crypto/poly1305.h"
#include "baretls/crypto/secret.h"
#include "crypto/bytes.h"

namespace baretls::crypto {

Error ChaCha20Poly1305::init(std::span<const std::uint8_t> key) noexcept {
  const Error e = chacha_.init(key);
  keyed_ = e == Error::ok;
  return e;
}

Error ChaCha20Poly1305::check_args(std::span<const std::uint8_t> nonce, std::span<const std::uint8_t> in,
                                   std::span<const std::uint8_t> out) const noexcept {
  if (!keyed_) return Error::invalid_argument;
  if (nonce.size() != kNonceSize || out.size() != in.size()) return Error::bad_length;
  if (in.size() > kMaxPlaintext) return Error::message_too_long;
  // In place, or disjoint: anything else would read bytes already written.
  if (!in.empty() && in.data() != out.data()) {
    const std::less<const std::uint8_t*> before;
    const bool disjoint = !before(in.data(), out.data() + out.size()) || !before(out.data(), in.data() + in.size());
    if (!disjoint) return Error::invalid_argument;
  }
  return Error::ok;
}

void ChaCha20Poly1305::compute_tag(std::span<const std::uint8_t, kNonceSize> nonce,
                                   std::span<const std::uint8_t> aad, std::span<const std::uint8_t> ciphertext,
                                   std::span<std::uint8_t, kTagSize> tag) const noexcept {
  // RFC 8439 §2.6: poly1305_key_gen = first 32 bytes of block(key, 0, nonce).
  std::uint8_t block0[ChaCha20::kBlockSize];
  chacha_.block(nonce, 0, block0);
  Poly1305 mac;
  (void)mac.init(std::span<const std::uint8_t>(block0, Poly1305::kKeySize));  // right size: cannot fail
  secure_wipe(block0, sizeof block0);
  // §2.8: mac_data = AAD | pad16(AAD) | ciphertext | pad16(ciphertext)
  //                  | num_to_8_le_bytes(AAD.length) | num_to_8_le_bytes(ciphertext.length)
  mac.update(aad);
  mac.pad16();
  mac.update(ciphertext);
  mac.pad16();
  std::uint8_t lengths[16];
  detail::store_le64(lengths, aad.size());
  detail::store_le64(lengths + 8, ciphertext.size());
  mac.update(lengths);
  mac.final(tag);
}

Error ChaCha20Poly1305::seal(std::span<const std::uint8_t> nonce, std::span<const std::uint8_t> aad,
                             std::span<const std::uint8_t> in, std::span<std::uint8_t> out,
                             std::span<std::uint8_t, kTagSize> tag) const noexcept {
  if (const Error e = check_args(nonce, in, out); e != Error::ok) return e;
  const std::span<const std::uint8_t, kNonceSize> n(nonce.data(), kNonceSize);
  chacha_.xor_stream(n, 1, in, out);
  compute_tag(n, aad, out, tag);
  return Error::ok;
}

Error ChaCha20Poly1305::open(std::span<const std::uint8_t> nonce, std::span<const std::uint8_t> aad,
                             std::span<const std::uint8_t> in, std::span<std::uint8_t> out,
                             std::span<const std::uint8_t, kTagSize> tag) const noexcept {
  if (const Error e = check_args(nonce, in, out); e != Error::ok) {
    if (out.size() == in.size()) secure_wipe(out);
    return e;
  }
  const std::span<const std::uint8_t, kNonceSize> n(nonce.data(), kNonceSize);
  std::uint8_t expected[kTagSize];
  compute_tag(n, aad, in, expected);
  const bool match = ct::equal(expected, tag).to_bool();  // the one public decision
  secure_wipe(expected, sizeof expected);
  if (!match) {
    secure_wipe(out);
    return Error::auth_failed;
  }
  chacha_.xor_stream(n, 1, in, out);
  return Error::ok;
}

std::string_view ChaCha20Poly1305::implementation() const noexcept { return chacha_.implementation(); }

}  // namespace baretls::crypto
