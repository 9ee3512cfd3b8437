// SPDX-License-Identifier: MIT
// What both roles' resumption code shares (see resumption.h): the Session a
// handshake made.
#include "tls/resumption.h"

namespace baretls::tls::detail {

// A client dates its session when it is made; a server when its ClientHello
// was answered (or, resumed, from the original session).
Session session_from_handshake(const Engine& e, std::int64_t created, std::span<const std::uint8_t> peer) {
  Session s;
  s.suite = e.neg.suite->id;
  s.extended_master_secret = e.neg.extended_master_secret;
  s.created = created;
  s.peer_certificate.assign(peer.begin(), peer.end());
  s.server_name = e.requested_server_name;  // the SNI sent or received (RFC 6066 §3)
  s.set_master_secret(e.neg.master.expose());
  return s;
}

}  // namespace baretls::tls::detail
