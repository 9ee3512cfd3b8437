// SPDX-License-Identifier: MIT
// TLS 1.2 PRF; see tls_prf.h.
#include "baretls/crypto/tls_prf.h"

#include "baretls/crypto/hmac.h"
#include "baretls/crypto/secret.h"

namespace baretls::crypto {

void tls12_prf(HashId hash, std::span<const std::uint8_t> secret, std::string_view label,
               std::span<const std::uint8_t> seed_a, std::span<const std::uint8_t> seed_b,
               std::span<std::uint8_t> out) noexcept {
  // RFC 5246 §5:
  //   P_hash(secret, seed) = HMAC_hash(secret, A(1) + seed) +
  //                          HMAC_hash(secret, A(2) + seed) + ...
  //   A(0) = seed
  //   A(i) = HMAC_hash(secret, A(i-1))
  // where here seed = label + seed_a + seed_b.
  const std::span<const std::uint8_t> label_bytes(reinterpret_cast<const std::uint8_t*>(label.data()),
                                                  label.size());
  Hmac mac(hash, secret);
  const std::size_t n = mac.mac_size();
  std::uint8_t a[kMaxDigestSize];  // A(i)
  std::uint8_t block[kMaxDigestSize];
  WipeOnExit wipe_a(a, sizeof a);
  WipeOnExit wipe_block(block, sizeof block);

  // A(1) = HMAC(secret, A(0)).
  mac.update(label_bytes);
  mac.update(seed_a);
  mac.update(seed_b);
  mac.final(a);

  std::size_t done = 0;
  while (done < out.size()) {
    // HMAC(secret, A(i) + seed).
    mac.update({a, n});
    mac.update(label_bytes);
    mac.update(seed_a);
    mac.update(seed_b);
    mac.final(block);
    const std::size_t take = out.size() - done < n ? out.size() - done : n;
    for (std::size_t i = 0; i < take; ++i) out[done + i] = block[i];
    done += take;
    // A(i+1) = HMAC(secret, A(i)).
    mac.update({a, n});
    mac.final(a);
  }
}

}  // namespace baretls::crypto
