// SPDX-License-Identifier: MIT
// Path selection: with BARETLS_CPU=portable in the environment (ctest runs
// this binary twice, tests/crypto/cpu.cmake) every primitive starts on its
// portable code; set_cpu_features_mask() then enables exactly the paths of
// the features it names that the CPU has. The AArch64 features map to one
// path each (x86-64 selection is covered by each primitive's suite).
#include <doctest/doctest.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include "baretls/crypto/aes.h"
#include "baretls/crypto/aes_gcm.h"
#include "baretls/crypto/chacha20.h"
#include "baretls/crypto/chacha20_poly1305.h"
#include "baretls/crypto/cpu.h"
#include "baretls/crypto/poly1305.h"
#include "baretls/crypto/sha256.h"
#include "baretls/crypto/sha512.h"
#include "tests/support/cpu_paths.h"

using namespace baretls;
using namespace baretls::crypto;

namespace {

// The implementation names of every primitive with a CPU-specific path.
struct Names {
  std::string aes, gcm, sha256, sha384, sha512, chacha, poly, chacha_poly;
};

Names current_names() {
  const std::uint8_t key[32] = {};
  Aes aes;
  REQUIRE(aes.init(key) == Error::ok);
  AesGcm gcm;
  REQUIRE(gcm.init(std::span<const std::uint8_t>(key, 16)) == Error::ok);
  ChaCha20 chacha;
  REQUIRE(chacha.init(key) == Error::ok);
  ChaCha20Poly1305 chacha_poly;
  REQUIRE(chacha_poly.init(key) == Error::ok);
  return {std::string(aes.implementation()),    std::string(gcm.implementation()),
          std::string(Sha256().implementation()), std::string(Sha384().implementation()),
          std::string(Sha512().implementation()), std::string(chacha.implementation()),
          std::string(Poly1305().implementation()), std::string(chacha_poly.implementation())};
}

bool env_forces_portable() {
  const char* env = std::getenv("BARETLS_CPU");
  return env != nullptr && std::strcmp(env, "portable") == 0;
}

std::uint32_t bit(CpuFeature f) { return static_cast<std::uint32_t>(f); }

// `accelerated` if the CPU has every feature of `needs`, else "portable".
std::string expect(std::uint32_t needs, const char* accelerated) {
  return (cpu_detected_features() & needs) == needs ? accelerated : "portable";
}

}  // namespace

TEST_CASE("the mask starts from BARETLS_CPU; mask 0 is all portable") {
  const bool forced = env_forces_portable();
  MESSAGE("BARETLS_CPU=portable: " << std::string(forced ? "set" : "not set"));
  CHECK(cpu_features_mask() == (forced ? 0u : kAllCpuFeatures));
  test::ScopedCpuMask mask(0);
  const Names n = current_names();
  for (const std::string* name : {&n.aes, &n.gcm, &n.sha256, &n.sha384, &n.sha512, &n.chacha, &n.poly, &n.chacha_poly})
    CHECK(*name == "portable");
}

TEST_CASE("with BARETLS_CPU=portable every primitive starts on portable code") {
  const Names n = current_names();
  const bool forced = env_forces_portable();
  CHECK((cpu_features() == 0) == (forced || cpu_detected_features() == 0));
  if (forced) {
    for (const std::string* name :
         {&n.aes, &n.gcm, &n.sha256, &n.sha384, &n.sha512, &n.chacha, &n.poly, &n.chacha_poly})
      CHECK(*name == "portable");
  }
  MESSAGE("paths: aes " << n.aes << ", gcm " << n.gcm << ", sha256 " << n.sha256 << ", sha512 " << n.sha512
                        << ", chacha20 " << n.chacha << ", poly1305 " << n.poly);
}

TEST_CASE("each AArch64 feature enables its path alone") {
  const std::uint32_t aes = bit(CpuFeature::arm_aes), pmull = bit(CpuFeature::arm_pmull);
  const std::uint32_t sha2 = bit(CpuFeature::arm_sha2), sha512 = bit(CpuFeature::arm_sha512);
  const std::uint32_t neon = bit(CpuFeature::neon);
  std::size_t masks = 0;
  for (const std::uint32_t m : {aes, aes | pmull, sha2, sha512, neon}) {
    test::ScopedCpuMask mask(m);
    const Names n = current_names();
    CAPTURE(m);
    CHECK(n.aes == ((m & aes) ? expect(aes, "armv8_aes") : "portable"));
    CHECK(n.gcm == ((m & pmull) ? expect(aes | pmull, "armv8_pmull") : "portable"));
    CHECK(n.sha256 == ((m & sha2) ? expect(sha2, "armv8_sha2") : "portable"));
    CHECK(n.sha384 == ((m & sha512) ? expect(sha512, "armv8_sha512") : "portable"));
    CHECK(n.sha512 == n.sha384);
    CHECK(n.chacha == ((m & neon) ? expect(neon, "neon") : "portable"));
    CHECK(n.poly == n.chacha);
    CHECK(n.chacha_poly == n.chacha);
    ++masks;
  }
  CHECK(masks == 5);
}
