// SPDX-License-Identifier: MIT
// P-256 / P-384 points, keys and ECDH. Vectors:
// vectors/nist-cavp/ecc-cdh/KAS_ECC_CDH_PrimitiveTest.txt (SP 800-56A CDH,
// every [P-256] and [P-384] record), vectors/nist-cavp/ecdsa-186-3/KeyPair.rsp
// (d -> Q) and PKV.rsp (public-key validation, P/F). Negative tests for point
// encodings and scalars; differential tests of the field layer and of both
// scalar multiplications against the reference in ec_ref.h.
#include "baretls/crypto/ec.h"

#include <doctest/doctest.h>

#include <random>
#include <string>

#include "baretls/crypto/cpu.h"
#include "crypto/arch.h"
#include "crypto/ec_point_impl.h"
#include "crypto/p256_field.h"
#include "crypto/p256_field_adx.h"
#include "crypto/p256_scalar_adx.h"
#include "crypto/p384_field.h"
#include "tests/crypto/ec_ref.h"
#include "tests/support/cpu_paths.h"
#include "tests/support/hex.h"
#include "tests/support/vector_file.h"

using namespace baretls;
using namespace baretls::test;
using crypto::Curve;
using crypto::Error;

namespace {

struct CurveInfo {
  Curve curve;
  const char* name;  // CAVP section name
  const char* p;
  const char* n;
  const char* b;
  const char* gx;
  const char* gy;
};

const CurveInfo kCurves[] = {
    {Curve::p256, "P-256", "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff",
     "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551",
     "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b",
     "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296",
     "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5"},
    {Curve::p384, "P-384",
     "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff",
     "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973",
     "b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef",
     "aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7",
     "3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5f"},
};

ref::Curve ref_curve(const CurveInfo& c) { return {{ref::Big::from_hex(c.p)}, ref::Big::from_hex(c.b)}; }

Bytes concat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

Bytes uncompressed(const Bytes& x, const Bytes& y) { return concat({{0x04}, x, y}); }

// A CAVP hex integer as exactly `size` bytes when it fits; odd digit counts
// are left-padded, and a value too large is returned at its own length.
Bytes fixed(std::string hex, std::size_t size) {
  if (hex.size() % 2 != 0) hex.insert(hex.begin(), '0');
  Bytes b = from_hex(hex);
  while (b.size() > size && b.front() == 0) b.erase(b.begin());
  while (b.size() < size) b.insert(b.begin(), 0);
  return b;
}

}  // namespace

namespace {
void run_0_ecdh_nist_cavp_kas_ecc_cdh_primitive_vec() {
  std::size_t checked[2] = {0, 0};
  for (const auto& r : load_vector_file(vector_path("nist-cavp/ecc-cdh/KAS_ECC_CDH_PrimitiveTest.txt")).records) {
    for (std::size_t ci = 0; ci < 2; ++ci) {
      const auto& c = kCurves[ci];
      if (!r.has_section(c.name)) continue;
      const std::size_t size = crypto::ec_scalar_size(c.curve);
      const Bytes peer = uncompressed(fixed(r.get("QCAVSx"), size), fixed(r.get("QCAVSy"), size));
      const Bytes d = fixed(r.get("dIUT"), size);
      Bytes z(size), q(crypto::ec_point_size(c.curve));
      CHECK_MESSAGE(crypto::ec_validate_public(c.curve, peer) == Error::ok, r.where());
      REQUIRE_MESSAGE(crypto::ecdh(c.curve, d, peer, z) == Error::ok, r.where());
      CHECK_MESSAGE(to_hex(z) == to_hex(fixed(r.get("ZIUT"), size)), r.where());
      REQUIRE(crypto::ec_public_from_private(c.curve, d, q) == Error::ok);
      CHECK_MESSAGE(to_hex(q) == to_hex(uncompressed(fixed(r.get("QIUTx"), size), fixed(r.get("QIUTy"), size))),
                    r.where());
      ++checked[ci];
    }
  }
  MESSAGE("CDH: P-256 " << checked[0] << " records, P-384 " << checked[1] << " records");
  CHECK(checked[0] == 25);
  CHECK(checked[1] == 25);
}
}  // namespace

