// SPDX-License-Identifier: MIT
// Two connections in one process, joined by memory: pump() moves each one's
// outgoing() bytes into the other's feed() until neither has anything left
// to send. For tests, fuzzers, benchmarks and the demo, which run a client
// and a server side by side. It uses only the public Connection API.
#pragma once

#include <cstddef>

#include "baretls/tls/connection.h"
#include "baretls/tls/errors.h"

namespace baretls::tls {

// Rounds of "a to b, then b to a" before pump() gives up; a handshake needs
// about four, and each round moves everything that can be moved.
inline constexpr std::size_t kMaxPumpRounds = 1000;

// Moves bytes both ways until a round moves nothing (or kMaxPumpRounds).
// A receiver that stops taking bytes (feed() returns 0: its application must
// read first) ends that direction for the round. When feed() fails, the bytes
// offered are dropped as a network would and pumping goes on, so the failing
// side's fatal alert still reaches its peer. Returns Error::ok, or the first
// error feed() returned.
[[nodiscard]] Error pump(Connection& a, Connection& b);

}  // namespace baretls::tls
