// SPDX-License-Identifier: MIT
// RSA round trips with openssl-made keys (vectors/rsa/keys-openssl.txt:
// 2048/3072/4096 bits), interop with openssl's signatures and ciphertexts,
// negative cases with their distinct errors, the fault check, and the TLS
// pre-master decryption with implicit rejection on every malformed padding.
#include <doctest/doctest.h>

#include <set>
#include <thread>

#include "baretls/build_config.h"

#include "baretls/crypto/rsa.h"
#include "crypto/rsa_impl.h"
#include "tests/crypto/rsa_test_util.h"
#include "tests/support/cpu_paths.h"

using namespace baretls;
using namespace baretls::crypto;
using namespace baretls::test;

namespace {

struct Fixture {
  std::size_t bits;
  VectorRecord rec;
  RsaPrivateKey key() const {
    auto k = RsaPrivateKey::from_components(rec.bytes("n"), rec.bytes("e"), rec.bytes("d"), rec.bytes("p"),
                                            rec.bytes("q"), rec.bytes("dp"), rec.bytes("dq"), rec.bytes("qinv"));
    REQUIRE(k.ok());
    return *k;
  }
};

std::vector<Fixture> fixtures() {
  std::vector<Fixture> out;
  for (const auto& rec : load_vector_file(vector_path("rsa/keys-openssl.txt")).records)
    out.push_back({std::stoul(rec.section_value("mod")), rec});
  REQUIRE(out.size() == 3);
  return out;
}

constexpr HashId kHashes[] = {HashId::sha256, HashId::sha384, HashId::sha512};

const auto kKernelPaths = [] {
  return cpu_paths({{"bmi2-adx", static_cast<std::uint32_t>(CpuFeature::bmi2) |
                                     static_cast<std::uint32_t>(CpuFeature::adx)}});
};

// The RSA public operation on a block we build ourselves (for malformed
// TLS paddings).
Bytes encrypt_raw(const RsaPublicKey& pub, const Bytes& em) {
  Bytes c(em.size());
  REQUIRE(detail::rsa_public_op(pub, em, c) == Error::ok);
  return c;
}

// A well-formed TLS pre-master block: 00 02 PS 00 version(2) random(46).
Bytes tls_block(std::size_t k, std::uint16_t version, std::mt19937_64& g) {
  Bytes em(k);
  em[0] = 0x00;
  em[1] = 0x02;
  for (std::size_t i = 2; i < k - 49; ++i) em[i] = static_cast<std::uint8_t>(1 + g() % 255);
  em[k - 49] = 0x00;
  em[k - 48] = static_cast<std::uint8_t>(version >> 8);
  em[k - 47] = static_cast<std::uint8_t>(version);
  for (std::size_t i = k - 46; i < k; ++i) em[i] = static_cast<std::uint8_t>(g());
  return em;
}

}  // namespace