TEST_CASE("ECDH: NIST CAVP KAS ECC CDH primitive vectors") {
  for (const auto& path : cpu_paths()) {
    ScopedCpuMask mask(path.mask);
    MESSAGE("path " << path.name << " (" << crypto::ec_implementation(Curve::p256) << ")");
    run_0_ecdh_nist_cavp_kas_ecc_cdh_primitive_vec();
  }
}

namespace {
void run_1_ec_keys_cavp_keypair_d_q() {
  std::size_t checked[2] = {0, 0};
  for (const auto& r : load_vector_file(vector_path("nist-cavp/ecdsa-186-3/KeyPair.rsp")).records) {
    for (std::size_t ci = 0; ci < 2; ++ci) {
      const auto& c = kCurves[ci];
      if (!r.has_section(c.name) || !r.has("d")) continue;  // "N = 10" header records
      const std::size_t size = crypto::ec_scalar_size(c.curve);
      Bytes q(crypto::ec_point_size(c.curve));
      REQUIRE(crypto::ec_public_from_private(c.curve, fixed(r.get("d"), size), q) == Error::ok);
      CHECK_MESSAGE(to_hex(q) == to_hex(uncompressed(fixed(r.get("Qx"), size), fixed(r.get("Qy"), size))),
                    r.where());
      ++checked[ci];
    }
  }
  MESSAGE("KeyPair: P-256 " << checked[0] << ", P-384 " << checked[1]);
  CHECK(checked[0] == 10);
  CHECK(checked[1] == 10);
}
}  // namespace

TEST_CASE("EC keys: CAVP KeyPair d -> Q") {
  for (const auto& path : cpu_paths()) {
    ScopedCpuMask mask(path.mask);
    MESSAGE("path " << path.name << " (" << crypto::ec_implementation(Curve::p256) << ")");
    run_1_ec_keys_cavp_keypair_d_q();
  }
}

TEST_CASE("EC keys: CAVP PKV public-key validation") {
  std::size_t checked[2] = {0, 0}, rejected[2] = {0, 0};
  for (const auto& r : load_vector_file(vector_path("nist-cavp/ecdsa-186-3/PKV.rsp")).records) {
    for (std::size_t ci = 0; ci < 2; ++ci) {
      const auto& c = kCurves[ci];
      if (!r.has_section(c.name)) continue;
      const std::size_t size = crypto::ec_scalar_size(c.curve);
      const Bytes point = uncompressed(fixed(r.get("Qx"), size), fixed(r.get("Qy"), size));
      const bool expect_pass = r.get("Result").front() == 'P';
      const Error e = crypto::ec_validate_public(c.curve, point);
      CHECK_MESSAGE((e == Error::ok) == expect_pass, r.where());
      ++checked[ci];
      rejected[ci] += expect_pass ? 0 : 1;
    }
  }
  MESSAGE("PKV: P-256 " << checked[0] << " (" << rejected[0] << " F), P-384 " << checked[1] << " ("
                        << rejected[1] << " F)");
  CHECK(checked[0] == 12);
  CHECK(checked[1] == 12);
  CHECK(rejected[0] > 0);
  CHECK(rejected[1] > 0);
}

