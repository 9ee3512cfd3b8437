// SPDX-License-Identifier: MIT
// baretls benchmark cases for P-256/P-384, named as `openssl speed` names
// them. "ecdhp256"/"ecdhp384": "derive" is the shared secret alone (a fixed
// private key and peer point, as `openssl speed ecdhp256` times it; the peer
// point is decoded and validated in each call), "keygen+derive" one side of
// an ECDHE exchange (a fresh key pair, then the shared secret).
// "ecdsap256"/"ecdsap384": signing and verifying a digest of the curve's size.
#include <algorithm>
#include <initializer_list>
#include <memory>
#include <string>
#include <utility>
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
  for (std::size_t i = 0; i < size; ++i) k->d[i] = static_cast<std::uint8_t>(fill + i);
  if (crypto::ec_public_from_private(c, {k->d, size}, {k->q, crypto::ec_point_size(c)}) != crypto::Error::ok)
    return nullptr;
  return k;
}

// The operations of one fixture, once per arithmetic path of the curve.
template <typename Fixture>
using Run = bool (*)(Fixture&, std::size_t);
template <typename Fixture>
void add_per_path(std::vector<Case>& out, const char* name, Curve c, const std::shared_ptr<Fixture>& f,
                  std::initializer_list<std::pair<const char*, Run<Fixture>>> operations) {
  for (const auto& path : distinct_paths([c] { return std::string(crypto::ec_implementation(c)); })) {
    for (const auto& [operation, run] : operations) {
      out.push_back(Case{name, operation, "baretls", path.name, 0, Unit::operations_per_second, path.mask,
                         [f, run = run](std::size_t n) { return run(*f, n); }});
    }
  }
}

// A fixed key pair, a fixed peer and their shared secret (the expected output).
struct EcdhFixture {
  Curve curve;
  std::shared_ptr<KeyPair> mine, peer;
  std::uint8_t shared[crypto::kMaxEcScalarSize] = {};
  std::size_t scalar_size() const { return crypto::ec_scalar_size(curve); }
  std::size_t point_size() const { return crypto::ec_point_size(curve); }
};

std::shared_ptr<EcdhFixture> make_ecdh_fixture(Curve c) {
  auto f = std::make_shared<EcdhFixture>(EcdhFixture{c, fixed_key(c, 0x17), fixed_key(c, 0x31)});
  if (!f->mine || !f->peer ||
      crypto::ecdh(c, {f->mine->d, f->scalar_size()}, {f->peer->q, f->point_size()}, {f->shared, f->scalar_size()}) !=
          crypto::Error::ok)
    return nullptr;
  return f;
}

bool run_derive(EcdhFixture& f, std::size_t n) {
  std::uint8_t z[crypto::kMaxEcScalarSize] = {};
  bool ok = true;
  for (std::size_t i = 0; i < n; ++i) {
    ok &= crypto::ecdh(f.curve, {f.mine->d, f.scalar_size()}, {f.peer->q, f.point_size()}, {z, f.scalar_size()}) ==
          crypto::Error::ok;
    do_not_optimize(z);
  }
  return ok && std::equal(z, z + f.scalar_size(), f.shared);
}

bool run_keygen_derive(EcdhFixture& f, std::size_t n) {
  const auto rng = crypto::system_random();
  KeyPair fresh;
  std::uint8_t z[crypto::kMaxEcScalarSize];
  bool ok = true;
  for (std::size_t i = 0; i < n; ++i) {
    ok &= crypto::ec_generate(f.curve, rng, {fresh.d, f.scalar_size()}, {fresh.q, f.point_size()}) ==
          crypto::Error::ok;
    ok &= crypto::ecdh(f.curve, {fresh.d, f.scalar_size()}, {f.peer->q, f.point_size()}, {z, f.scalar_size()}) ==
          crypto::Error::ok;
    do_not_optimize(z);
  }
  return ok;
}

void add_ecdh(std::vector<Case>& out, const char* name, Curve c) {
  auto f = make_ecdh_fixture(c);
  if (!f) {
    out.push_back(failed_setup(name, "derive", "baretls"));
    return;
  }
  add_per_path<EcdhFixture>(out, name, c, f, {{"derive", run_derive}, {"keygen+derive", run_keygen_derive}});
}

struct EcdsaFixture {
  Curve curve;
  crypto::HashId hash;
  std::shared_ptr<KeyPair> key;
  std::vector<std::uint8_t> digest, sig;
  std::size_t scalar_size() const { return crypto::ec_scalar_size(curve); }
};

// Signs a digest that changes each time (a fresh nonce each time).
bool run_sign(EcdsaFixture& f, std::size_t n) {
  std::uint8_t s[2 * crypto::kMaxEcScalarSize];
  std::vector<std::uint8_t> digest = f.digest;
  bool ok = true;
  for (std::size_t i = 0; i < n; ++i) {
    digest[0] = static_cast<std::uint8_t>(i);
    ok &= crypto::ecdsa_sign(f.curve, f.hash, {f.key->d, f.scalar_size()}, digest, nullptr,
                             {s, 2 * f.scalar_size()}) == crypto::Error::ok;
    do_not_optimize(s);
  }
  return ok;
}

bool run_verify(EcdsaFixture& f, std::size_t n) {
  bool ok = true;
  for (std::size_t i = 0; i < n; ++i)
    ok &= crypto::ecdsa_verify(f.curve, {f.key->q, crypto::ec_point_size(f.curve)}, f.digest, f.sig) ==
          crypto::Error::ok;
  return ok;
}

void add_ecdsa(std::vector<Case>& out, const char* name, Curve c) {
  auto f = std::make_shared<EcdsaFixture>();
  f->curve = c;
  f->hash = c == Curve::p256 ? crypto::HashId::sha256 : crypto::HashId::sha384;
  f->key = fixed_key(c, 0x17);
  f->digest.assign(crypto::ec_scalar_size(c), 0xa5);
  f->sig.resize(2 * crypto::ec_scalar_size(c));
  if (!f->key || crypto::ecdsa_sign(c, f->hash, {f->key->d, f->scalar_size()}, f->digest, nullptr, f->sig) !=
                     crypto::Error::ok) {
    out.push_back(failed_setup(name, "sign", "baretls"));
    return;
  }
  add_per_path<EcdsaFixture>(out, name, c, f, {{"sign", run_sign}, {"verify", run_verify}});
}

BARETLS_BENCH_REGISTER("p256", "baretls", [](std::vector<Case>& out) { add_ecdh(out, "ecdhp256", Curve::p256); });
BARETLS_BENCH_REGISTER("p384", "baretls", [](std::vector<Case>& out) { add_ecdh(out, "ecdhp384", Curve::p384); });
BARETLS_BENCH_REGISTER("ecdsa-p256", "baretls", [](std::vector<Case>& out) {
  add_ecdsa(out, "ecdsap256", Curve::p256);
});
BARETLS_BENCH_REGISTER("ecdsa-p384", "baretls", [](std::vector<Case>& out) {
  add_ecdsa(out, "ecdsap384", Curve::p384);
});

}  // namespace
}  // namespace baretls::bench
