// SPDX-License-Identifier: MIT
// BearSSL (0.6 as packaged: no m62/m64 code) P-256/P-384 cases: br_ec_p256_m31
// for P-256 and br_ec_all_m31 (prime_i31) for P-384; ECDH = br_ec_keygen +
// compute_pub + mul, ECDSA = br_ecdsa_i31_sign_raw / vrfy_raw.
#include <bearssl.h>

#include <memory>
#include <vector>

#include "bench/harness.h"

namespace baretls::bench {
namespace {

struct Rng {
  br_hmac_drbg_context drbg;
  Rng() {
    const unsigned char seed[32] = {7};
    br_hmac_drbg_init(&drbg, &br_sha256_vtable, seed, sizeof seed);
  }
};

struct Key {
  unsigned char priv[BR_EC_KBUF_PRIV_MAX_SIZE];
  unsigned char pub[BR_EC_KBUF_PUB_MAX_SIZE];
  br_ec_private_key sk;
  br_ec_public_key pk;
};

std::shared_ptr<Key> make_key(const br_ec_impl* impl, int curve, Rng& rng) {
  auto k = std::make_shared<Key>();
  br_ec_keygen(&rng.drbg.vtable, impl, &k->sk, k->priv, curve);
  br_ec_compute_pub(impl, &k->pk, k->pub, &k->sk);
  return k;
}

void add_ecdh(std::vector<Case>& out, const char* name, const br_ec_impl* impl, int curve) {
  auto rng = std::make_shared<Rng>();
  auto peer = make_key(impl, curve, *rng);
  out.push_back(Case{name, "ecdh", "bearssl", "m31", 0, Unit::operations_per_second, 0,
                     [impl, curve, rng, peer](std::size_t n) {
                       for (std::size_t i = 0; i < n; ++i) {
                         Key mine;
                         br_ec_keygen(&rng->drbg.vtable, impl, &mine.sk, mine.priv, curve);
                         br_ec_compute_pub(impl, &mine.pk, mine.pub, &mine.sk);
                         unsigned char g[BR_EC_KBUF_PUB_MAX_SIZE];
                         for (std::size_t j = 0; j < peer->pk.qlen; ++j) g[j] = peer->pk.q[j];
                         impl->mul(g, peer->pk.qlen, mine.sk.x, mine.sk.xlen, curve);
                         do_not_optimize(g);
                       }
                     }});
}

void add_ecdsa(std::vector<Case>& out, const char* name, const br_ec_impl* impl, int curve,
               const br_hash_class* hf, std::size_t digest_len) {
  auto rng = std::make_shared<Rng>();
  auto key = make_key(impl, curve, *rng);
  auto digest = std::make_shared<std::vector<unsigned char>>(digest_len, 0xa5);
  auto sig = std::make_shared<std::vector<unsigned char>>(132);
  sig->resize(br_ecdsa_i31_sign_raw(impl, hf, digest->data(), &key->sk, sig->data()));
  out.push_back(Case{name, "sign", "bearssl", "i31", 0, Unit::operations_per_second, 0, [impl, hf, key, digest](std::size_t n) {
                       unsigned char s[132];
                       for (std::size_t i = 0; i < n; ++i) {
                         (*digest)[0] = static_cast<unsigned char>(i);
                         br_ecdsa_i31_sign_raw(impl, hf, digest->data(), &key->sk, s);
                         do_not_optimize(s);
                       }
                     }});
  auto fixed_digest = std::make_shared<std::vector<unsigned char>>(*digest);
  out.push_back(Case{name, "verify", "bearssl", "i31", 0, Unit::operations_per_second, 0,
                     [impl, key, fixed_digest, sig](std::size_t n) {
                       for (std::size_t i = 0; i < n; ++i) {
                         if (br_ecdsa_i31_vrfy_raw(impl, fixed_digest->data(), fixed_digest->size(), &key->pk,
                                                   sig->data(), sig->size()) != 1) {
                           break;
                         }
                       }
                     }});
}

BARETLS_BENCH_REGISTER("p256", "bearssl", [](std::vector<Case>& out) { add_ecdh(out, "p256", &br_ec_p256_m31, BR_EC_secp256r1); });
BARETLS_BENCH_REGISTER("p384", "bearssl", [](std::vector<Case>& out) { add_ecdh(out, "p384", &br_ec_all_m31, BR_EC_secp384r1); });
BARETLS_BENCH_REGISTER("ecdsa-p256", "bearssl", [](std::vector<Case>& out) {
  add_ecdsa(out, "ecdsa-p256", &br_ec_p256_m31, BR_EC_secp256r1, &br_sha256_vtable, 32);
});
BARETLS_BENCH_REGISTER("ecdsa-p384", "bearssl", [](std::vector<Case>& out) {
  add_ecdsa(out, "ecdsa-p384", &br_ec_all_m31, BR_EC_secp384r1, &br_sha384_vtable, 48);
});

}  // namespace
}  // namespace baretls::bench