TEST_CASE("RSA openssl fixtures: interop and round trips at 2048/3072/4096 on every path") {
  SeededRandom rng(2026);
  int checked = 0;
  for (const auto& path : kKernelPaths()) {
    ScopedCpuMask mask(path.mask);
    for (const auto& f : fixtures()) {
      CAPTURE(f.bits);
      const RsaPrivateKey key = f.key();
      const RsaPublicKey& pub = key.public_key();
      CHECK(pub.bits() == f.bits);
      CHECK(pub.modulus_size() == f.bits / 8);
      const std::size_t k = pub.modulus_size();
      const Bytes msg = f.rec.bytes("Msg");
      const Bytes d256 = digest_of(HashId::sha256, msg);
      // openssl's signatures verify; PKCS#1 v1.5 is deterministic, so ours
      // must equal openssl's byte for byte.
      CHECK(rsa_pkcs1_verify(pub, HashId::sha256, d256, f.rec.bytes("SigPkcs1Sha256")) == Error::ok);
      CHECK(rsa_pss_verify(pub, HashId::sha256, d256, f.rec.bytes("SigPssSha256")) == Error::ok);
      Bytes sig(k);
      REQUIRE(rsa_pkcs1_sign(key, HashId::sha256, d256, rng.source(), sig) == Error::ok);
      CHECK(sig == f.rec.bytes("SigPkcs1Sha256"));
      // openssl's ciphertext of a TLS pre-master secret.
      std::array<std::uint8_t, 48> pms{};
      REQUIRE(rsa_tls_decrypt_premaster(key, f.rec.bytes("CtPms"), 0x0303, rng.source(), pms) == Error::ok);
      CHECK(to_hex(pms) == to_hex(f.rec.bytes("Pms")));
      // Round trips with every hash.
      for (HashId h : kHashes) {
        const Bytes d = digest_of(h, msg);
        REQUIRE(rsa_pkcs1_sign(key, h, d, rng.source(), sig) == Error::ok);
        CHECK(rsa_pkcs1_verify(pub, h, d, sig) == Error::ok);
        REQUIRE(rsa_pss_sign(key, h, d, rng.source(), sig) == Error::ok);
        CHECK(rsa_pss_verify(pub, h, d, sig) == Error::ok);
        CHECK(rsa_pss_verify(pub, h, d, sig, digest_size(h)) == Error::ok);
        CHECK(rsa_pss_verify(pub, h, d, sig, 0) == Error::bad_signature);  // wrong salt length
      }
      // Encrypt then decrypt a pre-master secret.
      Bytes secret(48);
      SeededRandom::fill(&rng, secret);
      secret[0] = 0x03;
      secret[1] = 0x03;
      Bytes ct(k);
      REQUIRE(rsa_pkcs1_encrypt(pub, secret, rng.source(), ct) == Error::ok);
      REQUIRE(rsa_tls_decrypt_premaster(key, ct, 0x0303, rng.source(), pms) == Error::ok);
      CHECK(to_hex(pms) == to_hex(secret));
      ++checked;
    }
  }
  CHECK(checked >= 3);
  MESSAGE("openssl fixtures: " << checked << " key/path combinations checked");
}

TEST_CASE("RSA PSS sign with a given salt is deterministic; other salt lengths verify when told") {
  SeededRandom rng(5);
  const auto f = fixtures()[0];
  const RsaPrivateKey key = f.key();
  const Bytes d = digest_of(HashId::sha384, from_ascii("salted"));
  const std::size_t k = key.public_key().modulus_size();
  for (std::size_t salt_len : {0u, 1u, 20u, 48u, 64u}) {
    Bytes salt(salt_len, 0x5a), s1(k), s2(k);
    REQUIRE(detail::rsa_pss_sign_with_salt(key, HashId::sha384, d, salt, rng.source(), s1) == Error::ok);
    REQUIRE(detail::rsa_pss_sign_with_salt(key, HashId::sha384, d, salt, rng.source(), s2) == Error::ok);
    CHECK(s1 == s2);  // blinding changes nothing in the output
    CHECK(rsa_pss_verify(key.public_key(), HashId::sha384, d, s1, salt_len) == Error::ok);
    CHECK(rsa_pss_verify(key.public_key(), HashId::sha384, d, s1, salt_len + 1) == Error::bad_signature);
  }
}

