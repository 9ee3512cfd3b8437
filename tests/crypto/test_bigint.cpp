// SPDX-License-Identifier: MIT
// Big integers and Montgomery arithmetic against a simple reference (bit-by-
// bit long division, schoolbook products), at random sizes, on every kernel
// path this CPU has. Seeded RNG; the seed is printed.
#include <doctest/doctest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "baretls/crypto/bigint.h"
#include "baretls/crypto/mont.h"
#include "tests/support/cpu_paths.h"
#include "tests/support/hex.h"

using namespace baretls;
using namespace baretls::crypto;
using namespace baretls::test;

namespace {

using Num = std::vector<Limb>;
constexpr std::uint64_t kSeed = 0x5eed'b16'1a7e;

Num random_num(std::mt19937_64& rng, std::size_t n) {
  Num x(n);
  for (auto& l : x) l = rng();
  return x;
}

// Reference: x mod m by binary long division (m.size() limbs, m > 0).
Num ref_mod(const Num& x, const Num& m) {
  const std::size_t n = m.size();
  Num r(n + 1, 0), mm(m);
  mm.push_back(0);
  for (std::size_t bit = 64 * x.size(); bit > 0; --bit) {
    Limb carry = (x[(bit - 1) / 64] >> ((bit - 1) % 64)) & 1;
    for (auto& l : r) {
      const Limb top = l >> 63;
      l = (l << 1) | carry;
      carry = top;
    }
    if (!bigint::less_than(r, mm).to_bool()) (void)bigint::sub(r, r, mm);
  }
  r.pop_back();
  return r;
}

Num ref_mulmod(const Num& a, const Num& b, const Num& m) {
  Num t(a.size() + b.size());
  bigint::mul(t, a, b);
  return ref_mod(t, m);
}

Num ref_expmod(const Num& a, const Num& e, const Num& m) {
  Num acc(m.size(), 0);
  acc[0] = 1;
  acc = ref_mod(acc, m);
  for (std::size_t bit = 64 * e.size(); bit > 0; --bit) {
    acc = ref_mulmod(acc, acc, m);
    if ((e[(bit - 1) / 64] >> ((bit - 1) % 64)) & 1) acc = ref_mulmod(acc, a, m);
  }
  return acc;
}

Num random_odd_modulus(std::mt19937_64& rng, std::size_t n) {
  Num m = random_num(rng, n);
  m[0] |= 1;
  if (rng() % 4 == 0) m[n - 1] >>= rng() % 64;  // sometimes a short top limb
  if (n == 1 && m[0] == 1) m[0] = 3;
  return m;
}

std::vector<std::size_t> test_sizes(std::mt19937_64& rng) {
  std::vector<std::size_t> sizes = {1, 2, 3, 4, 8, 16, 24, 32, 48, 64};
  for (int i = 0; i < 6; ++i) sizes.push_back(1 + rng() % 70);
  return sizes;
}

}  // namespace

TEST_CASE("bigint: byte conversion round trip, overflow detection") {
  const Bytes in = from_hex("0102030405060708090a0b0c0d0e0f1011");
  Num x(3);
  REQUIRE(bigint::from_bytes_be(x, in));
  CHECK(x[0] == 0x0a0b0c0d0e0f1011ULL);
  CHECK(x[1] == 0x0203040506070809ULL);
  CHECK(x[2] == 0x01);
  Bytes out(17);
  bigint::to_bytes_be(out, x);
  CHECK(out == in);
  Bytes wide(30, 0);
  bigint::to_bytes_be(wide, x);
  CHECK(to_hex(wide) == "000000000000000000000000000102030405060708090a0b0c0d0e0f1011");
  Num two(2);
  CHECK_FALSE(bigint::from_bytes_be(two, in));           // 17 bytes do not fit in 16
  CHECK(bigint::from_bytes_be(two, from_hex("00")));
  Bytes padded(40, 0);
  padded.back() = 7;
  CHECK(bigint::from_bytes_be(two, padded));
  CHECK(two[0] == 7);
}

