// SPDX-License-Identifier: MIT
// AES suite. Vectors: vectors/fips197/fips197-aes-examples.txt (FIPS 197
// Appendices A-C) and vectors/nist-cavp/aes-ecb/ECB{GFSbox,KeySbox,VarKey,
// VarTxt,MMT,MCT}{128,256}.rsp (AESAVS). We only encrypt, so [DECRYPT]
// records are checked forward: E(K, PLAINTEXT) == CIPHERTEXT (for MCT, the
// 1000-fold encryption of the record's PLAINTEXT gives its CIPHERTEXT). Every
// record runs on every path this CPU has (portable, AES-NI).
#include "baretls/crypto/aes.h"

#include <doctest/doctest.h>

#include <random>

#include "crypto/aes_impl.h"
#include "tests/support/cpu_paths.h"
#include "tests/support/hex.h"
#include "tests/support/vector_file.h"

using namespace baretls;
using namespace baretls::test;

namespace {

crypto::Aes make_aes(const Bytes& key) {
  crypto::Aes aes;
  REQUIRE(aes.init(key) == crypto::Error::ok);
  return aes;
}

// KAT and MMT files: every record, both sections.
std::size_t check_ecb_file(const std::string& relative) {
  std::size_t n = 0;
  for (const auto& r : load_vector_file(vector_path(relative)).records) {
    const auto aes = make_aes(r.bytes("KEY"));
    const auto pt = r.bytes("PLAINTEXT");
    const auto ct = r.bytes("CIPHERTEXT");
    REQUIRE_MESSAGE(pt.size() == ct.size(), r.where());
    Bytes out(pt.size());
    REQUIRE(aes.encrypt_blocks(pt, out) == crypto::Error::ok);
    CHECK_MESSAGE(to_hex(out) == to_hex(ct), r.where());
    // In place gives the same.
    Bytes inplace = pt;
    REQUIRE(aes.encrypt_blocks(inplace, inplace) == crypto::Error::ok);
    CHECK_MESSAGE(inplace == ct, r.where());
    ++n;
  }
  return n;
}

// AESAVS §6.4.1 Monte Carlo: CT = E^1000(K, PT) per record ([DECRYPT]
// records read backwards: E^1000(K, PLAINTEXT) == CIPHERTEXT).
std::size_t check_mct_file(const std::string& relative) {
  std::size_t n = 0;
  for (const auto& r : load_vector_file(vector_path(relative)).records) {
    const auto aes = make_aes(r.bytes("KEY"));
    auto block = r.bytes("PLAINTEXT");
    REQUIRE(block.size() == 16);
    for (int j = 0; j < 1000; ++j) REQUIRE(aes.encrypt_blocks(block, block) == crypto::Error::ok);
    CHECK_MESSAGE(to_hex(block) == to_hex(r.bytes("CIPHERTEXT")), r.where());
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("AES byte S-box (key schedule) is the FIPS 197 S-box") {
  // FIPS 197 Figure 7 samples and §5.1.1 example S(0x53) = 0xed.
  CHECK(crypto::detail::aes_sbox_ct(0x00) == 0x63);
  CHECK(crypto::detail::aes_sbox_ct(0x01) == 0x7c);
  CHECK(crypto::detail::aes_sbox_ct(0x53) == 0xed);
  CHECK(crypto::detail::aes_sbox_ct(0xff) == 0x16);
  CHECK(crypto::detail::aes_sbox_ct(0x9a) == 0xb8);
  // A permutation without fixed points.
  bool seen[256] = {};
  int fixed = 0;
  for (int x = 0; x < 256; ++x) {
    const auto s = crypto::detail::aes_sbox_ct(static_cast<std::uint8_t>(x));
    seen[s] = true;
    fixed += s == x;
  }
  int distinct = 0;
  for (bool b : seen) distinct += b;
  CHECK(distinct == 256);
  CHECK(fixed == 0);
}

TEST_CASE("AES FIPS 197 examples on every path") {
  for (const auto& path : cpu_paths()) {
    ScopedCpuMask mask(path.mask);
    std::size_t blocks = 0, expansions = 0;
    for (const auto& r : load_vector_file(vector_path("fips197/fips197-aes-examples.txt")).records) {
      const auto key = r.bytes("KEY");
      const auto aes = make_aes(key);
      CAPTURE(aes.implementation());
      if (r.has_section("KEY EXPANSION")) {
        const std::uint8_t* last = aes.round_keys() + 16 * aes.rounds();
        CHECK_MESSAGE(to_hex({last, 16}) == r.get("LASTROUNDKEY"), r.where());
        ++expansions;
        continue;
      }
      Bytes out(16);
      REQUIRE(aes.encrypt_blocks(r.bytes("PLAINTEXT"), out) == crypto::Error::ok);
      CHECK_MESSAGE(to_hex(out) == r.get("CIPHERTEXT"), r.where());
      ++blocks;
    }
    CHECK(blocks == 8);
    CHECK(expansions == 3);
    MESSAGE("AES FIPS 197 [" << make_aes(Bytes(16)).implementation() << "]: " << blocks << " blocks, " << expansions
                              << " key expansions");
  }
}

TEST_CASE("AES NIST AESAVS ECB KAT, MMT and MCT on every path") {
  for (const auto& path : cpu_paths()) {
    ScopedCpuMask mask(path.mask);
    const std::string impl(make_aes(Bytes(16)).implementation());
    CHECK(impl == (crypto::cpu_has(crypto::CpuFeature::aesni)     ? "aesni"
                   : crypto::cpu_has(crypto::CpuFeature::arm_aes) ? "armv8_aes"
                                                                  : "portable"));
    std::size_t kat = 0;
    for (const char* kind : {"GFSbox", "KeySbox", "VarKey", "VarTxt"})
      for (const char* bits : {"128", "256"})
        kat += check_ecb_file(std::string("nist-cavp/aes-ecb/ECB") + kind + bits + ".rsp");
    const std::size_t mmt = check_ecb_file("nist-cavp/aes-ecb/ECBMMT128.rsp") +
                            check_ecb_file("nist-cavp/aes-ecb/ECBMMT256.rsp");
    const std::size_t mct = check_mct_file("nist-cavp/aes-ecb/ECBMCT128.rsp") +
                            check_mct_file("nist-cavp/aes-ecb/ECBMCT256.rsp");
    CHECK(kat == 14 + 10 + 42 + 32 + 256 + 512 + 256 + 256);
    CHECK(mmt == 40);
    CHECK(mct == 400);
    MESSAGE("AES ECB [" << impl << "]: " << kat << " KAT, " << mmt << " MMT, " << mct << " MCT records");
  }
}

TEST_CASE("AES accelerated paths equal portable on random keys and lengths") {
  std::mt19937_64 rng(20261126);
  MESSAGE("seed 20261126");
  std::size_t compared = 0;
  for (int iter = 0; iter < 300; ++iter) {
    Bytes key(iter % 2 ? 32 : (iter % 3 ? 16 : 24));
    for (auto& b : key) b = static_cast<std::uint8_t>(rng());
    Bytes data(16 * static_cast<std::size_t>(iter % 37));
    for (auto& b : data) b = static_cast<std::uint8_t>(rng());
    Bytes expected(data.size());
    {
      ScopedCpuMask mask(0);
      REQUIRE(make_aes(key).encrypt_blocks(data, expected) == crypto::Error::ok);
    }
    for (const auto& path : cpu_paths()) {
      ScopedCpuMask mask(path.mask);
      Bytes out(data.size() + 1);
      const std::span<std::uint8_t> unaligned(out.data() + 1, data.size());
      REQUIRE(make_aes(key).encrypt_blocks(data, unaligned) == crypto::Error::ok);
      CHECK(std::equal(unaligned.begin(), unaligned.end(), expected.begin()));
      ++compared;
    }
  }
  CHECK(compared >= 300);
}

TEST_CASE("AES rejects bad key and data lengths") {
  crypto::Aes aes;
  Bytes out(16);
  CHECK(aes.encrypt_blocks(Bytes(16), out) == crypto::Error::invalid_argument);
  CHECK(aes.init(Bytes(15)) == crypto::Error::bad_length);
  CHECK(aes.init(Bytes(33)) == crypto::Error::bad_length);
  REQUIRE(aes.init(Bytes(16)) == crypto::Error::ok);
  Bytes out15(15);
  CHECK(aes.encrypt_blocks(Bytes(15), out15) == crypto::Error::bad_length);
  CHECK(aes.encrypt_blocks(Bytes(32), out) == crypto::Error::bad_length);
}