TEST_CASE("RSA verify: negative cases with distinct errors") {
  SeededRandom rng(9);
  for (const auto& f : fixtures()) {
    CAPTURE(f.bits);
    const RsaPrivateKey key = f.key();
    const RsaPublicKey& pub = key.public_key();
    const std::size_t k = pub.modulus_size();
    const Bytes d = digest_of(HashId::sha256, from_ascii("message"));
    Bytes s15(k), spss(k);
    REQUIRE(rsa_pkcs1_sign(key, HashId::sha256, d, rng.source(), s15) == Error::ok);
    REQUIRE(rsa_pss_sign(key, HashId::sha256, d, rng.source(), spss) == Error::ok);
    for (const auto& item : {std::pair{"pkcs1", s15}, std::pair{"pss", spss}}) {
      const std::string name = item.first;
      const Bytes& sig = item.second;
      CAPTURE(name);
      const bool is_pss = name == "pss";
      const auto verify = [&](HashId h, const Bytes& dg, const Bytes& s) {
        return is_pss ? rsa_pss_verify(pub, h, dg, s) : rsa_pkcs1_verify(pub, h, dg, s);
      };
      CHECK(verify(HashId::sha256, d, sig) == Error::ok);
      // Modified signature: flip one bit in every byte position class.
      for (std::size_t pos : {std::size_t{1}, k / 2, k - 1}) {
        Bytes bad = sig;
        bad[pos] ^= 0x01;
        CHECK(verify(HashId::sha256, d, bad) == Error::bad_signature);
      }
      // Modified digest, wrong hash, digest of the wrong length.
      Bytes d2 = d;
      d2[0] ^= 0x80;
      CHECK(verify(HashId::sha256, d2, sig) == Error::bad_signature);
      CHECK(verify(HashId::sha384, digest_of(HashId::sha384, from_ascii("message")), sig) == Error::bad_signature);
      CHECK(verify(HashId::sha384, d, sig) == Error::bad_length);
      // Short and long signatures.
      CHECK(verify(HashId::sha256, d, Bytes(sig.begin() + 1, sig.end())) == Error::bad_signature_encoding);
      Bytes longer = sig;
      longer.insert(longer.begin(), 0);
      CHECK(verify(HashId::sha256, d, longer) == Error::bad_signature_encoding);
      CHECK(verify(HashId::sha256, d, Bytes{}) == Error::bad_signature_encoding);
      // Signature >= n: n itself and all-ones.
      CHECK(verify(HashId::sha256, d, f.rec.bytes("n")) == Error::signature_out_of_range);
      CHECK(verify(HashId::sha256, d, Bytes(k, 0xff)) == Error::signature_out_of_range);
    }
    // A PKCS#1 v1.5 signature is not a PSS signature and vice versa.
    CHECK(rsa_pss_verify(pub, HashId::sha256, d, s15) == Error::bad_signature);
    CHECK(rsa_pkcs1_verify(pub, HashId::sha256, d, spss) == Error::bad_signature);
    // Output buffer of the wrong size.
    Bytes small(k - 1);
    CHECK(rsa_pkcs1_sign(key, HashId::sha256, d, rng.source(), small) == Error::buffer_too_small);
    CHECK(rsa_pkcs1_sign(key, HashId::sha256, Bytes(31), rng.source(), s15) == Error::bad_length);
  }
}

TEST_CASE("RSA keys: invalid parameters are rejected with distinct errors") {
  const auto f = fixtures()[0];
  const Bytes n = f.rec.bytes("n"), e = f.rec.bytes("e");
  CHECK(RsaPublicKey::from_bytes(n, e).ok());
  CHECK(RsaPublicKey::from_bytes(n, from_hex("01")).error() == Error::bad_public_exponent);      // e = 1
  CHECK(RsaPublicKey::from_bytes(n, from_hex("02")).error() == Error::bad_public_exponent);      // e = 2
  CHECK(RsaPublicKey::from_bytes(n, from_hex("010000")).error() == Error::bad_public_exponent);  // even
  CHECK(RsaPublicKey::from_bytes(n, Bytes{}).error() == Error::bad_public_exponent);             // e = 0
  CHECK(RsaPublicKey::from_bytes(n, n).error() == Error::bad_public_exponent);                   // e = n
  Bytes big_e = n;
  big_e.insert(big_e.begin(), 1);
  CHECK(RsaPublicKey::from_bytes(n, big_e).error() == Error::bad_public_exponent);  // e > n
  // 3 <= e < 2^32: an unbounded e made one verification cost milliseconds.
  CHECK(RsaPublicKey::from_bytes(n, from_hex("03")).ok());
  CHECK(RsaPublicKey::from_bytes(n, from_hex("ffffffff")).ok());                                   // 2^32 - 1
  CHECK(RsaPublicKey::from_bytes(n, from_hex("0000000000ffffffff")).ok());                         // leading zeros
  CHECK(RsaPublicKey::from_bytes(n, from_hex("0100000001")).error() == Error::bad_public_exponent);  // 2^32 + 1
  CHECK(RsaPublicKey::from_bytes(n, from_hex("0100000000")).error() == Error::bad_public_exponent);  // 2^32
  Bytes e_near_n = n;  // the crafted chains' exponent: odd, just below n
  e_near_n.back() = static_cast<std::uint8_t>(e_near_n.back() - 2);
  CHECK(RsaPublicKey::from_bytes(n, e_near_n).error() == Error::bad_public_exponent);
  CHECK(RsaPublicKey::from_bytes(Bytes(1024, 0xff), from_hex("ffffffff")).ok());  // 8192 bits, largest e
  Bytes even = n;
  even.back() &= 0xfe;
  CHECK(RsaPublicKey::from_bytes(even, e).error() == Error::even_modulus);
  // Sizes: 1023 bits too small, 1024 fine, 8192 fine, 8193 too large.
  Bytes n1023(128, 0xff);
  n1023[0] = 0x7f;
  CHECK(RsaPublicKey::from_bytes(n1023, e).error() == Error::key_too_small);
  CHECK(RsaPublicKey::from_bytes(Bytes(128, 0xff), e).ok());
  CHECK(RsaPublicKey::from_bytes(Bytes(1024, 0xff), e).ok());
  Bytes n8193(1025, 0xff);
  n8193[0] = 0x01;
  CHECK(RsaPublicKey::from_bytes(n8193, e).error() == Error::key_too_large);
  CHECK(RsaPublicKey::from_bytes(Bytes(2000, 0xff), e).error() == Error::key_too_large);
  CHECK(RsaPublicKey::from_bytes(Bytes{}, e).error() == Error::key_too_small);
  // Leading zeros are allowed.
  Bytes padded = n;
  padded.insert(padded.begin(), 3, 0);
  CHECK(RsaPublicKey::from_bytes(padded, e)->bits() == 2048);
}

