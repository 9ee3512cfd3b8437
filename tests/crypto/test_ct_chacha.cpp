// SPDX-License-Identifier: MIT
// Constant-time check (ctgrind style) for ChaCha20, Poly1305 and the
// ChaCha20-Poly1305 seal (RFC 8439): key and plaintext are marked undefined
// for Valgrind memcheck, which reports any branch or memory index on them.
// Paths: portable and AVX2 (the AVX-512 / IFMA paths are skipped: Valgrind
// does not emulate AVX-512). open() runs with the key secret too: its tag
// decision ("tags equal", ct::equal(...).to_bool()) is meant to branch, and
// test_ct_chacha.supp suppresses jumps in open()'s own body only (the
// keystream, Poly1305 and ct::equal callees stay checked).
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "baretls/crypto/chacha20.h"
#include "baretls/crypto/chacha20_poly1305.h"
#include "baretls/crypto/poly1305.h"
#include "tests/crypto/ct_poison.h"
#include "tests/support/hex.h"

using namespace baretls;
using namespace baretls::test;

namespace {

Bytes random_bytes(std::mt19937_64& rng, std::size_t n) {
  Bytes b(n);
  for (auto& x : b) x = static_cast<std::uint8_t>(rng());
  return b;
}

}  // namespace

TEST_CASE("ChaCha20 and Poly1305 do not branch or index on the key or data") {
  std::mt19937_64 rng(11);
  std::size_t runs = 0;
  for (const auto& path : ct_paths()) {
    ScopedCpuMask mask(path.mask);
    for (std::size_t len : {std::size_t{77}, std::size_t{1100}}) {  // short and lane paths
      Bytes key = random_bytes(rng, 32), msg = random_bytes(rng, len);
      std::uint8_t nonce[12];
      for (auto& x : nonce) x = static_cast<std::uint8_t>(rng());
      Bytes ref_stream(len), stream(len);
      std::uint8_t ref_tag[16], tag[16];
      {
        crypto::ChaCha20 c;
        REQUIRE(c.init(key) == crypto::Error::ok);
        c.xor_stream(nonce, 1, msg, ref_stream);
        crypto::Poly1305 p;
        REQUIRE(p.init(key) == crypto::Error::ok);
        p.update(msg);
        p.final(ref_tag);
      }
      CT_POISON(key.data(), key.size());
      CT_POISON(msg.data(), msg.size());
      crypto::ChaCha20 c;
      const crypto::Error ci = c.init(key);
      c.xor_stream(nonce, 1, msg, stream);
      crypto::Poly1305 p;
      const crypto::Error pi = p.init(key);
      p.update(std::span<const std::uint8_t>(msg).first(5));  // partial block, then the rest
      p.update(std::span<const std::uint8_t>(msg).subspan(5));
      p.pad16();
      crypto::Poly1305 p2;
      const crypto::Error pi2 = p2.init(key);
      p2.update(msg);
      p2.final(tag);
      std::uint8_t padded_tag[16];
      p.final(padded_tag);
      CT_UNPOISON(stream.data(), stream.size());
      CT_UNPOISON(tag, sizeof tag);
      CT_UNPOISON(padded_tag, sizeof padded_tag);
      CT_UNPOISON(key.data(), key.size());
      CT_UNPOISON(msg.data(), msg.size());
      CHECK(ci == crypto::Error::ok);
      CHECK(pi == crypto::Error::ok);
      CHECK(pi2 == crypto::Error::ok);
      CHECK(stream == ref_stream);
      CHECK(std::equal(tag, tag + 16, ref_tag));
      MESSAGE("ct run [" << path.name << "] chacha20 " << c.implementation() << ", poly1305 "
                         << p2.implementation() << ", " << len << " bytes");
      ++runs;
    }
  }
  CHECK(runs >= 2);
}

TEST_CASE("ChaCha20-Poly1305 init and seal do not branch or index on the key or plaintext") {
  std::mt19937_64 rng(12);
  std::size_t runs = 0;
  for (const auto& path : ct_paths()) {
    ScopedCpuMask mask(path.mask);
    for (std::size_t len : {std::size_t{0}, std::size_t{100}, std::size_t{1500}}) {
      Bytes key = random_bytes(rng, 32), msg = random_bytes(rng, len), aad = random_bytes(rng, 13);
      Bytes nonce = random_bytes(rng, 12);
      Bytes reference(len), out(len);
      std::uint8_t reference_tag[16], tag[16];
      {
        crypto::ChaCha20Poly1305 a;
        REQUIRE(a.init(key) == crypto::Error::ok);
        REQUIRE(a.seal(nonce, aad, msg, reference, reference_tag) == crypto::Error::ok);
      }
      CT_POISON(key.data(), key.size());
      CT_POISON(msg.data(), msg.size());
      crypto::ChaCha20Poly1305 a;
      const crypto::Error init_result = a.init(key);
      const crypto::Error seal_result = a.seal(nonce, aad, msg, out, tag);
      CT_UNPOISON(out.data(), out.size());
      CT_UNPOISON(tag, sizeof tag);
      CT_UNPOISON(key.data(), key.size());
      CT_UNPOISON(msg.data(), msg.size());
      CHECK(init_result == crypto::Error::ok);
      CHECK(seal_result == crypto::Error::ok);
      CHECK(out == reference);
      CHECK(std::equal(tag, tag + 16, reference_tag));
      MESSAGE("ct run [" << path.name << "/" << a.implementation() << "] seal " << len << " bytes");
      ++runs;
    }
  }
  CHECK(runs >= 3);
}

TEST_CASE("ChaCha20-Poly1305 open computes and compares the tag without branching on the key") {
  std::mt19937_64 rng(13);
  std::size_t runs = 0;
  for (const auto& path : ct_paths()) {
    ScopedCpuMask mask(path.mask);
    for (std::size_t len : {std::size_t{100}, std::size_t{1500}}) {  // merged short path and long path
      Bytes key = random_bytes(rng, 32), msg = random_bytes(rng, len), aad = random_bytes(rng, 13);
      Bytes nonce = random_bytes(rng, 12), ct(len);
      std::uint8_t tag[16];
      {
        crypto::ChaCha20Poly1305 a;
        REQUIRE(a.init(key) == crypto::Error::ok);
        REQUIRE(a.seal(nonce, aad, msg, ct, tag) == crypto::Error::ok);
      }
      std::uint8_t bad_tag[16];
      std::copy(tag, tag + 16, bad_tag);
      bad_tag[15] ^= 0x80;
      CT_POISON(key.data(), key.size());
      crypto::ChaCha20Poly1305 a;
      const crypto::Error init_result = a.init(key);
      Bytes out(len), out_bad(len);
      crypto::Error good = a.open(nonce, aad, ct, out, tag);
      crypto::Error bad = a.open(nonce, aad, ct, out_bad, bad_tag);
      CT_UNPOISON(&good, sizeof good);  // the tag decision is public
      CT_UNPOISON(&bad, sizeof bad);
      CT_UNPOISON(out.data(), out.size());
      CT_UNPOISON(out_bad.data(), out_bad.size());
      CT_UNPOISON(key.data(), key.size());
      CHECK(init_result == crypto::Error::ok);
      CHECK(good == crypto::Error::ok);
      CHECK(bad == crypto::Error::auth_failed);
      CHECK(out == msg);
      CHECK(std::all_of(out_bad.begin(), out_bad.end(), [](std::uint8_t b) { return b == 0; }));
      MESSAGE("ct run [" << path.name << "/" << a.implementation() << "] open " << len << " bytes");
      ++runs;
    }
  }
  CHECK(runs >= 2);
}
