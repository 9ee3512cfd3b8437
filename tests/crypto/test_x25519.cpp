// SPDX-License-Identifier: MIT
// X25519 suite. Vectors: vectors/rfc7748/rfc7748-x25519-x448.txt — §5.2
// function vectors, the 1 and 1,000 iteration results, the §6.1
// Diffie-Hellman example (X448 sections counted as skipped; the 1,000,000
// iteration record runs in test_x25519_slow), on every ladder path (portable
// radix 2^51 and MULX/ADX radix 2^64). Negative: low-order points. The
// MULX/ADX field is checked against the radix-2^51 one on edge values.
#include "baretls/crypto/x25519.h"

#include <doctest/doctest.h>

#include <map>
#include <vector>
#include <string>

#include "crypto/arch.h"
#include "crypto/fe25519_adx.h"
#include "crypto/fe25519_impl.h"
#include "tests/crypto/x25519_checks.h"
#include "tests/support/cpu_paths.h"

using namespace baretls;
using namespace baretls::test;

namespace {

void check_function(const VectorRecord& r) {
  const Key32 k = key32(r.bytes("Scalar")), u = key32(r.bytes("U"));
  Key32 out;
  REQUIRE(crypto::x25519(out, k, u) == crypto::Error::ok);
  CHECK_MESSAGE(to_hex(out) == to_hex(r.bytes("Output")), r.where());
}

void check_dh(const VectorRecord& r) {
  const Key32 a = key32(r.bytes("AlicePrivate")), b = key32(r.bytes("BobPrivate"));
  Key32 a_pub, b_pub, s1, s2;
  crypto::x25519_base(a_pub, a);
  crypto::x25519_base(b_pub, b);
  CHECK_MESSAGE(to_hex(a_pub) == to_hex(r.bytes("AlicePublic")), r.where());
  CHECK_MESSAGE(to_hex(b_pub) == to_hex(r.bytes("BobPublic")), r.where());
  REQUIRE(crypto::x25519(s1, a, key32(r.bytes("BobPublic"))) == crypto::Error::ok);
  REQUIRE(crypto::x25519(s2, b, key32(r.bytes("AlicePublic"))) == crypto::Error::ok);
  CHECK_MESSAGE(to_hex(s1) == to_hex(r.bytes("Shared")), r.where());
  CHECK_MESSAGE(to_hex(s2) == to_hex(r.bytes("Shared")), r.where());
}

// A RandomSource over a counter, for deterministic key generation.
crypto::Error counter_fill(void* ctx, std::span<std::uint8_t> out) {
  auto* c = static_cast<std::uint64_t*>(ctx);
  for (auto& b : out) {
    *c = *c * 6364136223846793005ULL + 1442695040888963407ULL;
    b = static_cast<std::uint8_t>(*c >> 56);
  }
  return crypto::Error::ok;
}

crypto::Error failing_fill(void*, std::span<std::uint8_t>) { return crypto::Error::rng_failure; }

}  // namespace

void check_rfc7748_file() {
  std::map<std::string, std::size_t> n;
  std::size_t skipped = 0;
  for (const auto& r : load_vector_file(vector_path("rfc7748/rfc7748-x25519-x448.txt")).records) {
    REQUIRE(!r.section.empty());
    const std::string& s = r.section.front().first;
    if (s.rfind("X448", 0) == 0) {
      ++skipped;  // X448 is not implemented
      continue;
    }
    if (s == "X25519 function") {
      check_function(r);
    } else if (s == "X25519 iterated") {
      if (r.number("Iterations") > 1000) {
        ++skipped;  // 1,000,000 iterations: test_x25519_slow
        continue;
      }
      check_iterated(r);
    } else if (s == "X25519 Diffie-Hellman") {
      check_dh(r);
    } else {
      FAIL("unknown section " << s << " at " << r.where());
    }
    ++n[s];
  }
  CHECK(n["X25519 function"] == 2);
  CHECK(n["X25519 iterated"] == 2);
  CHECK(n["X25519 Diffie-Hellman"] == 1);
  CHECK(skipped == 6 + 1);
  MESSAGE("RFC 7748 [" << crypto::x25519_implementation() << "]: checked " << n["X25519 function"] + n["X25519 iterated"] + n["X25519 Diffie-Hellman"]
                               << " X25519 records, skipped " << skipped << " (6 X448, 1 slow)");
}

TEST_CASE("RFC 7748 X25519 vectors") {
  std::size_t paths = 0;
  for (const auto& path : cpu_paths()) {
    ScopedCpuMask mask(path.mask);
    check_rfc7748_file();
    ++paths;
  }
  CHECK(paths >= 1);
}