TEST_CASE("RSA private keys: limits and consistency checks") {
  const auto fs = fixtures();
  const auto& r = fs[0].rec;
  const auto make = [&](const Bytes& n, const Bytes& p, const Bytes& q, const Bytes& dp, const Bytes& dq,
                        const Bytes& qinv) {
    return RsaPrivateKey::from_components(n, r.bytes("e"), r.bytes("d"), p, q, dp, dq, qinv).error();
  };
  const Bytes n = r.bytes("n"), p = r.bytes("p"), q = r.bytes("q");
  const Bytes dp = r.bytes("dp"), dq = r.bytes("dq"), qinv = r.bytes("qinv");
  CHECK(make(n, p, q, dp, dq, qinv) == Error::ok);
  Bytes p2 = p;
  p2.back() ^= 0x02;  // still odd, p*q != n
  CHECK(make(n, p2, q, dp, dq, qinv) == Error::invalid_key);
  CHECK(make(n, p, q, p, dq, qinv) == Error::invalid_key);   // dp = p (not below p)
  CHECK(make(n, p, q, dp, q, qinv) == Error::invalid_key);   // dq = q
  CHECK(make(n, p, q, dp, dq, p) == Error::invalid_key);     // qinv = p
  CHECK(make(n, Bytes{}, q, dp, dq, qinv) == Error::invalid_key);
  // 1024-bit keys are public-only; an 8192-bit modulus is too large for private use.
  const auto labs = load_rsa_labs("rsa-labs/pkcs1v15crypt-vectors.txt");
  Bytes n1024;
  for (const auto& [label, v] : labs) {
    if (label == "Modulus") {
      n1024 = v;
      break;
    }
  }
  CHECK(RsaPrivateKey::from_components(n1024, r.bytes("e"), {}, p, q, dp, dq, qinv).error() == Error::key_too_small);
  CHECK(RsaPrivateKey::from_components(Bytes(1024, 0xff), r.bytes("e"), {}, p, q, dp, dq, qinv).error() ==
        Error::key_too_large);
  Bytes n4097(513, 0xff);
  n4097[0] = 0x01;
  CHECK(RsaPrivateKey::from_components(n4097, r.bytes("e"), {}, p, q, dp, dq, qinv).error() == Error::key_too_large);
}

