// SPDX-License-Identifier: MIT
// mbedTLS 2.28 P-256/P-384 cases, named as `openssl speed` names them:
// "ecdhp256"/"ecdhp384" derive and keygen+derive (bench/peer_mbedtls_ecp.h);
// "ecdsap256"/"ecdsap384": mbedtls_ecdsa_sign (RFC 6979 variant:
// sign_det_ext) / mbedtls_ecdsa_verify. Every call must succeed, every
// verification accept.
#include <mbedtls/ecdsa.h>

#include <memory>
#include <vector>

#include "bench/harness.h"
#include "bench/peer_mbedtls_ecp.h"

namespace baretls::bench {
namespace {

using namespace mbedtls_peer;

bool run_sign(Keys& k, const std::vector<unsigned char>& digest, mbedtls_md_type_t md, std::size_t n) {
  Mpi r, s;
  std::vector<unsigned char> dg(digest);
  bool ok = true;
  for (std::size_t i = 0; i < n; ++i) {
    dg[0] = static_cast<unsigned char>(i);  // a fresh nonce each time
    ok &= mbedtls_ecdsa_sign_det_ext(&k.grp, &r.v, &s.v, &k.d.v, dg.data(), dg.size(), md, bench_rng, &k.rng) == 0;
  }
  return ok;
}

// A signature made before timing: the timed loop only verifies.
struct Signed {
  std::vector<unsigned char> digest;
  Mpi r, s;
};

bool run_verify(Keys& k, const Signed& sig, std::size_t n) {
  bool ok = true;
  for (std::size_t i = 0; i < n; ++i)
    ok &= mbedtls_ecdsa_verify(&k.grp, sig.digest.data(), sig.digest.size(), &k.q.v, &sig.r.v, &sig.s.v) == 0;
  return ok;
}

void add_ecdsa(std::vector<Case>& out, const char* name, mbedtls_ecp_group_id id, mbedtls_md_type_t md,
               std::size_t digest_len) {
  auto k = std::make_shared<Keys>(id);
  auto sig = std::make_shared<Signed>();
  sig->digest.assign(digest_len, 0xa5);
  if (!k->ok || mbedtls_ecdsa_sign_det_ext(&k->grp, &sig->r.v, &sig->s.v, &k->d.v, sig->digest.data(),
                                           sig->digest.size(), md, bench_rng, &k->rng) != 0) {
    out.push_back(failed_setup(name, "sign", "mbedtls"));
    return;
  }
  out.push_back(Case{name, "sign", "mbedtls", "ecp", 0, Unit::operations_per_second, 0,
                     [k, sig, md](std::size_t n) { return run_sign(*k, sig->digest, md, n); }});
  out.push_back(Case{name, "verify", "mbedtls", "ecp", 0, Unit::operations_per_second, 0,
                     [k, sig](std::size_t n) { return run_verify(*k, *sig, n); }});
}

BARETLS_BENCH_REGISTER("p256", "mbedtls", [](std::vector<Case>& out) {
  add_key_exchange(out, "ecdhp256", "ecp", MBEDTLS_ECP_DP_SECP256R1);
});
BARETLS_BENCH_REGISTER("p384", "mbedtls", [](std::vector<Case>& out) {
  add_key_exchange(out, "ecdhp384", "ecp", MBEDTLS_ECP_DP_SECP384R1);
});
BARETLS_BENCH_REGISTER("ecdsa-p256", "mbedtls", [](std::vector<Case>& out) {
  add_ecdsa(out, "ecdsap256", MBEDTLS_ECP_DP_SECP256R1, MBEDTLS_MD_SHA256, 32);
});
BARETLS_BENCH_REGISTER("ecdsa-p384", "mbedtls", [](std::vector<Case>& out) {
  add_ecdsa(out, "ecdsap384", MBEDTLS_ECP_DP_SECP384R1, MBEDTLS_MD_SHA384, 48);
});

}  // namespace
}  // namespace baretls::bench