namespace {
void run_2_ec_negative_encodings_off_curve_points_i() {
  for (const auto& c : kCurves) {
    CAPTURE(c.name);
    const std::size_t size = crypto::ec_scalar_size(c.curve);
    const Bytes gx = fixed(c.gx, size), gy = fixed(c.gy, size), p = fixed(c.p, size), n = fixed(c.n, size);
    const Bytes g = uncompressed(gx, gy);
    REQUIRE(crypto::ec_validate_public(c.curve, g) == Error::ok);
    // Infinity: the one-octet SEC 1 encoding, and the all-zero body.
    CHECK(crypto::ec_validate_public(c.curve, Bytes{0x00}) == Error::point_at_infinity);
    CHECK(crypto::ec_validate_public(c.curve, uncompressed(Bytes(size), Bytes(size))) == Error::invalid_point);
    // Wrong prefixes and lengths.
    for (std::uint8_t prefix : {0x00, 0x02, 0x03, 0x05, 0x06, 0x07}) {
      Bytes bad = g;
      bad[0] = prefix;
      CHECK(crypto::ec_validate_public(c.curve, bad) == Error::invalid_point);
    }
    CHECK(crypto::ec_validate_public(c.curve, Bytes(g.begin(), g.end() - 1)) == Error::bad_length);
    CHECK(crypto::ec_validate_public(c.curve, concat({g, {0x00}})) == Error::bad_length);
    CHECK(crypto::ec_validate_public(c.curve, concat({{0x02}, gx})) == Error::bad_length);
    CHECK(crypto::ec_validate_public(c.curve, Bytes{}) == Error::bad_length);
    // Off the curve: y + 1, x + 1, swapped coordinates.
    Bytes off = g;
    off.back() ^= 0x01;
    CHECK(crypto::ec_validate_public(c.curve, off) == Error::invalid_point);
    off = g;
    off[size] ^= 0x01;
    CHECK(crypto::ec_validate_public(c.curve, off) == Error::invalid_point);
    CHECK(crypto::ec_validate_public(c.curve, uncompressed(gy, gx)) == Error::invalid_point);
    // Non-canonical coordinates: x or y equal to p, p + 1, or all ones.
    Bytes p1 = p;
    p1.back() = static_cast<std::uint8_t>(p1.back() + 1);
    for (const Bytes& big : {p, p1, Bytes(size, 0xff)}) {
      CHECK(crypto::ec_validate_public(c.curve, uncompressed(big, gy)) == Error::invalid_point);
      CHECK(crypto::ec_validate_public(c.curve, uncompressed(gx, big)) == Error::invalid_point);
    }
    // ECDH refuses a bad peer point before touching the scalar.
    Bytes d(size, 0);
    d.back() = 7;
    Bytes z(size);
    CHECK(crypto::ecdh(c.curve, d, off, z) == Error::invalid_point);
    CHECK(crypto::ecdh(c.curve, d, Bytes{0x00}, z) == Error::point_at_infinity);
    // Scalars: 0, n, n + 1, all ones are out of range; wrong lengths refused.
    Bytes n1 = n;
    n1.back() = static_cast<std::uint8_t>(n1.back() + 1);
    Bytes q(crypto::ec_point_size(c.curve));
    for (const Bytes& bad : {Bytes(size, 0), n, n1, Bytes(size, 0xff)}) {
      CHECK(crypto::ec_public_from_private(c.curve, bad, q) == Error::invalid_scalar);
      CHECK(crypto::ecdh(c.curve, bad, g, z) == Error::invalid_scalar);
    }
    CHECK(crypto::ec_public_from_private(c.curve, Bytes(size - 1, 1), q) == Error::bad_length);
    CHECK(crypto::ec_public_from_private(c.curve, Bytes(size + 1, 1), q) == Error::bad_length);
    CHECK(crypto::ecdh(c.curve, Bytes(size + 1, 1), g, z) == Error::bad_length);
    Bytes small_q(crypto::ec_point_size(c.curve) - 1);
    CHECK(crypto::ec_public_from_private(c.curve, d, small_q) == Error::buffer_too_small);
    // n - 1 is the largest valid scalar: (n-1)G = -G.
    Bytes nm1 = n;
    nm1.back() = static_cast<std::uint8_t>(nm1.back() - 1);
    REQUIRE(crypto::ec_public_from_private(c.curve, nm1, q) == Error::ok);
    const auto rc = ref_curve(c);
    CHECK(to_hex(q) == to_hex(uncompressed(gx, rc.f.sub(ref::Big{}, ref::Big::from_bytes(gy)).to_bytes(size))));
  }
}
}  // namespace