TEST_CASE("X25519 low-order points give zero_shared_secret") {
  // u = 0, 1, the two points of order 8, p - 1, p, p + 1 (the last two
  // non-canonical encodings of 0 and 1): scalars are multiples of 8, so
  // every one of these maps to the all-zero output (RFC 7748 §6.1).
  const char* kLowOrder[] = {
      "0000000000000000000000000000000000000000000000000000000000000000",
      "0100000000000000000000000000000000000000000000000000000000000000",
      "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
      "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
      "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
      "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
      "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
      "0000000000000000000000000000000000000000000000000000000000000080",  // 0 with bit 255 set
  };
  const Key32 k = key32(from_hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
  std::size_t n = 0;
  for (const auto& path : cpu_paths()) {
    ScopedCpuMask mask(path.mask);
    for (const char* hex : kLowOrder) {
      Key32 out;
      out.fill(0xaa);
      CHECK_MESSAGE(crypto::x25519(out, k, key32(from_hex(hex))) == crypto::Error::zero_shared_secret,
                    path.name << " " << hex);
      CHECK(out == Key32{});
      ++n;
    }
  }
  CHECK(n == 8 * cpu_paths().size());
}

TEST_CASE("X25519 masks bit 255 of u and accepts non-canonical u") {
  const Key32 k = key32(from_hex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4"));
  Key32 u = key32(from_hex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c"));
  Key32 want, got;
  REQUIRE(crypto::x25519(want, k, u) == crypto::Error::ok);
  u[31] ^= 0x80;  // the vector has bit 255 clear; set it
  REQUIRE(crypto::x25519(got, k, u) == crypto::Error::ok);
  CHECK(want == got);
  // u = 9 + p = 2^255 - 10 must act as u = 9 (RFC 7748 §5: reduce mod p).
  Key32 nine{}, nine_p, a, b;
  nine[0] = 9;
  nine_p.fill(0xff);
  nine_p[0] = 0xf6;
  nine_p[31] = 0x7f;
  REQUIRE(crypto::x25519(a, k, nine) == crypto::Error::ok);
  REQUIRE(crypto::x25519(b, k, nine_p) == crypto::Error::ok);
  CHECK(a == b);
  crypto::x25519_base(b, k);
  CHECK(a == b);
}

TEST_CASE("X25519 key generation and agreement") {
  std::uint64_t state = 7;
  const crypto::RandomSource rng{counter_fill, &state};
  std::size_t n = 0;
  for (int i = 0; i < 32; ++i) {
    Key32 a, a_pub, b, b_pub, s1, s2;
    REQUIRE(crypto::x25519_generate(rng, a, a_pub) == crypto::Error::ok);
    REQUIRE(crypto::x25519_generate(rng, b, b_pub) == crypto::Error::ok);
    CHECK(a != b);
    REQUIRE(crypto::x25519(s1, a, b_pub) == crypto::Error::ok);
    REQUIRE(crypto::x25519(s2, b, a_pub) == crypto::Error::ok);
    CHECK(s1 == s2);
    Key32 again;
    crypto::x25519_base(again, a);
    CHECK(again == a_pub);
    ++n;
  }
  CHECK(n == 32);
  Key32 priv, pub;
  priv.fill(1);
  pub.fill(1);
  CHECK(crypto::x25519_generate(crypto::RandomSource{failing_fill, nullptr}, priv, pub) ==
        crypto::Error::rng_failure);
  CHECK(priv == Key32{});
  CHECK(pub == Key32{});
}

TEST_CASE("X25519 fixed-base comb equals the ladder on u = 9") {
  // Edge scalars stress the signed-digit recoding (digits of 8 and 15, carries
  // through every nibble); then pseudo-random ones.
  std::vector<Key32> scalars;
  for (const std::uint8_t fill : {0x00, 0xff, 0x88, 0x77, 0xf0, 0x0f, 0x80, 0x08, 0x11}) {
    Key32 k;
    k.fill(fill);
    scalars.push_back(k);
  }
  std::uint64_t state = 25519;
  for (int i = 0; i < 300; ++i) {
    Key32 k;
    (void)counter_fill(&state, k);
    scalars.push_back(k);
  }
  Key32 nine{};
  nine[0] = 9;
  std::size_t n = 0;
  for (const auto& k : scalars) {
    Key32 via_ladder, via_comb;
    REQUIRE(crypto::x25519(via_ladder, k, nine) == crypto::Error::ok);
    crypto::x25519_base(via_comb, k);
    CHECK_MESSAGE(via_comb == via_ladder, to_hex(k));
    ++n;
  }
  CHECK(n == 309);
  MESSAGE("fixed-base comb checked against the ladder on " << n << " scalars");
}

TEST_CASE("X25519 ladder paths agree on random scalars and points") {
  std::uint64_t state = 7748;
  std::size_t n = 0;
  for (int i = 0; i < 64; ++i) {
    Key32 k, u, want;
    (void)counter_fill(&state, k);
    (void)counter_fill(&state, u);
    if (i % 4 == 1) u.fill(0xff);  // 2^256 - 1 before bit 255 is masked: a non-canonical u
    {
      ScopedCpuMask portable(0);
      REQUIRE(crypto::x25519(want, k, u) == crypto::Error::ok);
    }
    for (const auto& path : cpu_paths()) {
      ScopedCpuMask mask(path.mask);
      Key32 got;
      REQUIRE(crypto::x25519(got, k, u) == crypto::Error::ok);
      CHECK_MESSAGE(got == want, path.name << " k=" << to_hex(k) << " u=" << to_hex(u));
      ++n;
    }
  }
  CHECK(n == 64 * cpu_paths().size());
}

#if BARETLS_X86_64
namespace {

using crypto::detail::Fe51Ops;
using crypto::detail::Fe64;
using crypto::detail::Fe64Ops;

// The same residue in radix 2^51: the low 255 bits plus 19 for bit 255.
crypto::detail::Fe to_fe51(const Fe64& a) {
  std::uint8_t b[32];
  for (int i = 0; i < 4; ++i) crypto::detail::store_le64(b + 8 * i, a.v[i]);
  return crypto::detail::fe_carry(Fe51Ops::add(Fe51Ops::from_bytes(b), Fe51Ops::from_u64(19 * (a.v[3] >> 63))));
}

std::string canonical(const Fe64& a) {
  Key32 out;
  Fe64Ops::to_bytes(out.data(), a);
  return to_hex(out);
}

std::string canonical(const crypto::detail::Fe& a) {
  Key32 out;
  Fe51Ops::to_bytes(out.data(), a);
  return to_hex(out);
}

// Values at the carry and reduction boundaries of both representations.
std::vector<Fe64> edge_values() {
  constexpr std::uint64_t m = ~std::uint64_t{0}, top = m >> 1;
  std::vector<Fe64> v = {
      {{0, 0, 0, 0}}, {{1, 0, 0, 0}}, {{38, 0, 0, 0}}, {{m, 0, 0, 0}},
      {{m - 18, m, m, top}},                  // p - 1
      {{m - 17, m, m, top}},                  // p
      {{m - 16, m, m, top}},                  // p + 1
      {{m, m, m, top}},                       // 2^255 - 1
      {{0, 0, 0, top + 1}},                   // 2^255
      {{m - 37, m, m, m}},                    // 2^256 - 38 (= 0 mod p, plus 2p)
      {{m - 38, m, m, m}},                    // 2^256 - 39
      {{m - 36, m, m, m}},                    // 2^256 - 37
      {{m, m, m, m}},                         // 2^256 - 1
      {{0, m, 0, m}}, {{m, 0, m, 0}},
  };
  std::uint64_t state = 255;
  for (int i = 0; i < 12; ++i) {
    Key32 b;
    (void)counter_fill(&state, b);
    Fe64 r;
    for (int j = 0; j < 4; ++j) r.v[j] = crypto::detail::load_le64(b.data() + 8 * j);
    v.push_back(r);
  }
  return v;
}

}  // namespace

TEST_CASE("GF(2^255 - 19) with MULX/ADX equals the radix-2^51 field on edge values") {
  if (!crypto::cpu_has(crypto::CpuFeature::bmi2) || !crypto::cpu_has(crypto::CpuFeature::adx)) {
    MESSAGE("no BMI2/ADX on this CPU: the MULX/ADX field is not used here");
    return;
  }
  const auto v = edge_values();
  std::size_t n = 0;
  for (const auto& a : v) {
    const auto a51 = to_fe51(a);
    CHECK(canonical(a) == canonical(a51));
    CHECK(canonical(Fe64Ops::sqr(a)) == canonical(Fe51Ops::sqr(a51)));
    CHECK(canonical(Fe64Ops::mul_a24(a)) == canonical(Fe51Ops::mul_a24(a51)));
    for (const auto& b : v) {
      const auto b51 = to_fe51(b);
      CHECK(canonical(Fe64Ops::mul(a, b)) == canonical(Fe51Ops::mul(a51, b51)));
      CHECK(canonical(Fe64Ops::mul_portable(a, b)) == canonical(Fe51Ops::mul(a51, b51)));
      CHECK(canonical(Fe64Ops::add(a, b)) == canonical(Fe51Ops::add(a51, b51)));
      CHECK(canonical(Fe64Ops::sub(a, b)) == canonical(Fe51Ops::sub(a51, b51)));
      ++n;
    }
  }
  CHECK(n == v.size() * v.size());
  CHECK(n == 27 * 27);
}
#endif
