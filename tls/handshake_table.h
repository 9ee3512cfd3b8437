// SPDX-License-Identifier: MIT
// The handshake as an explicit state table (docs/ARCHITECTURE.md): HsState lists the
// states, each role's constexpr table (client.cpp, server.cpp) gives the
// messages a state accepts and the handler of each; a missing row is
// unexpected_message. ChangeCipherSpec is a record, not a handshake message,
// but it sits in the table as a pseudo message so the order reads top down.
#pragma once

#include <cstdint>
#include <span>

#include "baretls/tls/errors.h"
#include "tls/messages.h"

namespace baretls::tls::detail {

struct Engine;

enum class HsState : std::uint8_t {
  // Client, RFC 5246 §7.3 order.
  client_wait_server_hello,
  client_wait_certificate,
  client_wait_server_key_exchange,
  client_wait_server_hello_done,         // CertificateRequest may come first
  client_wait_server_hello_done_after_request,
  client_wait_change_cipher_spec,
  client_wait_finished,
  // Client, RFC 5077 §3.3 ticket and the abbreviated handshake (RFC 5246 §7.3).
  client_wait_new_session_ticket,
  client_wait_resumed_new_session_ticket,
  client_wait_resumed_change_cipher_spec,
  client_wait_resumed_finished,
  // Server.
  server_wait_client_hello,
  server_wait_client_key_exchange,
  server_wait_client_certificate,            // RFC 5246 §7.4.6, after our CertificateRequest
  server_wait_client_key_exchange_certified,  // a client chain came: CertificateVerify follows
  server_wait_certificate_verify,            // RFC 5246 §7.4.8
  server_wait_change_cipher_spec,
  server_wait_finished,
  // Server, abbreviated handshake.
  server_wait_resumed_change_cipher_spec,
  server_wait_resumed_finished,
  // Both.
  established,
};
[[nodiscard]] std::string_view to_string(HsState s) noexcept;

// The ChangeCipherSpec record as a row key.
inline constexpr auto kChangeCipherSpec = static_cast<HandshakeType>(0xfe);

// Every handler: parse, validate, compute, then the next state or an Error.
using Handler = Result<HsState> (*)(Engine&, std::span<const std::uint8_t> body);

struct Row {
  HsState in;
  HandshakeType msg;
  Handler handle;
};

// The handler for (state, msg) in `rows`, or nullptr (unexpected_message).
[[nodiscard]] constexpr Handler find_handler(std::span<const Row> rows, HsState s, HandshakeType m) noexcept {
  for (const auto& r : rows)
    if (r.in == s && r.msg == m) return r.handle;
  return nullptr;
}

}  // namespace baretls::tls::detail
