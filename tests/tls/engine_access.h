// SPDX-License-Identifier: MIT
// Test seam: the engine behind a tls::Connection (a friend of Connection),
// for tests that must act where no peer input reaches, e.g. change a
// Finished message before it is sealed (tests/tls/test_malformed_handshake).
#pragma once

#include "baretls/tls/connection.h"
#include "tls/engine.h"

namespace baretls::tls::detail {

struct EngineAccess {
  static Engine& of(Connection& c) noexcept { return *c.engine_; }
};

}  // namespace baretls::tls::detail
