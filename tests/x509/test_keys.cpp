// SPDX-License-Identifier: MIT
// Key parsing suite: SPKI (RFC 5280 §4.1.2.7, RFC 3279, RFC 5480), PKCS #1
// (RFC 8017 A.1.2), PKCS #8 (RFC 5208), SEC1 (RFC 5915); encrypted and
// unsupported keys refused with their own errors. Fixtures: vectors/x509/keys/.
#include "baretls/x509/key.h"

#include <doctest/doctest.h>

#include "tests/x509/fixtures.h"

using namespace baretls;
using namespace baretls::test;
using namespace baretls::x509;

namespace {

PrivateKey load_key(const std::string& name) {
  auto key = PrivateKey::from_pem(read_text_file(x509_fixture_path("keys/" + name)));
  if (!key) throw std::runtime_error(name + ": " + std::string(to_string(key.error())));
  return *key;
}

PublicKey load_spki(const std::string& name) {
  auto key = PublicKey::from_spki(read_binary_file(x509_fixture_path("keys/" + name)));
  if (!key) throw std::runtime_error(name + ": " + std::string(to_string(key.error())));
  return *key;
}

bool same_public(const PublicKey& a, const PublicKey& b) {
  auto eq = [](std::span<const std::uint8_t> x, std::span<const std::uint8_t> y) {
    return std::equal(x.begin(), x.end(), y.begin(), y.end());
  };
  return a.type() == b.type() && a.bits() == b.bits() && eq(a.rsa_modulus(), b.rsa_modulus()) &&
         eq(a.rsa_exponent(), b.rsa_exponent()) && eq(a.ec_point(), b.ec_point());
}

}  // namespace

TEST_CASE("private keys in every format give the matching public key") {
  struct K {
    const char* file;
    const char* spki;
    KeyType type;
    std::size_t bits;
  };
  const K cases[] = {
      {"rsa-pkcs8.pem", "rsa-spki.der", KeyType::rsa, 2048},
      {"rsa-pkcs1.pem", "rsa-spki.der", KeyType::rsa, 2048},
      {"p256-pkcs8.pem", "p256-spki.der", KeyType::ec_p256, 256},
      {"p256-sec1.pem", "p256-spki.der", KeyType::ec_p256, 256},
      {"p384-pkcs8.pem", "p384-spki.der", KeyType::ec_p384, 384},
      {"p384-sec1.pem", "p384-spki.der", KeyType::ec_p384, 384},
  };
  std::size_t n = 0;
  for (const auto& c : cases) {
    CAPTURE(c.file);
    const auto key = load_key(c.file);
    const auto spki = load_spki(c.spki);
    CHECK(key.type() == c.type);
    CHECK(spki.bits() == c.bits);
    CHECK(same_public(key.public_key(), spki));
    ++n;
  }
  // PKCS #8 DER directly.
  auto der_key = PrivateKey::from_der(read_binary_file(x509_fixture_path("keys/rsa-pkcs8.der")));
  REQUIRE(der_key.ok());
  CHECK(same_public(der_key->public_key(), load_spki("rsa-spki.der")));
  ++n;
  // The leaf certificates carry the same public keys.
  CHECK(same_public(*fixture_certificate("leaf-rsa.pem").public_key(), load_spki("rsa-spki.der")));
  CHECK(same_public(*fixture_certificate("leaf-ec.pem").public_key(), load_spki("p256-spki.der")));
  MESSAGE("key files checked: " << n);
  CHECK(n == 7);
}

TEST_CASE("encrypted and unsupported keys are refused with their reason") {
  auto from_file = [](const char* name) {
    return PrivateKey::from_pem(read_text_file(x509_fixture_path(std::string("keys/") + name))).error();
  };
  CHECK(from_file("rsa-pkcs8-encrypted.pem") == Error::encrypted_key);
  CHECK(from_file("rsa-pkcs1-encrypted.pem") == Error::encrypted_key);
  CHECK(from_file("ed25519-pkcs8.pem") == Error::unsupported_key);
  CHECK(from_file("p521-pkcs8.pem") == Error::unsupported_key);
  CHECK(PrivateKey::from_pem("no key here").error() == Error::malformed);
  // A PEM label that does not match its contents.
  const auto pkcs8 = pem_decode_all(read_text_file(x509_fixture_path("keys/rsa-pkcs8.pem")), "PRIVATE KEY");
  REQUIRE(pkcs8.ok());
  CHECK(PrivateKey::from_pem(pem_encode("RSA PRIVATE KEY", pkcs8->at(0))).error() == Error::malformed);
  CHECK(PrivateKey::from_pem(pem_encode("EC PRIVATE KEY", pkcs8->at(0))).error() == Error::malformed);
  // The encrypted PKCS #8 body is recognised in DER too.
  const auto enc = pem_decode_all(read_text_file(x509_fixture_path("keys/rsa-pkcs8-encrypted.pem")),
                                  "ENCRYPTED PRIVATE KEY");
  REQUIRE(enc.ok());
  CHECK(PrivateKey::from_der(enc->at(0)).error() == Error::encrypted_key);
}

