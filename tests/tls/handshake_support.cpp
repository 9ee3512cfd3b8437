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
  auto ck = tls::load_certified_key(read_text("tls/" + name + ".pem"), read_text("tls/" + name + ".key"));
  REQUIRE_MESSAGE(ck.ok(), "credentials " << name << ": " << tls::to_string(ck.error()));
  return std::move(*ck);
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

namespace baretls::test {

void rewrite_flight(tls::Connection& from, tls::Connection& to,
                    const std::function<void(std::vector<FlightMessage>&)>& edit) {
  const auto out = from.outgoing();
  const std::vector<std::uint8_t> wire(out.begin(), out.end());
  from.consume_outgoing(wire.size());
  // Records -> handshake stream (all records must be plaintext handshake).
  std::vector<std::uint8_t> stream;
  for (std::size_t i = 0; i < wire.size();) {
    REQUIRE(i + 5 <= wire.size());
    REQUIRE(wire[i] == 22);
    const std::size_t len = (std::size_t{wire[i + 3]} << 8) | wire[i + 4];
    stream.insert(stream.end(), wire.begin() + static_cast<long>(i + 5), wire.begin() + static_cast<long>(i + 5 + len));
    i += 5 + len;
  }
  std::vector<FlightMessage> msgs;
  for (std::size_t i = 0; i < stream.size();) {
    const std::size_t len = (std::size_t{stream[i + 1]} << 16) | (std::size_t{stream[i + 2]} << 8) | stream[i + 3];
    msgs.push_back({stream[i], std::vector<std::uint8_t>(stream.begin() + static_cast<long>(i + 4),
                                                         stream.begin() + static_cast<long>(i + 4 + len))});
    i += 4 + len;
  }
  edit(msgs);
  std::vector<std::uint8_t> hs;
  for (const auto& m : msgs) {
    const std::size_t len = m.body.size();
    hs.insert(hs.end(), {m.type, static_cast<std::uint8_t>(len >> 16), static_cast<std::uint8_t>(len >> 8),
                         static_cast<std::uint8_t>(len)});
    hs.insert(hs.end(), m.body.begin(), m.body.end());
  }
  std::vector<std::uint8_t> records;
  for (std::size_t i = 0; i < hs.size(); i += 16384) {
    const std::size_t n = std::min<std::size_t>(16384, hs.size() - i);
    records.insert(records.end(), {22, 3, 3, static_cast<std::uint8_t>(n >> 8), static_cast<std::uint8_t>(n)});
    records.insert(records.end(), hs.begin() + static_cast<long>(i), hs.begin() + static_cast<long>(i + n));
  }
  std::size_t done = 0;
  while (done < records.size()) {
    auto n = to.feed(std::span(records).subspan(done));
    if (!n || *n == 0) break;
    done += *n;
  }
}

void settle(tls::Connection& a, tls::Connection& b) { (void)tls::pump(a, b); }

}  // namespace baretls::test
