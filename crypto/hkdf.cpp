// SPDX-License-Identifier: MIT
// HKDF (RFC 5869 §2) over the HMAC of hmac.h; see hkdf.h.
#include "baretls/crypto/hkdf.h"

#include "baretls/crypto/hmac.h"
#include "baretls/crypto/secret.h"

namespace baretls::crypto {

Error hkdf_extract(HashId id, std::span<const std::uint8_t> salt, std::span<const std::uint8_t> ikm,
                   std::span<std::uint8_t> prk) noexcept {
  if (prk.size() < digest_size(id)) return Error::buffer_too_small;
  // RFC 5869 §2.2: PRK = HMAC-Hash(salt, IKM); "if not provided, [salt] is
  // set to a string of HashLen zeros" - the same key to HMAC as an empty one.
  Hmac::mac(id, salt, ikm, prk);
  return Error::ok;
}

Error hkdf_expand(HashId id, std::span<const std::uint8_t> prk, std::span<const std::uint8_t> info,
                  std::span<std::uint8_t> out) noexcept {
  const std::size_t hash_len = digest_size(id);  // not secret
  if (out.size() > hkdf_max_output(id)) return Error::message_too_long;
  if (prk.size() < hash_len) return Error::bad_length;
  Hmac mac(id, prk);
  std::uint8_t t[kMaxDigestSize];  // T(i)
  WipeOnExit wipe_t(t, sizeof t);
  std::size_t done = 0;
  // RFC 5869 §2.3: N = ceil(L/HashLen); T(i) = HMAC-Hash(PRK, T(i-1) | info | i).
  for (std::uint8_t i = 1; done < out.size(); ++i) {
    if (i > 1) mac.update({t, hash_len});  // T(0) is the empty string
    mac.update(info);
    mac.update({&i, 1});
    mac.final(t);
    const std::size_t take = out.size() - done < hash_len ? out.size() - done : hash_len;
    for (std::size_t k = 0; k < take; ++k) out[done + k] = t[k];
    done += take;
  }
  return Error::ok;
}

Error hkdf(HashId id, std::span<const std::uint8_t> salt, std::span<const std::uint8_t> ikm,
           std::span<const std::uint8_t> info, std::span<std::uint8_t> out) noexcept {
  std::uint8_t prk[kMaxDigestSize];
  WipeOnExit wipe_prk(prk, sizeof prk);
  const std::span<std::uint8_t> prk_bytes(prk, digest_size(id));
  BARETLS_TRY(hkdf_extract(id, salt, ikm, prk_bytes));
  return hkdf_expand(id, prk_bytes, info, out);
}

}  // namespace baretls::crypto
