// SPDX-License-Identifier: MIT
// Constant-time check (ctgrind style) for AES-GCM open (SP 800-38D §7.2): the
// key is marked undefined for Valgrind memcheck while open() recomputes and
// compares the tag; the seal side is test_aes_gcm_ct. open()'s one public
// decision from a secret-derived value, "the tags are equal"
// (crypto/aes_gcm.cpp, `if (!ok.to_bool())`), is suppressed by
// test_ct_aes_gcm_open.supp for jumps in open()'s own body only (AES, GHASH
// and ct::equal callees stay checked). Paths: portable and AES-NI +
// PCLMULQDQ (VAES / AVX-512 skipped: Valgrind does not emulate them).
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "baretls/crypto/aes_gcm.h"
#include "tests/crypto/ct_poison.h"
#include "tests/support/hex.h"

using namespace baretls;
using namespace baretls::test;

TEST_CASE("AES-GCM open computes and compares the tag without branching on the key") {
  std::mt19937_64 rng(61);
  std::size_t runs = 0;
  for (const auto& path : ct_paths()) {
    ScopedCpuMask mask(path.mask);
    for (std::size_t key_size : {std::size_t{16}, std::size_t{32}}) {
      Bytes key(key_size), msg(300), aad(13), nonce(12);
      for (auto* b : {&key, &msg, &aad, &nonce})
        for (auto& x : *b) x = static_cast<std::uint8_t>(rng());
      Bytes ct(msg.size());
      std::uint8_t tag[16];
      {
        crypto::AesGcm g;
        REQUIRE(g.init(key) == crypto::Error::ok);
        REQUIRE(g.seal(nonce, aad, msg, ct, tag) == crypto::Error::ok);
      }
      std::uint8_t bad_tag[16];
      std::copy(tag, tag + 16, bad_tag);
      bad_tag[0] ^= 1;
      CT_POISON(key.data(), key.size());
      crypto::AesGcm g;
      const crypto::Error init_result = g.init(key);
      Bytes out(msg.size()), out_bad(msg.size());
      crypto::Error good = g.open(nonce, aad, ct, out, tag);
      crypto::Error bad = g.open(nonce, aad, ct, out_bad, bad_tag);
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
      MESSAGE("ct run [" << path.name << "/" << g.implementation() << "] open, key " << key_size * 8);
      ++runs;
    }
  }
  CHECK(runs >= 2);
}