TEST_CASE("bigint: add/sub/compare/mul against identities") {
  std::mt19937_64 rng(kSeed);
  MESSAGE("seed " << kSeed);
  int checked = 0;
  for (std::size_t n : test_sizes(rng)) {
    const Num a = random_num(rng, n), b = random_num(rng, n);
    Num s(n), d(n);
    const Limb c = bigint::add(s, a, b);
    const Limb br = bigint::sub(d, s, b);
    CHECK(d == a);
    CHECK(br == c);  // (a + b) - b wraps back exactly when a + b carried
    CHECK(bigint::less_than(a, b).to_bool() == (bigint::sub(d, a, b) == 1));
    CHECK(bigint::equal(a, a).to_bool());
    CHECK(bigint::is_zero(Num(n, 0)).to_bool());
    // (a*b) mod m == ((a mod m) * (b mod m)) mod m for a random odd m.
    const Num m = random_odd_modulus(rng, n);
    Num p(2 * n);
    bigint::mul(p, a, b);
    CHECK(ref_mod(p, m) == ref_mulmod(ref_mod(a, m), ref_mod(b, m), m));
    ++checked;
  }
  CHECK(checked == 16);
}

TEST_CASE("Montgomery mul/sqr/exp/reduce against the reference on every path") {
  std::mt19937_64 rng(kSeed + 1);
  MESSAGE("seed " << kSeed + 1);
  for (const auto& path : cpu_paths({{"bmi2-adx", static_cast<std::uint32_t>(CpuFeature::bmi2) |
                                                      static_cast<std::uint32_t>(CpuFeature::adx)}})) {
    ScopedCpuMask mask(path.mask);
    int checked = 0;
    std::string impl;
    std::set<std::string> impls;
    for (std::size_t n : test_sizes(rng)) {
      const Num m = random_odd_modulus(rng, n);
      for (auto secrecy : {MontContext::Secrecy::public_modulus, MontContext::Secrecy::secret_modulus}) {
        MontContext ctx;
        REQUIRE(ctx.init(m, secrecy) == Error::ok);
        impl = std::string(ctx.implementation());
        impls.insert(impl);
        CAPTURE(n);
        CAPTURE(impl);
        const Num a = ref_mod(random_num(rng, n), m), b = ref_mod(random_num(rng, n), m);
        Num am(n), bm(n), r(n), out(n);
        ctx.to_mont(am.data(), a.data());
        ctx.to_mont(bm.data(), b.data());
        ctx.mul(r.data(), am.data(), bm.data());
        ctx.from_mont(out.data(), r.data());
        CHECK(out == ref_mulmod(a, b, m));
        ctx.sqr(r.data(), am.data());
        ctx.from_mont(out.data(), r.data());
        CHECK(out == ref_mulmod(a, a, m));
        // Reduction of a wide value (1..3 times the modulus width, plus a bit).
        const Num wide = random_num(rng, n * (1 + rng() % 3) + rng() % 3);
        ctx.reduce_to_mont(r.data(), wide);
        ctx.from_mont(out.data(), r.data());
        CHECK(out == ref_mod(wide, m));
        // Exponentiation: constant-time and vartime against the reference
        // (small exponents keep the reference fast).
        const Num e = random_num(rng, 1 + rng() % 2);
        ctx.exp(r.data(), am.data(), e);
        ctx.from_mont(out.data(), r.data());
        const Num expect = ref_expmod(a, e, m);
        CHECK(out == expect);
        ctx.exp_vartime(r.data(), am.data(), e);
        ctx.from_mont(out.data(), r.data());
        CHECK(out == expect);
        ++checked;
      }
    }
    CHECK(checked == 32);
    std::string names;
    for (const auto& i : impls) names += " " + i;
    MESSAGE("Montgomery [" << path.name << " ->" << names << "]: " << checked << " moduli checked");
  }
}

TEST_CASE("Montgomery exp: constant-time and vartime agree at RSA sizes with full-width exponents") {
  std::mt19937_64 rng(kSeed + 2);
  for (const auto& path : cpu_paths()) {
    ScopedCpuMask mask(path.mask);
    for (std::size_t n : {16u, 24u, 32u, 64u, 128u}) {
      const Num m = random_odd_modulus(rng, n);
      MontContext ctx;
      REQUIRE(ctx.init(m, MontContext::Secrecy::secret_modulus) == Error::ok);
      const Num a = ref_mod(random_num(rng, n), m);
      const Num e = random_num(rng, n <= 32 ? n : 4);
      Num am(n), r1(n), r2(n);
      ctx.to_mont(am.data(), a.data());
      ctx.exp(r1.data(), am.data(), e);
      ctx.exp_vartime(r2.data(), am.data(), e);
      CHECK(r1 == r2);
      // a^(e) * a = a^(e+1) via an exponent with one more.
      Num e1 = e;
      Num one(e.size(), 0);
      one[0] = 1;
      const Limb carry = bigint::add(e1, e, one);
      if (carry == 0) {
        Num r3(n), r4(n);
        ctx.exp(r3.data(), am.data(), e1);
        ctx.mul(r4.data(), r1.data(), am.data());
        CHECK(r3 == r4);
      }
    }
  }
}

