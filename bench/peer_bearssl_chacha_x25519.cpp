// SPDX-License-Identifier: MIT
// BearSSL peers: ChaCha20-Poly1305 (br_poly1305_ctmulq_run over
// br_chacha20_sse2_run, and over br_chacha20_ct_run) and X25519 with
// br_ec_c25519_m31 (the fastest Curve25519 code in the installed BearSSL
// 0.6, which has no m62/m64), "ecdhx25519" as `openssl speed` names it.
// Decryption must reproduce the tag; every curve operation must succeed and
// the last fixed-input output of a batch must be the expected one.
#include <bearssl.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "bench/harness.h"

namespace baretls::bench {
namespace {

constexpr unsigned char kKey[32] = {1, 2, 3};
constexpr unsigned char kNonce[12] = {7};
constexpr unsigned char kAad[13] = {0, 0, 0, 0, 0, 0, 0, 1, 23, 3, 3};

struct Buffers {
  std::vector<unsigned char> msg, ct, work;
  unsigned char tag[16] = {};
};

void add_path(std::vector<Case>& out, const char* impl, br_chacha20_run chacha) {
  br_poly1305_run poly = br_poly1305_ctmulq_get();
  if (poly == nullptr || chacha == nullptr) return;
  for (std::size_t size : kSizes) {
    auto b = std::make_shared<Buffers>();
    b->msg.assign(size, 0x5a);
    b->ct = b->msg;
    poly(kKey, kNonce, b->ct.data(), size, kAad, sizeof kAad, b->tag, chacha, 1);
    b->work.resize(size);
    // BearSSL works in place: each call copies the input into the work buffer first
    // (a memcpy of the same size is part of every peer's out-of-place call).
    out.push_back(Case{"chacha20-poly1305", "encrypt", "bearssl", impl, size, Unit::megabytes_per_second, 0,
                       [b, poly, chacha](std::size_t n) {
                         unsigned char tag[16] = {};
                         for (std::size_t i = 0; i < n; ++i) {
                           std::copy(b->msg.begin(), b->msg.end(), b->work.begin());
                           poly(kKey, kNonce, b->work.data(), b->work.size(), kAad, sizeof kAad, tag, chacha, 1);
                           do_not_optimize(tag);
                         }
                         return std::equal(tag, tag + 16, b->tag);
                       }});
    out.push_back(Case{"chacha20-poly1305", "decrypt", "bearssl", impl, size, Unit::megabytes_per_second, 0,
                       [b, poly, chacha](std::size_t n) {
                         unsigned char tag[16];
                         unsigned diff = 0;  // BearSSL leaves the tag check to the caller
                         for (std::size_t i = 0; i < n; ++i) {
                           std::copy(b->ct.begin(), b->ct.end(), b->work.begin());
                           poly(kKey, kNonce, b->work.data(), b->work.size(), kAad, sizeof kAad, tag, chacha, 0);
                           for (int j = 0; j < 16; ++j) diff |= static_cast<unsigned>(tag[j] ^ b->tag[j]);
                         }
                         return diff == 0;
                       }});
  }
}

BARETLS_BENCH_REGISTER("chacha20-poly1305", "bearssl", [](std::vector<Case>& out) {
  add_path(out, "sse2+ctmulq", br_chacha20_sse2_get());
  add_path(out, "ct+ctmulq", &br_chacha20_ct_run);
});

BARETLS_BENCH_REGISTER("x25519", "bearssl", [](std::vector<Case>& out) {
  const br_ec_impl* ec = &br_ec_c25519_m31;
  auto peer = std::make_shared<std::vector<unsigned char>>(32);
  const unsigned char peer_priv[32] = {0x45, 1, 2, 3, 4, 5, 6, 7, 8};
  static constexpr unsigned char kMine[32] = {9, 8, 7, 6, 5};
  auto expected = std::make_shared<std::vector<unsigned char>>();
  if (ec->mulgen(peer->data(), peer_priv, sizeof peer_priv, BR_EC_curve25519) != 32) {
    out.push_back(failed_setup("ecdhx25519", "derive", "bearssl"));
    return;
  }
  *expected = *peer;
  if (ec->mul(expected->data(), expected->size(), kMine, sizeof kMine, BR_EC_curve25519) != 1) {
    out.push_back(failed_setup("ecdhx25519", "derive", "bearssl"));
    return;
  }
  out.push_back(Case{"ecdhx25519", "derive", "bearssl", "c25519_m31", 0, Unit::operations_per_second, 0,
                     [ec, peer, expected](std::size_t n) {
                       unsigned char g[32] = {};
                       bool ok = true;
                       for (std::size_t i = 0; i < n; ++i) {
                         std::copy(peer->begin(), peer->end(), g);
                         ok &= ec->mul(g, sizeof g, kMine, sizeof kMine, BR_EC_curve25519) == 1;
                         do_not_optimize(g);
                       }
                       return ok && std::equal(g, g + 32, expected->begin());
                     }});
  out.push_back(Case{"ecdhx25519", "keygen+derive", "bearssl", "c25519_m31", 0, Unit::operations_per_second, 0,
                     [ec, peer](std::size_t n) {
                       br_hmac_drbg_context rng;
                       br_hmac_drbg_init(&rng, &br_sha256_vtable, "bench", 5);
                       bool ok = true;
                       for (std::size_t i = 0; i < n; ++i) {
                         unsigned char k[32], pub[32], g[32];
                         br_hmac_drbg_generate(&rng, k, sizeof k);
                         ok &= ec->mulgen(pub, k, sizeof k, BR_EC_curve25519) == 32;
                         std::copy(peer->begin(), peer->end(), g);
                         ok &= ec->mul(g, sizeof g, k, sizeof k, BR_EC_curve25519) == 1;
                         do_not_optimize(g);
                         do_not_optimize(pub);
                       }
                       return ok;
                     }});
});

}  // namespace
}  // namespace baretls::bench
