// SPDX-License-Identifier: MIT
// OpenSSL 3.0 X.509 cases for the comparison program: d2i_X509 ("x509-parse")
// and X509_verify_cert with a fixed time and host name ("x509-verify", the
// leaf and intermediate parsed each time, as baretls's verify_chain does),
// with the algorithm names of bench/cases_x509.cpp. Each parse and each
// validation must succeed.
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <memory>
#include <vector>

#include "bench/harness.h"
#include "bench/x509_bench_certs.h"

namespace baretls::bench {
namespace {

std::vector<unsigned char> der_of(const char* pem) {
  BIO* bio = BIO_new_mem_buf(pem, -1);
  X509* x = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  std::vector<unsigned char> out;
  if (x == nullptr) return out;
  const int len = i2d_X509(x, nullptr);
  out.resize(static_cast<std::size_t>(len));
  unsigned char* p = out.data();
  i2d_X509(x, &p);
  X509_free(x);
  return out;
}

X509* parse(const std::vector<unsigned char>& der) {
  const unsigned char* p = der.data();
  return d2i_X509(nullptr, &p, static_cast<long>(der.size()));
}

struct Chain {
  std::vector<unsigned char> leaf, intermediate;
  X509_STORE* store = X509_STORE_new();
  std::string host;
  ~Chain() { X509_STORE_free(store); }
};

std::shared_ptr<Chain> make_chain(const char* root, const char* intermediate, const char* leaf, const char* host) {
  auto c = std::make_shared<Chain>();
  c->leaf = der_of(leaf);
  c->intermediate = der_of(intermediate);
  const auto root_der = der_of(root);
  X509* r = parse(root_der);
  X509_STORE_add_cert(c->store, r);
  X509_free(r);
  c->host = host;
  return c;
}

void add_parse(std::vector<Case>& out, const char* algorithm, const char* pem) {
  auto der = std::make_shared<std::vector<unsigned char>>(der_of(pem));
  out.push_back(Case{algorithm, "parse", "openssl", "libcrypto", 0, Unit::operations_per_second, ~0u,
                     [der](std::size_t n) {
                       bool ok = true;
                       for (std::size_t i = 0; i < n; ++i) {
                         X509* x = parse(*der);
                         ok &= x != nullptr;
                         X509_free(x);
                       }
                       return ok;
                     }});
}

// One validation; true when the chain verifies.
bool verify_once(const Chain& chain) {
  X509* leaf = parse(chain.leaf);
  X509* inter = parse(chain.intermediate);
  STACK_OF(X509)* untrusted = sk_X509_new_null();
  sk_X509_push(untrusted, inter);
  X509_STORE_CTX* ctx = X509_STORE_CTX_new();
  X509_STORE_CTX_init(ctx, chain.store, leaf, untrusted);
  X509_VERIFY_PARAM* param = X509_STORE_CTX_get0_param(ctx);
  X509_VERIFY_PARAM_set_time(param, static_cast<time_t>(kX509BenchTime));
  X509_VERIFY_PARAM_set1_host(param, chain.host.c_str(), 0);
  const int ok = X509_verify_cert(ctx);
  X509_STORE_CTX_free(ctx);
  sk_X509_pop_free(untrusted, X509_free);
  X509_free(leaf);
  return ok == 1;
}

void add_verify(std::vector<Case>& out, const char* algorithm, std::shared_ptr<Chain> chain) {
  if (!verify_once(*chain)) {  // time only a chain that validates
    out.push_back(failed_setup(algorithm, "verify", "openssl"));
    return;
  }
  out.push_back(Case{algorithm, "verify", "openssl", "libcrypto", 0, Unit::operations_per_second, ~0u,
                     [chain](std::size_t n) {
                       bool ok = true;
                       for (std::size_t i = 0; i < n; ++i) ok &= verify_once(*chain);
                       return ok;
                     }});
}

BARETLS_BENCH_REGISTER("x509-parse", "openssl", [](std::vector<Case>& out) {
  add_parse(out, "x509-ecdsa-leaf", kLeafEcPem);
  add_parse(out, "x509-rsa-leaf", kLeafRsaPem);
});
BARETLS_BENCH_REGISTER("x509-verify", "openssl", [](std::vector<Case>& out) {
  add_verify(out, "x509-ecdsa-chain", make_chain(kRootEcPem, kIntEcPem, kLeafEcPem, "ec.example.com"));
  add_verify(out, "x509-rsa-chain", make_chain(kRootRsaPem, kIntRsaPem, kLeafRsaPem, "www.example.com"));
});

}  // namespace
}  // namespace baretls::bench
