// SPDX-License-Identifier: MIT
// What both roles' resumption code shares (see resumption.h): the Session a
// handshake made, and the peer certificate it proved.
#include "tls/resumption.h"

namespace baretls::tls::detail {

std::span<const std::uint8_t> proven_peer_certificate(const Engine& e) noexcept {
  const bool verified_here = e.role == Role::client ? e.chain_verified.has_value() : e.client_verified.has_value();
  if (verified_here || e.session_resumed) return e.peer_certificate;
  return {};
}

// A client dates its session when it is made; a server when its ClientHello
// was answered (or, resumed, from the original session).
Session session_from_handshake(const Engine& e) {
  Session s;
  s.suite = e.neg.suite->id;
  s.extended_master_secret = e.neg.extended_master_secret;
  s.created = e.role == Role::client ? config_now(e.config()) : e.neg.session_created;
  const auto peer = proven_peer_certificate(e);
  s.peer_certificate.assign(peer.begin(), peer.end());
  s.server_name = e.requested_server_name;  // the SNI sent or received (RFC 6066 §3)
  s.set_master_secret(e.neg.master.expose());
  return s;
}

}  // namespace baretls::tls::detail
