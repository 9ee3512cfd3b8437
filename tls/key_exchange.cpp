// SPDX-License-Identifier: MIT
// ECDHE over x25519 (RFC 7748) and secp256r1/secp384r1 (RFC 8422 §5.10:
// "the premaster secret is the x-coordinate of the ECDH shared secret").
#include "tls/key_exchange.h"

#include "baretls/crypto/ec.h"
#include "baretls/crypto/x25519.h"
#include "tls/suites.h"

namespace baretls::tls {

namespace {
crypto::Curve curve_of(NamedGroup g) noexcept {
  return g == NamedGroup::secp256r1 ? crypto::Curve::p256 : crypto::Curve::p384;
}
}  // namespace

bool group_available(NamedGroup g) noexcept {
  return g == NamedGroup::x25519 || g == NamedGroup::secp256r1 || g == NamedGroup::secp384r1;
}

Result<EphemeralKey> generate_ephemeral(NamedGroup group, const crypto::RandomSource& rng) noexcept {
  EphemeralKey k;
  k.group = group;
  k.public_size = group_public_size(group);
  if (group == NamedGroup::x25519) {
    const auto e = crypto::x25519_generate(rng, k.private_key.expose().first<32>(),
                                           std::span(k.public_value).first<32>());
    if (e != crypto::Error::ok) return Error::random_failure;
    return k;
  }
  const auto c = curve_of(group);
  const auto e = crypto::ec_generate(c, rng, k.private_key.expose().first(crypto::ec_scalar_size(c)),
                                     std::span(k.public_value).first(k.public_size));
  if (e != crypto::Error::ok) return Error::random_failure;
  return k;
}

Result<std::size_t> compute_shared_secret(const EphemeralKey& key, std::span<const std::uint8_t> peer_public,
                                          std::span<std::uint8_t, kMaxEcdhSecret> out) noexcept {
  if (peer_public.size() != group_public_size(key.group)) return Error::bad_key_share;
  if (key.group == NamedGroup::x25519) {
    // RFC 7748 §6.1: "Both [parties] MAY check, without leaking extra
    // information about the value of K, whether K is the all-zero value and
    // abort if so" - RFC 8422 §5.11 makes it a MUST for TLS.
    const auto e = crypto::x25519(out.first<32>(), key.private_key.expose().first<32>(), peer_public.first<32>());
    if (e != crypto::Error::ok) return Error::bad_key_share;
    return std::size_t{32};
  }
  const auto c = curve_of(key.group);
  const std::size_t n = crypto::ec_scalar_size(c);
  // ecdh() validates the peer point (RFC 8422 §5.11: on the curve, not infinity).
  const auto e = crypto::ecdh(c, key.private_key.expose().first(n), peer_public, out.first(n));
  if (e != crypto::Error::ok) return Error::bad_key_share;
  return n;
}

}  // namespace baretls::tls
