// SPDX-License-Identifier: MIT
// baretls TLS benchmarks, client and server in one process, in memory:
//   tls-handshake: full handshakes/s (certificate verification included)
//     for ECDHE-ECDSA-P256, ECDHE-RSA-2048 (both x25519) and RSA key exchange,
//     and abbreviated handshakes resuming an RFC 5077 ticket;
//   tls-record: application-data throughput over an established
//     connection, 16 KiB records, AES-128-GCM and ChaCha20-Poly1305
//     (compare with `baretls speed aes-128-gcm chacha20-poly1305`).
// Certificates come from vectors/tls/ in the source tree.
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "baretls/tls/connection.h"
#include "baretls/tls/ticket_keys.h"
#include "baretls/x509/key.h"
#include "baretls/x509/pem.h"
#include "baretls/x509/trust_store.h"
#include "bench/harness.h"

namespace baretls::bench {
namespace {

std::string fixture(const std::string& name) {
  std::string path = __FILE__;
  path = path.substr(0, path.rfind("bench/")) + "vectors/tls/" + name;
  std::ifstream f(path);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

crypto::Error bench_random(void* ctx, std::span<std::uint8_t> out) {
  auto* state = static_cast<std::uint64_t*>(ctx);  // xorshift: a benchmark, not a secret
  for (auto& b : out) {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    b = static_cast<std::uint8_t>(*state >> 32);
  }
  return crypto::Error::ok;
}

struct Setup {
  std::uint64_t rng_state = 0x9e3779b97f4a7c15;
  std::shared_ptr<tls::ClientConfig> client = std::make_shared<tls::ClientConfig>();
  std::shared_ptr<tls::ServerConfig> server = std::make_shared<tls::ServerConfig>();
};

std::shared_ptr<Setup> make_setup(const char* cert, tls::CipherSuite suite) {
  auto s = std::make_shared<Setup>();
  const crypto::RandomSource rng{&bench_random, &s->rng_state};
  const tls::Clock clock{[](void*) -> std::int64_t { return 1893456000; }, nullptr};
  s->client->random = s->server->random = rng;
  s->client->clock = s->server->clock = clock;
  s->client->cipher_suites = {suite};
  auto roots = std::make_shared<x509::TrustStore>();
  if (roots->add_pem(fixture("ca.pem")) != x509::Error::ok) return nullptr;
  s->client->trust_store = roots;
  tls::CertifiedKey ck;
  auto chain = x509::pem_decode_all(fixture(std::string(cert) + ".pem"), "CERTIFICATE");
  auto key = x509::PrivateKey::from_pem(fixture(std::string(cert) + ".key"));
  if (!chain || !key) return nullptr;
  ck.chain = std::move(*chain);
  ck.key = std::make_shared<const x509::PrivateKey>(std::move(*key));
  s->server->certificates = {ck};
  return s;
}

// Moves everything pending between the two until neither has output.
void shuttle(tls::Connection& a, tls::Connection& b) {
  for (int i = 0; i < 64; ++i) {
    bool moved = false;
    for (auto* from : {&a, &b}) {
      auto& to = from == &a ? b : a;
      auto out = from->outgoing();
      while (!out.empty()) {
        auto n = to.feed(out);
        if (!n || *n == 0) break;
        from->consume_outgoing(*n);
        out = from->outgoing();
        moved = true;
      }
    }
    if (!moved) return;
  }
}

bool handshake_once(const Setup& s) {
  auto c = tls::Connection::client(s.client, "localhost");
  auto v = tls::Connection::server(s.server);
  if (!c || !v) return false;
  shuttle(*c, *v);
  return c->is_established() && v->is_established();
}

void add_handshake(std::vector<Case>& out, const char* name, const char* cert, tls::CipherSuite suite) {
  auto s = make_setup(cert, suite);
  if (!s || !handshake_once(*s)) return;
  out.push_back(Case{name, "handshake", "baretls", "default", 0, Unit::operations_per_second, ~0u,
                     [s](std::size_t n) {
                       for (std::size_t i = 0; i < n; ++i) do_not_optimize(reinterpret_cast<void*>(handshake_once(*s)));
                     }});
}

// Abbreviated handshakes (RFC 5246 §7.3) offering a ticket from one full handshake.
void add_resumed(std::vector<Case>& out) {
  auto s = make_setup("p256", tls::CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256);
  if (!s) return;
  s->server->ticket_keys = std::make_shared<tls::TicketKeys>(3600, 7200);
  auto c = tls::Connection::client(s->client, "localhost");
  auto v = tls::Connection::server(s->server);
  if (!c || !v) return;
  shuttle(*c, *v);
  if (!c->session()) return;
  auto session = std::make_shared<const tls::Session>(*c->session());
  const auto resume = [s, session] {
    auto rc = tls::Connection::client(s->client, "localhost", session.get());
    auto rv = tls::Connection::server(s->server);
    if (!rc || !rv) return false;
    shuttle(*rc, *rv);
    return rc->resumed() && rv->resumed();
  };
  if (!resume()) return;
  out.push_back(Case{"resumed (ticket)", "handshake", "baretls", "default", 0, Unit::operations_per_second, ~0u,
                     [resume](std::size_t n) {
                       for (std::size_t i = 0; i < n; ++i) do_not_optimize(reinterpret_cast<void*>(resume()));
                     }});
}

struct Established {
  std::shared_ptr<Setup> setup;
  std::optional<tls::Connection> client, server;
  std::vector<std::uint8_t> data = std::vector<std::uint8_t>(16384, 0x42);
  std::vector<std::uint8_t> sink = std::vector<std::uint8_t>(16384);
};

void add_record(std::vector<Case>& out, const char* name, tls::CipherSuite suite) {
  auto e = std::make_shared<Established>();
  e->setup = make_setup("p256", suite);
  if (!e->setup) return;
  auto c = tls::Connection::client(e->setup->client, "localhost");
  auto v = tls::Connection::server(e->setup->server);
  if (!c || !v) return;
  e->client.emplace(std::move(*c));
  e->server.emplace(std::move(*v));
  shuttle(*e->client, *e->server);
  if (!e->client->is_established()) return;
  // One checked round first: the timed loop must really move 16 KiB.
  for (std::size_t i = 0; i < 64; ++i) e->data[i * 256] = static_cast<std::uint8_t>(i);
  if (!e->client->write(e->data).ok()) return;
  const auto first = e->client->outgoing();
  if (first.size() != 5 + 16384 + (suite == tls::CipherSuite::ecdhe_ecdsa_with_chacha20_poly1305_sha256 ? 16 : 24)) return;
  auto fed = e->server->feed(first);
  if (!fed || *fed != first.size()) return;
  e->client->consume_outgoing(first.size());
  auto got = e->server->read(e->sink);
  if (!got || *got != 16384 || e->sink != e->data) return;
  // One 16 KiB record sealed by the client, opened by the server, read out.
  out.push_back(Case{name, "record", "baretls", "default", 16384, Unit::megabytes_per_second, ~0u, [e](std::size_t n) {
                       for (std::size_t i = 0; i < n; ++i) {
                         (void)e->client->write(e->data);
                         const auto rec = e->client->outgoing();
                         (void)e->server->feed(rec);
                         e->client->consume_outgoing(rec.size());
                         (void)e->server->read(e->sink);
                       }
                       do_not_optimize(e->sink.data());
                     }});
}

BARETLS_BENCH_REGISTER("tls-handshake", "baretls", [](std::vector<Case>& out) {
  add_handshake(out, "ecdhe-ecdsa-p256", "p256", tls::CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256);
  add_handshake(out, "ecdhe-rsa-2048", "rsa2048", tls::CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256);
  add_handshake(out, "rsa-2048-kex", "rsa2048", tls::CipherSuite::rsa_with_aes_128_gcm_sha256);
  add_resumed(out);
});

BARETLS_BENCH_REGISTER("tls-record", "baretls", [](std::vector<Case>& out) {
  add_record(out, "aes-128-gcm", tls::CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256);
  add_record(out, "chacha20-poly1305", tls::CipherSuite::ecdhe_ecdsa_with_chacha20_poly1305_sha256);
});

}  // namespace
}  // namespace baretls::bench
