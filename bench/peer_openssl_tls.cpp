// SPDX-License-Identifier: MIT
// OpenSSL (libssl 3.0) peer for the TLS benchmarks: the same handshakes and
// record transfer as bench/cases_tls.cpp, client and server in one process
// over an in-memory BIO pair, TLS 1.2, no session reuse, chain verified.
// Every handshake must complete; every record must deliver its 16 KiB.
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include <memory>
#include <string>
#include <vector>

#include "bench/harness.h"

namespace baretls::bench {
namespace {

std::string fixture_path(const std::string& name) {
  std::string path = __FILE__;
  return path.substr(0, path.rfind("bench/")) + "vectors/tls/" + name;
}

struct Contexts {
  SSL_CTX* client = nullptr;
  SSL_CTX* server = nullptr;
  ~Contexts() {
    SSL_CTX_free(client);
    SSL_CTX_free(server);
  }
};

std::shared_ptr<Contexts> make_contexts(const char* cert, const char* cipher) {
  auto c = std::make_shared<Contexts>();
  c->client = SSL_CTX_new(TLS_client_method());
  c->server = SSL_CTX_new(TLS_server_method());
  if (c->client == nullptr || c->server == nullptr) return nullptr;
  for (SSL_CTX* ctx : {c->client, c->server}) {
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_max_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_cipher_list(ctx, cipher);
    SSL_CTX_set1_groups_list(ctx, "X25519:P-256");
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
    SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
  }
  if (SSL_CTX_use_certificate_chain_file(c->server, fixture_path(std::string(cert) + ".pem").c_str()) != 1 ||
      SSL_CTX_use_PrivateKey_file(c->server, fixture_path(std::string(cert) + ".key").c_str(), SSL_FILETYPE_PEM) != 1 ||
      SSL_CTX_load_verify_locations(c->client, fixture_path("ca.pem").c_str(), nullptr) != 1)
    return nullptr;
  SSL_CTX_set_verify(c->client, SSL_VERIFY_PEER, nullptr);
  return c;
}

struct Pair {
  SSL* client = nullptr;
  SSL* server = nullptr;
  ~Pair() {
    SSL_free(client);
    SSL_free(server);
  }
};

// A client and server joined by a BIO pair (each SSL owns one end).
std::unique_ptr<Pair> connect(const Contexts& ctx) {
  auto p = std::make_unique<Pair>();
  p->client = SSL_new(ctx.client);
  p->server = SSL_new(ctx.server);
  BIO* a = nullptr;
  BIO* b = nullptr;
  if (BIO_new_bio_pair(&a, 1 << 17, &b, 1 << 17) != 1) return nullptr;
  SSL_set_bio(p->client, a, a);
  SSL_set_bio(p->server, b, b);
  SSL_set_tlsext_host_name(p->client, "localhost");
  SSL_set1_host(p->client, "localhost");
  SSL_set_connect_state(p->client);
  SSL_set_accept_state(p->server);
  for (int i = 0; i < 100; ++i) {
    const int rc = SSL_do_handshake(p->client);
    const int rs = SSL_do_handshake(p->server);
    if (rc == 1 && rs == 1) return p;
  }
  return nullptr;
}

void add_handshake(std::vector<Case>& out, const char* name, const char* cert, const char* cipher) {
  auto ctx = make_contexts(cert, cipher);
  if (!ctx || !connect(*ctx)) {
    out.push_back(failed_setup(name, "handshake", "openssl"));
    return;
  }
  out.push_back(Case{name, "handshake", "openssl", "libssl", 0, Unit::operations_per_second, ~0u,
                     [ctx](std::size_t n) {
                       bool ok = true;
                       for (std::size_t i = 0; i < n; ++i) ok &= connect(*ctx) != nullptr;
                       return ok;
                     }});
}

// One 16 KiB record written by the client and read by the server.
bool record_once(Pair& p, std::vector<std::uint8_t>& data) {
  if (SSL_write(p.client, data.data(), static_cast<int>(data.size())) != static_cast<int>(data.size())) return false;
  int got = 0;
  while (got < 16384) {
    const int r = SSL_read(p.server, data.data() + got, 16384 - got);
    if (r <= 0) return false;
    got += r;
  }
  return true;
}

void add_record(std::vector<Case>& out, const char* name, const char* cipher) {
  auto ctx = make_contexts("p256", cipher);
  std::shared_ptr<Pair> p = ctx ? connect(*ctx) : nullptr;
  if (!p) {
    out.push_back(failed_setup(name, "record", "openssl"));
    return;
  }
  auto data = std::make_shared<std::vector<std::uint8_t>>(16384, 0x42);
  out.push_back(Case{name, "record", "openssl", "libssl", 16384, Unit::megabytes_per_second, ~0u,
                     [ctx, p, data](std::size_t n) {
                       bool ok = true;
                       for (std::size_t i = 0; i < n; ++i) ok &= record_once(*p, *data);
                       return ok;
                     }});
}

BARETLS_BENCH_REGISTER("tls-handshake", "openssl", [](std::vector<Case>& out) {
  add_handshake(out, "ecdhe-ecdsa-p256", "p256", "ECDHE-ECDSA-AES128-GCM-SHA256");
  add_handshake(out, "ecdhe-rsa-2048", "rsa2048", "ECDHE-RSA-AES128-GCM-SHA256");
  add_handshake(out, "rsa-2048-kex", "rsa2048", "AES128-GCM-SHA256");
});

BARETLS_BENCH_REGISTER("tls-record", "openssl", [](std::vector<Case>& out) {
  add_record(out, "aes-128-gcm", "ECDHE-ECDSA-AES128-GCM-SHA256");
  add_record(out, "chacha20-poly1305", "ECDHE-ECDSA-CHACHA20-POLY1305");
});

}  // namespace
}  // namespace baretls::bench
