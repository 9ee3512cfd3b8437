// SPDX-License-Identifier: MIT
// Session resumption inside the engine (RFC 5246 §7.3 abbreviated handshake,
// RFC 5077 tickets, RFC 7627 §5.3): what both roles' resumption code shares.
// The role-specific steps are members of the handshake objects: client side
// in resume_client.cpp (ClientHandshake), server side in resume_server.cpp
// (ServerHandshake). Internal.
#pragma once

#include <cstdint>
#include <span>

#include "tls/engine.h"

namespace baretls::tls::detail {

// The Session this handshake made or resumed, as both roles keep it: suite,
// EMS status, `created`, the peer's leaf as this handshake proved it
// (`peer`), the SNI name and the master secret; no session ID or ticket (the
// callers add theirs). Used by the client's next offer, the server's cache
// and its tickets (resumption.cpp).
[[nodiscard]] Session session_from_handshake(const Engine& e, std::int64_t created, std::span<const std::uint8_t> peer);

}  // namespace baretls::tls::detail
