// SPDX-License-Identifier: MIT
// baretls TLS benchmarks, client and server in one process, in memory:
//   tls-handshake: full handshakes/s (certificate verification included)
//     for ECDHE-ECDSA-P256, ECDHE-RSA-2048 (both x25519) and RSA key exchange,
//     and abbreviated handshakes resuming an RFC 5077 ticket;
//   tls-record: application-data throughput over an established
//     connection, 16 KiB records, AES-128-GCM and ChaCha20-Poly1305:
//     "record" through the zero-copy calls (input_buffer/commit_input,
//     read_view/consume_read; one memcpy stands for the network),
//     "record-copying" through feed()/read(), and "raw-seal+open": the same
//     AEAD work with crypto::Aead alone (one 16 KiB seal + one open, 13-byte
//     AAD), the ceiling a record layer can reach.
// Certificates come from vectors/tls/ in the source tree.
#include <algorithm>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "baretls/crypto/aead.h"
#include "baretls/tls/connection.h"
#include "baretls/tls/credentials.h"
#include "baretls/tls/pump.h"
#include "baretls/tls/ticket_keys.h"
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
  auto ck = tls::load_certified_key(fixture(std::string(cert) + ".pem"), fixture(std::string(cert) + ".key"));
  if (!ck) return nullptr;
  s->server->certificates = {std::move(*ck)};
  return s;
}

bool handshake_once(const Setup& s) {
  auto c = tls::Connection::client(s.client, "localhost");
  auto v = tls::Connection::server(s.server);
  if (!c || !v) return false;
  (void)tls::pump(*c, *v);
  return c->is_established() && v->is_established();
}

void add_handshake(std::vector<Case>& out, const char* name, const char* cert, tls::CipherSuite suite) {
  auto s = make_setup(cert, suite);
  if (!s || !handshake_once(*s)) {
    out.push_back(failed_setup(name, "handshake", "baretls"));
    return;
  }
  out.push_back(Case{name, "handshake", "baretls", dispatch_path(), 0, Unit::operations_per_second, ~0u,
                     [s](std::size_t n) {
                       bool ok = true;
                       for (std::size_t i = 0; i < n; ++i) ok &= handshake_once(*s);
                       return ok;
                     }});
}

// Abbreviated handshakes (RFC 5246 §7.3) offering a ticket from one full handshake.
void add_resumed(std::vector<Case>& out) {
  auto s = make_setup("p256", tls::CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256);
  const auto failed = [&out] { out.push_back(failed_setup("resumed (ticket)", "handshake", "baretls")); };
  if (!s) return failed();
  s->server->ticket_keys = std::make_shared<tls::TicketKeys>(3600, 7200);
  auto c = tls::Connection::client(s->client, "localhost");
  auto v = tls::Connection::server(s->server);
  if (!c || !v) return failed();
  (void)tls::pump(*c, *v);
  if (!c->session()) return failed();
  auto session = std::make_shared<const tls::Session>(*c->session());
  const auto resume = [s, session] {
    auto rc = tls::Connection::client(s->client, "localhost", session.get());
    auto rv = tls::Connection::server(s->server);
    if (!rc || !rv) return false;
    (void)tls::pump(*rc, *rv);
    return rc->resumed() && rv->resumed();
  };
  if (!resume()) return failed();
  out.push_back(Case{"resumed (ticket)", "handshake", "baretls", dispatch_path(), 0, Unit::operations_per_second, ~0u,
                     [resume](std::size_t n) {
                       bool ok = true;
                       for (std::size_t i = 0; i < n; ++i) ok &= resume();
                       return ok;
                     }});
}

struct Established {
  std::shared_ptr<Setup> setup;
  std::optional<tls::Connection> client, server;
  std::vector<std::uint8_t> data = std::vector<std::uint8_t>(16384, 0x42);
  std::vector<std::uint8_t> sink = std::vector<std::uint8_t>(16384);
};

