// SPDX-License-Identifier: MIT
// mbedTLS 2.28 P-256/P-384 cases: mbedtls_ecdh_gen_public +
// mbedtls_ecdh_compute_shared, mbedtls_ecdsa_sign (RFC 6979 variant:
// sign_det_ext) / mbedtls_ecdsa_verify.
#include <mbedtls/ecdh.h>
#include <mbedtls/ecdsa.h>
#include <mbedtls/hmac_drbg.h>

#include <memory>
#include <vector>

#include "bench/harness.h"

namespace baretls::bench {
namespace {

// A fast, non-cryptographic byte source: benchmark input only.
int bench_rng(void* state, unsigned char* out, std::size_t len) {
  auto* s = static_cast<std::uint64_t*>(state);
  for (std::size_t i = 0; i < len; ++i) {
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    out[i] = static_cast<unsigned char>(*s);
  }
  return 0;
}

struct Group {
  mbedtls_ecp_group grp;
  mbedtls_mpi d;
  mbedtls_ecp_point q;
  std::uint64_t rng = 0x9e3779b97f4a7c15ull;
  explicit Group(mbedtls_ecp_group_id id) {
    mbedtls_ecp_group_init(&grp);
    mbedtls_mpi_init(&d);
    mbedtls_ecp_point_init(&q);
    mbedtls_ecp_group_load(&grp, id);
    mbedtls_ecp_gen_keypair(&grp, &d, &q, bench_rng, &rng);
  }
  Group(const Group&) = delete;
  Group& operator=(const Group&) = delete;
  ~Group() {
    mbedtls_ecp_point_free(&q);
    mbedtls_mpi_free(&d);
    mbedtls_ecp_group_free(&grp);
  }
};

void add_ecdh(std::vector<Case>& out, const char* name, mbedtls_ecp_group_id id) {
  auto g = std::make_shared<Group>(id);
  out.push_back(Case{name, "ecdh", "mbedtls", "ecp", 0, Unit::operations_per_second, 0, [g](std::size_t n) {
                       mbedtls_mpi d, z;
                       mbedtls_ecp_point q;
                       mbedtls_mpi_init(&d);
                       mbedtls_mpi_init(&z);
                       mbedtls_ecp_point_init(&q);
                       for (std::size_t i = 0; i < n; ++i) {
                         mbedtls_ecdh_gen_public(&g->grp, &d, &q, bench_rng, &g->rng);
                         mbedtls_ecdh_compute_shared(&g->grp, &z, &g->q, &d, bench_rng, &g->rng);
                       }
                       mbedtls_ecp_point_free(&q);
                       mbedtls_mpi_free(&z);
                       mbedtls_mpi_free(&d);
                     }});
}

void add_ecdsa(std::vector<Case>& out, const char* name, mbedtls_ecp_group_id id, mbedtls_md_type_t md,
               std::size_t digest_len) {
  auto g = std::make_shared<Group>(id);
  auto digest = std::make_shared<std::vector<unsigned char>>(digest_len, 0xa5);
  out.push_back(Case{name, "sign", "mbedtls", "ecp", 0, Unit::operations_per_second, 0, [g, digest, md](std::size_t n) {
                       mbedtls_mpi r, s;
                       mbedtls_mpi_init(&r);
                       mbedtls_mpi_init(&s);
                       for (std::size_t i = 0; i < n; ++i) {
                         (*digest)[0] = static_cast<unsigned char>(i);
                         mbedtls_ecdsa_sign_det_ext(&g->grp, &r, &s, &g->d, digest->data(), digest->size(), md,
                                                    bench_rng, &g->rng);
                       }
                       mbedtls_mpi_free(&s);
                       mbedtls_mpi_free(&r);
                     }});
  out.push_back(Case{name, "verify", "mbedtls", "ecp", 0, Unit::operations_per_second, 0, [g, digest, md](std::size_t n) {
                       mbedtls_mpi r, s;
                       mbedtls_mpi_init(&r);
                       mbedtls_mpi_init(&s);
                       std::vector<unsigned char> dg(*digest);
                       mbedtls_ecdsa_sign_det_ext(&g->grp, &r, &s, &g->d, dg.data(), dg.size(), md, bench_rng, &g->rng);
                       for (std::size_t i = 0; i < n; ++i) {
                         if (mbedtls_ecdsa_verify(&g->grp, dg.data(), dg.size(), &g->q, &r, &s) != 0) break;
                       }
                       mbedtls_mpi_free(&s);
                       mbedtls_mpi_free(&r);
                     }});
}

BARETLS_BENCH_REGISTER("p256", "mbedtls", [](std::vector<Case>& out) { add_ecdh(out, "p256", MBEDTLS_ECP_DP_SECP256R1); });
BARETLS_BENCH_REGISTER("p384", "mbedtls", [](std::vector<Case>& out) { add_ecdh(out, "p384", MBEDTLS_ECP_DP_SECP384R1); });
BARETLS_BENCH_REGISTER("ecdsa-p256", "mbedtls", [](std::vector<Case>& out) {
  add_ecdsa(out, "ecdsa-p256", MBEDTLS_ECP_DP_SECP256R1, MBEDTLS_MD_SHA256, 32);
});
BARETLS_BENCH_REGISTER("ecdsa-p384", "mbedtls", [](std::vector<Case>& out) {
  add_ecdsa(out, "ecdsa-p384", MBEDTLS_ECP_DP_SECP384R1, MBEDTLS_MD_SHA384, 48);
});

}  // namespace
}  // namespace baretls::bench
