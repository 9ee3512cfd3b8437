// SPDX-License-Identifier: MIT
// Shared pieces of the fuzz targets (see fuzz_support.h).
#include "fuzz/fuzz_support.h"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "baretls/tls/credentials.h"
#include "baretls/tls/pump.h"
#include "baretls/x509/key.h"
#include "baretls/x509/pem.h"

#ifndef BARETLS_SOURCE_DIR
#error "BARETLS_SOURCE_DIR must name the source tree (the fixtures are read from vectors/)"
#endif

namespace baretls::fuzz {

void die(const std::string& what) {
  std::fprintf(stderr, "fuzz support: %s\n", what.c_str());
  std::abort();
}

std::string read_fixture(const std::string& rel) {
  const std::string path = std::string(BARETLS_SOURCE_DIR) + "/vectors/" + rel;
  std::ifstream f(path, std::ios::binary);
  if (!f) die("cannot open " + path);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

std::vector<Bytes> fixture_certificates(const std::string& rel) {
  auto blocks = x509::pem_decode_all(read_fixture(rel), "CERTIFICATE");
  if (!blocks || blocks->empty()) die("no certificate in " + rel);
  return *blocks;
}

namespace {

std::int64_t fixed_now(void*) { return kTlsNow; }

tls::CertifiedKey load_certified_key(const std::string& name) {
  auto ck = tls::load_certified_key(read_fixture("tls/" + name + ".pem"), read_fixture("tls/" + name + ".key"));
  if (!ck) die("credentials " + name + ": " + std::string(tls::to_string(ck.error())));
  return std::move(*ck);
}

}  // namespace

tls::Clock fixed_clock() noexcept { return {&fixed_now, nullptr}; }

std::shared_ptr<tls::ClientConfig> make_client_config(CounterRng& rng) {
  auto c = std::make_shared<tls::ClientConfig>();
  c->random = rng.source();
  c->clock = fixed_clock();
  auto store = std::make_shared<x509::TrustStore>();
  if (store->add_pem(read_fixture("tls/ca.pem")) != x509::Error::ok) die("tls/ca.pem");
  c->trust_store = std::move(store);
  return c;
}

std::shared_ptr<tls::ServerConfig> make_server_config(CounterRng& rng) {
  auto s = std::make_shared<tls::ServerConfig>();
  s->random = rng.source();
  s->clock = fixed_clock();
  for (const char* name : {"p256", "rsa2048", "p384"}) s->certificates.push_back(load_certified_key(name));
  return s;
}

namespace {

void drive_loop(tls::Connection& conn, std::span<const std::uint8_t> input) {
  std::array<std::uint8_t, 4096> buf{};
  static constexpr std::uint8_t kHello[] = {'h', 'e', 'l', 'l', 'o'};
  bool wrote = false;
  // Each pass either consumes input or drains application data; a pass that
  // does neither ends the loop, so a stuck engine cannot hang the fuzzer.
  for (int pass = 0; pass < 4096; ++pass) {
    conn.consume_outgoing(conn.outgoing().size());
    bool progress = false;
    auto r = conn.read(buf);
    if (!r) return;
    progress = *r > 0;
    if (conn.is_established() && !wrote) {
      wrote = true;
      if (!conn.write(kHello)) return;
    }
    if (!input.empty()) {
      auto n = conn.feed(input);
      if (!n) return;
      input = input.subspan(*n);
      progress = progress || *n > 0;
    }
    if (!progress && input.empty()) break;
    if (!progress) return;  // the engine refuses more input and has nothing to read
  }
  (void)conn.feed_eof();
  conn.consume_outgoing(conn.outgoing().size());
}

std::size_t g_established = 0;

}  // namespace

std::size_t drive_established_count() noexcept { return g_established; }

void drive(tls::Connection& conn, std::span<const std::uint8_t> input) {
  drive_loop(conn, input);
  if (conn.is_established() || (conn.cipher_suite().has_value() && conn.error() == tls::Error::ok)) ++g_established;
  // BARETLS_FUZZ_VERBOSE=1: how far each input got (to check seeds).
  if (std::getenv("BARETLS_FUZZ_VERBOSE") != nullptr) {
    std::fprintf(stderr, "drive: established %d, closed %d, error %s\n", conn.is_established() ? 1 : 0,
                 (conn.state() & tls::kClosed) != 0 ? 1 : 0, std::string(tls::to_string(conn.error())).c_str());
  }
}

void settle(tls::Connection& a, tls::Connection& b) { (void)tls::pump(a, b); }

std::vector<std::span<const std::uint8_t>> split_pieces(std::span<const std::uint8_t> data, std::size_t max_pieces) {
  std::vector<std::span<const std::uint8_t>> pieces;
  while (!data.empty() && pieces.size() + 1 < max_pieces && data.size() >= 2) {
    const std::size_t len = (std::size_t{data[0]} << 8) | data[1];
    if (data.size() - 2 < len) break;
    pieces.push_back(data.subspan(2, len));
    data = data.subspan(2 + len);
  }
  if (!data.empty()) pieces.push_back(data);
  return pieces;
}

void append_piece(Bytes& out, std::span<const std::uint8_t> piece) {
  if (piece.size() > 0xffff) die("piece too long");
  out.push_back(static_cast<std::uint8_t>(piece.size() >> 8));
  out.push_back(static_cast<std::uint8_t>(piece.size()));
  out.insert(out.end(), piece.begin(), piece.end());
}

}  // namespace baretls::fuzz
