// SPDX-License-Identifier: MIT
// ECDSA P-256 / P-384. Vectors: vectors/nist-cavp/ecdsa-186-3/SigVer.rsp
// (every P-256/P-384 record with SHA-256/384/512, Pass/Fail matched),
// SigGen.txt (given signatures verify; exact r, s from the given k; Q from
// d), vectors/rfc6979/rfc6979-ecdsa-p256-p384.txt (RFC 6979 A.2.5/A.2.6
// exact k, r, s). SHA-1/SHA-224 records are counted as skipped. Strict DER
// round trips and malformed encodings; hedged signing; verification
// negatives.
#include "baretls/crypto/ecdsa.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "crypto/ecdsa_impl.h"
#include "tests/crypto/ec_ref.h"
#include "tests/support/cpu_paths.h"
#include "tests/support/hex.h"
#include "tests/support/vector_file.h"

using namespace baretls;
using namespace baretls::test;
using crypto::Curve;
using crypto::Error;
using crypto::HashId;

namespace {

std::optional<HashId> hash_from_name(std::string_view name) {
  if (name == "SHA-256") return HashId::sha256;
  if (name == "SHA-384") return HashId::sha384;
  if (name == "SHA-512") return HashId::sha512;
  return std::nullopt;  // SHA-1, SHA-224: not implemented
}

// The curve and hash of a CAVP "[P-256,SHA-256]" section, if P-256/P-384.
struct Section {
  Curve curve;
  std::optional<HashId> hash;
};
std::optional<Section> section_of(const VectorRecord& r) {
  for (const auto& [name, value] : r.section) {
    for (const auto& [prefix, curve] : {std::pair{"P-256,", Curve::p256}, std::pair{"P-384,", Curve::p384}}) {
      if (name.rfind(prefix, 0) == 0) return Section{curve, hash_from_name(name.substr(6))};
    }
  }
  return std::nullopt;
}

Bytes fixed(std::string hex, std::size_t size) {
  if (hex.size() % 2 != 0) hex.insert(hex.begin(), '0');
  Bytes b = from_hex(hex);
  while (b.size() > size && b.front() == 0) b.erase(b.begin());
  while (b.size() < size) b.insert(b.begin(), 0);
  return b;
}

Bytes digest_of(HashId id, const Bytes& msg) {
  Bytes d(crypto::digest_size(id));
  crypto::hash(id, msg, d);
  return d;
}

Bytes point_of(const VectorRecord& r, std::size_t size, const char* x = "Qx", const char* y = "Qy") {
  Bytes p{0x04};
  for (const auto& b : {fixed(r.get(x), size), fixed(r.get(y), size)}) p.insert(p.end(), b.begin(), b.end());
  return p;
}

Bytes concat(const Bytes& a, const Bytes& b) {
  Bytes out = a;
  out.insert(out.end(), b.begin(), b.end());
  return out;
}

}  // namespace

namespace {
void run_0_ecdsa_cavp_186_3_sigver() {
  std::size_t checked = 0, skipped = 0, passes = 0;
  for (const auto& r : load_vector_file(vector_path("nist-cavp/ecdsa-186-3/SigVer.rsp")).records) {
    const auto sec = section_of(r);
    if (!sec) continue;  // other curves
    if (!sec->hash) {
      ++skipped;
      continue;
    }
    const std::size_t size = crypto::ec_scalar_size(sec->curve);
    const Bytes sig = concat(fixed(r.get("R"), size), fixed(r.get("S"), size));
    const bool expect_pass = r.get("Result").front() == 'P';
    const Error e = crypto::ecdsa_verify(sec->curve, point_of(r, size), digest_of(*sec->hash, r.bytes("Msg")), sig);
    CHECK_MESSAGE((e == Error::ok) == expect_pass, r.where() << " " << crypto::to_string(e));
    ++checked;
    passes += expect_pass ? 1 : 0;
  }
  MESSAGE("SigVer: checked " << checked << " (" << passes << " P), skipped " << skipped << " (SHA-1/SHA-224)");
  CHECK(checked == 90);
  CHECK(passes == 18);
  CHECK(skipped == 60);
}
}  // namespace

TEST_CASE("ECDSA: CAVP 186-3 SigVer") {
  for (const auto& path : cpu_paths()) {
    ScopedCpuMask mask(path.mask);
    MESSAGE("path " << path.name << " (" << crypto::ec_implementation(Curve::p256) << ")");
    run_0_ecdsa_cavp_186_3_sigver();
  }
}