TEST_CASE("RSA fault check: a wrong CRT value is caught and nothing is released") {
  SeededRandom rng(13);
  for (const auto& f : fixtures()) {
    const auto& r = f.rec;
    // qinv and dp replaced by other in-range values: the CRT result is wrong
    // and its e-th power does not give back the input.
    Bytes qinv = r.bytes("qinv");
    qinv.back() ^= 0x01;
    auto bad = RsaPrivateKey::from_components(r.bytes("n"), r.bytes("e"), r.bytes("d"), r.bytes("p"), r.bytes("q"),
                                              r.bytes("dp"), r.bytes("dq"), qinv);
    REQUIRE(bad.ok());
    const std::size_t k = bad->public_key().modulus_size();
    Bytes sig(k, 0xaa);
    const Bytes d = digest_of(HashId::sha256, from_ascii("fault"));
    CHECK(rsa_pkcs1_sign(*bad, HashId::sha256, d, rng.source(), sig) == Error::fault_detected);
    CHECK(sig == Bytes(k, 0));
    Bytes dp = r.bytes("dp");
    dp.back() ^= 0x02;
    auto bad2 = RsaPrivateKey::from_components(r.bytes("n"), r.bytes("e"), r.bytes("d"), r.bytes("p"), r.bytes("q"),
                                               dp, r.bytes("dq"), r.bytes("qinv"));
    REQUIRE(bad2.ok());
    CHECK(rsa_pss_sign(*bad2, HashId::sha256, d, rng.source(), sig) == Error::fault_detected);
    CHECK(sig == Bytes(k, 0));
    std::array<std::uint8_t, 48> pms{};
    CHECK(rsa_tls_decrypt_premaster(*bad2, r.bytes("CtPms"), 0x0303, rng.source(), pms) == Error::fault_detected);
    // A failing RNG is reported, not hidden.
    const RandomSource broken{failing_fill, nullptr};
    CHECK(rsa_pkcs1_sign(f.key(), HashId::sha256, d, broken, sig) == Error::rng_failure);
    CHECK(rsa_tls_decrypt_premaster(f.key(), r.bytes("CtPms"), 0x0303, broken, pms) == Error::rng_failure);
  }
}

namespace {

// A RandomSource that counts its calls (a fresh blinding pair draws from it,
// a reused one does not).
struct CountingRandom {
  SeededRandom inner;
  std::size_t calls = 0;
  explicit CountingRandom(std::uint64_t seed) : inner(seed) {}
  static Error fill(void* ctx, std::span<std::uint8_t> out) {
    auto* self = static_cast<CountingRandom*>(ctx);
    ++self->calls;
    return SeededRandom::fill(&self->inner, out);
  }
  RandomSource source() { return RandomSource{&CountingRandom::fill, this}; }
};

}  // namespace

TEST_CASE("RSA blinding pair: reused and squared kUses times, then drawn again; copies start without one") {
  constexpr unsigned kUses = detail::RsaBlinding::kUses;
  std::size_t signs = 0, paths = 0;
  for (const auto& path : kKernelPaths()) {
    ScopedCpuMask mask(path.mask);
    const auto f = fixtures()[0];
    const RsaPrivateKey key = f.key();
    const Bytes d = digest_of(HashId::sha256, f.rec.bytes("Msg"));
    const Bytes expected = f.rec.bytes("SigPkcs1Sha256");
    CountingRandom rng(7);
    Bytes sig(key.public_key().modulus_size());
    CHECK(detail::RsaAccess::blinding_uses_left(key) == 0);
    for (unsigned i = 0; i < 2 * kUses + 1; ++i) {
      CAPTURE(i);
      const std::size_t before = rng.calls;
      REQUIRE(rsa_pkcs1_sign(key, HashId::sha256, d, rng.source(), sig) == Error::ok);
      CHECK(sig == expected);  // PKCS#1 v1.5 is deterministic: unblinding was exact
      const bool fresh = i % kUses == 0;
      CHECK((rng.calls > before) == fresh);
      CHECK(detail::RsaAccess::blinding_uses_left(key) == kUses - 1 - i % kUses);
      ++signs;
    }
    // PSS and the premaster decryption take the same pair.
    REQUIRE(rsa_pss_sign(key, HashId::sha256, d, rng.source(), sig) == Error::ok);
    CHECK(rsa_pss_verify(key.public_key(), HashId::sha256, d, sig) == Error::ok);
    std::array<std::uint8_t, 48> pms{};
    REQUIRE(rsa_tls_decrypt_premaster(key, f.rec.bytes("CtPms"), 0x0303, rng.source(), pms) == Error::ok);
    CHECK(to_hex(pms) == to_hex(f.rec.bytes("Pms")));
    CHECK(detail::RsaAccess::blinding_uses_left(key) == kUses - 3);
    // With a pair in hand, a broken RNG is not consulted; a copy has no pair
    // and reports it; assignment drops the pair.
    const RandomSource broken{failing_fill, nullptr};
    CHECK(rsa_pkcs1_sign(key, HashId::sha256, d, broken, sig) == Error::ok);
    CHECK(sig == expected);
    RsaPrivateKey copy = key;
    CHECK(detail::RsaAccess::blinding_uses_left(copy) == 0);
    CHECK(rsa_pkcs1_sign(copy, HashId::sha256, d, broken, sig) == Error::rng_failure);
    REQUIRE(rsa_pkcs1_sign(copy, HashId::sha256, d, rng.source(), sig) == Error::ok);
    CHECK(detail::RsaAccess::blinding_uses_left(copy) == kUses - 1);
    copy = key;
    CHECK(detail::RsaAccess::blinding_uses_left(copy) == 0);
    MESSAGE("blinding reuse [" << path.name << "/" << key.implementation() << "]");
    ++paths;
  }
  CHECK(paths == kKernelPaths().size());
  CHECK(signs == paths * (2 * kUses + 1));
}

