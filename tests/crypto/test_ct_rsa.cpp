// SPDX-License-Identifier: MIT
// Constant-time check (ctgrind style) for the RSA private operation and the
// Montgomery exponentiation under it. Secret (undefined for Valgrind
// memcheck): the Montgomery constants of the secret moduli p and q (m, R^2,
// -m^-1), the CRT exponents dP, dQ and qInv, and the exponent and base of
// MontContext::exp. Public: n, e, the ciphertext or digest (the limb counts and
// kernel choice are public by contract, so they stay defined).
// The poisoning is applied to a key that was already validated: the set-up
// checks of from_components/MontContext::init (p*q == n, p odd, dP < p, ...)
// are public key-validity decisions. The key's reused blinding pair
// (detail::RsaBlinding) is secret too: the first signature below draws it
// fresh from the poisoned key, and it is poisoned before the operations that
// take it (the counter of its uses stays defined: it is public). One public decision from a secret-derived
// value remains inside the private operation, the fault check "y^e == c"
// (crypto/rsa.cpp, `if (!good.to_bool())`); tests/crypto/ct.supp suppresses
// exactly that source line, nothing else. Paths: portable and BMI2+ADX (the
// AVX-512 IFMA kernel is skipped: Valgrind does not emulate AVX-512).
#include <doctest/doctest.h>

#include <cstring>

#include "baretls/crypto/bigint.h"
#include "baretls/crypto/mont.h"
#include "baretls/crypto/rsa.h"
#include "crypto/rsa_impl.h"
#include "tests/crypto/ct_poison.h"
#include "tests/crypto/rsa_test_util.h"
#include "tests/support/vector_file.h"

using namespace baretls;
using namespace baretls::test;
using crypto::Limb;
using crypto::MontContext;
using crypto::RsaPrivateKey;
using crypto::RsaPublicKey;

namespace {

// Layout checks for poisoning private members by address (declaration order:
// m_, r2_, m0inv_, n_, kernel_; and pub_, p_, q_, dp_, dq_, qinv_).
constexpr std::size_t kMontMemberBytes =
    (2 * crypto::kMaxLimbs + 1) * sizeof(Limb) + sizeof(std::size_t) + sizeof(void*);
static_assert(sizeof(MontContext) ==
              (kMontMemberBytes + alignof(MontContext) - 1) / alignof(MontContext) * alignof(MontContext));
static_assert(sizeof(RsaPrivateKey) == sizeof(RsaPublicKey) + 2 * sizeof(MontContext) +
                                         3 * RsaPrivateKey::kMaxPrimeLimbs * sizeof(Limb) +
                                         sizeof(crypto::detail::RsaBlinding));
constexpr std::size_t kMontSecretBytes = (2 * crypto::kMaxLimbs + 1) * sizeof(Limb);  // m_, r2_, m0inv_

void poison_mont(MontContext& c, bool poison) {
  auto* p = reinterpret_cast<unsigned char*>(&c);
  if (poison)
    CT_POISON(p, kMontSecretBytes);
  else
    CT_UNPOISON(p, kMontSecretBytes);
}

void poison_key(RsaPrivateKey& key, bool poison) {
  auto* base = reinterpret_cast<unsigned char*>(&key);
  REQUIRE(static_cast<const void*>(&key.public_key()) == static_cast<const void*>(base));
  auto* p = reinterpret_cast<MontContext*>(base + sizeof(RsaPublicKey));
  poison_mont(p[0], poison);
  poison_mont(p[1], poison);
  unsigned char* crt = base + sizeof(RsaPublicKey) + 2 * sizeof(MontContext);
  const std::size_t crt_bytes = 3 * RsaPrivateKey::kMaxPrimeLimbs * sizeof(Limb);
  if (poison)
    CT_POISON(crt, crt_bytes);
  else
    CT_UNPOISON(crt, crt_bytes);
}

std::vector<VectorRecord> keys() {
  auto recs = load_vector_file(vector_path("rsa/keys-openssl.txt")).records;
  REQUIRE(recs.size() == 3);
  return recs;
}

RsaPrivateKey make_key(const VectorRecord& r) {
  auto k = RsaPrivateKey::from_components(r.bytes("n"), r.bytes("e"), r.bytes("d"), r.bytes("p"), r.bytes("q"),
                                          r.bytes("dp"), r.bytes("dq"), r.bytes("qinv"));
  REQUIRE(k.ok());
  return *k;
}

}  // namespace