TEST_CASE("EC negative: encodings, off-curve points, infinity, scalars") {
  for (const auto& path : cpu_paths()) {
    ScopedCpuMask mask(path.mask);
    MESSAGE("path " << path.name << " (" << crypto::ec_implementation(Curve::p256) << ")");
    run_2_ec_negative_encodings_off_curve_points_i();
  }
}

namespace {
void run_3_ec_differential_scalar_multiplication_vs() {
  const auto seed = std::random_device{}();
  MESSAGE("seed " << seed);
  std::mt19937_64 rng(seed);
  std::size_t checked = 0;
  for (const auto& c : kCurves) {
    CAPTURE(c.name);
    const std::size_t size = crypto::ec_scalar_size(c.curve);
    const auto rc = ref_curve(c);
    const ref::Big n = ref::Big::from_hex(c.n), gx = ref::Big::from_hex(c.gx), gy = ref::Big::from_hex(c.gy);
    std::vector<ref::Big> scalars = {ref::Big::small(1),  ref::Big::small(2),  ref::Big::small(3),
                                     ref::Big::small(15), ref::Big::small(16), ref::Big::small(17),
                                     n - ref::Big::small(1), n - ref::Big::small(2)};
    for (int i = 0; i < 3; ++i) {
      Bytes k(size);
      for (auto& b : k) b = static_cast<std::uint8_t>(rng());
      scalars.push_back(ref::Big::from_bytes(k).mod(n));
    }
    // A second base point Q = 5G for the variable-base multiplication.
    ref::Big qx, qy;
    REQUIRE(rc.mul(ref::Big::small(5), gx, gy, qx, qy));
    const Bytes q_enc = uncompressed(qx.to_bytes(size), qy.to_bytes(size));
    for (const auto& k : scalars) {
      if (k.is_zero()) continue;
      const Bytes kb = k.to_bytes(size);
      CAPTURE(to_hex(kb));
      ref::Big x, y;
      REQUIRE(rc.mul(k, gx, gy, x, y));
      Bytes pub(crypto::ec_point_size(c.curve));
      REQUIRE(crypto::ec_public_from_private(c.curve, kb, pub) == Error::ok);
      CHECK(to_hex(pub) == to_hex(uncompressed(x.to_bytes(size), y.to_bytes(size))));
      REQUIRE(rc.mul(k, qx, qy, x, y));
      Bytes z(size);
      REQUIRE(crypto::ecdh(c.curve, kb, q_enc, z) == Error::ok);
      CHECK(to_hex(z) == to_hex(x.to_bytes(size)));
      // And the generator through the variable-base path.
      REQUIRE(rc.mul(k, gx, gy, x, y));
      REQUIRE(crypto::ecdh(c.curve, kb, uncompressed(gx.to_bytes(size), gy.to_bytes(size)), z) == Error::ok);
      CHECK(to_hex(z) == to_hex(x.to_bytes(size)));
      ++checked;
    }
  }
  MESSAGE("scalar multiplications checked: " << checked);
  CHECK(checked == 22);
}
}  // namespace

TEST_CASE("EC differential: scalar multiplication vs reference double-and-add") {
  for (const auto& path : cpu_paths()) {
    ScopedCpuMask mask(path.mask);
    MESSAGE("path " << path.name << " (" << crypto::ec_implementation(Curve::p256) << ")");
    run_3_ec_differential_scalar_multiplication_vs();
  }
}

