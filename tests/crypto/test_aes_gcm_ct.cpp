// SPDX-License-Identifier: MIT
// Constant-time check (ctgrind style): the key and the plaintext are marked
// undefined for Valgrind's memcheck, which then reports any branch or memory
// index that depends on them. Run natively it only checks the results; the
// ctest `test_aes_gcm_ct_valgrind` runs it under valgrind (portable and
// AES-NI + PCLMULQDQ paths; Valgrind does not emulate AVX-512). open() is not
// covered: its single decision on the tag comparison is meant to branch.
#include <doctest/doctest.h>

#include <random>

#include "baretls/crypto/aes_gcm.h"
#include "baretls/crypto/cpu.h"
#include "tests/support/cpu_paths.h"
#include "tests/support/hex.h"

#if __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#define CT_POISON(p, n) VALGRIND_MAKE_MEM_UNDEFINED(p, n)
#define CT_UNPOISON(p, n) VALGRIND_MAKE_MEM_DEFINED(p, n)
#else
#define CT_POISON(p, n) ((void)(p), (void)(n))
#define CT_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

using namespace baretls;
using namespace baretls::test;

TEST_CASE("AES-GCM init and seal do not branch or index on the key or plaintext") {
  const std::uint32_t clmul_only = static_cast<std::uint32_t>(crypto::CpuFeature::aesni) |
                                   static_cast<std::uint32_t>(crypto::CpuFeature::pclmulqdq) |
                                   static_cast<std::uint32_t>(crypto::CpuFeature::ssse3) |
                                   static_cast<std::uint32_t>(crypto::CpuFeature::sse41);
  std::mt19937_64 rng(5);
  std::size_t runs = 0;
  for (const auto& path : cpu_paths({{"aesni_clmul", clmul_only}})) {
    if (path.mask != 0 && path.mask != clmul_only) continue;  // Valgrind has no AVX-512
    ScopedCpuMask mask(path.mask);
    for (std::size_t key_size : {std::size_t{16}, std::size_t{32}}) {
      Bytes key(key_size), msg(77), aad(13), nonce(12), iv(20);
      for (auto* b : {&key, &msg, &aad, &nonce, &iv})
        for (auto& x : *b) x = static_cast<std::uint8_t>(rng());
      Bytes reference(msg.size());
      std::uint8_t reference_tag[16];
      {
        crypto::AesGcm g;
        REQUIRE(g.init(key) == crypto::Error::ok);
        REQUIRE(g.seal(nonce, aad, msg, reference, reference_tag) == crypto::Error::ok);
      }
      CT_POISON(key.data(), key.size());
      CT_POISON(msg.data(), msg.size());
      crypto::AesGcm g;
      const crypto::Error init_result = g.init(key);
      Bytes out(msg.size());
      std::uint8_t tag[16];
      const crypto::Error seal_result = g.seal(nonce, aad, msg, out, tag);
      Bytes out_iv(msg.size());
      std::uint8_t tag_iv[16];
      const crypto::Error seal_iv_result = g.seal(iv, aad, msg, out_iv, tag_iv);  // §7.1 GHASH'd J0
      CT_UNPOISON(out.data(), out.size());
      CT_UNPOISON(tag, sizeof tag);
      CT_UNPOISON(out_iv.data(), out_iv.size());
      CT_UNPOISON(tag_iv, sizeof tag_iv);
      CT_UNPOISON(key.data(), key.size());
      CT_UNPOISON(msg.data(), msg.size());
      CHECK(init_result == crypto::Error::ok);
      CHECK(seal_result == crypto::Error::ok);
      CHECK(seal_iv_result == crypto::Error::ok);
      CHECK(out == reference);
      CHECK(std::equal(tag, tag + 16, reference_tag));
      MESSAGE("ct run [" << path.name << "/" << g.implementation() << "] key " << key_size * 8);
      ++runs;
    }
  }
  CHECK(runs >= 2);
}
