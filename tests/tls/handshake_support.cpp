// SPDX-License-Identifier: MIT
// In-memory handshake support (see handshake_support.h).
#include "tests/tls/handshake_support.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

namespace baretls::test {

std::string read_text(const std::string& rel_path) {
  std::ifstream f(vector_path(rel_path));
  REQUIRE_MESSAGE(f.good(), "cannot open " << rel_path);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

tls::CertifiedKey load_certified_key(const std::string& name) {
  tls::CertifiedKey ck;
  auto chain = x509::pem_decode_all(read_text("tls/" + name + ".pem"), "CERTIFICATE");
  REQUIRE(chain.ok());
  ck.chain = std::move(*chain);
  auto key = x509::PrivateKey::from_pem(read_text("tls/" + name + ".key"));
  REQUIRE_MESSAGE(key.ok(), "key " << name << ": " << x509::to_string(key.error()));
  ck.key = std::make_shared<const x509::PrivateKey>(std::move(*key));
  return ck;
}

std::shared_ptr<const x509::TrustStore> load_roots(const std::string& name) {
  auto store = std::make_shared<x509::TrustStore>();
  REQUIRE(store->add_pem(read_text("tls/" + name + ".pem")) == x509::Error::ok);
  return store;
}

Pair::Pair() {
  client_config->random = client_rng.source();
  client_config->clock = client_clock.clock();
  client_config->trust_store = load_roots();
  server_config->random = server_rng.source();
  server_config->clock = server_clock.clock();
}

std::size_t Transport::next_size(std::size_t available) {
  if (available == 0) return 0;
  const auto r = rng() % 8;
  std::size_t n = r == 0 ? 1 : r == 1 ? 1 + rng() % 7 : 1 + rng() % max_chunk;
  return n < available ? n : available;
}

bool Transport::step(tls::Connection& from, tls::Connection& to) {
  const auto out = from.outgoing();
  const std::size_t n = next_size(out.size());
  if (n == 0) return false;
  auto used = to.feed(out.first(n));
  if (!used) {
    // The receiver failed: the bytes are gone either way.
    from.consume_outgoing(n);
    return true;
  }
  from.consume_outgoing(*used);
  return *used > 0;
}

void run_handshake(tls::Connection& client, tls::Connection& server, Transport& t) {
  for (int i = 0; i < 100000; ++i) {
    const bool a = t.step(client, server);
    const bool b = t.step(server, client);
    const bool done = client.is_established() && server.is_established();
    const bool failed = client.error() != tls::Error::ok || server.error() != tls::Error::ok;
    if (failed) {
      // Let the alert reach the other side.
      for (int j = 0; j < 1000 && (t.step(client, server) || t.step(server, client)); ++j) {
      }
      return;
    }
    if (done || (!a && !b)) return;
  }
}

}  // namespace baretls::test
