// SPDX-License-Identifier: MIT
// mbedTLS 2.28 key exchange for the comparison program, shared by the P-256/
// P-384 (peer_mbedtls_ec.cpp) and X25519 (peer_mbedtls_chacha_x25519.cpp)
// cases: "derive" = mbedtls_ecdh_compute_shared with a fixed private key and
// peer (the last shared secret of a batch must be the expected one),
// "keygen+derive" = mbedtls_ecdh_gen_public + mbedtls_ecdh_compute_shared.
// Every call must succeed.
#pragma once

#include <mbedtls/ecdh.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "bench/harness.h"

namespace baretls::bench::mbedtls_peer {

// A fast, non-cryptographic byte source: benchmark input only.
inline int bench_rng(void* state, unsigned char* out, std::size_t len) {
  auto* s = static_cast<std::uint64_t*>(state);
  for (std::size_t i = 0; i < len; ++i) {
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    out[i] = static_cast<unsigned char>(*s);
  }
  return 0;
}

struct Mpi {
  mbedtls_mpi v;
  Mpi() { mbedtls_mpi_init(&v); }
  Mpi(const Mpi&) = delete;
  Mpi& operator=(const Mpi&) = delete;
  ~Mpi() { mbedtls_mpi_free(&v); }
};

struct Point {
  mbedtls_ecp_point v;
  Point() { mbedtls_ecp_point_init(&v); }
  Point(const Point&) = delete;
  Point& operator=(const Point&) = delete;
  ~Point() { mbedtls_ecp_point_free(&v); }
};

// A group, a key pair (d, q), a peer's public point and the shared secret of d and peer.
struct Keys {
  mbedtls_ecp_group grp;
  Mpi d, peer_d, expected;
  Point q, peer;
  std::uint64_t rng = 0x9e3779b97f4a7c15ull;
  bool ok = false;
  explicit Keys(mbedtls_ecp_group_id id) {
    mbedtls_ecp_group_init(&grp);
    ok = mbedtls_ecp_group_load(&grp, id) == 0 && mbedtls_ecdh_gen_public(&grp, &d.v, &q.v, bench_rng, &rng) == 0 &&
         mbedtls_ecdh_gen_public(&grp, &peer_d.v, &peer.v, bench_rng, &rng) == 0 &&
         mbedtls_ecdh_compute_shared(&grp, &expected.v, &peer.v, &d.v, bench_rng, &rng) == 0;
  }
  Keys(const Keys&) = delete;
  Keys& operator=(const Keys&) = delete;
  ~Keys() { mbedtls_ecp_group_free(&grp); }
};

inline bool run_derive(Keys& k, std::size_t n) {
  Mpi z;
  bool ok = true;
  for (std::size_t i = 0; i < n; ++i) ok &= mbedtls_ecdh_compute_shared(&k.grp, &z.v, &k.peer.v, &k.d.v, bench_rng, &k.rng) == 0;
  return ok && mbedtls_mpi_cmp_mpi(&z.v, &k.expected.v) == 0;
}

inline bool run_keygen_derive(Keys& k, std::size_t n) {
  Mpi d, z;
  Point q;
  bool ok = true;
  for (std::size_t i = 0; i < n; ++i) {
    ok &= mbedtls_ecdh_gen_public(&k.grp, &d.v, &q.v, bench_rng, &k.rng) == 0;
    ok &= mbedtls_ecdh_compute_shared(&k.grp, &z.v, &k.peer.v, &d.v, bench_rng, &k.rng) == 0;
  }
  return ok;
}

inline void add_key_exchange(std::vector<Case>& out, const char* name, const char* path, mbedtls_ecp_group_id id) {
  auto k = std::make_shared<Keys>(id);
  if (!k->ok) {
    out.push_back(failed_setup(name, "derive", "mbedtls"));
    return;
  }
  out.push_back(Case{name, "derive", "mbedtls", path, 0, Unit::operations_per_second, 0,
                     [k](std::size_t n) { return run_derive(*k, n); }});
  out.push_back(Case{name, "keygen+derive", "mbedtls", path, 0, Unit::operations_per_second, 0,
                     [k](std::size_t n) { return run_keygen_derive(*k, n); }});
}

}  // namespace baretls::bench::mbedtls_peer
