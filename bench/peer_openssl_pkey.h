// SPDX-License-Identifier: MIT
// OpenSSL (libcrypto 3, EVP_PKEY) key exchange for the comparison program,
// shared by the P-256/P-384 (peer_openssl_ec.cpp) and X25519
// (peer_openssl_chacha_x25519.cpp) cases. "derive": EVP_PKEY_derive on a
// context prepared once with a fixed private key and peer (what `openssl
// speed ecdhp256` times: no key is created per operation); "keygen+derive":
// a new key from a keygen context made once, then a derive context and the
// shared secret. Every call must succeed.
#pragma once

#include <openssl/evp.h>

#include <memory>
#include <vector>

#include "bench/harness.h"

namespace baretls::bench::openssl_peer {

using PkeyPtr = std::shared_ptr<EVP_PKEY>;
using PkeyCtxPtr = std::shared_ptr<EVP_PKEY_CTX>;

inline PkeyPtr generate(EVP_PKEY_CTX* keygen) {
  EVP_PKEY* key = nullptr;
  if (EVP_PKEY_generate(keygen, &key) != 1) return nullptr;
  return PkeyPtr(key, EVP_PKEY_free);
}

inline PkeyCtxPtr derive_context(EVP_PKEY* mine, EVP_PKEY* peer) {
  PkeyCtxPtr ctx(EVP_PKEY_CTX_new(mine, nullptr), EVP_PKEY_CTX_free);
  if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1 || EVP_PKEY_derive_set_peer(ctx.get(), peer) != 1) return nullptr;
  return ctx;
}

inline bool derive(EVP_PKEY_CTX* ctx) {
  unsigned char z[64];
  std::size_t len = sizeof z;
  const bool ok = EVP_PKEY_derive(ctx, z, &len) == 1 && len > 0;
  do_not_optimize(z);
  return ok;
}

// The two cases for keys made by `keygen` (a context after EVP_PKEY_keygen_init).
inline void add_key_exchange(std::vector<Case>& out, const char* name, const PkeyCtxPtr& keygen) {
  PkeyPtr mine = keygen ? generate(keygen.get()) : nullptr;
  PkeyPtr peer = keygen ? generate(keygen.get()) : nullptr;
  PkeyCtxPtr ctx = mine && peer ? derive_context(mine.get(), peer.get()) : nullptr;
  if (!ctx) {
    out.push_back(failed_setup(name, "derive", "openssl"));
    return;
  }
  out.push_back(Case{name, "derive", "openssl", "evp", 0, Unit::operations_per_second, 0,
                     [ctx, mine, peer](std::size_t n) {
                       bool ok = true;
                       for (std::size_t i = 0; i < n; ++i) ok &= derive(ctx.get());
                       return ok;
                     }});
  out.push_back(Case{name, "keygen+derive", "openssl", "evp", 0, Unit::operations_per_second, 0,
                     [keygen, peer](std::size_t n) {
                       bool ok = true;
                       for (std::size_t i = 0; i < n; ++i) {
                         const PkeyPtr k = generate(keygen.get());
                         const PkeyCtxPtr c = k ? derive_context(k.get(), peer.get()) : nullptr;
                         ok &= c && derive(c.get());
                       }
                       return ok;
                     }});
}

}  // namespace baretls::bench::openssl_peer