namespace {
void run_1_ecdsa_cavp_186_3_siggen_verify_exact_r_s() {
  std::size_t checked = 0, skipped = 0;
  for (const auto& r : load_vector_file(vector_path("nist-cavp/ecdsa-186-3/SigGen.txt")).records) {
    const auto sec = section_of(r);
    if (!sec) continue;
    if (!sec->hash) {
      ++skipped;
      continue;
    }
    const std::size_t size = crypto::ec_scalar_size(sec->curve);
    const Bytes q = point_of(r, size), d = fixed(r.get("d"), size), k = fixed(r.get("k"), size);
    const Bytes digest = digest_of(*sec->hash, r.bytes("Msg"));
    const Bytes expected = concat(fixed(r.get("R"), size), fixed(r.get("S"), size));
    Bytes q_out(q.size()), sig(2 * size);
    REQUIRE(crypto::ec_public_from_private(sec->curve, d, q_out) == Error::ok);
    CHECK_MESSAGE(to_hex(q_out) == to_hex(q), r.where());
    CHECK_MESSAGE(crypto::ecdsa_verify(sec->curve, q, digest, expected) == Error::ok, r.where());
    REQUIRE(crypto::detail::ecdsa_sign_with_k(sec->curve, d, digest, k, sig) == Error::ok);
    CHECK_MESSAGE(to_hex(sig) == to_hex(expected), r.where());
    // Our deterministic signature verifies; a flipped digest bit does not.
    REQUIRE(crypto::ecdsa_sign(sec->curve, *sec->hash, d, digest, nullptr, sig) == Error::ok);
    CHECK(crypto::ecdsa_verify(sec->curve, q, digest, sig) == Error::ok);
    Bytes bad_digest = digest;
    bad_digest[0] ^= 0x01;
    CHECK(crypto::ecdsa_verify(sec->curve, q, bad_digest, sig) == Error::bad_signature);
    ++checked;
  }
  MESSAGE("SigGen: checked " << checked << ", skipped " << skipped << " (SHA-1/SHA-224)");
  CHECK(checked == 90);
  CHECK(skipped == 60);
}
}  // namespace

TEST_CASE("ECDSA: CAVP 186-3 SigGen (verify, exact r,s from k, Q from d)") {
  for (const auto& path : cpu_paths()) {
    ScopedCpuMask mask(path.mask);
    MESSAGE("path " << path.name << " (" << crypto::ec_implementation(Curve::p256) << ")");
    run_1_ecdsa_cavp_186_3_siggen_verify_exact_r_s();
  }
}

namespace {
void run_2_ecdsa_rfc_6979_a_2_5_a_2_6_deterministic() {
  std::size_t checked = 0, skipped = 0;
  Bytes x, u;
  for (const auto& r : load_vector_file(vector_path("rfc6979/rfc6979-ecdsa-p256-p384.txt")).records) {
    const Curve curve = r.has_section("P-256") ? Curve::p256 : Curve::p384;
    REQUIRE((r.has_section("P-256") || r.has_section("P-384")));
    const std::size_t size = crypto::ec_scalar_size(curve);
    if (r.has("x")) {  // the key record that opens each section
      x = fixed(r.get("x"), size);
      u = point_of(r, size, "Ux", "Uy");
      Bytes pub(u.size());
      REQUIRE(crypto::ec_public_from_private(curve, x, pub) == Error::ok);
      CHECK(to_hex(pub) == to_hex(u));
      continue;
    }
    const auto hash = hash_from_name(r.get("Hash"));
    if (!hash) {
      ++skipped;
      continue;
    }
    const Bytes digest = digest_of(*hash, from_ascii(r.get("Msg")));
    Bytes k(size), sig(2 * size);
    crypto::detail::rfc6979_nonce(curve, *hash, x, digest, {}, k);
    CHECK_MESSAGE(to_hex(k) == to_hex(fixed(r.get("k"), size)), r.where());
    REQUIRE(crypto::ecdsa_sign(curve, *hash, x, digest, nullptr, sig) == Error::ok);
    CHECK_MESSAGE(to_hex(sig) == to_hex(concat(fixed(r.get("r"), size), fixed(r.get("s"), size))), r.where());
    CHECK(crypto::ecdsa_verify(curve, u, digest, sig) == Error::ok);
    ++checked;
  }
  MESSAGE("RFC 6979: checked " << checked << ", skipped " << skipped << " (SHA-1/SHA-224)");
  CHECK(checked == 12);
  CHECK(skipped == 8);
}
}  // namespace

