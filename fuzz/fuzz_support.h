// SPDX-License-Identifier: MIT
// Shared pieces of the fuzz targets (fuzz_*.cpp): the fixtures they load from
// vectors/ (found through BARETLS_SOURCE_DIR), a deterministic RandomSource
// and clock so every input replays exactly, the configurations of the TLS
// targets, and the loop that drives a Connection with the fuzzer's bytes.
// Never for production: the "randomness" here is a counter.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "baretls/crypto/random.h"
#include "baretls/tls/config.h"
#include "baretls/tls/connection.h"
#include "baretls/x509/trust_store.h"
#include "tests/support/seeded_rng.h"

namespace baretls::fuzz {

using Bytes = std::vector<std::uint8_t>;

// 2030-01-01: inside the validity of vectors/tls/ (TLS targets).
inline constexpr std::int64_t kTlsNow = 1893456000;
// 2026-01-01: inside the validity of vectors/x509/.
inline constexpr std::int64_t kX509Now = 1767225600;
// The name the TLS client expects (the vectors/tls leaves' SAN).
inline constexpr const char* kServerName = "localhost";

// Aborts with a message: a fixture that does not load is a broken build.
[[noreturn]] void die(const std::string& what);

// vectors/<rel>, whole file.
std::string read_fixture(const std::string& rel);
// Every CERTIFICATE block of vectors/<rel>, as DER.
std::vector<Bytes> fixture_certificates(const std::string& rel);

// SHA-256(seed || counter) blocks (tests/support/seeded_rng.h), shared with
// the test suites. reset() before each input.
using CounterRng = test::SeededRng;

// The fixed clock of the TLS targets (kTlsNow).
[[nodiscard]] tls::Clock fixed_clock() noexcept;

// Client: every suite, group and scheme of the default configuration,
// trusting vectors/tls/ca.pem. Server: the RSA-2048, P-256 and P-384
// chains of vectors/tls/. Each config keeps a pointer to `rng`.
std::shared_ptr<tls::ClientConfig> make_client_config(CounterRng& rng);
std::shared_ptr<tls::ServerConfig> make_server_config(CounterRng& rng);

// Feeds `input` to `conn` as far as it goes, reading application data as it
// arrives, writing a little once established, and ending with EOF.
void drive(tls::Connection& conn, std::span<const std::uint8_t> input);

// How many drive() calls ended with the handshake done (established, or
// closed cleanly after it): the replay test checks the TLS seeds still get
// that far.
std::size_t drive_established_count() noexcept;

// Moves all pending bytes both ways until neither side has any (bounded).
void settle(tls::Connection& a, tls::Connection& b);

// Input helper: splits the fuzzer's bytes into length-prefixed pieces
// (u16 big-endian length, then the bytes); the rest after the last whole
// piece is a final piece.
std::vector<std::span<const std::uint8_t>> split_pieces(std::span<const std::uint8_t> data, std::size_t max_pieces);
// The inverse, for seed generators.
void append_piece(Bytes& out, std::span<const std::uint8_t> piece);

}  // namespace baretls::fuzz

// The entry point every target defines (libFuzzer's name).
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
