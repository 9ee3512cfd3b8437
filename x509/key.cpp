// SPDX-License-Identifier: MIT
// Key parsing; see key.h. RFC 5280 §4.1.2.7 + RFC 3279 §2.3.1 (RSA SPKI),
// RFC 5480 §2 (EC SPKI, namedCurve only), RFC 8017 App. A.1.2 (PKCS #1),
// RFC 5208 §5 / RFC 5958 §2 (PKCS #8), RFC 5915 §3 (SEC1 ECPrivateKey).
#include "baretls/x509/key.h"

#include "baretls/crypto/secret.h"
#include "x509/der.h"
#include "x509/oid.h"
#include "baretls/x509/pem.h"
#include "x509/key_impl.h"

namespace baretls::x509 {

std::string_view key_type_name(KeyType type) noexcept {
  switch (type) {
    case KeyType::rsa: return "RSA";
    case KeyType::ec_p256: return "EC P-256";
    case KeyType::ec_p384: return "EC P-384";
  }
  return "?";
}

namespace detail {

std::size_t bit_length(std::span<const std::uint8_t> be) noexcept {
  std::size_t i = 0;
  while (i < be.size() && be[i] == 0) ++i;
  if (i == be.size()) return 0;
  std::size_t bits = (be.size() - i - 1) * 8;
  for (std::uint8_t top = be[i]; top != 0; top = static_cast<std::uint8_t>(top >> 1)) ++bits;
  return bits;
}

std::size_t ec_coordinate_size(KeyType type) noexcept { return type == KeyType::ec_p384 ? 48 : 32; }

// RFC 5480 §2.1.1: ECParameters ::= CHOICE { namedCurve OID, ... }; only
// namedCurve is allowed ("implicitCurve and specifiedCurve MUST NOT be used").
Result<KeyType> parse_named_curve(der::Reader& r) {
  if (!r.peek(der::kOid)) return Error::unsupported_key;
  auto curve = r.read_oid();
  if (!curve) return curve.error();
  if (oid::equal(*curve, oid::kPrime256v1)) return KeyType::ec_p256;
  if (oid::equal(*curve, oid::kSecp384r1)) return KeyType::ec_p384;
  return Error::unsupported_key;
}

// RFC 5480 §2.2: the uncompressed form is mandatory; compressed is refused.
Error check_ec_point(KeyType type, std::span<const std::uint8_t> point) {
  if (point.empty()) return Error::malformed;
  if (point[0] != 0x04) return Error::unsupported_key;
  if (point.size() != 1 + 2 * ec_coordinate_size(type)) return Error::malformed;
  return Error::ok;
}

}  // namespace detail

using detail::PublicKeyBuilder;

Result<PublicKey> PublicKeyBuilder::rsa(std::span<const std::uint8_t> n, std::span<const std::uint8_t> e) {
  PublicKey key;
  key.type_ = KeyType::rsa;
  key.n_.assign(n.begin(), n.end());
  key.e_.assign(e.begin(), e.end());
  key.bits_ = detail::bit_length(n);
  BARETLS_TRY(finish_rsa(key));
  return key;
}

Result<PublicKey> PublicKeyBuilder::ec(KeyType type, std::span<const std::uint8_t> point) {
  BARETLS_TRY(detail::check_ec_point(type, point));
  PublicKey key;
  key.type_ = type;
  key.point_.assign(point.begin(), point.end());
  key.bits_ = 8 * detail::ec_coordinate_size(type);
  BARETLS_TRY(finish_ec(key));
  return key;
}

Result<PublicKey> PublicKey::from_spki(std::span<const std::uint8_t> der) {
  // SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier,
  //                                     subjectPublicKey BIT STRING }
  auto spki = der::parse_single(der, der::kSequence);
  if (!spki) return spki.error();
  der::Reader r(spki->value, 1);
  auto alg = r.read_sequence();
  if (!alg) return alg.error();
  auto bits = r.read_bit_string();
  if (!bits) return bits.error();
  BARETLS_TRY(r.expect_end());
  auto key_bytes = der::octets_of(*bits);
  if (!key_bytes) return key_bytes.error();
  auto alg_oid = alg->read_oid();
  if (!alg_oid) return alg_oid.error();
  if (oid::equal(*alg_oid, oid::kRsaEncryption)) {
    // RFC 3279 §2.3.1: parameters NULL. RSAPublicKey ::= SEQUENCE { n, e }.
    BARETLS_TRY(alg->read_null());
    BARETLS_TRY(alg->expect_end());
    auto rsa_key = der::parse_single(*key_bytes, der::kSequence);
    if (!rsa_key) return rsa_key.error();
    der::Reader k(rsa_key->value, 1);
    auto n = k.read_unsigned_integer();
    if (!n) return n.error();
    auto e = k.read_unsigned_integer();
    if (!e) return e.error();
    BARETLS_TRY(k.expect_end());
    return PublicKeyBuilder::rsa(*n, *e);
  }
  if (oid::equal(*alg_oid, oid::kEcPublicKey)) {
    auto curve = detail::parse_named_curve(*alg);
    if (!curve) return curve.error();
    BARETLS_TRY(alg->expect_end());
    return PublicKeyBuilder::ec(*curve, *key_bytes);
  }
  return Error::unsupported_key;
}

PrivateKey::~PrivateKey() {
  for (auto& s : secret_) crypto::secure_wipe(s);
}

namespace {

// RFC 8017 App. A.1.2: RSAPrivateKey ::= SEQUENCE { version Version (0:
// two-prime), modulus, publicExponent, privateExponent, prime1, prime2,
// exponent1, exponent2, coefficient, otherPrimeInfos OPTIONAL }.
Result<PrivateKey> parse_pkcs1(std::span<const std::uint8_t> der) {
  auto seq = der::parse_single(der, der::kSequence);
  if (!seq) return seq.error();
  der::Reader r(seq->value, 1);
  auto version = r.read_small_unsigned();
  if (!version) return version.error();
  if (*version != 0) return Error::unsupported_key;  // multi-prime
  std::span<const std::uint8_t> parts[8];
  for (auto& part : parts) {
    auto v = r.read_unsigned_integer();
    if (!v) return v.error();
    part = *v;
  }
  BARETLS_TRY(r.expect_end());
  return detail::PrivateKeyBuilder::rsa(parts);
}

// RFC 5915 §3: ECPrivateKey ::= SEQUENCE { version INTEGER (1), privateKey
// OCTET STRING, parameters [0] ECParameters OPTIONAL, publicKey [1] BIT
// STRING OPTIONAL }. `curve_from_outer` is the PKCS #8 algorithm's curve.
Result<PrivateKey> parse_sec1(std::span<const std::uint8_t> der, std::optional<KeyType> curve_from_outer) {
  auto seq = der::parse_single(der, der::kSequence);
  if (!seq) return seq.error();
  der::Reader r(seq->value, 1);
  auto version = r.read_small_unsigned();
  if (!version) return version.error();
  if (*version != 1) return Error::malformed;
  auto d = r.read_octet_string();
  if (!d) return d.error();
  std::optional<KeyType> curve = curve_from_outer;
  if (r.peek(der::context_constructed(0))) {
    auto params = r.read_constructed(der::context_constructed(0));
    if (!params) return params.error();
    auto inner = detail::parse_named_curve(*params);
    if (!inner) return inner.error();
    BARETLS_TRY(params->expect_end());
    if (curve && *curve != *inner) return Error::malformed;
    curve = *inner;
  }
  std::span<const std::uint8_t> point;
  if (r.peek(der::context_constructed(1))) {
    auto pub = r.read_constructed(der::context_constructed(1));
    if (!pub) return pub.error();
    auto bits = pub->read_bit_string();
    if (!bits) return bits.error();
    BARETLS_TRY(pub->expect_end());
    auto octets = der::octets_of(*bits);
    if (!octets) return octets.error();
    point = *octets;
  }
  BARETLS_TRY(r.expect_end());
  if (!curve) return Error::malformed;  // the curve must be named somewhere
  return detail::PrivateKeyBuilder::ec(*curve, *d, point);
}

// RFC 5208 §5: PrivateKeyInfo ::= SEQUENCE { version (0), algorithm,
// privateKey OCTET STRING, attributes [0] IMPLICIT OPTIONAL } (RFC 5958
// version 1 adds publicKey [1]).
Result<PrivateKey> parse_pkcs8(der::Reader r) {
  auto version = r.read_small_unsigned();
  if (!version) return version.error();
  if (*version > 1) return Error::malformed;
  auto alg = r.read_sequence();
  if (!alg) return alg.error();
  auto inner = r.read_octet_string();
  if (!inner) return inner.error();
  if (r.peek(der::context_constructed(0)) && !r.read_any()) return Error::malformed;
  if (*version == 1 && r.peek(der::context(1)) && !r.read_any()) return Error::malformed;
  BARETLS_TRY(r.expect_end());
  auto alg_oid = alg->read_oid();
  if (!alg_oid) return alg_oid.error();
  if (oid::equal(*alg_oid, oid::kRsaEncryption)) {
    BARETLS_TRY(alg->read_null());
    BARETLS_TRY(alg->expect_end());
    return parse_pkcs1(*inner);
  }
  if (oid::equal(*alg_oid, oid::kEcPublicKey)) {
    auto curve = detail::parse_named_curve(*alg);
    if (!curve) return curve.error();
    BARETLS_TRY(alg->expect_end());
    return parse_sec1(*inner, *curve);
  }
  return Error::unsupported_key;
}

}  // namespace

namespace detail {

Result<PrivateKey> parse_private_key(std::span<const std::uint8_t> der, PrivateKeyFormat format) {
  auto seq = der::parse_single(der, der::kSequence);
  if (!seq) return seq.error();
  der::Reader r(seq->value, 1);
  // RFC 5208 §6: EncryptedPrivateKeyInfo ::= SEQUENCE { encryptionAlgorithm
  // AlgorithmIdentifier, encryptedData OCTET STRING }: starts with a SEQUENCE.
  if (r.peek(der::kSequence)) {
    der::Reader probe = r;
    if (probe.read_sequence() && probe.read_octet_string() && probe.empty()) return Error::encrypted_key;
    return Error::malformed;
  }
  der::Reader after_version = r;
  if (!after_version.read_integer()) return Error::malformed;
  PrivateKeyFormat found = PrivateKeyFormat::any;
  if (after_version.peek(der::kSequence)) found = PrivateKeyFormat::pkcs8;
  if (after_version.peek(der::kInteger)) found = PrivateKeyFormat::pkcs1;
  if (after_version.peek(der::kOctetString)) found = PrivateKeyFormat::sec1;
  // A PEM label names the format; the contents must be that format.
  if (found == PrivateKeyFormat::any || (format != PrivateKeyFormat::any && format != found)) return Error::malformed;
  if (found == PrivateKeyFormat::pkcs8) return parse_pkcs8(r);
  if (found == PrivateKeyFormat::pkcs1) return parse_pkcs1(der);
  return parse_sec1(der, std::nullopt);
}

}  // namespace detail

Result<PrivateKey> PrivateKey::from_der(std::span<const std::uint8_t> der) {
  return detail::parse_private_key(der, detail::PrivateKeyFormat::any);
}

Result<PrivateKey> PrivateKey::from_pem(std::string_view pem) {
  auto blocks = pem_decode_blocks(pem);
  if (!blocks) {
    // RFC 1421 legacy encryption headers make the block unreadable as base64.
    if (pem.find("Proc-Type: 4,ENCRYPTED") != std::string_view::npos) return Error::encrypted_key;
    return blocks.error();
  }
  Result<PrivateKey> key = Error::malformed;  // no private key block
  bool found = false;
  for (auto& b : *blocks) {
    if (!found) {
      if (b.label == "ENCRYPTED PRIVATE KEY") {
        key = Error::encrypted_key;
        found = true;
      } else if (b.label == "PRIVATE KEY") {
        key = detail::parse_private_key(b.data, detail::PrivateKeyFormat::pkcs8);
        found = true;
      } else if (b.label == "RSA PRIVATE KEY") {
        key = detail::parse_private_key(b.data, detail::PrivateKeyFormat::pkcs1);
        found = true;
      } else if (b.label == "EC PRIVATE KEY") {
        key = detail::parse_private_key(b.data, detail::PrivateKeyFormat::sec1);
        found = true;
      }
    }
    crypto::secure_wipe(b.data);
  }
  return key;
}

}  // namespace baretls::x509