#if BARETLS_WITH_THREADS
TEST_CASE("RSA blinding pair: one const key signs from several threads at once") {
  if (!BARETLS_TEST_THREADS) {
    MESSAGE("skipped: this emulator cannot run threads (tests/CMakeLists.txt)");
    return;
  }
  const auto f = fixtures()[0];
  const RsaPrivateKey key = f.key();
  const Bytes d = digest_of(HashId::sha256, f.rec.bytes("Msg"));
  const Bytes expected = f.rec.bytes("SigPkcs1Sha256");
  constexpr int kThreads = 4, kSigns = 40;
  std::array<int, kThreads> good{};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      SeededRandom rng(100 + static_cast<std::uint64_t>(t));
      Bytes sig(key.public_key().modulus_size());
      for (int i = 0; i < kSigns; ++i) {
        if (rsa_pkcs1_sign(key, HashId::sha256, d, rng.source(), sig) == Error::ok && sig == expected)
          ++good[static_cast<std::size_t>(t)];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) CHECK(good[static_cast<std::size_t>(t)] == kSigns);
}
#endif

TEST_CASE("RSA encrypt: limits and padding") {
  SeededRandom rng(17);
  const auto f = fixtures()[0];
  const RsaPrivateKey key = f.key();
  const std::size_t k = key.public_key().modulus_size();
  Bytes ct(k);
  CHECK(rsa_pkcs1_encrypt(key.public_key(), Bytes(k - 11, 1), rng.source(), ct) == Error::ok);
  CHECK(rsa_pkcs1_encrypt(key.public_key(), Bytes(k - 10, 1), rng.source(), ct) == Error::message_too_long);
  Bytes small(k - 1);
  CHECK(rsa_pkcs1_encrypt(key.public_key(), Bytes(4, 1), rng.source(), small) == Error::buffer_too_small);
  // The padding string has no zero octet and at least 8 octets; the message
  // comes back whole.
  for (std::size_t len : {0u, 1u, 48u, static_cast<unsigned>(k - 11)}) {
    const Bytes msg(len, 0x42);
    REQUIRE(rsa_pkcs1_encrypt(key.public_key(), msg, rng.source(), ct) == Error::ok);
    Bytes em(k);
    REQUIRE(detail::rsa_private_op(key, ct, rng.source(), em) == Error::ok);
    CHECK(em[0] == 0x00);
    CHECK(em[1] == 0x02);
    for (std::size_t i = 2; i < k - len - 1; ++i) CHECK(em[i] != 0);
    CHECK(em[k - len - 1] == 0x00);
    CHECK(Bytes(em.end() - static_cast<std::ptrdiff_t>(len), em.end()) == msg);
    Bytes out(k);
    const auto got = detail::rsa_pkcs1_decrypt(key, ct, rng.source(), out);
    REQUIRE(got.ok());
    CHECK(*got == len);
  }
}

