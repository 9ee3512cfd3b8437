// SPDX-License-Identifier: MIT
// ChaCha20-Poly1305 property suite: each accelerated ChaCha20 path equals the
// portable one (lengths 0..5000, unaligned, in place, counter wrap);
// open(seal(m)) == m; every single-bit flip of ciphertext, tag, AAD or nonce
// is rejected with the output zeroed; streaming Poly1305 equals one-shot.
#include "baretls/crypto/chacha20_poly1305.h"

#include <doctest/doctest.h>

#include <cstring>

#include "baretls/crypto/chacha20.h"
#include "baretls/crypto/poly1305.h"
#include "tests/support/cpu_paths.h"
#include "tests/support/hex.h"

using namespace baretls;
using namespace baretls::test;

namespace {

// SplitMix64: deterministic test data (seed printed by each case).
struct TestRng {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  Bytes bytes(std::size_t n) {
    Bytes b(n);
    for (auto& x : b) x = static_cast<std::uint8_t>(next());
    return b;
  }
};

constexpr std::uint64_t kSeed = 0x8439'2025'c4a0ULL;

auto paths() {
  return cpu_paths({{"avx2", static_cast<std::uint32_t>(crypto::CpuFeature::avx2)},
                    {"no-ifma", crypto::kAllCpuFeatures & ~static_cast<std::uint32_t>(crypto::CpuFeature::avx512ifma)}});
}

crypto::ChaCha20 chacha_under(std::uint32_t mask, const Bytes& key) {
  ScopedCpuMask m(mask);
  crypto::ChaCha20 c;
  REQUIRE(c.init(key) == crypto::Error::ok);
  return c;
}

}  // namespace

TEST_CASE("ChaCha20 accelerated paths equal portable for lengths 0..5000") {
  MESSAGE("seed " << kSeed);
  TestRng rng{kSeed};
  std::size_t checked = 0;
  for (const auto& path : paths()) {
    const Bytes key = rng.bytes(32), nonce = rng.bytes(12);
    const auto ref = chacha_under(0, key);
    const auto fast = chacha_under(path.mask, key);
    const std::string impl(fast.implementation());
    CAPTURE(impl);
    const std::span<const std::uint8_t, 12> n(nonce.data(), 12);
    const Bytes msg = rng.bytes(5000 + 8);
    Bytes want(5000 + 8), got(5000 + 8), inplace(5000 + 8);
    for (std::size_t len = 0; len <= 5000; ++len) {
      const std::size_t off = len % 7;  // unaligned input and output
      const std::uint32_t counter = static_cast<std::uint32_t>(rng.next());
      const auto in = std::span<const std::uint8_t>(msg).subspan(off, len);
      ref.xor_stream(n, counter, in, std::span<std::uint8_t>(want).first(len));
      fast.xor_stream(n, counter, in, std::span<std::uint8_t>(got).subspan(off ^ 3, len));
      REQUIRE_MESSAGE(std::memcmp(want.data(), got.data() + (off ^ 3), len) == 0, "len " << len);
      std::memcpy(inplace.data() + 1, in.data(), len);
      const auto io = std::span<std::uint8_t>(inplace).subspan(1, len);
      fast.xor_stream(n, counter, io, io);
      REQUIRE_MESSAGE(std::memcmp(want.data(), io.data(), len) == 0, "in place, len " << len);
      ++checked;
    }
    // The 32-bit counter wraps the same way on every path (RFC 8439 §2.4).
    const auto in = std::span<const std::uint8_t>(msg).first(4096);
    ref.xor_stream(n, 0xfffffff9u, in, std::span<std::uint8_t>(want).first(4096));
    fast.xor_stream(n, 0xfffffff9u, in, std::span<std::uint8_t>(got).first(4096));
    CHECK(std::memcmp(want.data(), got.data(), 4096) == 0);
    MESSAGE("ChaCha20 [" << impl << "] equals portable on 5001 lengths");
  }
  CHECK(checked == 5001 * paths().size());
}