TEST_CASE("ECDSA: RFC 6979 A.2.5 / A.2.6 deterministic signatures") {
  for (const auto& path : cpu_paths()) {
    ScopedCpuMask mask(path.mask);
    MESSAGE("path " << path.name << " (" << crypto::ec_implementation(Curve::p256) << ")");
    run_2_ecdsa_rfc_6979_a_2_5_a_2_6_deterministic();
  }
}

namespace {

struct Key {
  Curve curve;
  Bytes d, q;
};

Key make_key(Curve c, std::uint8_t seed) {
  Key k{c, Bytes(crypto::ec_scalar_size(c), seed), Bytes(crypto::ec_point_size(c))};
  REQUIRE(crypto::ec_public_from_private(c, k.d, k.q) == Error::ok);
  return k;
}

Bytes order_of(Curve c) {
  return from_hex(c == Curve::p256
                      ? "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551"
                      : "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973");
}

}  // namespace

namespace {
void run_3_ecdsa_hedged_signing_truncation_verifica() {
  for (Curve c : {Curve::p256, Curve::p384}) {
    const std::size_t size = crypto::ec_scalar_size(c);
    const Key key = make_key(c, 0x42);
    const Bytes digest = digest_of(HashId::sha512, from_ascii("truncated digest"));  // 64 > size bytes
    Bytes sig1(2 * size), sig2(2 * size), det(2 * size);
    const auto rng = crypto::system_random();
    REQUIRE(crypto::ecdsa_sign(c, HashId::sha512, key.d, digest, &rng, sig1) == Error::ok);
    REQUIRE(crypto::ecdsa_sign(c, HashId::sha512, key.d, digest, &rng, sig2) == Error::ok);
    REQUIRE(crypto::ecdsa_sign(c, HashId::sha512, key.d, digest, nullptr, det) == Error::ok);
    CHECK(sig1 != sig2);
    CHECK(sig1 != det);
    for (const auto& s : {sig1, sig2, det}) CHECK(crypto::ecdsa_verify(c, key.q, digest, s) == Error::ok);
    // FIPS 186-4 §6.4: only the leftmost 8*size bits of the digest count.
    Bytes tail = digest;
    tail.back() ^= 0xff;
    CHECK(crypto::ecdsa_verify(c, key.q, tail, det) == Error::ok);
    // A short digest is an integer of its own length.
    const Bytes short_digest = from_hex("0102030405060708");
    REQUIRE(crypto::ecdsa_sign(c, HashId::sha256, key.d, short_digest, nullptr, sig1) == Error::ok);
    CHECK(crypto::ecdsa_verify(c, key.q, short_digest, sig1) == Error::ok);
    // Broken extra randomness is reported, not ignored.
    const crypto::RandomSource broken{};
    CHECK(crypto::ecdsa_sign(c, HashId::sha256, key.d, digest, &broken, sig1) == Error::rng_failure);
    // Wrong key, flipped signature bits, r or s out of range, bad lengths.
    const Key other = make_key(c, 0x17);
    CHECK(crypto::ecdsa_verify(c, other.q, digest, det) == Error::bad_signature);
    for (std::size_t i : {std::size_t{0}, size - 1, size, 2 * size - 1}) {
      Bytes bad = det;
      bad[i] ^= 0x04;
      const Error e = crypto::ecdsa_verify(c, key.q, digest, bad);
      CHECK((e == Error::bad_signature || e == Error::signature_out_of_range));
    }
    const Bytes n = order_of(c);
    Bytes zero_r = det, n_s = det, ff_r = det;
    std::fill(zero_r.begin(), zero_r.begin() + static_cast<long>(size), 0);
    std::copy(n.begin(), n.end(), n_s.begin() + static_cast<long>(size));
    std::fill(ff_r.begin(), ff_r.begin() + static_cast<long>(size), 0xff);
    CHECK(crypto::ecdsa_verify(c, key.q, digest, zero_r) == Error::signature_out_of_range);
    CHECK(crypto::ecdsa_verify(c, key.q, digest, n_s) == Error::signature_out_of_range);
    CHECK(crypto::ecdsa_verify(c, key.q, digest, ff_r) == Error::signature_out_of_range);
    CHECK(crypto::ecdsa_verify(c, key.q, digest, Bytes(det.begin(), det.end() - 1)) == Error::bad_signature_encoding);
    Bytes off_curve = key.q;
    off_curve.back() ^= 1;
    CHECK(crypto::ecdsa_verify(c, off_curve, digest, det) == Error::invalid_point);
    CHECK(crypto::ecdsa_verify(c, Bytes{0x00}, digest, det) == Error::point_at_infinity);
    // Private-key range.
    CHECK(crypto::ecdsa_sign(c, HashId::sha256, Bytes(size, 0), digest, nullptr, sig1) == Error::invalid_scalar);
    CHECK(crypto::ecdsa_sign(c, HashId::sha256, n, digest, nullptr, sig1) == Error::invalid_scalar);
    CHECK(crypto::ecdsa_sign(c, HashId::sha256, Bytes(size - 1, 1), digest, nullptr, sig1) == Error::bad_length);
    Bytes small(2 * size - 1);
    CHECK(crypto::ecdsa_sign(c, HashId::sha256, key.d, digest, nullptr, small) == Error::buffer_too_small);
  }
}
}  // namespace