TEST_CASE("MontContext::exp does not branch or index on a secret modulus, base or exponent") {
  const auto rec = keys()[0];
  std::size_t runs = 0;
  const auto paths = ct_paths();  // portable first, then what this CPU has
  for (const auto& path : paths) {
    ScopedCpuMask mask(path.mask);
    const Bytes pb = rec.bytes("p"), eb = rec.bytes("dp"), ab = rec.bytes("q");
    const std::size_t n = crypto::limbs_for_bytes(pb.size());
    std::array<Limb, crypto::kMaxLimbs> m{}, e{}, a{}, a_m{}, ref{}, r{}, a2_m{}, r2{};
    REQUIRE(crypto::bigint::from_bytes_be(std::span<Limb>(m).first(n), pb));
    REQUIRE(crypto::bigint::from_bytes_be(std::span<Limb>(e).first(n), eb));
    MontContext c;
    REQUIRE(c.init(std::span<const Limb>(m).first(n), MontContext::Secrecy::secret_modulus) == crypto::Error::ok);
    REQUIRE(crypto::bigint::from_bytes_be(std::span<Limb>(a).first(n), ab));
    c.reduce_to_mont(a_m.data(), std::span<const Limb>(a).first(n));  // q mod p, Montgomery form
    c.exp_vartime(ref.data(), a_m.data(), std::span<const Limb>(e).first(n));

    poison_mont(c, true);
    CT_POISON(e.data(), sizeof e);
    CT_POISON(a.data(), sizeof a);
    c.reduce_to_mont(a2_m.data(), std::span<const Limb>(a).first(n));
    c.exp(r.data(), a2_m.data(), std::span<const Limb>(e).first(n));
    MontContext::exp_pair(c, r2.data(), a2_m.data(), std::span<const Limb>(e).first(n), c, a2_m.data(),
                          a2_m.data(), std::span<const Limb>(e).first(n));
    poison_mont(c, false);
    CT_UNPOISON(e.data(), sizeof e);
    CT_UNPOISON(a.data(), sizeof a);
    CT_UNPOISON(r.data(), sizeof r);
    CT_UNPOISON(r2.data(), sizeof r2);
    CT_UNPOISON(a2_m.data(), sizeof a2_m);
    CHECK(std::equal(r.begin(), r.begin() + static_cast<std::ptrdiff_t>(n), ref.begin()));
    CHECK(std::equal(r2.begin(), r2.begin() + static_cast<std::ptrdiff_t>(n), ref.begin()));
    CHECK(std::equal(a2_m.begin(), a2_m.begin() + static_cast<std::ptrdiff_t>(n), ref.begin()));
    MESSAGE("ct run [" << path.name << "/" << c.implementation() << "] exp, exp_pair, " << n * 64 << "-bit modulus");
    ++runs;
  }
  CHECK(runs == 1 * paths.size());
}