TEST_CASE("ChaCha20-Poly1305 open(seal(m)) == m, in place and out of place") {
  MESSAGE("seed " << kSeed + 1);
  TestRng rng{kSeed + 1};
  for (const auto& path : paths()) {
    ScopedCpuMask mask(path.mask);
    crypto::ChaCha20Poly1305 aead;
    REQUIRE(aead.init(rng.bytes(32)) == crypto::Error::ok);
    CAPTURE(aead.implementation());
    std::size_t n = 0;
    for (std::size_t len = 0; len <= 5000; len += (len < 300 ? 1 : 61)) {
      const Bytes nonce = rng.bytes(12), aad = rng.bytes(len % 101), msg = rng.bytes(len);
      Bytes ct(len), back(len, 0xaa);
      std::uint8_t tag[16];
      REQUIRE(aead.seal(nonce, aad, msg, ct, tag) == crypto::Error::ok);
      REQUIRE(aead.open(nonce, aad, ct, back, tag) == crypto::Error::ok);
      REQUIRE(back == msg);
      Bytes io = msg;
      std::uint8_t tag2[16];
      REQUIRE(aead.seal(nonce, aad, io, io, tag2) == crypto::Error::ok);
      REQUIRE(io == ct);
      REQUIRE(std::memcmp(tag, tag2, 16) == 0);
      REQUIRE(aead.open(nonce, aad, io, io, tag2) == crypto::Error::ok);
      REQUIRE(io == msg);
      ++n;
    }
    CHECK(n == 300 + 78);  // 0..299, then 300, 361, ..., 4997
    MESSAGE("round trips [" << aead.implementation() << "]: " << n);
  }
}

