// SPDX-License-Identifier: MIT
// baretls benchmark cases: ChaCha20-Poly1305 seal and open at the standard
// sizes with a 13-byte AAD (the TLS 1.2 record header), once per ChaCha20
// path; X25519 shared-secret derivation alone and keygen + derive (one side
// of an ECDHE exchange).
#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "baretls/crypto/chacha20_poly1305.h"
#include "baretls/crypto/cpu.h"
#include "baretls/crypto/x25519.h"
#include "bench/harness.h"

namespace baretls::bench {
namespace {

struct AeadInput {
  std::vector<std::uint8_t> msg, ct, out;
  std::uint8_t tag[16] = {};
};

void add_chacha_poly(std::vector<Case>& out) {
  const auto avx2_only = static_cast<std::uint32_t>(crypto::CpuFeature::avx2);
  const auto no_ifma = crypto::kAllCpuFeatures & ~static_cast<std::uint32_t>(crypto::CpuFeature::avx512ifma);
  const auto impl_name = [] {
    crypto::ChaCha20Poly1305 a;
    (void)a.init(std::array<std::uint8_t, 32>{});
    return std::string(a.implementation());
  };
  for (const auto& path : distinct_paths(impl_name, {avx2_only, no_ifma})) {
    for (std::size_t size : kSizes) {
      auto in = std::make_shared<AeadInput>();
      in->msg.assign(size, 0x5a);
      in->ct.resize(size);
      in->out.resize(size);
      const std::uint32_t mask = path.mask;
      auto make = [mask] {
        const std::uint32_t saved = crypto::cpu_features_mask();
        crypto::set_cpu_features_mask(mask);
        auto a = std::make_shared<crypto::ChaCha20Poly1305>();
        const std::array<std::uint8_t, 32> key{1, 2, 3};
        (void)a->init(key);
        crypto::set_cpu_features_mask(saved);
        return a;
      };
      auto aead = make();
      static constexpr std::uint8_t kNonce[12] = {7};
      static constexpr std::uint8_t kAad[13] = {0, 0, 0, 0, 0, 0, 0, 1, 23, 3, 3};
      (void)aead->seal(kNonce, kAad, in->msg, in->ct, in->tag);
      out.push_back(Case{"chacha20-poly1305", "seal", "baretls", path.name, size, Unit::megabytes_per_second, mask,
                         [aead, in](std::size_t n) {
                           std::uint8_t tag[16];
                           for (std::size_t i = 0; i < n; ++i) {
                             (void)aead->seal(kNonce, kAad, in->msg, in->out, tag);
                             do_not_optimize(tag);
                           }
                         }});
      out.push_back(Case{"chacha20-poly1305", "open", "baretls", path.name, size, Unit::megabytes_per_second, mask,
                         [aead, in](std::size_t n) {
                           for (std::size_t i = 0; i < n; ++i) {
                             const auto e = aead->open(kNonce, kAad, in->ct, in->out, in->tag);
                             do_not_optimize(&e);
                           }
                         }});
    }
  }
}

BARETLS_BENCH_REGISTER("chacha20-poly1305", "baretls", add_chacha_poly);

BARETLS_BENCH_REGISTER("x25519", "baretls", [](std::vector<Case>& out) {
  const auto rng = crypto::system_random();
  auto peer_public = std::make_shared<std::array<std::uint8_t, 32>>();
  std::array<std::uint8_t, 32> peer_private;
  if (crypto::x25519_generate(rng, peer_private, *peer_public) != crypto::Error::ok) return;
  out.push_back(Case{"x25519", "derive", "baretls", "radix51", 0, Unit::operations_per_second, ~0u,
                     [peer_public](std::size_t n) {
                       std::array<std::uint8_t, 32> k{9, 8, 7, 6, 5}, shared;
                       for (std::size_t i = 0; i < n; ++i) {
                         (void)crypto::x25519(shared, k, *peer_public);
                         k[1] = shared[0];
                         do_not_optimize(shared.data());
                       }
                     }});
  out.push_back(Case{"x25519", "keygen+derive", "baretls", "radix51", 0, Unit::operations_per_second, ~0u,
                     [peer_public, rng](std::size_t n) {
                       std::array<std::uint8_t, 32> priv, pub, shared;
                       for (std::size_t i = 0; i < n; ++i) {
                         (void)crypto::x25519_generate(rng, priv, pub);
                         (void)crypto::x25519(shared, priv, *peer_public);
                         do_not_optimize(shared.data());
                         do_not_optimize(pub.data());
                       }
                     }});
});

}  // namespace
}  // namespace baretls::bench