namespace {
// Scalars at the edges of the signed 5-bit windows of the variable-base
// multiplication: 1..40, n-40..n-1, and 2^(5w) + e, e in {-17, -16, -1, 0,
// 1, 15, 16, 17}, for every window w below the top (those past n are
// skipped). Each is checked as ecdh(k, G) == x(k*G) through the fixed-base
// path (complete formulas, an independent algorithm). Returns the count.
std::size_t run_window_edges(const CurveInfo& c) {
  const std::size_t size = crypto::ec_scalar_size(c.curve);
  const ref::Big n = ref::Big::from_hex(c.n);
  std::vector<ref::Big> scalars;
  for (std::uint32_t j = 1; j <= 40; ++j) {
    scalars.push_back(ref::Big::small(j));
    scalars.push_back(n - ref::Big::small(j));
  }
  for (std::size_t w = 1; 5 * w < 8 * size; ++w) {
    Bytes pow(size);
    pow[size - 1 - (5 * w) / 8] = static_cast<std::uint8_t>(1u << ((5 * w) % 8));
    const ref::Big base = ref::Big::from_bytes(pow);
    for (const std::uint32_t e : {17u, 16u, 1u}) scalars.push_back(base - ref::Big::small(e));
    for (const std::uint32_t e : {0u, 1u, 15u, 16u, 17u}) scalars.push_back(base + ref::Big::small(e));
  }
  const Bytes g = uncompressed(from_hex(c.gx), from_hex(c.gy));
  std::size_t checked = 0;
  for (const auto& k : scalars) {
    if (!(k < n)) continue;
    const Bytes kb = k.to_bytes(size);
    CAPTURE(to_hex(kb));
    Bytes pub(crypto::ec_point_size(c.curve)), z(size);
    REQUIRE(crypto::ec_public_from_private(c.curve, kb, pub) == Error::ok);
    REQUIRE(crypto::ecdh(c.curve, kb, g, z) == Error::ok);
    CHECK(to_hex(z) == to_hex(Bytes(pub.begin() + 1, pub.begin() + 1 + static_cast<std::ptrdiff_t>(size))));
    ++checked;
  }
  return checked;
}
}  // namespace

TEST_CASE("EC: variable-base multiplication at the window edges vs the fixed-base path") {
  for (const auto& path : cpu_paths()) {
    ScopedCpuMask mask(path.mask);
    MESSAGE("path " << path.name << " (" << crypto::ec_implementation(Curve::p256) << ")");
    const std::size_t p256 = run_window_edges(kCurves[0]);
    const std::size_t p384 = run_window_edges(kCurves[1]);
    MESSAGE("window-edge scalars: P-256 " << p256 << ", P-384 " << p384);
    // 80 near 0 and n, and 8 around each 2^(5w), w >= 1: all below n.
    CHECK(p256 == 80 + 8 * 51);
    CHECK(p384 == 80 + 8 * 76);
  }
}

namespace {

template <typename F>
std::size_t field_differential(const char* modulus_hex, std::mt19937_64& rng) {
  const ref::Mod m{ref::Big::from_hex(modulus_hex)};
  const std::size_t size = F::kBytes;
  auto to_fe = [&](const ref::Big& v) {
    typename F::Fe plain, mont;
    const Bytes b = v.to_bytes(size);
    F::load_be(plain, b.data());
    F::to_mont(mont, plain);
    return mont;
  };
  auto to_big = [&](const typename F::Fe& mont) {
    typename F::Fe plain;
    F::from_mont(plain, mont);
    Bytes b(size);
    F::store_be(b.data(), plain);
    return ref::Big::from_bytes(b);
  };
  std::vector<ref::Big> values = {ref::Big{}, ref::Big::small(1), ref::Big::small(2), m.m - ref::Big::small(1),
                                  m.m - ref::Big::small(2)};
  for (int i = 0; i < 40; ++i) {
    Bytes b(size);
    for (auto& x : b) x = static_cast<std::uint8_t>(rng());
    if (i % 4 == 0) b[0] = 0xff;  // near the top of the range
    values.push_back(ref::Big::from_bytes(b).mod(m.m));
  }
  std::size_t checked = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const auto& a = values[i];
    const auto& b = values[(i * 7 + 3) % values.size()];
    const auto fa = to_fe(a), fb = to_fe(b);
    typename F::Fe r;
    F::mul(r, fa, fb);
    CHECK(to_big(r) == m.mul(a, b));
    F::sqr(r, fa);
    CHECK(to_big(r) == m.mul(a, a));
    F::add(r, fa, fb);
    CHECK(to_big(r) == m.add(a, b));
    F::sub(r, fa, fb);
    CHECK(to_big(r) == m.sub(a, b));
    F::neg(r, fa);
    CHECK(to_big(r) == m.sub(ref::Big{}, a));
    if (!a.is_zero()) {
      F::invert(r, fa);
      CHECK(to_big(r) == m.inv(a));
      // The variable-time inverse of verification works on plain integers.
      typename F::Fe plain, inv;
      const Bytes ab = a.to_bytes(size);
      F::load_be(plain, ab.data());
      F::invert_plain_vartime(inv, plain);
      Bytes ib(size);
      F::store_be(ib.data(), inv);
      CHECK(ref::Big::from_bytes(ib) == m.inv(a));
    }
    ++checked;
  }
  return checked;
}

