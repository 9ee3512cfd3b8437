// SPDX-License-Identifier: MIT
// The bridge from x509 keys to crypto/: building private keys, verifying
// and making signatures. RSA (rsa.h) and ECDSA (ecdsa.h) are not in this
// build yet: every verification fails closed with unsupported_algorithm.
#include <algorithm>

#include "baretls/x509/key.h"
#include "baretls/x509/signature.h"
#include "x509/key_impl.h"

namespace baretls::x509 {

namespace detail {

Error PublicKeyBuilder::finish_rsa(PublicKey&) { return Error::ok; }
Error PublicKeyBuilder::finish_ec(PublicKey&) { return Error::ok; }

Result<PrivateKey> PrivateKeyBuilder::rsa(std::span<const std::span<const std::uint8_t>, 8> parts) {
  auto pub = PublicKeyBuilder::rsa(parts[0], parts[1]);
  if (!pub) return pub.error();
  PrivateKey key;
  key.public_ = std::move(*pub);
  for (std::size_t i = 2; i < 8; ++i) key.secret_.emplace_back(parts[i].begin(), parts[i].end());
  return key;
}

Result<PrivateKey> PrivateKeyBuilder::ec(KeyType type, std::span<const std::uint8_t> d,
                                         std::span<const std::uint8_t> point) {
  // RFC 5915 §3: privateKey is ceiling(log2(n)/8) octets.
  if (d.size() != ec_coordinate_size(type)) return Error::malformed;
  if (std::all_of(d.begin(), d.end(), [](std::uint8_t b) { return b == 0; })) return Error::malformed;
  if (point.empty()) return Error::unsupported_key;  // deriving it needs crypto/ec.h
  auto pub = PublicKeyBuilder::ec(type, point);
  if (!pub) return pub.error();
  PrivateKey key;
  key.public_ = std::move(*pub);
  key.secret_.emplace_back(d.begin(), d.end());
  return key;
}

}  // namespace detail

const crypto::RsaPublicKey* PublicKey::rsa() const noexcept { return nullptr; }
const crypto::RsaPrivateKey* PrivateKey::rsa() const noexcept { return nullptr; }

Error verify_signature(const PublicKey&, const SignatureAlgorithm&, std::span<const std::uint8_t>,
                       std::span<const std::uint8_t>) {
  return Error::unsupported_algorithm;
}

Error PublicKey::verify(SignatureScheme, std::span<const std::uint8_t>, std::span<const std::uint8_t>) const noexcept {
  return Error::unsupported_algorithm;
}

Result<std::size_t> PrivateKey::sign(SignatureScheme, std::span<const std::uint8_t>, const crypto::RandomSource&,
                                     std::span<std::uint8_t>) const {
  return Error::unsupported_algorithm;
}

}  // namespace baretls::x509
