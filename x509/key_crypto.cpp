// SPDX-License-Identifier: MIT
// The bridge from x509 keys to crypto/: attaching RSA and EC key objects,
// verifying certificate and TLS signatures, signing. RFC 8017 §8.1-§8.2
// (RSASSA-PSS, PKCS #1 v1.5), FIPS 186-4 §6.4 (ECDSA), RFC 5480 §2.2.
#include <algorithm>

#include "baretls/crypto/ec.h"
#include "baretls/crypto/ecdsa.h"
#include "baretls/crypto/rsa.h"
#include "baretls/x509/key.h"
#include "baretls/x509/signature.h"
#include "x509/key_impl.h"
#include "x509/parsers.h"

namespace baretls::x509 {

namespace {

crypto::Curve curve_of(KeyType t) noexcept { return t == KeyType::ec_p384 ? crypto::Curve::p384 : crypto::Curve::p256; }

// Keys crypto/ refuses: too small is weak, too large, an even modulus or an
// exponent out of bounds (crypto/rsa.h) is out of our bounds; inconsistent
// private keys are malformed.
Error from_crypto_key_error(crypto::Error e) noexcept {
  switch (e) {
    case crypto::Error::ok: return Error::ok;
    case crypto::Error::key_too_small: return Error::weak_key;
    case crypto::Error::key_too_large:
    case crypto::Error::even_modulus:
    case crypto::Error::bad_public_exponent: return Error::unsupported_rsa_key;
    default: return Error::malformed;
  }
}

struct SchemeInfo {
  SignatureAlgorithm algorithm;
  bool ok = false;
};

SchemeInfo scheme_info(SignatureScheme s) noexcept {
  SchemeInfo info;
  info.ok = true;
  auto& a = info.algorithm;
  a.supported = true;
  switch (s) {
    case SignatureScheme::rsa_pkcs1_sha256: a.kind = SignatureKind::rsa_pkcs1; a.hash = crypto::HashId::sha256; break;
    case SignatureScheme::rsa_pkcs1_sha384: a.kind = SignatureKind::rsa_pkcs1; a.hash = crypto::HashId::sha384; break;
    case SignatureScheme::rsa_pkcs1_sha512: a.kind = SignatureKind::rsa_pkcs1; a.hash = crypto::HashId::sha512; break;
    case SignatureScheme::rsa_pss_rsae_sha256: a.kind = SignatureKind::rsa_pss; a.hash = crypto::HashId::sha256; break;
    case SignatureScheme::rsa_pss_rsae_sha384: a.kind = SignatureKind::rsa_pss; a.hash = crypto::HashId::sha384; break;
    case SignatureScheme::rsa_pss_rsae_sha512: a.kind = SignatureKind::rsa_pss; a.hash = crypto::HashId::sha512; break;
    case SignatureScheme::ecdsa_secp256r1_sha256: a.kind = SignatureKind::ecdsa; a.hash = crypto::HashId::sha256; break;
    case SignatureScheme::ecdsa_secp384r1_sha384: a.kind = SignatureKind::ecdsa; a.hash = crypto::HashId::sha384; break;
    default: info.ok = false; return info;
  }
  // TLS rsa_pss_rsae_*: salt length equals the hash length (RFC 8446 §4.2.3).
  if (a.kind == SignatureKind::rsa_pss) a.pss_salt_length = crypto::digest_size(a.hash);
  return info;
}

}  // namespace

namespace detail {

Error PublicKeyBuilder::finish_rsa(PublicKey& key) {
  auto rsa = crypto::RsaPublicKey::from_bytes(key.n_, key.e_);
  if (!rsa) return from_crypto_key_error(rsa.error());
  key.rsa_ = *rsa;
  return Error::ok;
}

Error PublicKeyBuilder::finish_ec(PublicKey& key) {
  // RFC 5480 §2.2 + SEC1: the point must be on the curve (checked here once).
  return crypto::ec_validate_public(curve_of(key.type_), key.point_) == crypto::Error::ok ? Error::ok
                                                                                           : Error::malformed;
}

Result<PrivateKey> PrivateKeyBuilder::rsa(std::span<const std::span<const std::uint8_t>, 8> p) {
  auto pub = PublicKeyBuilder::rsa(p[0], p[1]);
  if (!pub) return pub.error();
  auto rsa = crypto::RsaPrivateKey::from_components(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]);
  if (!rsa) return from_crypto_key_error(rsa.error());
  PrivateKey key;
  key.public_ = std::move(*pub);
  key.rsa_ = *rsa;
  return key;
}

Result<PrivateKey> PrivateKeyBuilder::ec(KeyType type, std::span<const std::uint8_t> d,
                                         std::span<const std::uint8_t> point) {
  // RFC 5915 §3: privateKey is ceiling(log2(n)/8) octets.
  if (d.size() != ec_coordinate_size(type)) return Error::malformed;
  std::uint8_t derived[crypto::kMaxEcPointSize];
  const auto derived_span = std::span<std::uint8_t>(derived, 1 + 2 * ec_coordinate_size(type));
  if (crypto::ec_public_from_private(curve_of(type), d, derived_span) != crypto::Error::ok) return Error::malformed;
  // A stored public key must be the one the private scalar gives.
  if (!point.empty() && !std::equal(point.begin(), point.end(), derived_span.begin(), derived_span.end())) {
    return Error::malformed;
  }
  auto pub = PublicKeyBuilder::ec(type, derived_span);
  if (!pub) return pub.error();
  PrivateKey key;
  key.public_ = std::move(*pub);
  key.secret_.emplace_back(d.begin(), d.end());
  return key;
}

}  // namespace detail

