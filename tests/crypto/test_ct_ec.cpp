// SPDX-License-Identifier: MIT
// Constant-time check (ctgrind style) for P-256 / P-384: the private scalar d
// and the ECDSA nonce k are marked undefined for Valgrind memcheck while the
// curve operations run (range check, k*G, x(d*Q) for ECDH, ECDSA r and s).
// The first case drives the operation table (crypto/ec_ops_impl.h) directly,
// so the poisoning stops where the entry points make a public decision from a
// secret-derived value by design: "d or k in [1, n-1]" (Mask::to_bool, ec.cpp
// and ecdsa.cpp), "r or s is zero" (the RFC 6979 §3.4 retry, sign_core) and
// the RFC 6979 rejection loop (NonceDrbg::next). The second case runs the
// entry points whole with d secret; test_ct_ec.supp suppresses only jumps in
// their own bodies (where those decisions are inlined). The produced point,
// shared secret and r, s are marked defined only after each call.
// Paths: portable and BMI2+ADX (the AVX-512 paths are skipped: Valgrind does
// not emulate AVX-512).
#include <doctest/doctest.h>

#include <random>

#include "baretls/crypto/ec.h"
#include "baretls/crypto/ecdsa.h"
#include "crypto/ec_impl.h"
#include "crypto/ecdsa_impl.h"
#include "tests/crypto/ct_poison.h"
#include "tests/support/hex.h"

using namespace baretls;
using namespace baretls::test;

TEST_CASE("P-256 / P-384 ECDH and ECDSA signing do not branch or index on d or k") {
  std::mt19937_64 rng(41);
  std::size_t runs = 0;
  const auto paths = ct_paths();  // portable first, then what this CPU has
  for (const auto& path : paths) {
    ScopedCpuMask mask(path.mask);
    for (auto curve : {crypto::Curve::p256, crypto::Curve::p384}) {
      const auto& ops = crypto::detail::curve_ops(curve);
      const std::size_t n = ops.size;
      const auto hash = curve == crypto::Curve::p256 ? crypto::HashId::sha256 : crypto::HashId::sha384;
      Bytes d(n), d2(n), digest(n);
      for (auto* b : {&d, &d2, &digest})
        for (auto& x : *b) x = static_cast<std::uint8_t>(rng());
      d[0] &= 0x7f;  // below n for both curves
      d2[0] &= 0x7f;
      Bytes q(crypto::ec_point_size(curve)), q2(q.size()), shared_ref(n), sig_ref(2 * n), k(n);
      REQUIRE(crypto::ec_public_from_private(curve, d, q) == crypto::Error::ok);
      REQUIRE(crypto::ec_public_from_private(curve, d2, q2) == crypto::Error::ok);
      REQUIRE(crypto::ecdh(curve, d, q2, shared_ref) == crypto::Error::ok);
      REQUIRE(crypto::ecdsa_sign(curve, hash, d, digest, nullptr, sig_ref) == crypto::Error::ok);
      crypto::detail::rfc6979_nonce(curve, hash, d, digest, {}, k);

      CT_POISON(d.data(), d.size());
      CT_POISON(k.data(), k.size());
      crypto::ct::Mask d_ok = ops.scalar_in_range(d.data());
      crypto::ct::Mask k_ok = ops.scalar_in_range(k.data());
      Bytes xy(2 * n), shared(n), e(n), sig(2 * n);
      ops.base_mul(xy.data(), d.data());
      bool finite = ops.point_mul_x(shared.data(), q2.data() + 1, d.data());
      ops.reduce_scalar(e.data(), digest.data());  // public digest
      ops.ecdsa_r(sig.data(), k.data());
      CT_UNPOISON(sig.data(), n);  // r is published
      ops.ecdsa_s(sig.data() + n, k.data(), e.data(), sig.data(), d.data());
      CT_UNPOISON(&d_ok, sizeof d_ok);  // public decisions (see the header)
      CT_UNPOISON(&k_ok, sizeof k_ok);
      CT_UNPOISON(&finite, sizeof finite);
      CT_UNPOISON(xy.data(), xy.size());
      CT_UNPOISON(shared.data(), shared.size());
      CT_UNPOISON(sig.data(), sig.size());
      CT_UNPOISON(d.data(), d.size());
      CT_UNPOISON(k.data(), k.size());
      CHECK(d_ok.to_bool());
      CHECK(k_ok.to_bool());
      CHECK(finite);
      CHECK(std::equal(xy.begin(), xy.end(), q.begin() + 1));
      CHECK(shared == shared_ref);
      CHECK(sig == sig_ref);
      CHECK(crypto::ecdsa_verify(curve, q, digest, sig) == crypto::Error::ok);
      MESSAGE("ct run [" << path.name << "] " << (curve == crypto::Curve::p256 ? "P-256 " : "P-384 ")
                         << (curve == crypto::Curve::p256 ? crypto::detail::p256_implementation()
                                                          : crypto::detail::p384_implementation()));
      ++runs;
    }
  }
  CHECK(runs == 2 * paths.size());
}