TEST_CASE("Montgomery init: errors") {
  MontContext ctx;
  CHECK(ctx.init(Num{4}, MontContext::Secrecy::public_modulus) == Error::even_modulus);
  CHECK(ctx.init(Num{}, MontContext::Secrecy::public_modulus) == Error::invalid_argument);
  CHECK(ctx.init(Num(kMaxLimbs + 1, 1), MontContext::Secrecy::public_modulus) == Error::invalid_argument);
  CHECK(ctx.init(Num{1}, MontContext::Secrecy::public_modulus) == Error::invalid_argument);
}

TEST_CASE("bigint: modular inverse (vartime)") {
  std::mt19937_64 rng(kSeed + 3);
  int checked = 0;
  for (std::size_t n : test_sizes(rng)) {
    const Num m = random_odd_modulus(rng, n);
    const Num a = ref_mod(random_num(rng, n), m);
    Num inv(n);
    if (!bigint::mod_inverse_vartime(inv, a, m)) continue;  // gcd > 1: rare
    Num one(n, 0);
    one[0] = 1;
    CHECK(ref_mulmod(a, inv, m) == ref_mod(one, m));
    ++checked;
  }
  CHECK(checked >= 12);
  // Not invertible: a shares the factor 3 with m = 3 * 5.
  Num inv(1);
  CHECK_FALSE(bigint::mod_inverse_vartime(inv, Num{6}, Num{15}));
  CHECK_FALSE(bigint::mod_inverse_vartime(inv, Num{0}, Num{15}));
  CHECK(bigint::mod_inverse_vartime(inv, Num{7}, Num{15}));
  CHECK(inv[0] == 13);  // 7 * 13 = 91 = 6*15 + 1
}

TEST_CASE("Montgomery exp_pair (interleaved CRT halves) equals two exp calls on every path") {
  std::mt19937_64 rng(kSeed + 4);
  int checked = 0;
  for (const auto& path : cpu_paths({{"bmi2-adx", static_cast<std::uint32_t>(CpuFeature::bmi2) |
                                                      static_cast<std::uint32_t>(CpuFeature::adx)}})) {
    ScopedCpuMask mask(path.mask);
    for (std::size_t n : {8u, 16u, 24u, 32u, 17u}) {
      for (int shape = 0; shape < 3; ++shape) {
        Num m1 = random_odd_modulus(rng, n), m2 = random_odd_modulus(rng, n);
        if (shape == 1) {  // moduli just below 2^(64n): the largest values
          m1[n - 1] = ~Limb{0};
          m2[n - 1] = ~Limb{0} - 1;
        } else if (shape == 2) {  // short top limbs
          m1[n - 1] = 1;
          m2[n - 1] = 0x8000;
        }
        MontContext c1, c2;
        REQUIRE(c1.init(m1, MontContext::Secrecy::secret_modulus) == Error::ok);
        REQUIRE(c2.init(m2, MontContext::Secrecy::secret_modulus) == Error::ok);
        CAPTURE(n);
        CAPTURE(shape);
        CAPTURE(std::string(c1.implementation()));
        Num a1 = ref_mod(random_num(rng, n), m1), a2 = ref_mod(random_num(rng, n), m2);
        if (shape == 1) a1 = ref_mod(Num(n, ~Limb{0}), m1);  // base m - something large
        const Num e1 = random_num(rng, n), e2 = random_num(rng, n);
        Num a1m(n), a2m(n), p1(n), p2(n), s1(n), s2(n);
        c1.to_mont(a1m.data(), a1.data());
        c2.to_mont(a2m.data(), a2.data());
        MontContext::exp_pair(c1, p1.data(), a1m.data(), e1, c2, p2.data(), a2m.data(), e2);
        c1.exp_vartime(s1.data(), a1m.data(), e1);
        c2.exp_vartime(s2.data(), a2m.data(), e2);
        CHECK(p1 == s1);
        CHECK(p2 == s2);
        // Exponents 0 and 1.
        const Num zero(n, 0);
        Num one(n, 0);
        one[0] = 1;
        MontContext::exp_pair(c1, p1.data(), a1m.data(), zero, c2, p2.data(), a2m.data(), one);
        c1.set_one(s1.data());
        CHECK(p1 == s1);
        CHECK(p2 == a2m);
        ++checked;
      }
    }
  }
  CHECK(checked >= 15);
  MESSAGE("exp_pair: " << checked << " modulus pairs checked");
}