const crypto::RsaPublicKey* PublicKey::rsa() const noexcept { return rsa_ ? &*rsa_ : nullptr; }
const crypto::RsaPrivateKey* PrivateKey::rsa() const noexcept { return rsa_ ? &*rsa_ : nullptr; }

Error verify_signature(const PublicKey& key, const SignatureAlgorithm& algorithm, std::span<const std::uint8_t> message,
                       std::span<const std::uint8_t> signature) {
  if (!algorithm.supported) return Error::unsupported_algorithm;
  std::uint8_t digest[crypto::kMaxDigestSize];
  const std::size_t digest_len = crypto::hash(algorithm.hash, message, digest);
  const auto d = std::span<const std::uint8_t>(digest, digest_len);
  crypto::Error e = crypto::Error::bad_signature;
  if (algorithm.kind == SignatureKind::ecdsa) {
    if (key.type() == KeyType::rsa) return Error::unsupported_algorithm;
    const crypto::Curve curve = curve_of(key.type());
    std::uint8_t rs[2 * crypto::kMaxEcScalarSize];
    const auto rs_span = std::span<std::uint8_t>(rs, 2 * crypto::ec_scalar_size(curve));
    if (crypto::ecdsa_sig_from_der(curve, signature, rs_span) != crypto::Error::ok) return Error::bad_signature;
    e = crypto::ecdsa_verify(curve, key.ec_point(), d, rs_span);
  } else {
    const crypto::RsaPublicKey* rsa = key.rsa();
    if (rsa == nullptr) return Error::unsupported_algorithm;
    e = algorithm.kind == SignatureKind::rsa_pkcs1
            ? crypto::rsa_pkcs1_verify(*rsa, algorithm.hash, d, signature)
            : crypto::rsa_pss_verify(*rsa, algorithm.hash, d, signature, algorithm.pss_salt_length);
  }
  if (e == crypto::Error::ok) return Error::ok;
  return e == crypto::Error::unsupported_hash ? Error::unsupported_algorithm : Error::bad_signature;
}

Error PublicKey::verify(SignatureScheme scheme, std::span<const std::uint8_t> message,
                        std::span<const std::uint8_t> signature) const noexcept {
  const SchemeInfo info = scheme_info(scheme);
  if (!info.ok) return Error::unsupported_algorithm;
  // TLS 1.2 does not bind the ECDSA curve to the scheme (RFC 5246 §7.4.1.4.1).
  return verify_signature(*this, info.algorithm, message, signature);
}

Result<std::size_t> PrivateKey::sign(SignatureScheme scheme, std::span<const std::uint8_t> message,
                                     const crypto::RandomSource& rng, std::span<std::uint8_t> out) const {
  const SchemeInfo info = scheme_info(scheme);
  if (!info.ok) return Error::unsupported_algorithm;
  const auto& a = info.algorithm;
  std::uint8_t digest[crypto::kMaxDigestSize];
  const std::size_t digest_len = crypto::hash(a.hash, message, digest);
  const auto d = std::span<const std::uint8_t>(digest, digest_len);
  if (a.kind == SignatureKind::ecdsa) {
    if (type() == KeyType::rsa || secret_.empty()) return Error::unsupported_algorithm;
    const crypto::Curve curve = curve_of(type());
    std::uint8_t rs[2 * crypto::kMaxEcScalarSize];
    const auto rs_span = std::span<std::uint8_t>(rs, 2 * crypto::ec_scalar_size(curve));
    // Hedged nonces: RFC 6979 plus fresh randomness.
    if (crypto::ecdsa_sign(curve, a.hash, secret_[0], d, &rng, rs_span) != crypto::Error::ok) {
      return Error::crypto_failure;
    }
    auto len = crypto::ecdsa_sig_to_der(curve, rs_span, out);
    if (!len) return Error::crypto_failure;
    return *len;
  }
  if (!rsa_) return Error::unsupported_algorithm;
  const std::size_t size = rsa_->public_key().modulus_size();
  if (out.size() < size) return Error::crypto_failure;
  const auto sig = out.first(size);
  const crypto::Error e = a.kind == SignatureKind::rsa_pkcs1 ? crypto::rsa_pkcs1_sign(*rsa_, a.hash, d, rng, sig)
                                                             : crypto::rsa_pss_sign(*rsa_, a.hash, d, rng, sig);
  if (e != crypto::Error::ok) return Error::crypto_failure;
  return size;
}

}  // namespace baretls::x509
