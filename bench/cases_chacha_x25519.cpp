// SPDX-License-Identifier: MIT
// baretls benchmark cases: ChaCha20-Poly1305 encrypt and decrypt at the
// standard sizes with a 13-byte AAD (the TLS 1.2 record header), once per
// ChaCha20 path; X25519 ("ecdhx25519"): the shared secret alone (fixed
// private key and peer, as `openssl speed ecdhx25519`) and key generation +
// shared secret (one side of an ECDHE exchange).
#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "baretls/crypto/chacha20_poly1305.h"
#include "baretls/crypto/cpu.h"
#include "baretls/crypto/x25519.h"
#include "bench/harness.h"

namespace baretls::bench {
namespace {

constexpr std::uint8_t kNonce[12] = {7};
constexpr std::uint8_t kAad[13] = {0, 0, 0, 0, 0, 0, 0, 1, 23, 3, 3};

struct AeadInput {
  std::vector<std::uint8_t> msg, ct, out;
  std::uint8_t tag[16] = {};
};

std::shared_ptr<crypto::ChaCha20Poly1305> make_aead(std::uint32_t mask) {
  const std::uint32_t saved = crypto::cpu_features_mask();
  crypto::set_cpu_features_mask(mask);
  auto a = std::make_shared<crypto::ChaCha20Poly1305>();
  const std::array<std::uint8_t, 32> key{1, 2, 3};
  const bool ok = a->init(key) == crypto::Error::ok;
  crypto::set_cpu_features_mask(saved);
  return ok ? a : nullptr;
}

void add_chacha_size(std::vector<Case>& out, const Path& path, std::size_t size) {
  auto in = std::make_shared<AeadInput>();
  in->msg.assign(size, 0x5a);
  in->ct.resize(size);
  in->out.resize(size);
  auto aead = make_aead(path.mask);
  if (!aead || aead->seal(kNonce, kAad, in->msg, in->ct, in->tag) != crypto::Error::ok) {
    out.push_back(failed_setup("chacha20-poly1305", "encrypt", "baretls"));
    return;
  }
  out.push_back(Case{"chacha20-poly1305", "encrypt", "baretls", path.name, size, Unit::megabytes_per_second,
                     path.mask, [aead, in](std::size_t n) {
                       std::uint8_t tag[16];
                       bool ok = true;
                       for (std::size_t i = 0; i < n; ++i) {
                         ok &= aead->seal(kNonce, kAad, in->msg, in->out, tag) == crypto::Error::ok;
                         do_not_optimize(tag);
                       }
                       return ok && std::equal(tag, tag + 16, in->tag);
                     }});
  out.push_back(Case{"chacha20-poly1305", "decrypt", "baretls", path.name, size, Unit::megabytes_per_second,
                     path.mask, [aead, in](std::size_t n) {
                       bool ok = true;
                       for (std::size_t i = 0; i < n; ++i) {
                         ok &= aead->open(kNonce, kAad, in->ct, in->out, in->tag) == crypto::Error::ok;
                         do_not_optimize(in->out.data());
                       }
                       return ok;
                     }});
}

void add_chacha_poly(std::vector<Case>& out) {
  const auto avx2_only = static_cast<std::uint32_t>(crypto::CpuFeature::avx2);
  const auto no_ifma = crypto::kAllCpuFeatures & ~static_cast<std::uint32_t>(crypto::CpuFeature::avx512ifma);
  const auto impl_name = [] {
    crypto::ChaCha20Poly1305 a;
    (void)a.init(std::array<std::uint8_t, 32>{});
    return std::string(a.implementation());
  };
  for (const auto& path : distinct_paths(impl_name, {avx2_only, no_ifma}))
    for (std::size_t size : kSizes) add_chacha_size(out, path, size);
}

BARETLS_BENCH_REGISTER("chacha20-poly1305", "baretls", add_chacha_poly);

struct X25519Keys {
  std::array<std::uint8_t, 32> mine{9, 8, 7, 6, 5}, peer_public{}, shared{};
};

bool run_x25519_derive(const X25519Keys& k, std::size_t n) {
  std::array<std::uint8_t, 32> shared{};
  bool ok = true;
  for (std::size_t i = 0; i < n; ++i) {
    ok &= crypto::x25519(shared, k.mine, k.peer_public) == crypto::Error::ok;
    do_not_optimize(shared.data());
  }
  return ok && shared == k.shared;
}

bool run_x25519_keygen_derive(const X25519Keys& k, const crypto::RandomSource& rng, std::size_t n) {
  std::array<std::uint8_t, 32> priv, pub, shared;
  bool ok = true;
  for (std::size_t i = 0; i < n; ++i) {
    ok &= crypto::x25519_generate(rng, priv, pub) == crypto::Error::ok;
    ok &= crypto::x25519(shared, priv, k.peer_public) == crypto::Error::ok;
    do_not_optimize(shared.data());
    do_not_optimize(pub.data());
  }
  return ok;
}

// Once per ladder path (x25519_implementation()).
BARETLS_BENCH_REGISTER("x25519", "baretls", [](std::vector<Case>& out) {
  const auto rng = crypto::system_random();
  auto k = std::make_shared<X25519Keys>();
  std::array<std::uint8_t, 32> peer_private;
  if (crypto::x25519_generate(rng, peer_private, k->peer_public) != crypto::Error::ok ||
      crypto::x25519(k->shared, k->mine, k->peer_public) != crypto::Error::ok) {
    out.push_back(failed_setup("ecdhx25519", "derive", "baretls"));
    return;
  }
  for (const auto& path : distinct_paths([] { return std::string(crypto::x25519_implementation()); })) {
    out.push_back(Case{"ecdhx25519", "derive", "baretls", path.name, 0, Unit::operations_per_second, path.mask,
                       [k](std::size_t n) { return run_x25519_derive(*k, n); }});
    out.push_back(Case{"ecdhx25519", "keygen+derive", "baretls", path.name, 0, Unit::operations_per_second,
                       path.mask, [k, rng](std::size_t n) { return run_x25519_keygen_derive(*k, rng, n); }});
  }
});

}  // namespace
}  // namespace baretls::bench