TEST_CASE("ECDSA: hedged signing, truncation, verification negatives") {
  for (const auto& path : cpu_paths()) {
    ScopedCpuMask mask(path.mask);
    MESSAGE("path " << path.name << " (" << crypto::ec_implementation(Curve::p256) << ")");
    run_3_ecdsa_hedged_signing_truncation_verifica();
  }
}

TEST_CASE("ECDSA: strict DER encode/decode") {
  std::size_t round_trips = 0;
  for (Curve c : {Curve::p256, Curve::p384}) {
    const std::size_t size = crypto::ec_scalar_size(c);
    // Round trips, including values with leading zero bytes and top bits set.
    for (const auto& [rb, sb] : {std::pair<std::uint8_t, std::uint8_t>{0x01, 0x7f}, {0x80, 0xff}, {0x00, 0x00}}) {
      Bytes sig(2 * size, 0x11);
      sig[0] = rb;
      sig[size] = sb;
      if (rb == 0) sig[1] = 0x80;  // r = 00 80 ...: one zero byte dropped, one 00 pad added
      if (sb == 0) std::fill(sig.begin() + static_cast<long>(size), sig.end() - 1, 0);  // s tiny
      Bytes der(crypto::kMaxEcdsaDerSize), back(2 * size);
      const auto len = crypto::ecdsa_sig_to_der(c, sig, der);
      REQUIRE(len.ok());
      der.resize(*len);
      REQUIRE(crypto::ecdsa_sig_from_der(c, der, back) == Error::ok);
      CHECK(to_hex(back) == to_hex(sig));
      ++round_trips;
    }
  }
  // A known P-256 encoding: r = 1, s = 0x80 -> 30 07 02 01 01 02 02 00 80.
  Bytes sig(64, 0), der(crypto::kMaxEcdsaDerSize), out(64);
  sig[31] = 1;
  sig[63] = 0x80;
  const auto len = crypto::ecdsa_sig_to_der(Curve::p256, sig, der);
  REQUIRE(len.ok());
  der.resize(*len);
  CHECK(to_hex(der) == "3007020101020200" "80");
  // Malformed encodings.
  const struct {
    const char* hex;
    Error expect;
  } bad[] = {
      {"3007020101020200", Error::bad_signature_encoding},              // truncated
      {"300702010102020080" "00", Error::bad_signature_encoding},       // trailing byte
      {"3008020101020200" "8000", Error::bad_signature_encoding},       // trailing byte inside the SEQUENCE
      {"30080202000102020080", Error::bad_signature_encoding},          // r = 00 01: extra leading zero
      {"30080201010203000080", Error::bad_signature_encoding},          // s = 00 00 80: extra leading zero
      {"3006020101020180", Error::bad_signature_encoding},              // s = 80: negative
      {"30060201ff020101", Error::bad_signature_encoding},              // r = ff: negative
      {"3006020100020101", Error::signature_out_of_range},              // r = 0
      {"30050201010200", Error::bad_signature_encoding},                // empty INTEGER
      {"308107020101020200" "80", Error::bad_signature_encoding},       // long-form length
      {"30070201010202008001", Error::bad_signature_encoding},          // length mismatch
      {"3107020101020200" "80", Error::bad_signature_encoding},         // wrong outer tag
      {"3007030101020200" "80", Error::bad_signature_encoding},         // wrong inner tag
      {"3003020101", Error::bad_signature_encoding},                    // one INTEGER only
      {"", Error::bad_signature_encoding},                              // empty
      {"30", Error::bad_signature_encoding},                            // no length
  };
  std::size_t negatives = 0;
  for (const auto& b : bad) {
    CAPTURE(b.hex);
    CHECK(crypto::ecdsa_sig_from_der(Curve::p256, from_hex(b.hex), out) == b.expect);
    ++negatives;
  }
  // r = n (33-byte INTEGER with a 00 pad) is out of range; r of 34 bytes too.
  const Bytes n = order_of(Curve::p256);
  Bytes der_n = from_hex("3026022100");
  der_n.insert(der_n.end(), n.begin(), n.end());
  for (auto b : from_hex("020101")) der_n.push_back(b);
  CHECK(crypto::ecdsa_sig_from_der(Curve::p256, der_n, out) == Error::signature_out_of_range);
  Bytes der_big = from_hex("302702220100");
  der_big.insert(der_big.end(), 32, 0x01);
  for (auto b : from_hex("020101")) der_big.push_back(b);
  CHECK(crypto::ecdsa_sig_from_der(Curve::p256, der_big, out) == Error::signature_out_of_range);
  // Encoding refuses out-of-range values and short buffers.
  Bytes zero(64, 0), small_der(8);
  CHECK(crypto::ecdsa_sig_to_der(Curve::p256, zero, der).error() == Error::signature_out_of_range);
  CHECK(crypto::ecdsa_sig_to_der(Curve::p256, sig, small_der).error() == Error::buffer_too_small);
  CHECK(crypto::ecdsa_sig_to_der(Curve::p256, Bytes(63, 1), der).error() == Error::bad_signature_encoding);
  MESSAGE("DER: " << round_trips << " round trips, " << negatives << " malformed encodings");
  CHECK(round_trips == 6);
  CHECK(negatives == 16);
}