// Portable and accelerated mul, sqr, add and sub agree on random reduced inputs,
// including values next to the modulus.
template <typename Portable, typename Fast>
std::size_t compare_kernels(std::mt19937_64& rng) {
  std::size_t n = 0;
  for (int i = 0; i < 2000; ++i) {
    typename Portable::Fe a, b, r1, r2;
    for (auto& w : a) w = rng();
    for (auto& w : b) w = rng();
    if (i % 3 == 0) {
      a = Portable::kM;  // m - 1 - small
      a[0] -= static_cast<std::uint64_t>(1 + i % 5);
    }
    Portable::reduce_plain_once(a, a);
    Portable::reduce_plain_once(b, b);
    if (!Portable::less_than_modulus(a).to_bool() || !Portable::less_than_modulus(b).to_bool()) continue;
    Portable::mul_portable(r1, a, b);
    Fast::mul(r2, a, b);
    CHECK(r1 == r2);
    Portable::mul_portable(r1, a, a);
    Fast::sqr(r2, a);
    CHECK(r1 == r2);
    Portable::add(r1, a, b);
    Fast::add(r2, a, b);
    CHECK(r1 == r2);
    Portable::sub(r1, a, b);
    Fast::sub(r2, a, b);
    CHECK(r1 == r2);
    Portable::sub(r1, b, a);
    Fast::sub(r2, b, a);
    CHECK(r1 == r2);
    ++n;
  }
  return n;
}

}  // namespace

namespace {
template <typename Field>
struct HalfOnlyCurve {  // just enough of a curve for EcJacobian<C>::half
  using F = Field;
};

// half(a) doubled is a, for random reduced a and values next to 0 and m.
template <typename Field>
std::size_t check_half(std::mt19937_64& rng) {
  using J = crypto::detail::EcJacobian<HalfOnlyCurve<Field>>;
  std::size_t n = 0;
  for (int i = 0; i < 500; ++i) {
    typename Field::Fe a{}, h, twice;
    for (auto& w : a) w = rng();
    if (i < 6) {
      a = Field::kM;
      a[0] -= static_cast<std::uint64_t>(1 + i);  // m-1 .. m-6
    } else if (i < 12) {
      a = typename Field::Fe{};
      a[0] = static_cast<std::uint64_t>(i - 6);  // 0 .. 5
    }
    Field::reduce_plain_once(a, a);
    if (!Field::less_than_modulus(a).to_bool()) continue;
    J::half(h, a);
    CHECK(Field::less_than_modulus(h).to_bool());
    Field::add(twice, h, h);
    CHECK(twice == a);
    ++n;
  }
  return n;
}
}  // namespace