TEST_CASE("RSA signing and TLS premaster decryption do not branch or index on the private key") {
  const auto recs = keys();
  std::size_t runs = 0;
  const auto paths = ct_paths();  // portable first, then what this CPU has
  for (const auto& path : paths) {
    ScopedCpuMask mask(path.mask);
    for (std::size_t ki : {std::size_t{0}, std::size_t{1}, std::size_t{2}}) {  // 2048, 3072, 4096 bits
      RsaPrivateKey key = make_key(recs[ki]);
      const RsaPublicKey& pub = key.public_key();
      const std::size_t k = pub.modulus_size();
      SeededRandom rng(51 + ki);
      Bytes digest(32);
      for (auto& x : digest) x = static_cast<std::uint8_t>(rng.gen());
      Bytes sig_ref(k), sig(k), pss(k);
      const RsaPrivateKey ref_key = key;  // signs the reference; key keeps no blinding pair
      REQUIRE(crypto::rsa_pkcs1_sign(ref_key, crypto::HashId::sha256, digest, rng.source(), sig_ref) ==
              crypto::Error::ok);
      // A valid premaster ciphertext and an invalid one (wrong version).
      Bytes pms(48);
      for (auto& x : pms) x = static_cast<std::uint8_t>(rng.gen());
      pms[0] = 0x03;
      pms[1] = 0x03;
      Bytes good_ct(k), bad_ct(k);
      REQUIRE(crypto::rsa_pkcs1_encrypt(pub, pms, rng.source(), good_ct) == crypto::Error::ok);
      pms[1] = 0x01;
      REQUIRE(crypto::rsa_pkcs1_encrypt(pub, pms, rng.source(), bad_ct) == crypto::Error::ok);
      pms[1] = 0x03;

      poison_key(key, true);
      REQUIRE(crypto::detail::RsaAccess::blinding_uses_left(key) == 0);
      crypto::Error sign_result = crypto::rsa_pkcs1_sign(key, crypto::HashId::sha256, digest, rng.source(), sig);
      const auto pair = crypto::detail::RsaAccess::blinding_pair(key);  // drawn by the fresh path above
      for (auto half : pair) CT_POISON(half.data(), half.size_bytes());
      crypto::Error pss_result = crypto::rsa_pss_sign(key, crypto::HashId::sha256, digest, rng.source(), pss);
      std::uint8_t out_good[48], out_bad[48];
      crypto::Error dec_good = crypto::rsa_tls_decrypt_premaster(key, good_ct, 0x0303, rng.source(), out_good);
      crypto::Error dec_bad = crypto::rsa_tls_decrypt_premaster(key, bad_ct, 0x0303, rng.source(), out_bad);
      poison_key(key, false);
      for (auto half : pair) CT_UNPOISON(half.data(), half.size_bytes());
      CHECK(crypto::detail::RsaAccess::blinding_uses_left(key) == crypto::detail::RsaBlinding::kUses - 4);
      CT_UNPOISON(sig.data(), sig.size());  // signatures are published
      CT_UNPOISON(pss.data(), pss.size());
      CT_UNPOISON(out_good, sizeof out_good);  // secret pms: defined only to check it here
      CT_UNPOISON(out_bad, sizeof out_bad);
      CT_UNPOISON(&sign_result, sizeof sign_result);
      CT_UNPOISON(&pss_result, sizeof pss_result);
      CT_UNPOISON(&dec_good, sizeof dec_good);
      CT_UNPOISON(&dec_bad, sizeof dec_bad);
      CHECK(sign_result == crypto::Error::ok);
      CHECK(pss_result == crypto::Error::ok);
      CHECK(dec_good == crypto::Error::ok);
      CHECK(dec_bad == crypto::Error::ok);
      CHECK(sig == sig_ref);
      CHECK(crypto::rsa_pss_verify(pub, crypto::HashId::sha256, digest, pss) == crypto::Error::ok);
      CHECK(std::equal(out_good, out_good + 48, pms.begin()));
      CHECK(!std::equal(out_bad, out_bad + 48, pms.begin()));  // implicit rejection: random R
      MESSAGE("ct run [" << path.name << "/" << key.implementation() << "] RSA-" << pub.bits()
                         << " pkcs1 sign (fresh blinding), pss sign and premaster decrypt, valid and rejected"
                         << " (reused blinding)");
      ++runs;
    }
  }
  CHECK(runs == 3 * paths.size());
}
