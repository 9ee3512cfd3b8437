// SPDX-License-Identifier: MIT
// crypto::Aead: each algorithm agrees with its own class, round-trips, and
// rejects tampering with zeroed output; misuse is refused. The algorithms'
// own vectors are in test_aes_gcm.cpp and test_chacha20_poly1305.cpp.
#include "baretls/crypto/aead.h"

#include <doctest/doctest.h>

#include <random>

#include "tests/support/cpu_paths.h"
#include "tests/support/hex.h"

using namespace baretls;
using namespace baretls::crypto;
using baretls::test::Bytes;

TEST_CASE("Aead matches the underlying ciphers and rejects tampering") {
  std::mt19937 rng(7);
  auto random_bytes = [&](std::size_t n) {
    Bytes b(n);
    for (auto& x : b) x = static_cast<std::uint8_t>(rng());
    return b;
  };
  std::size_t checked = 0;
  const auto paths = test::cpu_paths();  // portable first, then what this CPU has
  for (const auto& path : paths) {
    test::ScopedCpuMask mask(path.mask);
    for (auto alg : {AeadAlgorithm::aes_128_gcm, AeadAlgorithm::aes_256_gcm, AeadAlgorithm::chacha20_poly1305}) {
      for (std::size_t len : {0u, 1u, 15u, 16u, 17u, 255u, 1024u, 16400u}) {
        const Bytes key = random_bytes(Aead::key_size(alg));
        const Bytes nonce = random_bytes(12), aad = random_bytes(13), msg = random_bytes(len);
        Aead aead;
        REQUIRE(aead.init(alg, key) == Error::ok);
        Bytes ct(len), tag(16);
        REQUIRE(aead.seal(std::span<const std::uint8_t, 12>(nonce.data(), 12), aad, msg, ct,
                          std::span<std::uint8_t, 16>(tag.data(), 16)) == Error::ok);
        // Same bytes as the algorithm's own class.
        Bytes ct2(len), tag2(16);
        if (alg == AeadAlgorithm::chacha20_poly1305) {
          ChaCha20Poly1305 c;
          REQUIRE(c.init(key) == Error::ok);
          REQUIRE(c.seal(nonce, aad, msg, ct2, std::span<std::uint8_t, 16>(tag2.data(), 16)) == Error::ok);
        } else {
          AesGcm g;
          REQUIRE(g.init(key) == Error::ok);
          REQUIRE(g.seal(nonce, aad, msg, ct2, std::span<std::uint8_t, 16>(tag2.data(), 16)) == Error::ok);
        }
        CHECK(ct == ct2);
        CHECK(tag == tag2);
        Bytes back(len, 0xee);
        CHECK(aead.open(std::span<const std::uint8_t, 12>(nonce.data(), 12), aad, ct, back,
                        std::span<const std::uint8_t, 16>(tag.data(), 16)) == Error::ok);
        CHECK(back == msg);
        tag[3] ^= 0x10;
        Bytes bad(len, 0xee);
        CHECK(aead.open(std::span<const std::uint8_t, 12>(nonce.data(), 12), aad, ct, bad,
                        std::span<const std::uint8_t, 16>(tag.data(), 16)) == Error::auth_failed);
        CHECK(bad == Bytes(len, 0));
        ++checked;
      }
    }
  }
  CHECK(checked == 3 * 8 * paths.size());  // algorithms x lengths x paths
  MESSAGE("Aead: " << checked << " (path, algorithm, length) combinations checked");
}

TEST_CASE("Aead refuses wrong key sizes and use before init") {
  Aead aead;
  const Bytes nonce(12), msg(4);
  Bytes out(4), tag(16);
  CHECK(aead.seal(std::span<const std::uint8_t, 12>(nonce.data(), 12), {}, msg, out,
                  std::span<std::uint8_t, 16>(tag.data(), 16)) == Error::invalid_argument);
  CHECK(aead.init(AeadAlgorithm::aes_128_gcm, Bytes(32)) == Error::bad_length);
  CHECK(aead.init(AeadAlgorithm::chacha20_poly1305, Bytes(16)) == Error::bad_length);
  CHECK(aead.init(AeadAlgorithm::aes_256_gcm, Bytes(32)) == Error::ok);
  CHECK(Aead::name(AeadAlgorithm::aes_256_gcm) == "AES-256-GCM");
}
