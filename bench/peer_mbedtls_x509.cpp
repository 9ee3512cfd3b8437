// SPDX-License-Identifier: MIT
// mbedTLS 2.28 X.509 cases for the comparison program: mbedtls_x509_crt_parse_der
// ("x509-parse") and mbedtls_x509_crt_verify with the expected CN/SAN
// ("x509-verify", chain parsed each time; mbedTLS checks validity against
// the system clock, and the bench certificates are valid until 2027: after
// that its verify cases are left out). Algorithm names as in
// bench/cases_x509.cpp; each parse and each validation must succeed.
#include <mbedtls/x509_crt.h>

#include <memory>
#include <vector>

#include "bench/harness.h"
#include "bench/x509_bench_certs.h"

namespace baretls::bench {
namespace {

struct Crt {
  mbedtls_x509_crt crt;
  Crt() { mbedtls_x509_crt_init(&crt); }
  ~Crt() { mbedtls_x509_crt_free(&crt); }
};

std::string pem_string(const char* pem) { return std::string(pem) + "\n"; }

struct Chain {
  std::string leaf, intermediate;
  Crt roots;
  std::string host;
};

std::shared_ptr<Chain> make_chain(const char* root, const char* intermediate, const char* leaf, const char* host) {
  auto c = std::make_shared<Chain>();
  c->leaf = pem_string(leaf);
  c->intermediate = pem_string(intermediate);
  const std::string r = pem_string(root);
  (void)mbedtls_x509_crt_parse(&c->roots.crt, reinterpret_cast<const unsigned char*>(r.c_str()), r.size() + 1);
  c->host = host;
  return c;
}

void add_parse(std::vector<Case>& out, const char* algorithm, const char* pem) {
  // DER, as the other libraries parse.
  auto der = std::make_shared<std::vector<unsigned char>>();
  {
    Crt tmp;
    const std::string s = pem_string(pem);
    if (mbedtls_x509_crt_parse(&tmp.crt, reinterpret_cast<const unsigned char*>(s.c_str()), s.size() + 1) != 0) {
      out.push_back(failed_setup(algorithm, "parse", "mbedtls"));
      return;
    }
    der->assign(tmp.crt.raw.p, tmp.crt.raw.p + tmp.crt.raw.len);
  }
  out.push_back(Case{algorithm, "parse", "mbedtls", "x509_crt", 0, Unit::operations_per_second, ~0u,
                     [der](std::size_t n) {
                       bool ok = true;
                       for (std::size_t i = 0; i < n; ++i) {
                         Crt c;
                         ok &= mbedtls_x509_crt_parse_der(&c.crt, der->data(), der->size()) == 0;
                       }
                       return ok;
                     }});
}

// One validation (chain parsed from PEM); 0 when it verifies.
int verify_once(Chain& chain) {
  Crt c;
  (void)mbedtls_x509_crt_parse(&c.crt, reinterpret_cast<const unsigned char*>(chain.leaf.c_str()), chain.leaf.size() + 1);
  (void)mbedtls_x509_crt_parse(&c.crt, reinterpret_cast<const unsigned char*>(chain.intermediate.c_str()),
                               chain.intermediate.size() + 1);
  std::uint32_t flags = 0;
  return mbedtls_x509_crt_verify(&c.crt, &chain.roots.crt, nullptr, chain.host.c_str(), &flags, nullptr, nullptr);
}

void add_verify(std::vector<Case>& out, const char* algorithm, std::shared_ptr<Chain> chain) {
  if (verify_once(*chain) != 0) return;  // time only a chain that validates (see above)
  out.push_back(Case{algorithm, "verify", "mbedtls", "x509_crt", 0, Unit::operations_per_second, ~0u,
                     [chain](std::size_t n) {
                       bool ok = true;
                       for (std::size_t i = 0; i < n; ++i) ok &= verify_once(*chain) == 0;
                       return ok;
                     }});
}

BARETLS_BENCH_REGISTER("x509-parse", "mbedtls", [](std::vector<Case>& out) {
  add_parse(out, "x509-ecdsa-leaf", kLeafEcPem);
  add_parse(out, "x509-rsa-leaf", kLeafRsaPem);
});
BARETLS_BENCH_REGISTER("x509-verify", "mbedtls", [](std::vector<Case>& out) {
  add_verify(out, "x509-ecdsa-chain", make_chain(kRootEcPem, kIntEcPem, kLeafEcPem, "ec.example.com"));
  add_verify(out, "x509-rsa-chain", make_chain(kRootRsaPem, kIntRsaPem, kLeafRsaPem, "www.example.com"));
});

}  // namespace
}  // namespace baretls::bench
