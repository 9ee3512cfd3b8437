// SPDX-License-Identifier: MIT
// The in-memory handshake of the "tls_established" target and its seed
// generator: same configurations, same fixed randomness, same keys.
#pragma once

#include <cstdint>

#include "baretls/tls/connection.h"
#include "fuzz/fuzz_support.h"

namespace baretls::fuzz {

struct EstablishedPair {
  tls::Connection client;
  tls::Connection server;
};

// Both sides established with the suite that option bits 1-2 pick; aborts
// if the handshake does not complete (a broken fixture, not a finding).
EstablishedPair established_pair(std::uint8_t option);

}  // namespace baretls::fuzz
