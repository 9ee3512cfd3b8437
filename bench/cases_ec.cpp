// SPDX-License-Identifier: MIT
// baretls benchmark cases for P-256/P-384: "p256"/"p384" time one side of an
// ECDHE exchange (key generation + shared secret), "ecdsa-p256"/"ecdsa-p384"
// time signing and verifying a digest of the curve's size.
#include <memory>
#include <string>
#include <vector>

#include "baretls/crypto/ec.h"
#include "baretls/crypto/ecdsa.h"
#include "bench/harness.h"

namespace baretls::bench {
namespace {

using crypto::Curve;

struct KeyPair {
  std::uint8_t d[crypto::kMaxEcScalarSize];
  std::uint8_t q[crypto::kMaxEcPointSize];
};

std::shared_ptr<KeyPair> fixed_key(Curve c, std::uint8_t fill) {
  auto k = std::make_shared<KeyPair>();
  const std::size_t size = crypto::ec_scalar_size(c);
  for (std::size_t i = 0; i < size; ++i)
    k->d[i] = static_cast<std::uint8_t>(fill + i);
  if (crypto::ec_public_from_private(c, {k->d, size},
                                     {k->q, crypto::ec_point_size(c)}) !=
      crypto::Error::ok) {
    return nullptr;
  }
  return k;
}

std::vector<Path> paths(Curve c) {
  return distinct_paths(
      [c] { return std::string(crypto::ec_implementation(c)); });
}

void add_ecdh(std::vector<Case> &out, const char *name, Curve c) {
  auto peer = fixed_key(c, 0x31);
  for (const auto &path : paths(c))
    out.push_back(Case{
        name, "ecdh", "baretls", path.name, 0, Unit::operations_per_second,
        path.mask, [peer, c](std::size_t n) {
          const auto rng = crypto::system_random();
          const std::size_t size = crypto::ec_scalar_size(c);
          KeyPair mine;
          std::uint8_t z[crypto::kMaxEcScalarSize];
          for (std::size_t i = 0; i < n; ++i) {
            const auto e1 = crypto::ec_generate(
                c, rng, {mine.d, size}, {mine.q, crypto::ec_point_size(c)});
            const auto e2 =
                crypto::ecdh(c, {mine.d, size},
                             {peer->q, crypto::ec_point_size(c)}, {z, size});
            if (e1 != crypto::Error::ok || e2 != crypto::Error::ok)
              return;
            do_not_optimize(z);
          }
        }});
}

void add_ecdsa(std::vector<Case> &out, const char *name, Curve c) {
  auto key = fixed_key(c, 0x17);
  const auto hash =
      c == Curve::p256 ? crypto::HashId::sha256 : crypto::HashId::sha384;
  auto sig = std::make_shared<std::vector<std::uint8_t>>(
      2 * crypto::ec_scalar_size(c));
  auto digest = std::make_shared<std::vector<std::uint8_t>>(
      crypto::ec_scalar_size(c), 0xa5);
  if (crypto::ecdsa_sign(c, hash, {key->d, crypto::ec_scalar_size(c)}, *digest,
                         nullptr, *sig) != crypto::Error::ok) {
    return;
  }
  for (const auto &path : paths(c)) {
    out.push_back(Case{
        name, "sign", "baretls", path.name, 0, Unit::operations_per_second,
        path.mask, [key, digest, c, hash](std::size_t n) {
          std::uint8_t s[2 * crypto::kMaxEcScalarSize];
          for (std::size_t i = 0; i < n; ++i) {
            (*digest)[0] =
                static_cast<std::uint8_t>(i); // a fresh nonce each time
            if (crypto::ecdsa_sign(c, hash, {key->d, crypto::ec_scalar_size(c)},
                                   *digest, nullptr,
                                   {s, 2 * crypto::ec_scalar_size(c)}) !=
                crypto::Error::ok) {
              return;
            }
            do_not_optimize(s);
          }
        }});
    auto fixed_digest = std::make_shared<std::vector<std::uint8_t>>(*digest);
    out.push_back(Case{name, "verify", "baretls", path.name, 0,
                       Unit::operations_per_second, path.mask,
                       [key, fixed_digest, sig, c](std::size_t n) {
                         for (std::size_t i = 0; i < n; ++i) {
                           if (crypto::ecdsa_verify(
                                   c, {key->q, crypto::ec_point_size(c)},
                                   *fixed_digest, *sig) != crypto::Error::ok) {
                             return;
                           }
                         }
                       }});
  }
}

BARETLS_BENCH_REGISTER("p256", "baretls", [](std::vector<Case> &out) {
  add_ecdh(out, "p256", Curve::p256);
});
BARETLS_BENCH_REGISTER("p384", "baretls", [](std::vector<Case> &out) {
  add_ecdh(out, "p384", Curve::p384);
});
BARETLS_BENCH_REGISTER("ecdsa-p256", "baretls", [](std::vector<Case> &out) {
  add_ecdsa(out, "ecdsa-p256", Curve::p256);
});
BARETLS_BENCH_REGISTER("ecdsa-p384", "baretls", [](std::vector<Case> &out) {
  add_ecdsa(out, "ecdsa-p384", Curve::p384);
});

} // namespace
} // namespace baretls::bench