TEST_CASE("ChaCha20-Poly1305 rejects every single-bit flip and zeroes the output") {
  TestRng rng{kSeed + 2};
  // 150 bytes: the short-message code (block 0 and keystream in one call);
  // 600 bytes: the general code.
  for (const std::size_t msg_len : {std::size_t{150}, std::size_t{600}})
  for (const auto& path : paths()) {
    ScopedCpuMask mask(path.mask);
    crypto::ChaCha20Poly1305 aead;
    REQUIRE(aead.init(rng.bytes(32)) == crypto::Error::ok);
    const Bytes nonce = rng.bytes(12), aad = rng.bytes(13), msg = rng.bytes(msg_len);
    Bytes ct(msg.size());
    std::uint8_t tag[16];
    REQUIRE(aead.seal(nonce, aad, msg, ct, tag) == crypto::Error::ok);
    std::size_t rejected = 0;
    auto expect_reject = [&](const Bytes& n, const Bytes& a, const Bytes& c, const std::uint8_t* t) {
      Bytes out(c.size(), 0x5c);
      const auto e = aead.open(n, a, c, out, std::span<const std::uint8_t, 16>(t, 16));
      CHECK(e == crypto::Error::auth_failed);
      CHECK(out == Bytes(c.size(), 0));
      Bytes io = c;  // in place as well
      CHECK(aead.open(n, a, io, io, std::span<const std::uint8_t, 16>(t, 16)) == crypto::Error::auth_failed);
      CHECK(io == Bytes(c.size(), 0));
      ++rejected;
    };
    for (std::size_t bit = 0; bit < ct.size() * 8; ++bit) {
      Bytes c = ct;
      c[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
      expect_reject(nonce, aad, c, tag);
    }
    for (std::size_t bit = 0; bit < 128; ++bit) {
      std::uint8_t t[16];
      std::memcpy(t, tag, 16);
      t[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
      expect_reject(nonce, aad, ct, t);
    }
    for (std::size_t bit = 0; bit < aad.size() * 8; ++bit) {
      Bytes a = aad;
      a[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
      expect_reject(nonce, a, ct, tag);
    }
    for (std::size_t bit = 0; bit < 96; ++bit) {
      Bytes n = nonce;
      n[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
      expect_reject(n, aad, ct, tag);
    }
    // Truncated and extended AAD.
    expect_reject(nonce, Bytes(aad.begin(), aad.end() - 1), ct, tag);
    Bytes longer = aad;
    longer.push_back(0);
    expect_reject(nonce, longer, ct, tag);
    CHECK(rejected == msg_len * 8 + 128 + 13 * 8 + 96 + 2);
    MESSAGE("bit flips rejected [" << aead.implementation() << "]: " << rejected);
    Bytes out(ct.size());
    CHECK(aead.open(nonce, aad, ct, out, tag) == crypto::Error::ok);  // the untouched one passes
    CHECK(out == msg);
  }
}

TEST_CASE("Poly1305 streaming equals one-shot at every split") {
  TestRng rng{kSeed + 3};
  const Bytes key = rng.bytes(32), msg = rng.bytes(300);
  const std::span<const std::uint8_t, 32> k(key.data(), 32);
  std::size_t splits = 0;
  for (std::size_t len : {0u, 1u, 15u, 16u, 17u, 63u, 64u, 65u, 255u, 300u}) {
    const auto m = std::span<const std::uint8_t>(msg).first(len);
    std::uint8_t want[16];
    crypto::Poly1305::mac(k, m, want);
    for (std::size_t a = 0; a <= len; ++a) {
      const std::size_t b = a + (len - a) / 3;  // three pieces
      crypto::Poly1305 p;
      REQUIRE(p.init(key) == crypto::Error::ok);
      p.update(m.first(a));
      p.update(m.subspan(a, b - a));
      p.update(m.subspan(b));
      std::uint8_t got[16];
      p.final(got);
      REQUIRE(std::memcmp(want, got, 16) == 0);
      ++splits;
    }
  }
  // Byte-at-a-time as well.
  std::uint8_t want[16], got[16];
  crypto::Poly1305::mac(k, msg, want);
  crypto::Poly1305 p;
  REQUIRE(p.init(key) == crypto::Error::ok);
  for (std::uint8_t b : msg) p.update(std::span<const std::uint8_t>(&b, 1));
  p.final(got);
  CHECK(std::memcmp(want, got, 16) == 0);
  CHECK(splits == 1 + 2 + 16 + 17 + 18 + 64 + 65 + 66 + 256 + 301);
  MESSAGE("Poly1305 split points checked: " << splits);
}

TEST_CASE("Poly1305 accelerated path equals portable (random and extreme inputs)") {
  MESSAGE("seed " << kSeed + 4);
  TestRng rng{kSeed + 4};
  std::size_t checked = 0;
  for (const auto& path : paths()) {
    ScopedCpuMask mask(path.mask);
    const std::string impl(crypto::Poly1305().implementation());
    CAPTURE(impl);
    for (int kind = 0; kind < 4; ++kind) {
      // kind 0: random; 1: all-ones key and message (largest limbs after
      // clamping); 2: all-ones message, random key; 3: r = 1 style sparse key.
      Bytes key = kind == 1 ? Bytes(32, 0xff) : rng.bytes(32);
      if (kind == 3) {
        key.assign(32, 0);
        key[0] = 1;
        key[16] = 0xff;
      }
      const Bytes msg = kind == 0 ? rng.bytes(2100) : Bytes(2100, 0xff);
      const std::span<const std::uint8_t, 32> k(key.data(), 32);
      for (std::size_t len = 0; len <= 2100; len += (len < 600 ? 1 : 37)) {
        const auto m = std::span<const std::uint8_t>(msg).first(len);
        std::uint8_t want[16], got[16];
        {
          ScopedCpuMask portable(0);
          crypto::Poly1305::mac(k, m, want);
        }
        crypto::Poly1305::mac(k, m, got);
        REQUIRE_MESSAGE(std::memcmp(want, got, 16) == 0, "kind " << kind << " len " << len);
        // Streaming with an odd first piece, so the wide path starts unaligned.
        crypto::Poly1305 p;
        REQUIRE(p.init(key) == crypto::Error::ok);
        p.update(m.first(len / 3));
        p.update(m.subspan(len / 3));
        p.final(got);
        REQUIRE_MESSAGE(std::memcmp(want, got, 16) == 0, "streamed, kind " << kind << " len " << len);
        ++checked;
      }
    }
    MESSAGE("Poly1305 [" << impl << "] equals portable");
  }
  CHECK(checked == paths().size() * 4 * (600 + 41));
}

TEST_CASE("Poly1305 context: init again after final, on every path") {
  TestRng rng{kSeed + 5};
  for (const auto& path : paths()) {
    ScopedCpuMask mask(path.mask);
    crypto::Poly1305 p;
    CAPTURE(p.implementation());
    std::size_t n = 0;
    for (int round = 0; round < 4; ++round) {
      const Bytes key = rng.bytes(32), msg = rng.bytes(static_cast<std::size_t>(100 + 700 * round));
      std::uint8_t want[16], got[16];
      crypto::Poly1305::mac(std::span<const std::uint8_t, 32>(key.data(), 32), msg, want);
      REQUIRE(p.init(key) == crypto::Error::ok);
      p.update(msg);
      p.final(got);
      CHECK(std::memcmp(want, got, 16) == 0);
      ++n;
    }
    CHECK(p.init(Bytes(31, 0)) == crypto::Error::bad_length);
    CHECK(n == 4);
  }
}