TEST_CASE("RSA TLS premaster decryption: every malformed padding yields a random secret and Error::ok") {
  SeededRandom rng(19);
  std::mt19937_64 g(23);
  int malformed = 0;
  for (const auto& f : fixtures()) {
    CAPTURE(f.bits);
    const RsaPrivateKey key = f.key();
    const RsaPublicKey& pub = key.public_key();
    const std::size_t k = pub.modulus_size();
    const Bytes good = tls_block(k, 0x0303, g);
    const Bytes good_pms(good.end() - 48, good.end());
    std::array<std::uint8_t, 48> pms{};
    REQUIRE(rsa_tls_decrypt_premaster(key, encrypt_raw(pub, good), 0x0303, rng.source(), pms) == Error::ok);
    CHECK(to_hex(pms) == to_hex(good_pms));

    std::vector<std::pair<std::string, Bytes>> cases;
    auto with = [&](const std::string& name, auto edit) {
      Bytes em = good;
      edit(em);
      cases.emplace_back(name, em);
    };
    with("first octet 01", [](Bytes& em) { em[0] = 0x01; });
    with("block type 01", [](Bytes& em) { em[1] = 0x01; });
    with("block type 00", [](Bytes& em) { em[1] = 0x00; });
    with("block type 03", [](Bytes& em) { em[1] = 0x03; });
    with("zero in PS (start)", [](Bytes& em) { em[2] = 0x00; });
    with("zero in PS (8th)", [](Bytes& em) { em[9] = 0x00; });
    with("zero in PS (end)", [&](Bytes& em) { em[k - 50] = 0x00; });  // message of 49 octets
    with("no separator", [&](Bytes& em) { em[k - 49] = 0x11; });       // message absorbed in PS
    with("message 47 octets", [&](Bytes& em) {
      em[k - 49] = 0x11;
      em[k - 48] = 0x00;
    });
    with("major version", [&](Bytes& em) { em[k - 48] = 0x02; });
    with("minor version", [&](Bytes& em) { em[k - 47] = 0x01; });
    with("version swapped", [&](Bytes& em) {
      em[k - 48] = 0x03;
      em[k - 47] = 0x01;
    });
    with("all zeros", [](Bytes& em) { std::fill(em.begin(), em.end(), 0); });
    with("no PS, message fills block", [&](Bytes& em) {
      for (std::size_t i = 2; i < k; ++i) em[i] = 0x33;
    });
    std::set<std::string> seen;
    for (const auto& item : cases) {
      const std::string& name = item.first;
      const Bytes& em = item.second;
      CAPTURE(name);
      const Bytes ct = encrypt_raw(pub, em);
      std::array<std::uint8_t, 48> a{}, b{};
      CHECK(rsa_tls_decrypt_premaster(key, ct, 0x0303, rng.source(), a) == Error::ok);
      CHECK(rsa_tls_decrypt_premaster(key, ct, 0x0303, rng.source(), b) == Error::ok);
      CHECK(to_hex(a) != to_hex(b));  // fresh randomness each time
      CHECK(to_hex(a) != to_hex(Bytes(em.end() - 48, em.end())));
      CHECK(to_hex(a) != to_hex(Bytes(48, 0)));
      seen.insert(to_hex(a));
      ++malformed;
    }
    CHECK(seen.size() == cases.size());
    // The right block with a different client_version is rejected too.
    std::array<std::uint8_t, 48> a{};
    CHECK(rsa_tls_decrypt_premaster(key, encrypt_raw(pub, good), 0x0302, rng.source(), a) == Error::ok);
    CHECK(to_hex(a) != to_hex(good_pms));
    // Ciphertexts of the wrong length or not below n: random, no error.
    CHECK(rsa_tls_decrypt_premaster(key, Bytes(k - 1, 1), 0x0303, rng.source(), a) == Error::ok);
    CHECK(rsa_tls_decrypt_premaster(key, Bytes(k + 1, 1), 0x0303, rng.source(), a) == Error::ok);
    CHECK(rsa_tls_decrypt_premaster(key, Bytes(k, 0xff), 0x0303, rng.source(), a) == Error::ok);
    CHECK(to_hex(a) != to_hex(Bytes(48, 0)));
    malformed += 4;
  }
  MESSAGE("TLS implicit rejection: " << malformed << " malformed ciphertexts checked");
  CHECK(malformed == 3 * 18);
}
