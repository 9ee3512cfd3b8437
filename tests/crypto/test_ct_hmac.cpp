// SPDX-License-Identifier: MIT
// Constant-time check (ctgrind style) for HMAC (RFC 2104) over SHA-256/384/512:
// the key and message are marked undefined for Valgrind memcheck. Hmac::verify
// runs with a secret key; its outcome (tag matched or not) is the one value it
// is meant to make public (ct::Mask::to_bool), and the comparison before it is
// ct::equal, checked here on its own with both inputs secret. Paths: portable
// and the non-AVX-512 SHA code (SHA-NI and the AVX-512 SHA-512 path are
// skipped: Valgrind 3.19 emulates neither). The TLS 1.2 PRF (RFC 5246 §5)
// runs with a secret master secret, as for key_block and the Finished
// verify_data (RFC 5246 §7.4.9), whose comparison is ct::equal.
#include <doctest/doctest.h>

#include <random>

#include "baretls/crypto/ct.h"
#include "baretls/crypto/hmac.h"
#include "baretls/crypto/tls_prf.h"
#include "tests/crypto/ct_poison.h"
#include "tests/support/hex.h"

using namespace baretls;
using namespace baretls::test;

TEST_CASE("HMAC and HMAC verify do not branch or index on the key") {
  std::mt19937_64 rng(21);
  std::size_t runs = 0;
  const auto paths = ct_paths();  // portable first, then what this CPU has
  for (const auto& path : paths) {
    ScopedCpuMask mask(path.mask);
    for (auto id : {crypto::HashId::sha256, crypto::HashId::sha384, crypto::HashId::sha512}) {
      for (std::size_t key_len : {std::size_t{32}, std::size_t{200}}) {  // short and hashed keys
        Bytes key(key_len), msg(150);
        for (auto* b : {&key, &msg})
          for (auto& x : *b) x = static_cast<std::uint8_t>(rng());
        std::uint8_t reference[64], mac_out[64], streamed[64];
        const std::size_t n = crypto::Hmac::mac(id, key, msg, reference);
        Bytes wrong(reference, reference + n);
        wrong[n / 2] ^= 0x40;

        CT_POISON(key.data(), key.size());
        CT_POISON(msg.data(), msg.size());
        const std::size_t n2 = crypto::Hmac::mac(id, key, msg, mac_out);
        crypto::Hmac h(id, key);
        h.update(std::span<const std::uint8_t>(msg).first(7));
        h.update(std::span<const std::uint8_t>(msg).subspan(7));
        const std::size_t n3 = h.final(streamed);
        CT_UNPOISON(msg.data(), msg.size());  // verify: the record/handshake bytes are public
        crypto::Error good = crypto::Hmac::verify(id, key, msg, std::span<const std::uint8_t>(reference, n));
        crypto::Error bad = crypto::Hmac::verify(id, key, msg, wrong);
        crypto::Error truncated = crypto::Hmac::verify(id, key, msg, std::span<const std::uint8_t>(reference, 12));
        CT_UNPOISON(&good, sizeof good);  // the outcome is public by design
        CT_UNPOISON(&bad, sizeof bad);
        CT_UNPOISON(&truncated, sizeof truncated);
        CT_UNPOISON(mac_out, sizeof mac_out);
        CT_UNPOISON(streamed, sizeof streamed);
        CT_UNPOISON(key.data(), key.size());
        CHECK(n2 == n);
        CHECK(n3 == n);
        CHECK(std::equal(mac_out, mac_out + n, reference));
        CHECK(std::equal(streamed, streamed + n, reference));
        CHECK(good == crypto::Error::ok);
        CHECK(bad == crypto::Error::auth_failed);
        CHECK(truncated == crypto::Error::ok);
        ++runs;
      }
    }
    MESSAGE("ct run [" << path.name << "] hmac-sha256/384/512");
  }
  CHECK(runs == 6 * paths.size());
}

TEST_CASE("ct::equal (the MAC and tag comparison) does not branch on its inputs") {
  std::mt19937_64 rng(22);
  std::size_t runs = 0;
  for (std::size_t len : {std::size_t{12}, std::size_t{16}, std::size_t{48}}) {
    Bytes a(len);
    for (auto& x : a) x = static_cast<std::uint8_t>(rng());
    Bytes b = a, c = a;
    c[len - 1] ^= 1;
    CT_POISON(a.data(), a.size());
    CT_POISON(b.data(), b.size());
    CT_POISON(c.data(), c.size());
    crypto::ct::Mask same = crypto::ct::equal(std::span<const std::uint8_t>(a), std::span<const std::uint8_t>(b));
    crypto::ct::Mask differ = crypto::ct::equal(std::span<const std::uint8_t>(a), std::span<const std::uint8_t>(c));
    CT_UNPOISON(&same, sizeof same);
    CT_UNPOISON(&differ, sizeof differ);
    CT_UNPOISON(a.data(), a.size());
    CT_UNPOISON(b.data(), b.size());
    CT_UNPOISON(c.data(), c.size());
    CHECK(same.to_bool());
    CHECK(!differ.to_bool());
    ++runs;
  }
  CHECK(runs == 3);
}

TEST_CASE("TLS 1.2 PRF does not branch or index on the secret") {
  std::mt19937_64 rng(23);
  std::size_t runs = 0;
  const auto paths = ct_paths();  // portable first, then what this CPU has
  for (const auto& path : paths) {
    ScopedCpuMask mask(path.mask);
    for (auto id : {crypto::HashId::sha256, crypto::HashId::sha384}) {
      Bytes secret(48), client_random(32), server_random(32);
      for (auto* b : {&secret, &client_random, &server_random})
        for (auto& x : *b) x = static_cast<std::uint8_t>(rng());
      Bytes ref_block(104), ref_verify(12), block(104), verify(12);
      crypto::tls12_prf(id, secret, "key expansion", server_random, client_random, ref_block);
      crypto::tls12_prf(id, secret, "client finished", client_random, {}, ref_verify);
      CT_POISON(secret.data(), secret.size());
      crypto::tls12_prf(id, secret, "key expansion", server_random, client_random, block);
      crypto::tls12_prf(id, secret, "client finished", client_random, {}, verify);
      // Finished check (RFC 5246 §7.4.9): received verify_data is public,
      // the expected one secret-derived; the verdict is public.
      crypto::ct::Mask same =
          crypto::ct::equal(std::span<const std::uint8_t>(verify), std::span<const std::uint8_t>(ref_verify));
      CT_UNPOISON(&same, sizeof same);
      CT_UNPOISON(block.data(), block.size());
      CT_UNPOISON(verify.data(), verify.size());
      CT_UNPOISON(secret.data(), secret.size());
      CHECK(same.to_bool());
      CHECK(block == ref_block);
      CHECK(verify == ref_verify);
      ++runs;
    }
    MESSAGE("ct run [" << path.name << "] tls12_prf sha256/sha384");
  }
  CHECK(runs == 2 * paths.size());
}