TEST_CASE("ecdh, ec_public_from_private and ecdsa_sign (public entry points) with a secret d") {
  // The whole calls run with d secret, including the RFC 6979 HMAC-DRBG that
  // derives k from d. test_ct_ec.supp suppresses conditional jumps located in
  // the entry points' own bodies (ecdh, ec_public_from_private, ecdsa_sign,
  // where the documented public decisions are inlined: d/k in range, r or s
  // zero); every callee (curve operations, HMAC, SHA-2) is still checked.
  std::mt19937_64 rng(42);
  std::size_t runs = 0;
  const auto paths = ct_paths();  // portable first, then what this CPU has
  for (const auto& path : paths) {
    ScopedCpuMask mask(path.mask);
    for (auto curve : {crypto::Curve::p256, crypto::Curve::p384}) {
      const std::size_t n = crypto::ec_scalar_size(curve);
      const auto hash = curve == crypto::Curve::p256 ? crypto::HashId::sha256 : crypto::HashId::sha384;
      Bytes d(n), d2(n), digest(n);
      for (auto* b : {&d, &d2, &digest})
        for (auto& x : *b) x = static_cast<std::uint8_t>(rng());
      d[0] &= 0x7f;
      d2[0] &= 0x7f;
      Bytes q(crypto::ec_point_size(curve)), q2(q.size()), shared_ref(n), sig_ref(2 * n);
      REQUIRE(crypto::ec_public_from_private(curve, d, q) == crypto::Error::ok);
      REQUIRE(crypto::ec_public_from_private(curve, d2, q2) == crypto::Error::ok);
      REQUIRE(crypto::ecdh(curve, d, q2, shared_ref) == crypto::Error::ok);
      REQUIRE(crypto::ecdsa_sign(curve, hash, d, digest, nullptr, sig_ref) == crypto::Error::ok);

      CT_POISON(d.data(), d.size());
      Bytes q_out(q.size()), shared(n), sig(2 * n);
      crypto::Error pub_result = crypto::ec_public_from_private(curve, d, q_out);
      crypto::Error ecdh_result = crypto::ecdh(curve, d, q2, shared);
      crypto::Error sign_result = crypto::ecdsa_sign(curve, hash, d, digest, nullptr, sig);
      CT_UNPOISON(d.data(), d.size());
      CT_UNPOISON(&pub_result, sizeof pub_result);
      CT_UNPOISON(&ecdh_result, sizeof ecdh_result);
      CT_UNPOISON(&sign_result, sizeof sign_result);
      CT_UNPOISON(q_out.data(), q_out.size());
      CT_UNPOISON(shared.data(), shared.size());
      CT_UNPOISON(sig.data(), sig.size());
      CHECK(pub_result == crypto::Error::ok);
      CHECK(ecdh_result == crypto::Error::ok);
      CHECK(sign_result == crypto::Error::ok);
      CHECK(q_out == q);
      CHECK(shared == shared_ref);
      CHECK(sig == sig_ref);
      ++runs;
    }
    MESSAGE("ct run [" << path.name << "] ecdh, ec_public_from_private, ecdsa_sign (P-256, P-384)");
  }
  CHECK(runs == 2 * paths.size());
}

namespace {

// A deterministic random source that marks every byte it writes secret.
crypto::Error poisoning_fill(void* ctx, std::span<std::uint8_t> out) {
  auto* gen = static_cast<std::mt19937_64*>(ctx);
  for (auto& b : out) b = static_cast<std::uint8_t>((*gen)());
  CT_POISON(out.data(), out.size());
  return crypto::Error::ok;
}

}  // namespace

TEST_CASE("ec_generate does not branch or index on the random private key") {
  // ec_generate's draw-until-in-range decision (FIPS 186-4 B.4.2) is public by
  // design; test_ct_ec.supp matches jumps in its own body only.
  std::size_t runs = 0;
  const auto paths = ct_paths();  // portable first, then what this CPU has
  for (const auto& path : paths) {
    ScopedCpuMask mask(path.mask);
    for (auto curve : {crypto::Curve::p256, crypto::Curve::p384}) {
      std::mt19937_64 gen(43);
      const crypto::RandomSource rng{&poisoning_fill, &gen};
      Bytes d(crypto::ec_scalar_size(curve)), q(crypto::ec_point_size(curve)), check(q.size());
      crypto::Error result = crypto::ec_generate(curve, rng, d, q);
      CT_UNPOISON(&result, sizeof result);
      CT_UNPOISON(q.data(), q.size());
      CT_UNPOISON(d.data(), d.size());
      REQUIRE(result == crypto::Error::ok);
      REQUIRE(crypto::ec_public_from_private(curve, d, check) == crypto::Error::ok);
      CHECK(q == check);
      CHECK(crypto::ec_validate_public(curve, q) == crypto::Error::ok);
      ++runs;
    }
  }
  CHECK(runs == 2 * paths.size());
}