// The in-memory network: the client's records land in the server's own
// input buffer (one memcpy, as recv() would do).
bool deliver_zero_copy(tls::Connection& from, tls::Connection& to) {
  const auto rec = from.outgoing();
  const auto buf = to.input_buffer();
  if (buf.size() < rec.size()) return false;
  std::memcpy(buf.data(), rec.data(), rec.size());
  auto n = to.commit_input(rec.size());
  from.consume_outgoing(rec.size());
  return n.ok();
}

// One record (16 KiB unless `size` says less) sealed by the client, opened
// by the server, used in place.
std::size_t record_zero_copy(Established& e, std::size_t size = 16384) {
  if (!e.client->write(std::span(e.data).first(size)).ok() || !deliver_zero_copy(*e.client, *e.server)) return 0;
  auto view = e.server->read_view();
  if (!view) return 0;
  const std::size_t got = view->size();
  do_not_optimize(view->data());
  return e.server->consume_read(got) == tls::Error::ok ? got : 0;
}

// The same through feed() and read(): two more copies.
std::size_t record_copying(Established& e) {
  if (!e.client->write(e.data).ok()) return 0;
  const auto rec = e.client->outgoing();
  auto fed = e.server->feed(rec);
  e.client->consume_outgoing(rec.size());
  if (!fed) return 0;
  auto got = e.server->read(e.sink);
  return got ? *got : 0;
}

std::shared_ptr<Established> establish(tls::CipherSuite suite, bool release_idle = false) {
  auto e = std::make_shared<Established>();
  e->setup = make_setup("p256", suite);
  if (!e->setup) return nullptr;
  e->setup->client->release_idle_buffers = e->setup->server->release_idle_buffers = release_idle;
  auto c = tls::Connection::client(e->setup->client, "localhost");
  auto v = tls::Connection::server(e->setup->server);
  if (!c || !v) return nullptr;
  e->client.emplace(std::move(*c));
  e->server.emplace(std::move(*v));
  (void)tls::pump(*e->client, *e->server);
  if (!e->client->is_established() || !e->server->is_established()) return nullptr;
  for (std::size_t i = 0; i < 64; ++i) e->data[i * 256] = static_cast<std::uint8_t>(i);
  return e;
}

// One checked round of each API first: the timed loops must really move
// 16 KiB in one record, byte for byte; then each timed record must move 16 KiB.
bool add_record_apis(std::vector<Case>& out, const char* name, tls::CipherSuite suite, crypto::AeadAlgorithm alg) {
  auto zc = establish(suite);
  if (!zc || !zc->client->write(zc->data).ok()) return false;
  const std::size_t wire = zc->client->outgoing().size();
  if (wire != 5 + 16384 + (alg == crypto::AeadAlgorithm::chacha20_poly1305 ? 16 : 24)) return false;
  if (!deliver_zero_copy(*zc->client, *zc->server)) return false;
  auto view = zc->server->read_view();
  if (!view || !std::equal(view->begin(), view->end(), zc->data.begin(), zc->data.end())) return false;
  if (zc->server->consume_read(view->size()) != tls::Error::ok) return false;
  auto cp = establish(suite);
  if (!cp || record_copying(*cp) != 16384 || cp->sink != cp->data) return false;

  out.push_back(Case{name, "record", "baretls", "zero-copy", 16384, Unit::megabytes_per_second, ~0u,
                     [zc](std::size_t n) {
                       bool ok = true;
                       for (std::size_t i = 0; i < n; ++i) ok &= record_zero_copy(*zc) == 16384;
                       return ok;
                     }});
  out.push_back(Case{name, "record-copying", "baretls", "feed+read", 16384, Unit::megabytes_per_second, ~0u,
                     [cp](std::size_t n) {
                       bool ok = true;
                       for (std::size_t i = 0; i < n; ++i) ok &= record_copying(*cp) == 16384;
                       return ok;
                     }});
  return true;
}

