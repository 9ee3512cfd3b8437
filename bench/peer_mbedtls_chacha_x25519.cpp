// SPDX-License-Identifier: MIT
// mbedTLS 2.28 peers: ChaCha20-Poly1305 (mbedtls_chachapoly) with a 13-byte
// AAD, and X25519 through mbedtls_ecdh on MBEDTLS_ECP_DP_CURVE25519.
#include <mbedtls/chachapoly.h>
#include <mbedtls/ecdh.h>

#include <cstring>
#include <memory>
#include <vector>

#include "bench/harness.h"

namespace baretls::bench {
namespace {

constexpr unsigned char kKey[32] = {1, 2, 3};
constexpr unsigned char kNonce[12] = {7};
constexpr unsigned char kAad[13] = {0, 0, 0, 0, 0, 0, 0, 1, 23, 3, 3};

struct ChachaPoly {
  mbedtls_chachapoly_context ctx;
  std::vector<unsigned char> msg, ct, out;
  unsigned char tag[16] = {};
  ChachaPoly() { mbedtls_chachapoly_init(&ctx); }
  ~ChachaPoly() { mbedtls_chachapoly_free(&ctx); }
};

BARETLS_BENCH_REGISTER("chacha20-poly1305", "mbedtls", [](std::vector<Case>& out) {
  for (std::size_t size : kSizes) {
    auto c = std::make_shared<ChachaPoly>();
    (void)mbedtls_chachapoly_setkey(&c->ctx, kKey);
    c->msg.assign(size, 0x5a);
    c->ct.resize(size);
    c->out.resize(size);
    (void)mbedtls_chachapoly_encrypt_and_tag(&c->ctx, size, kNonce, kAad, sizeof kAad, c->msg.data(), c->ct.data(),
                                             c->tag);
    out.push_back(Case{"chacha20-poly1305", "seal", "mbedtls", "generic", size, Unit::megabytes_per_second, 0,
                       [c](std::size_t n) {
                         unsigned char tag[16];
                         for (std::size_t i = 0; i < n; ++i) {
                           (void)mbedtls_chachapoly_encrypt_and_tag(&c->ctx, c->msg.size(), kNonce, kAad, sizeof kAad,
                                                                    c->msg.data(), c->out.data(), tag);
                           do_not_optimize(tag);
                         }
                       }});
    out.push_back(Case{"chacha20-poly1305", "open", "mbedtls", "generic", size, Unit::megabytes_per_second, 0,
                       [c](std::size_t n) {
                         for (std::size_t i = 0; i < n; ++i) {
                           const int r = mbedtls_chachapoly_auth_decrypt(&c->ctx, c->ct.size(), kNonce, kAad,
                                                                        sizeof kAad, c->tag, c->ct.data(),
                                                                        c->out.data());
                           do_not_optimize(&r);
                         }
                       }});
  }
});

// A fast deterministic generator: the benchmark measures the curve, not the RNG.
int bench_rng(void* state, unsigned char* out, size_t len) {
  auto* s = static_cast<std::uint64_t*>(state);
  for (size_t i = 0; i < len; ++i) {
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    out[i] = static_cast<unsigned char>(*s >> 56);
  }
  return 0;
}

struct Curve25519 {
  mbedtls_ecp_group grp;
  mbedtls_mpi d, z;
  mbedtls_ecp_point q, peer;
  std::uint64_t rng = 1;
  Curve25519() {
    mbedtls_ecp_group_init(&grp);
    mbedtls_mpi_init(&d);
    mbedtls_mpi_init(&z);
    mbedtls_ecp_point_init(&q);
    mbedtls_ecp_point_init(&peer);
    (void)mbedtls_ecp_group_load(&grp, MBEDTLS_ECP_DP_CURVE25519);
    mbedtls_mpi peer_d;
    mbedtls_mpi_init(&peer_d);
    (void)mbedtls_ecdh_gen_public(&grp, &peer_d, &peer, bench_rng, &rng);
    (void)mbedtls_ecdh_gen_public(&grp, &d, &q, bench_rng, &rng);
    mbedtls_mpi_free(&peer_d);
  }
  ~Curve25519() {
    mbedtls_ecp_group_free(&grp);
    mbedtls_mpi_free(&d);
    mbedtls_mpi_free(&z);
    mbedtls_ecp_point_free(&q);
    mbedtls_ecp_point_free(&peer);
  }
};

BARETLS_BENCH_REGISTER("x25519", "mbedtls", [](std::vector<Case>& out) {
  auto c = std::make_shared<Curve25519>();
  out.push_back(Case{"x25519", "derive", "mbedtls", "ecdh", 0, Unit::operations_per_second, 0,
                     [c](std::size_t n) {
                       for (std::size_t i = 0; i < n; ++i) {
                         (void)mbedtls_ecdh_compute_shared(&c->grp, &c->z, &c->peer, &c->d, bench_rng, &c->rng);
                         do_not_optimize(&c->z);
                       }
                     }});
  out.push_back(Case{"x25519", "keygen+derive", "mbedtls", "ecdh", 0, Unit::operations_per_second, 0,
                     [c](std::size_t n) {
                       for (std::size_t i = 0; i < n; ++i) {
                         (void)mbedtls_ecdh_gen_public(&c->grp, &c->d, &c->q, bench_rng, &c->rng);
                         (void)mbedtls_ecdh_compute_shared(&c->grp, &c->z, &c->peer, &c->d, bench_rng, &c->rng);
                         do_not_optimize(&c->z);
                       }
                     }});
});

}  // namespace
}  // namespace baretls::bench
