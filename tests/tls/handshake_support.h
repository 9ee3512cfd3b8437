// SPDX-License-Identifier: MIT
// Test support for in-memory handshakes: fixture loading (vectors/tls/),
// a seeded deterministic RandomSource, a fixed clock, and a pipe that moves
// bytes between two Connections in random-sized deliveries.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "baretls/tls/connection.h"
#include "baretls/tls/credentials.h"
#include "baretls/tls/pump.h"
#include "baretls/x509/key.h"
#include "baretls/x509/pem.h"
#include "baretls/x509/trust_store.h"
#include "tests/support/seeded_rng.h"
#include "tests/support/vector_file.h"

namespace baretls::test {

inline constexpr std::int64_t kFixedNow = 1893456000;     // 2030-01-01, inside the fixtures' validity
inline constexpr std::int64_t kAfterExpiry = 7258118400;  // 2200-01-01

using TestRng = SeededRng;  // tests/support/seeded_rng.h

struct FixedClock {
  std::int64_t now = kFixedNow;
  static std::int64_t get(void* ctx) { return static_cast<FixedClock*>(ctx)->now; }
  tls::Clock clock() { return {&FixedClock::get, this}; }
};

std::string read_text(const std::string& rel_path);
tls::CertifiedKey load_certified_key(const std::string& name);  // "p256" -> vectors/tls/p256.{pem,key}
std::shared_ptr<const x509::TrustStore> load_roots(const std::string& name = "ca");

// Everything a client and a server need, with their own RNGs and clocks.
struct Pair {
  TestRng client_rng{1}, server_rng{2};
  FixedClock client_clock, server_clock;
  std::shared_ptr<tls::ClientConfig> client_config = std::make_shared<tls::ClientConfig>();
  std::shared_ptr<tls::ServerConfig> server_config = std::make_shared<tls::ServerConfig>();
  Pair();
};

// Moves bytes both ways until neither side makes progress. `max_chunk`
// bounds each delivery; sizes are drawn from `rng` (1-byte deliveries
// included). Returns false if a side failed.
struct Transport {
  std::mt19937_64 rng;
  std::size_t max_chunk;
  explicit Transport(std::uint64_t seed, std::size_t max_chunk = 20000) : rng(seed), max_chunk(max_chunk) {}
  std::size_t next_size(std::size_t available);
  // One pass: up to one delivery each way. True if any byte moved.
  bool step(tls::Connection& from, tls::Connection& to);
};

// Runs the handshake to completion or failure (bounded number of steps).
void run_handshake(tls::Connection& client, tls::Connection& server, Transport& t);

}  // namespace baretls::test

namespace baretls::test {

// A handshake message as seen by a flight rewriter: type and body.
struct FlightMessage {
  std::uint8_t type;
  std::vector<std::uint8_t> body;
};

// Takes all of `from`'s outgoing bytes (a plaintext flight of handshake
// records), lets `edit` change its messages (bodies re-framed with correct
// lengths), and feeds the result to `to` in one piece.
void rewrite_flight(tls::Connection& from, tls::Connection& to,
                    const std::function<void(std::vector<FlightMessage>&)>& edit);

// Delivers everything pending both ways until quiet.
void settle(tls::Connection& a, tls::Connection& b);

}  // namespace baretls::test
