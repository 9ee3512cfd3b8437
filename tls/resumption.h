// SPDX-License-Identifier: MIT
// Session resumption inside the engine (RFC 5246 §7.3 abbreviated handshake,
// RFC 5077 tickets, RFC 7627 §5.3): the hooks client.cpp, server.cpp and
// enter_established() call, and the handlers of the abbreviated flows that
// their tables name. Client side in resume_client.cpp, server side in
// resume_server.cpp. Internal.
#pragma once

#include <span>

#include "tls/engine.h"

namespace baretls::tls::detail {

// Client. Puts the offered session's ID or ticket (with a fresh random ID,
// RFC 5077 §3.4) and the SessionTicket extension into the ClientHello.
[[nodiscard]] Error offer_session(Engine& e, ClientHello& ch);
// Notes the ServerHello's session ID and SessionTicket extension; true when
// the server echoed our non-empty session ID (RFC 5246 §7.4.1.3).
[[nodiscard]] bool server_resumes(Engine& e, const ServerHello& sh);
// Checks the resumed suite and EMS status and derives the keys.
[[nodiscard]] Result<HsState> client_resume(Engine& e, const ServerHello& sh);
[[nodiscard]] Result<HsState> client_on_new_session_ticket(Engine& e, std::span<const std::uint8_t> body);
[[nodiscard]] Result<HsState> client_on_resumed_new_session_ticket(Engine& e, std::span<const std::uint8_t> body);
[[nodiscard]] Result<HsState> client_on_resumed_finished(Engine& e, std::span<const std::uint8_t> body);

// Server. True when it resumed: ServerHello, [NewSessionTicket],
// ChangeCipherSpec and Finished are queued. An error only for an EMS
// downgrade of an EMS session (RFC 7627 §5.3) or a local failure.
[[nodiscard]] Result<bool> server_try_resume(Engine& e, const ClientHello& ch);
// Full handshake: a new session ID for the cache, or the SessionTicket
// extension announcing a ticket.
[[nodiscard]] Error offer_new_session(Engine& e, const ClientHello& ch, ServerHello& sh);
// RFC 5077 §3.3: NewSessionTicket before our ChangeCipherSpec, when announced.
[[nodiscard]] Error queue_new_session_ticket(Engine& e);
[[nodiscard]] Result<HsState> server_on_resumed_finished(Engine& e, std::span<const std::uint8_t> body);

// RFC 5246 §7.2.2: "any connection terminated with a fatal alert MUST NOT
// be resumed". Server: its cache forgets the session (a ticket already
// given out cannot be recalled; its lifetime bounds it). Client: session()
// returns none.
void forget_server_session(Engine& e);
inline void forget_session(Engine& e) {
  if (e.role == Role::client) {
    e.session.reset();
  } else {
    forget_server_session(e);
  }
}

// The Session this handshake made or resumed, as both roles keep it: suite,
// EMS status, creation time, the peer's leaf as this handshake proved it,
// the SNI name and the master secret; no session ID or ticket (the callers
// add theirs). Used by the client's next offer, the server's cache and its
// tickets (resumption.cpp).
[[nodiscard]] Session session_from_handshake(const Engine& e);
// The peer's leaf as this handshake proved it: verified here (chain, or the
// client's chain + CertificateVerify), or carried by the resumed session.
[[nodiscard]] std::span<const std::uint8_t> proven_peer_certificate(const Engine& e) noexcept;

// Both: on entering established, the client keeps the session to offer next
// time and the server caches a new session ID's session.
void save_client_session(Engine& e);
void save_server_session(Engine& e);
inline void save_session(Engine& e) {
  e.resumed = e.neg.resumption;
  if (e.role == Role::client) {
    save_client_session(e);
  } else {
    save_server_session(e);
  }
}

}  // namespace baretls::tls::detail
