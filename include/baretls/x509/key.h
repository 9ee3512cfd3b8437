// SPDX-License-Identifier: MIT
// Public and private keys: SubjectPublicKeyInfo (RFC 5280 §4.1.2.7, RSA per
// RFC 3279 §2.3.1, EC P-256/P-384 per RFC 5480), PKCS #1 RSAPrivateKey
// (RFC 8017 App. A.1.2), PKCS #8 PrivateKeyInfo (RFC 5208), SEC1
// ECPrivateKey (RFC 5915). Encrypted keys are refused (Error::encrypted_key).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "baretls/crypto/random.h"
#include "baretls/crypto/rsa.h"
#include "baretls/x509/error.h"
#include "baretls/x509/signature_scheme.h"

namespace baretls::x509 {

namespace detail {
struct PublicKeyBuilder;
struct PrivateKeyBuilder;
}  // namespace detail

enum class KeyType : std::uint8_t { rsa, ec_p256, ec_p384 };

[[nodiscard]] std::string_view key_type_name(KeyType type) noexcept;

class PublicKey {
 public:
  [[nodiscard]] static Result<PublicKey> from_spki(std::span<const std::uint8_t> der);
  [[nodiscard]] KeyType type() const noexcept { return type_; }
  [[nodiscard]] std::size_t bits() const noexcept { return bits_; }
  // Hashes `message` with the scheme's hash and verifies. ECDSA signatures
  // are DER. Returns ok, bad_signature, or unsupported_algorithm when the
  // scheme does not fit the key.
  [[nodiscard]] Error verify(SignatureScheme scheme, std::span<const std::uint8_t> message,
                             std::span<const std::uint8_t> signature) const noexcept;
  [[nodiscard]] const crypto::RsaPublicKey* rsa() const noexcept;  // null unless RSA

  // Raw components (big-endian, no leading zeros) and the EC point (SEC1 04||X||Y).
  [[nodiscard]] std::span<const std::uint8_t> rsa_modulus() const noexcept { return n_; }
  [[nodiscard]] std::span<const std::uint8_t> rsa_exponent() const noexcept { return e_; }
  [[nodiscard]] std::span<const std::uint8_t> ec_point() const noexcept { return point_; }

 private:
  friend class PrivateKey;
  friend struct detail::PublicKeyBuilder;
  friend struct detail::PrivateKeyBuilder;
  KeyType type_ = KeyType::rsa;
  std::size_t bits_ = 0;
  std::vector<std::uint8_t> n_, e_, point_;
  std::optional<crypto::RsaPublicKey> rsa_;  // set for RSA keys
};

class PrivateKey {
 public:
  PrivateKey() = default;
  PrivateKey(const PrivateKey&) = default;
  PrivateKey(PrivateKey&&) noexcept = default;
  PrivateKey& operator=(const PrivateKey&) = default;
  PrivateKey& operator=(PrivateKey&&) noexcept = default;
  ~PrivateKey();

  // PEM text: "PRIVATE KEY" (PKCS#8), "RSA PRIVATE KEY" (PKCS#1), "EC
  // PRIVATE KEY" (SEC1); "ENCRYPTED PRIVATE KEY" -> Error::encrypted_key.
  [[nodiscard]] static Result<PrivateKey> from_pem(std::string_view pem);
  [[nodiscard]] static Result<PrivateKey> from_der(std::span<const std::uint8_t> der);
  [[nodiscard]] KeyType type() const noexcept { return public_.type_; }
  [[nodiscard]] PublicKey public_key() const { return public_; }
  // Signs `message` (hashed inside); writes the signature (ECDSA as DER),
  // returns its length.
  [[nodiscard]] Result<std::size_t> sign(SignatureScheme scheme, std::span<const std::uint8_t> message,
                                         const crypto::RandomSource& rng, std::span<std::uint8_t> out) const;
  [[nodiscard]] const crypto::RsaPrivateKey* rsa() const noexcept;

 private:
  friend struct detail::PrivateKeyBuilder;
  PublicKey public_;
  // RSA: d, p, q, dp, dq, qinv (big-endian); EC: d in scalar[0]. Wiped on destruction.
  std::vector<std::vector<std::uint8_t>> secret_;
  std::optional<crypto::RsaPrivateKey> rsa_;  // set for RSA keys (wipes itself)
};

}  // namespace baretls::x509