// The same AEAD work with crypto::Aead alone: sealed out of place from the
// caller's data, opened in place (the record layer's pattern).
bool add_raw_aead(std::vector<Case>& out, const char* name, crypto::AeadAlgorithm alg) {
  struct Raw {
    crypto::Aead aead;
    std::vector<std::uint8_t> in = std::vector<std::uint8_t>(16384, 0x42);
    std::vector<std::uint8_t> buf = std::vector<std::uint8_t>(16384);
    std::uint8_t nonce[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    std::uint8_t aad[13] = {0, 0, 0, 0, 0, 0, 0, 1, 23, 3, 3, 0x40, 0};
    std::uint8_t tag[16] = {};
  };
  auto raw = std::make_shared<Raw>();
  const std::vector<std::uint8_t> key(crypto::Aead::key_size(alg), 7);
  if (raw->aead.init(alg, key) != crypto::Error::ok) return false;
  out.push_back(Case{name, "raw-seal+open", "baretls", std::string(raw->aead.implementation()), 16384,
                     Unit::megabytes_per_second, ~0u, [raw](std::size_t n) {
                       bool ok = true;
                       for (std::size_t i = 0; i < n; ++i) {
                         ok &= raw->aead.seal(raw->nonce, raw->aad, raw->in, raw->buf, raw->tag) == crypto::Error::ok;
                         ok &= raw->aead.open(raw->nonce, raw->aad, raw->buf, raw->buf, raw->tag) == crypto::Error::ok;
                         do_not_optimize(raw->buf.data());
                       }
                       return ok && raw->buf == raw->in;
                     }});
  return true;
}

// The cost of CommonConfig::release_idle_buffers (issue #15): with it, every
// record takes both buffers again and gives them back (the input one wiped),
// since each is idle again once the record is read. Kept and released side
// by side, for full records and for small ones (where the cost shows most).
void add_release_cost(std::vector<Case>& out, const char* name, tls::CipherSuite suite) {
  for (const std::size_t size : {std::size_t{16384}, std::size_t{512}}) {
    for (const bool release : {false, true}) {
      auto e = establish(suite, release);
      if (!e || record_zero_copy(*e, size) != size) {
        out.push_back(failed_setup(name, "record-buffers", "baretls"));
        continue;
      }
      out.push_back(Case{name, "record-buffers", "baretls", release ? "released" : "kept", size,
                         Unit::megabytes_per_second, ~0u,
                         [e, size](std::size_t n) {
                           bool ok = true;
                           for (std::size_t i = 0; i < n; ++i) ok &= record_zero_copy(*e, size) == size;
                           return ok;
                         }});
    }
  }
}

void add_record(std::vector<Case>& out, const char* name, tls::CipherSuite suite, crypto::AeadAlgorithm alg) {
  if (!add_record_apis(out, name, suite, alg)) out.push_back(failed_setup(name, "record", "baretls"));
  if (!add_raw_aead(out, name, alg)) out.push_back(failed_setup(name, "raw-seal+open", "baretls"));
}

BARETLS_BENCH_REGISTER("tls-handshake", "baretls", [](std::vector<Case>& out) {
  add_handshake(out, "ecdhe-ecdsa-p256", "p256", tls::CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256);
  add_handshake(out, "ecdhe-rsa-2048", "rsa2048", tls::CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256);
  add_handshake(out, "rsa-2048-kex", "rsa2048", tls::CipherSuite::rsa_with_aes_128_gcm_sha256);
  add_resumed(out);
});

BARETLS_BENCH_REGISTER("tls-record", "baretls", [](std::vector<Case>& out) {
  add_record(out, "aes-128-gcm", tls::CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256,
             crypto::AeadAlgorithm::aes_128_gcm);
  add_record(out, "chacha20-poly1305", tls::CipherSuite::ecdhe_ecdsa_with_chacha20_poly1305_sha256,
             crypto::AeadAlgorithm::chacha20_poly1305);
  add_release_cost(out, "aes-128-gcm", tls::CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256);
});

}  // namespace
}  // namespace baretls::bench
