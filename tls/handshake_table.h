// SPDX-License-Identifier: MIT
// The handshake as an explicit state table (docs/ARCHITECTURE.md): HsState lists the
// states, each role's constexpr table (handshake_client.cpp,
// handshake_server.cpp) gives the messages a state accepts and the handler
// of each; a missing row is unexpected_message. ChangeCipherSpec is a record,
// not a handshake message, but it sits in the table as a pseudo message so
// the order reads top down. Which path a handshake takes (full or resumed,
// certificate requested, ticket expected) is not a state: flags fixed at the
// hello (Negotiation in engine.h) pick the next expected message.
#pragma once

#include <cstdint>
#include <span>

#include "baretls/tls/errors.h"
#include "tls/messages.h"

namespace baretls::tls::detail {

struct Engine;

enum class HsState : std::uint8_t {
  // Client, RFC 5246 §7.3 order (full; the abbreviated one goes from
  // ServerHello to the NewSessionTicket or ChangeCipherSpec wait).
  client_wait_server_hello,
  client_wait_certificate,
  client_wait_server_key_exchange,
  client_wait_server_hello_done,   // CertificateRequest may come first, once
  client_wait_new_session_ticket,  // RFC 5077 §3.3, when announced
  client_wait_change_cipher_spec,
  client_wait_finished,
  // Server.
  server_wait_client_hello,
  server_wait_client_certificate,  // RFC 5246 §7.4.6, after our CertificateRequest
  server_wait_client_key_exchange,
  server_wait_certificate_verify,  // RFC 5246 §7.4.8, after a client chain
  server_wait_change_cipher_spec,
  server_wait_finished,
  // Both.
  established,
};
[[nodiscard]] std::string_view to_string(HsState s) noexcept;

// The ChangeCipherSpec record as a row key.
inline constexpr auto kChangeCipherSpec = static_cast<HandshakeType>(0xfe);

// Every handler is a member of its role's handshake object `Hs`: parse,
// validate, compute, then the next state or an Error.
template <typename Hs>
struct Row {
  using Handler = Result<HsState> (Hs::*)(Engine&, std::span<const std::uint8_t> body);
  HsState in;
  HandshakeType msg;
  Handler handle;
};

// The handler for (state, msg) in `rows`, or nullptr (unexpected_message).
template <typename Hs>
[[nodiscard]] constexpr typename Row<Hs>::Handler find_handler(std::span<const Row<Hs>> rows, HsState s,
                                                               HandshakeType m) noexcept {
  for (const auto& r : rows)
    if (r.in == s && r.msg == m) return r.handle;
  return nullptr;
}

}  // namespace baretls::tls::detail
