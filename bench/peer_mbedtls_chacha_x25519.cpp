// SPDX-License-Identifier: MIT
// mbedTLS 2.28 peers: ChaCha20-Poly1305 (mbedtls_chachapoly) with a 13-byte
// AAD, and X25519 ("ecdhx25519") through mbedtls_ecdh on
// MBEDTLS_ECP_DP_CURVE25519 (bench/peer_mbedtls_ecp.h). Every call must
// succeed (decrypt: the tag must verify); the last tag of an encryption
// batch must be the expected one.
#include <mbedtls/chachapoly.h>

#include <cstring>
#include <memory>
#include <vector>

#include "bench/harness.h"
#include "bench/peer_mbedtls_ecp.h"

namespace baretls::bench {
namespace {

constexpr unsigned char kKey[32] = {1, 2, 3};
constexpr unsigned char kNonce[12] = {7};
constexpr unsigned char kAad[13] = {0, 0, 0, 0, 0, 0, 0, 1, 23, 3, 3};

struct ChachaPoly {
  mbedtls_chachapoly_context ctx;
  std::vector<unsigned char> msg, ct, out;
  unsigned char tag[16] = {};
  ChachaPoly() { mbedtls_chachapoly_init(&ctx); }
  ~ChachaPoly() { mbedtls_chachapoly_free(&ctx); }
};

BARETLS_BENCH_REGISTER("chacha20-poly1305", "mbedtls", [](std::vector<Case>& out) {
  for (std::size_t size : kSizes) {
    auto c = std::make_shared<ChachaPoly>();
    c->msg.assign(size, 0x5a);
    c->ct.resize(size);
    c->out.resize(size);
    if (mbedtls_chachapoly_setkey(&c->ctx, kKey) != 0 ||
        mbedtls_chachapoly_encrypt_and_tag(&c->ctx, size, kNonce, kAad, sizeof kAad, c->msg.data(), c->ct.data(),
                                           c->tag) != 0) {
      out.push_back(failed_setup("chacha20-poly1305", "encrypt", "mbedtls"));
      continue;
    }
    out.push_back(Case{"chacha20-poly1305", "encrypt", "mbedtls", "generic", size, Unit::megabytes_per_second, 0,
                       [c](std::size_t n) {
                         unsigned char tag[16] = {};
                         bool ok = true;
                         for (std::size_t i = 0; i < n; ++i) {
                           ok &= mbedtls_chachapoly_encrypt_and_tag(&c->ctx, c->msg.size(), kNonce, kAad, sizeof kAad,
                                                                    c->msg.data(), c->out.data(), tag) == 0;
                           do_not_optimize(tag);
                         }
                         return ok && std::memcmp(tag, c->tag, 16) == 0;
                       }});
    out.push_back(Case{"chacha20-poly1305", "decrypt", "mbedtls", "generic", size, Unit::megabytes_per_second, 0,
                       [c](std::size_t n) {
                         bool ok = true;
                         for (std::size_t i = 0; i < n; ++i) {
                           ok &= mbedtls_chachapoly_auth_decrypt(&c->ctx, c->ct.size(), kNonce, kAad, sizeof kAad,
                                                                 c->tag, c->ct.data(), c->out.data()) == 0;
                           do_not_optimize(c->out.data());
                         }
                         return ok;
                       }});
  }
});

// X25519 through the same code as P-256 (bench/peer_mbedtls_ecp.h).
BARETLS_BENCH_REGISTER("x25519", "mbedtls", [](std::vector<Case>& out) {
  mbedtls_peer::add_key_exchange(out, "ecdhx25519", "ecdh", MBEDTLS_ECP_DP_CURVE25519);
});

}  // namespace
}  // namespace baretls::bench
