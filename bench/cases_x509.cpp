// SPDX-License-Identifier: MIT
// baretls X.509 benchmark cases: family "x509-parse" (DER certificate
// parsing: algorithms "x509-ecdsa-leaf" and "x509-rsa-leaf") and family
// "x509-verify" (a full chain validation: leaf -> intermediate -> root,
// signatures, validity, host name: "x509-ecdsa-chain", "x509-rsa-chain"),
// with the certificates of bench/x509_bench_certs.h. Each parse and each
// validation must succeed.
#include <memory>
#include <vector>

#include "baretls/x509/pem.h"
#include "baretls/x509/verify.h"
#include "bench/harness.h"
#include "bench/x509_bench_certs.h"

namespace baretls::bench {
namespace {

std::vector<std::uint8_t> der_of(const char* pem) {
  auto blocks = x509::pem_decode_all(pem, "CERTIFICATE");
  return blocks && !blocks->empty() ? (*blocks)[0] : std::vector<std::uint8_t>{};
}

struct Chain {
  std::vector<std::uint8_t> leaf, intermediate;
  x509::TrustStore roots;
  std::string host;
};

std::shared_ptr<Chain> make_chain(const char* root, const char* intermediate, const char* leaf, const char* host) {
  auto c = std::make_shared<Chain>();
  c->leaf = der_of(leaf);
  c->intermediate = der_of(intermediate);
  (void)c->roots.add_pem(root);
  c->host = host;
  return c;
}

void add_parse(std::vector<Case>& out, const char* algorithm, const char* pem) {
  auto der = std::make_shared<std::vector<std::uint8_t>>(der_of(pem));
  out.push_back(Case{algorithm, "parse", "baretls", dispatch_path(), 0, Unit::operations_per_second, ~0u,
                     [der](std::size_t n) {
                       bool ok = true;
                       for (std::size_t i = 0; i < n; ++i) {
                         auto c = x509::Certificate::parse(*der);
                         ok &= static_cast<bool>(c);
                         do_not_optimize(&c);
                       }
                       return ok;
                     }});
}

void add_verify(std::vector<Case>& out, const char* algorithm, std::shared_ptr<Chain> chain) {
  // Time only a chain that validates.
  const std::span<const std::uint8_t> probe[] = {chain->leaf, chain->intermediate};
  x509::VerifyOptions probe_options;
  probe_options.now = kX509BenchTime;
  probe_options.hostname = chain->host;
  if (!x509::verify_chain(probe, chain->roots, probe_options)) {
    out.push_back(failed_setup(algorithm, "verify", "baretls"));
    return;
  }
  out.push_back(Case{algorithm, "verify", "baretls", dispatch_path(), 0, Unit::operations_per_second, ~0u,
                     [chain](std::size_t n) {
                       const std::span<const std::uint8_t> certs[] = {chain->leaf, chain->intermediate};
                       x509::VerifyOptions o;
                       o.now = kX509BenchTime;
                       o.hostname = chain->host;
                       bool ok = true;
                       for (std::size_t i = 0; i < n; ++i) {
                         auto key = x509::verify_chain(certs, chain->roots, o);
                         ok &= static_cast<bool>(key);
                         do_not_optimize(&key);
                       }
                       return ok;
                     }});
}

BARETLS_BENCH_REGISTER("x509-parse", "baretls", [](std::vector<Case>& out) {
  add_parse(out, "x509-ecdsa-leaf", kLeafEcPem);
  add_parse(out, "x509-rsa-leaf", kLeafRsaPem);
});
BARETLS_BENCH_REGISTER("x509-verify", "baretls", [](std::vector<Case>& out) {
  add_verify(out, "x509-ecdsa-chain", make_chain(kRootEcPem, kIntEcPem, kLeafEcPem, "ec.example.com"));
  add_verify(out, "x509-rsa-chain", make_chain(kRootRsaPem, kIntRsaPem, kLeafRsaPem, "www.example.com"));
});

}  // namespace
}  // namespace baretls::bench
