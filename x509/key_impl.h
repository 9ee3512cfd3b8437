// SPDX-License-Identifier: MIT
// Internal to x509/: building keys from parsed components (key.cpp), and the
// hooks that attach the crypto/ objects (key_crypto.cpp).
#pragma once

#include <optional>
#include <span>

#include "x509/der.h"
#include "baretls/x509/key.h"

namespace baretls::x509::detail {

enum class PrivateKeyFormat : std::uint8_t { any, pkcs8, pkcs1, sec1 };

std::size_t bit_length(std::span<const std::uint8_t> be) noexcept;
std::size_t ec_coordinate_size(KeyType type) noexcept;
Result<KeyType> parse_named_curve(der::Reader& r);
Error check_ec_point(KeyType type, std::span<const std::uint8_t> point);
Result<PrivateKey> parse_private_key(std::span<const std::uint8_t> der, PrivateKeyFormat format);

struct PublicKeyBuilder {
  static Result<PublicKey> rsa(std::span<const std::uint8_t> n, std::span<const std::uint8_t> e);
  static Result<PublicKey> ec(KeyType type, std::span<const std::uint8_t> point);
  // Attach the crypto/ key object; refuses keys crypto/ refuses.
  static Error finish_rsa(PublicKey& key);
  static Error finish_ec(PublicKey& key);
};

struct PrivateKeyBuilder {
  // n, e, d, p, q, dp, dq, qinv.
  static Result<PrivateKey> rsa(std::span<const std::span<const std::uint8_t>, 8> parts);
  // `point` may be empty (then derived from d).
  static Result<PrivateKey> ec(KeyType type, std::span<const std::uint8_t> d, std::span<const std::uint8_t> point);
};

}  // namespace baretls::x509::detail
