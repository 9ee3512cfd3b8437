// SPDX-License-Identifier: MIT
// BearSSL (0.6 as packaged: no m62/m64 code) P-256/P-384 cases: br_ec_p256_m31
// for P-256 and br_ec_all_m31 (prime_i31) for P-384, named as `openssl
// speed` names them. ECDH "derive" = impl->mul with a fixed private key and
// peer (the point is copied first: mul works in place), "keygen+derive" =
// br_ec_keygen + compute_pub + mul; ECDSA = br_ecdsa_i31_sign_raw / vrfy_raw.
// Every call must succeed and every verification accept; the last shared
// secret of a "derive" batch must be the expected one.
#include <bearssl.h>

#include <algorithm>
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

// A fresh key pair; false when BearSSL refuses.
bool generate(Key& k, const br_ec_impl* impl, int curve, Rng& rng) {
  return br_ec_keygen(&rng.drbg.vtable, impl, &k.sk, k.priv, curve) != 0 &&
         br_ec_compute_pub(impl, &k.pk, k.pub, &k.sk) != 0;
}

std::shared_ptr<Key> make_key(const br_ec_impl* impl, int curve, Rng& rng) {
  auto k = std::make_shared<Key>();
  return generate(*k, impl, curve, rng) ? k : nullptr;
}

// x(d * peer) into out (the whole encoded point: mul works in place); false on error.
bool multiply(const br_ec_impl* impl, int curve, const Key& peer, const br_ec_private_key& d, unsigned char* out) {
  std::copy(peer.pk.q, peer.pk.q + peer.pk.qlen, out);
  return impl->mul(out, peer.pk.qlen, d.x, d.xlen, curve) == 1;
}

void add_ecdh(std::vector<Case>& out, const char* name, const br_ec_impl* impl, int curve) {
  auto rng = std::make_shared<Rng>();
  auto peer = make_key(impl, curve, *rng);
  auto mine = make_key(impl, curve, *rng);
  auto expected = std::make_shared<std::vector<unsigned char>>(BR_EC_KBUF_PUB_MAX_SIZE);
  if (!peer || !mine || !multiply(impl, curve, *peer, mine->sk, expected->data())) {
    out.push_back(failed_setup(name, "derive", "bearssl"));
    return;
  }
  out.push_back(Case{name, "derive", "bearssl", "m31", 0, Unit::operations_per_second, 0,
                     [impl, curve, peer, mine, expected](std::size_t n) {
                       unsigned char g[BR_EC_KBUF_PUB_MAX_SIZE] = {};
                       bool ok = true;
                       for (std::size_t i = 0; i < n; ++i) {
                         ok &= multiply(impl, curve, *peer, mine->sk, g);
                         do_not_optimize(g);
                       }
                       return ok && std::equal(g, g + peer->pk.qlen, expected->begin());
                     }});
  out.push_back(Case{name, "keygen+derive", "bearssl", "m31", 0, Unit::operations_per_second, 0,
                     [impl, curve, rng, peer](std::size_t n) {
                       bool ok = true;
                       for (std::size_t i = 0; i < n; ++i) {
                         Key fresh;
                         unsigned char g[BR_EC_KBUF_PUB_MAX_SIZE];
                         ok &= generate(fresh, impl, curve, *rng);
                         ok &= multiply(impl, curve, *peer, fresh.sk, g);
                         do_not_optimize(g);
                       }
                       return ok;
                     }});
}

void add_ecdsa(std::vector<Case>& out, const char* name, const br_ec_impl* impl, int curve,
               const br_hash_class* hf, std::size_t digest_len) {
  auto rng = std::make_shared<Rng>();
  auto key = make_key(impl, curve, *rng);
  auto digest = std::make_shared<std::vector<unsigned char>>(digest_len, 0xa5);
  auto sig = std::make_shared<std::vector<unsigned char>>(132);
  sig->resize(key ? br_ecdsa_i31_sign_raw(impl, hf, digest->data(), &key->sk, sig->data()) : 0);
  if (sig->empty()) {
    out.push_back(failed_setup(name, "sign", "bearssl"));
    return;
  }
  out.push_back(Case{name, "sign", "bearssl", "i31", 0, Unit::operations_per_second, 0, [impl, hf, key, digest](std::size_t n) {
                       unsigned char s[132];
                       std::vector<unsigned char> dg(*digest);
                       bool ok = true;
                       for (std::size_t i = 0; i < n; ++i) {
                         dg[0] = static_cast<unsigned char>(i);
                         ok &= br_ecdsa_i31_sign_raw(impl, hf, dg.data(), &key->sk, s) != 0;
                         do_not_optimize(s);
                       }
                       return ok;
                     }});
  out.push_back(Case{name, "verify", "bearssl", "i31", 0, Unit::operations_per_second, 0,
                     [impl, key, digest, sig](std::size_t n) {
                       bool ok = true;
                       for (std::size_t i = 0; i < n; ++i)
                         ok &= br_ecdsa_i31_vrfy_raw(impl, digest->data(), digest->size(), &key->pk, sig->data(),
                                                     sig->size()) == 1;
                       return ok;
                     }});
}

BARETLS_BENCH_REGISTER("p256", "bearssl", [](std::vector<Case>& out) { add_ecdh(out, "ecdhp256", &br_ec_p256_m31, BR_EC_secp256r1); });
BARETLS_BENCH_REGISTER("p384", "bearssl", [](std::vector<Case>& out) { add_ecdh(out, "ecdhp384", &br_ec_all_m31, BR_EC_secp384r1); });
BARETLS_BENCH_REGISTER("ecdsa-p256", "bearssl", [](std::vector<Case>& out) {
  add_ecdsa(out, "ecdsap256", &br_ec_p256_m31, BR_EC_secp256r1, &br_sha256_vtable, 32);
});
BARETLS_BENCH_REGISTER("ecdsa-p384", "bearssl", [](std::vector<Case>& out) {
  add_ecdsa(out, "ecdsap384", &br_ec_all_m31, BR_EC_secp384r1, &br_sha384_vtable, 48);
});

}  // namespace
}  // namespace baretls::bench