TEST_CASE("SPKI encodings that must be refused") {
  const Bytes good = read_binary_file(x509_fixture_path("keys/p256-spki.der"));
  REQUIRE(PublicKey::from_spki(good).ok());
  // Compressed point (02/03 prefix) is not supported (RFC 5480 §2.2 makes
  // uncompressed mandatory); the point starts 4 bytes before X.
  Bytes compressed = good;
  const std::size_t point = good.size() - 65;
  REQUIRE(compressed[point] == 0x04);
  compressed[point] = 0x02;
  CHECK(PublicKey::from_spki(compressed).error() == Error::unsupported_key);
  Bytes trailing = good;
  trailing.push_back(0);
  CHECK(PublicKey::from_spki(trailing).error() == Error::malformed);
  // Unknown curve OID: change the last arc of prime256v1 (…03 01 07 -> …03 01 08).
  Bytes curve = good;
  bool changed = false;
  for (std::size_t i = 0; i + 2 < curve.size(); ++i) {
    if (curve[i] == 0x03 && curve[i + 1] == 0x01 && curve[i + 2] == 0x07) {
      curve[i + 2] = 0x08;
      changed = true;
      break;
    }
  }
  REQUIRE(changed);
  CHECK(PublicKey::from_spki(curve).error() == Error::unsupported_key);
  // RSA SPKI: type, size and exponent.
  const Bytes rsa = read_binary_file(x509_fixture_path("keys/rsa-spki.der"));
  const auto key = PublicKey::from_spki(rsa);
  REQUIRE(key.ok());
  CHECK(key->type() == KeyType::rsa);
  CHECK(key->bits() == 2048);
  CHECK(to_hex(key->rsa_exponent()) == "010001");
}

TEST_CASE("sign and verify round trips for every TLS signature scheme") {
  struct S {
    const char* key;
    SignatureScheme scheme;
  };
  const S cases[] = {
      {"rsa-pkcs8.pem", SignatureScheme::rsa_pkcs1_sha256},
      {"rsa-pkcs1.pem", SignatureScheme::rsa_pkcs1_sha384},
      {"rsa-pkcs8.pem", SignatureScheme::rsa_pkcs1_sha512},
      {"rsa-pkcs8.pem", SignatureScheme::rsa_pss_rsae_sha256},
      {"rsa-pkcs8.pem", SignatureScheme::rsa_pss_rsae_sha384},
      {"rsa-pkcs8.pem", SignatureScheme::rsa_pss_rsae_sha512},
      {"p256-sec1.pem", SignatureScheme::ecdsa_secp256r1_sha256},
      {"p384-pkcs8.pem", SignatureScheme::ecdsa_secp384r1_sha384},
  };
  const auto rng = crypto::system_random();
  const Bytes message = from_ascii("baretls signs this");
  std::size_t n = 0;
  for (const auto& c : cases) {
    CAPTURE(c.key);
    CAPTURE(static_cast<int>(c.scheme));
    const auto key = load_key(c.key);
    Bytes sig(512);
    auto len = key.sign(c.scheme, message, rng, sig);
    REQUIRE(len.ok());
    sig.resize(*len);
    const auto pub = key.public_key();
    CHECK(pub.verify(c.scheme, message, sig) == Error::ok);
    Bytes other = message;
    other[0] ^= 1;
    CHECK(pub.verify(c.scheme, other, sig) == Error::bad_signature);
    Bytes bad_sig = sig;
    bad_sig[bad_sig.size() / 2] ^= 0x10;
    CHECK(pub.verify(c.scheme, message, bad_sig) == Error::bad_signature);
    ++n;
  }
  CHECK(n == 8);
  // A scheme that does not fit the key.
  const auto rsa = load_key("rsa-pkcs8.pem");
  const auto ec = load_key("p256-pkcs8.pem");
  Bytes sig(512);
  CHECK(rsa.sign(SignatureScheme::ecdsa_secp256r1_sha256, message, rng, sig).error() == Error::unsupported_algorithm);
  CHECK(ec.sign(SignatureScheme::rsa_pkcs1_sha256, message, rng, sig).error() == Error::unsupported_algorithm);
  CHECK(rsa.rsa() != nullptr);
  CHECK(ec.rsa() == nullptr);
  CHECK(rsa.public_key().rsa() != nullptr);
  CHECK(rsa.public_key().rsa()->bits() == 2048);
}
