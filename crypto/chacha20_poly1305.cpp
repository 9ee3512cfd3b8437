// SPDX-License-Identifier: MIT
// AEAD_CHACHA20_POLY1305 (RFC 8439 §2.8) over ChaCha20 and Poly1305; see
// chacha20_poly1305.h. The one-time Poly1305 key is the first half of
// keystream block 0 (§2.6); the message is encrypted from block 1.
#include "baretls/crypto/chacha20_poly1305.h"

#include <cstring>
#include <functional>
#include <string_view>

#include "baretls/crypto/ct.h"
#include "baretls/crypto/poly1305.h"
#include "baretls/crypto/secret.h"
#include "crypto/bytes.h"

namespace baretls::crypto {

Error ChaCha20Poly1305::init(std::span<const std::uint8_t> key) noexcept {
  const Error e = chacha_.init(key);
  poly_path_ = Poly1305::detect_path();
  merge_short_ = chacha_.implementation() != "portable";
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

void ChaCha20Poly1305::compute_tag(std::span<const std::uint8_t, 32> one_time_key, std::span<const std::uint8_t> aad,
                                   std::span<const std::uint8_t> ciphertext,
                                   std::span<std::uint8_t, kTagSize> tag) const noexcept {
  Poly1305 mac(poly_path_);
  (void)mac.init(one_time_key);  // right size: cannot fail
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

// Short messages: block 0 and the message's keystream come from one call,
// so a SIMD path makes both in one pass. buf = keystream block 0 || (in XOR
// keystream from block 1). CT: time depends only on in.size().
void ChaCha20Poly1305::crypt_short(std::span<const std::uint8_t, kNonceSize> nonce,
                                   std::span<const std::uint8_t> in, std::uint8_t* buf) const noexcept {
  std::memset(buf, 0, ChaCha20::kBlockSize);
  if (!in.empty()) std::memcpy(buf + ChaCha20::kBlockSize, in.data(), in.size());
  const std::span<std::uint8_t> all(buf, ChaCha20::kBlockSize + in.size());
  chacha_.xor_stream(nonce, 0, all, all);
}

Error ChaCha20Poly1305::seal(std::span<const std::uint8_t> nonce, std::span<const std::uint8_t> aad,
                             std::span<const std::uint8_t> in, std::span<std::uint8_t> out,
                             std::span<std::uint8_t, kTagSize> tag) const noexcept {
  if (const Error e = check_args(nonce, in, out); e != Error::ok) return e;
  const std::span<const std::uint8_t, kNonceSize> n(nonce.data(), kNonceSize);
  if (merge_short_ && in.size() <= kShortMax) {
    std::uint8_t buf[ChaCha20::kBlockSize + kShortMax];
    crypt_short(n, in, buf);
    if (!in.empty()) std::memcpy(out.data(), buf + ChaCha20::kBlockSize, in.size());
    compute_tag(std::span<const std::uint8_t, 32>(buf, 32), aad, out, tag);
    secure_wipe(buf, sizeof buf);
    return Error::ok;
  }
  // RFC 8439 §2.6: poly1305_key_gen = first 32 bytes of block(key, 0, nonce).
  std::uint8_t block0[ChaCha20::kBlockSize];
  chacha_.block(n, 0, block0);
  chacha_.xor_stream(n, 1, in, out);
  compute_tag(std::span<const std::uint8_t, 32>(block0, 32), aad, out, tag);
  secure_wipe(block0, sizeof block0);
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
  if (merge_short_ && in.size() <= kShortMax) {
    // The plaintext waits in buf until the tag is checked.
    std::uint8_t buf[ChaCha20::kBlockSize + kShortMax];
    crypt_short(n, in, buf);
    compute_tag(std::span<const std::uint8_t, 32>(buf, 32), aad, in, expected);
    const bool match = ct::equal(expected, tag).to_bool();  // the one public decision
    if (match && !in.empty()) std::memcpy(out.data(), buf + ChaCha20::kBlockSize, in.size());
    if (!match) secure_wipe(out);
    secure_wipe(buf, sizeof buf);
    secure_wipe(expected, sizeof expected);
    return match ? Error::ok : Error::auth_failed;
  }
  std::uint8_t block0[ChaCha20::kBlockSize];
  chacha_.block(n, 0, block0);
  compute_tag(std::span<const std::uint8_t, 32>(block0, 32), aad, in, expected);
  secure_wipe(block0, sizeof block0);
  const bool match = ct::equal(expected, tag).to_bool();  // the one public decision
  secure_wipe(expected, sizeof expected);
  if (!match) {
    secure_wipe(out);
    return Error::auth_failed;
  }
  chacha_.xor_stream(n, 1, in, out);
  return Error::ok;
}

std::string_view ChaCha20Poly1305::implementation() const noexcept {
  const std::string_view c = chacha_.implementation();
  if (poly_path_ != Poly1305Path::avx512ifma) return c;  // Poly1305 portable, AVX2 or NEON, as ChaCha20
  return c == "avx512" ? "avx512+ifma" : "avx2+ifma";
}

}  // namespace baretls::crypto