TEST_CASE("EC: halving in the Jacobian doubling, generic and MULX/ADX") {
  const auto seed = std::random_device{}();
  MESSAGE("seed " << seed);
  std::mt19937_64 rng(seed);
  using namespace crypto::detail;
  std::size_t checked = check_half<P256Field>(rng) + check_half<P384Field>(rng);
#if BARETLS_X86_64
  if (crypto::cpu_has(crypto::CpuFeature::bmi2) && crypto::cpu_has(crypto::CpuFeature::adx)) {
    checked += check_half<P256FieldAdx>(rng) + check_half<P384FieldAdx>(rng);
  }
#endif
  MESSAGE("halvings checked: " << checked);
  CHECK(checked >= 2 * 490);
}

TEST_CASE("EC differential: field and scalar arithmetic vs reference") {
  const auto seed = std::random_device{}();
  MESSAGE("seed " << seed);
  std::mt19937_64 rng(seed);
  using namespace crypto::detail;
  std::size_t checked = 0;
  checked += field_differential<P256Field>(kCurves[0].p, rng);
  checked += field_differential<P256Scalar>(kCurves[0].n, rng);
  checked += field_differential<P384Field>(kCurves[1].p, rng);
  checked += field_differential<P384Scalar>(kCurves[1].n, rng);
#if BARETLS_X86_64
  std::size_t accelerated = 0;
  if (crypto::cpu_has(crypto::CpuFeature::bmi2) && crypto::cpu_has(crypto::CpuFeature::adx)) {
    accelerated += field_differential<P256FieldAdx>(kCurves[0].p, rng);
    accelerated += field_differential<P256ScalarAdx>(kCurves[0].n, rng);
    accelerated += field_differential<P384FieldAdx>(kCurves[1].p, rng);
    accelerated += field_differential<P384ScalarAdx>(kCurves[1].n, rng);
    // And each MULX/ADX kernel against the portable code on the same inputs.
    std::size_t compared = 0;
    compared += compare_kernels<P256Field, P256FieldAdx>(rng);
    compared += compare_kernels<P256Scalar, P256ScalarAdx>(rng);
    compared += compare_kernels<P384Field, P384FieldAdx>(rng);
    compared += compare_kernels<P384Scalar, P384ScalarAdx>(rng);
    MESSAGE("bmi2-adx fields: " << accelerated << " pairs vs reference, " << compared << " products vs portable");
    CHECK(compared >= 4 * 1900);
    CHECK(accelerated == 4 * 45);
  }
#endif
  MESSAGE("field element pairs checked: " << checked);
  CHECK(checked == 4 * 45);
}

namespace {
void run_4_ec_keys_generation_and_ecdh_agreement() {
  const auto rng = crypto::system_random();
  for (const auto& c : kCurves) {
    const std::size_t size = crypto::ec_scalar_size(c.curve);
    Bytes d1(size), d2(size), q1(crypto::ec_point_size(c.curve)), q2(crypto::ec_point_size(c.curve));
    REQUIRE(crypto::ec_generate(c.curve, rng, d1, q1) == Error::ok);
    REQUIRE(crypto::ec_generate(c.curve, rng, d2, q2) == Error::ok);
    CHECK(crypto::ec_validate_public(c.curve, q1) == Error::ok);
    Bytes z1(size), z2(size);
    REQUIRE(crypto::ecdh(c.curve, d1, q2, z1) == Error::ok);
    REQUIRE(crypto::ecdh(c.curve, d2, q1, z2) == Error::ok);
    CHECK(to_hex(z1) == to_hex(z2));
    const crypto::RandomSource broken{};
    CHECK(crypto::ec_generate(c.curve, broken, d1, q1) == Error::rng_failure);
  }
}
}  // namespace

TEST_CASE("EC keys: generation and ECDH agreement") {
  for (const auto& path : cpu_paths()) {
    ScopedCpuMask mask(path.mask);
    MESSAGE("path " << path.name << " (" << crypto::ec_implementation(Curve::p256) << ")");
    run_4_ec_keys_generation_and_ecdh_agreement();
  }
}
