// SPDX-License-Identifier: MIT
// wolfSSL (wolfCrypt 5.5.4 as packaged by Debian: sp-math-all with x86_64
// asm, FP_ECC, ECC_TIMING_RESISTANT, no SP ECC code) P-256/P-384 cases:
// ECDH = wc_ecc_make_key_ex + wc_ecc_shared_secret, ECDSA =
// wc_ecc_sign_hash (random k from a WC_RNG) / wc_ecc_verify_hash.
// FP_ECC keeps a small per-thread cache of precomputed tables for points it
// sees repeatedly; with one fixed peer point it would time a cached table,
// about 4x faster than for a point seen once (as in ECDHE, whose peer point
// is fresh each handshake). So ECDH and verify cycle through kPool keys,
// more than the cache holds; the generator's table stays cached, as in use.
// Names as `openssl speed` has them ("ecdhp256" "keygen+derive", "ecdsap256");
// a failed timed call fails the case, a failed setup stops the program.
#include <wolfssl/options.h>  // must come first: the build's configuration
#include <wolfssl/wolfcrypt/ecc.h>
#include <wolfssl/wolfcrypt/random.h>
#include <wolfssl/wolfcrypt/wc_port.h>
#include <wolfssl/version.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

#include "bench/harness.h"

namespace baretls::bench {
namespace {

BARETLS_BENCH_LIBRARY("wolfSSL " LIBWOLFSSL_VERSION_STRING);

// Setup failures stop the program loudly.
[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "peer_wolfssl_ec: %s failed\n", what);
  std::abort();
}

// One WC_RNG (Hash DRBG seeded from the OS) shared by a family's cases.
struct Rng {
  WC_RNG rng;
  bool ok = false;
  Rng() {
    static const bool initialised = wolfCrypt_Init() == 0;
    ok = initialised && wc_InitRng(&rng) == 0;
  }
  Rng(const Rng&) = delete;
  Rng& operator=(const Rng&) = delete;
  ~Rng() {
    if (ok) wc_FreeRng(&rng);
  }
};

// A generated key pair of curve `curve_id`.
struct Key {
  ecc_key key;
  Key() {
    if (wc_ecc_init(&key) != 0) fail("wc_ecc_init");
  }
  Key(const Key&) = delete;
  Key& operator=(const Key&) = delete;
  ~Key() { wc_ecc_free(&key); }
  void generate(Rng& r, int size, int curve_id) {
    if (!r.ok || wc_ecc_make_key_ex(&r.rng, size, &key, curve_id) != 0) fail("wc_ecc_make_key_ex");
  }
};

// More distinct keys than FP_ECC's cache has entries (FP_ENTRIES, 16 by
// default).
constexpr std::size_t kPool = 64;

struct Pool {
  Key keys[kPool];
  Pool(Rng& r, int size, int curve_id) {
    for (auto& k : keys) k.generate(r, size, curve_id);
  }
};

void add_ecdh(std::vector<Case>& out, const char* name, int size, int curve_id) {
  auto rng = std::make_shared<Rng>();
  auto peers = std::make_shared<Pool>(*rng, size, curve_id);
  out.push_back(Case{name, "keygen+derive", "wolfssl", "sp_int", 0, Unit::operations_per_second, 0,
                     [rng, peers, size, curve_id](std::size_t n) {
                       byte z[MAX_ECC_BYTES];
                       bool all_ok = true;
                       for (std::size_t i = 0; i < n; ++i) {
                         ecc_key mine;
                         if (wc_ecc_init(&mine) != 0) {
                           all_ok = false;
                           continue;
                         }
                         word32 len = sizeof z;
                         // ECC_TIMING_RESISTANT: the private key needs an RNG
                         // for the blinded scalar multiplication.
                         const bool ok = wc_ecc_make_key_ex(&rng->rng, size, &mine, curve_id) == 0 &&
                                         wc_ecc_set_rng(&mine, &rng->rng) == 0 &&
                                         wc_ecc_shared_secret(&mine, &peers->keys[i % kPool].key, z, &len) == 0;
                         wc_ecc_free(&mine);
                         all_ok &= ok;
                         do_not_optimize(z);
                       }
                       return all_ok;
                     }});
}

// A signature over the all-0xa5 digest by each key of a pool.
struct Signed {
  Pool pool;
  std::vector<byte> digest;
  std::vector<byte> sigs[kPool];  // DER ECDSA-Sig-Value
  Signed(Rng& r, int size, int curve_id)
      : pool(r, size, curve_id), digest(static_cast<std::size_t>(size), 0xa5) {
    for (std::size_t i = 0; i < kPool; ++i) {
      sigs[i].resize(ECC_MAX_SIG_SIZE);
      word32 len = static_cast<word32>(sigs[i].size());
      if (wc_ecc_sign_hash(digest.data(), static_cast<word32>(digest.size()), sigs[i].data(), &len, &r.rng,
                           &pool.keys[i].key) != 0) {
        fail("wc_ecc_sign_hash");
      }
      sigs[i].resize(len);
    }
  }
};

void add_ecdsa(std::vector<Case>& out, const char* name, int size, int curve_id) {
  auto rng = std::make_shared<Rng>();
  auto key = std::make_shared<Key>();
  key->generate(*rng, size, curve_id);
  auto digest = std::make_shared<std::vector<byte>>(static_cast<std::size_t>(size), 0xa5);
  out.push_back(Case{name, "sign", "wolfssl", "sp_int", 0, Unit::operations_per_second, 0,
                     [rng, key, digest](std::size_t n) {
                       byte s[ECC_MAX_SIG_SIZE];
                       bool ok = true;
                       for (std::size_t i = 0; i < n; ++i) {
                         (*digest)[0] = static_cast<byte>(i);
                         word32 len = sizeof s;
                         ok &= wc_ecc_sign_hash(digest->data(), static_cast<word32>(digest->size()), s, &len,
                                                &rng->rng, &key->key) == 0;
                         do_not_optimize(s);
                       }
                       return ok;
                     }});
  auto signed_set = std::make_shared<Signed>(*rng, size, curve_id);
  out.push_back(Case{name, "verify", "wolfssl", "sp_int", 0, Unit::operations_per_second, 0,
                     [signed_set](std::size_t n) {
                       const auto& d = signed_set->digest;
                       bool ok = true;
                       for (std::size_t i = 0; i < n; ++i) {
                         const auto& sig = signed_set->sigs[i % kPool];
                         int valid = 0;
                         ok &= wc_ecc_verify_hash(sig.data(), static_cast<word32>(sig.size()), d.data(),
                                                  static_cast<word32>(d.size()), &valid,
                                                  &signed_set->pool.keys[i % kPool].key) == 0 &&
                               valid == 1;
                       }
                       return ok;
                     }});
}

BARETLS_BENCH_REGISTER("p256", "wolfssl", [](std::vector<Case>& out) { add_ecdh(out, "ecdhp256", 32, ECC_SECP256R1); });
BARETLS_BENCH_REGISTER("p384", "wolfssl", [](std::vector<Case>& out) { add_ecdh(out, "ecdhp384", 48, ECC_SECP384R1); });
BARETLS_BENCH_REGISTER("ecdsa-p256", "wolfssl", [](std::vector<Case>& out) {
  add_ecdsa(out, "ecdsap256", 32, ECC_SECP256R1);
});
BARETLS_BENCH_REGISTER("ecdsa-p384", "wolfssl", [](std::vector<Case>& out) {
  add_ecdsa(out, "ecdsap384", 48, ECC_SECP384R1);
});

}  // namespace
}  // namespace baretls::bench