TEST_CASE("ECDSA verify: exceptional cases of the variable-time double multiplication") {
  // Key d = 1 (Q = G), so u1*G + u2*Q = (u1 + u2)*G. With e = n - r the sum
  // is the identity (the accumulator must pass through P + (-P)); with e = r
  // and s = 2r/k, u1 = u2 = k/2 and the signature is valid.
  std::size_t checked = 0;
  for (const auto& path : cpu_paths()) {
    ScopedCpuMask mask(path.mask);
    for (Curve c : {Curve::p256, Curve::p384}) {
      const std::size_t size = crypto::ec_scalar_size(c);
      const ref::Mod mod_n{ref::Big::from_bytes(order_of(c))};
      Bytes one(size, 0), q(crypto::ec_point_size(c)), rpt(crypto::ec_point_size(c));
      one.back() = 1;
      REQUIRE(crypto::ec_public_from_private(c, one, q) == Error::ok);
      for (std::uint8_t seed : {0x05, 0x3c, 0xa7}) {
        const Bytes k(size, seed);
        REQUIRE(crypto::ec_public_from_private(c, k, rpt) == Error::ok);
        const ref::Big r = ref::Big::from_bytes(Bytes(rpt.begin() + 1, rpt.begin() + 1 + static_cast<long>(size))).mod(mod_n.m);
        // Identity: e = -r, s = 1.
        Bytes sig = concat(r.to_bytes(size), one);
        CHECK(crypto::ecdsa_verify(c, q, mod_n.sub(ref::Big{}, r).to_bytes(size), sig) == Error::bad_signature);
        // Valid: e = r, s = 2r/k.
        const ref::Big kk = ref::Big::from_bytes(k);
        const ref::Big s = mod_n.mul(mod_n.add(r, r), mod_n.inv(kk));
        sig = concat(r.to_bytes(size), s.to_bytes(size));
        CHECK(crypto::ecdsa_verify(c, q, r.to_bytes(size), sig) == Error::ok);
        ++checked;
      }
    }
  }
  MESSAGE("exceptional-case signatures: " << checked);
  CHECK(checked >= 6);
}
