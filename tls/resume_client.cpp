// SPDX-License-Identifier: MIT
// The client's side of resumption: offering a session by ID or RFC 5077
// ticket, recognising the abbreviated handshake by the echoed session ID
// (RFC 5246 §7.4.1.3, RFC 5077 §3.4), its flight (server ChangeCipherSpec
// and Finished first, then ours) and the NewSessionTicket message.
#include <algorithm>

#include "tls/features.h"
#include "tls/handshake_client.h"
#include "tls/inspect_hook.h"
#include "tls/resumption.h"

namespace baretls::tls::detail {

bool ClientHandshake::usable(const Engine& e, const Session& s) const {
  const auto& cfg = *cfg_;
  // RFC 7627 §5.3: "The client SHOULD NOT offer an abbreviated handshake to
  // resume a session that does not use an extended master secret."
  if (!s.extended_master_secret) return false;
  if (std::find(cfg.cipher_suites.begin(), cfg.cipher_suites.end(), s.suite) == cfg.cipher_suites.end()) return false;
  if (s.session_id.size() > Session::kMaxSessionIdSize) return false;
  if (s.session_id.empty() && s.ticket.empty()) return false;
  // RFC 5077 §3.3: "A client SHOULD delete the ticket and associated state when the time expires."
  const std::int64_t now = config_now(cfg);
  if (!s.ticket.empty() && s.ticket_lifetime_hint != 0 && now - s.created > s.ticket_lifetime_hint) return false;
  // RFC 5246 §7.3: a resumed session keeps the peer identity of its full
  // handshake, so it may only go to a name that identity covers (the
  // server's leaf as verified then, RFC 6125); otherwise a server could
  // answer for a name it never proved. Sessions without a kept leaf (made
  // by older versions) go only where no name is checked.
  if (!server_name_.empty() && !leaf_names_host(s.peer_certificate, server_name_)) return false;
  // RFC 6066 §3: a server resumes only under the SNI name the session was
  // made with; offering it under another would only cost a full handshake.
  return same_host_name(s.server_name, e.requested_server_name);
}

// Puts the offered session's ID or ticket (with a fresh random ID, RFC 5077
// §3.4) and the SessionTicket extension into the ClientHello.
Error ClientHandshake::offer_session(Engine& e, ClientHello& ch) {
  const auto& cfg = *cfg_;
  if (offered_session_ && !usable(e, *offered_session_)) offered_session_.reset();
  const Session* s = offered_session_ ? &*offered_session_ : nullptr;
  if (s != nullptr && !s->ticket.empty()) {
    ch.session_ticket = s->ticket;
    // RFC 5077 §3.4: "When presenting a ticket, the client MAY generate and
    // include a Session ID in the TLS ClientHello. If the server accepts the
    // ticket and the Session ID is not empty, then it MUST respond with the
    // same Session ID present in the ClientHello."
    ch.session_id.resize(Session::kMaxSessionIdSize);
    if (cfg.random(ch.session_id) != crypto::Error::ok) return Error::random_failure;
  } else {
    if (s != nullptr) ch.session_id = s->session_id;
    // RFC 5077 §3.2: an empty extension asks for a ticket.
    if (cfg.session_tickets) ch.session_ticket = std::vector<std::uint8_t>{};
  }
  hello_session_id_ = ch.session_id;
  ticket_offered_ = ch.session_ticket.has_value();
  return Error::ok;
}

// Notes the ServerHello's session ID and SessionTicket extension; true when
// the server echoed our non-empty session ID (RFC 5246 §7.4.1.3).
bool ClientHandshake::server_resumes(Engine& e, const ServerHello& sh) {
  e.neg.session_id = sh.session_id;
  e.neg.ticket_expected = sh.session_ticket;
  return offered_session_ && !sh.session_id.empty() && sh.session_id == hello_session_id_;
}

// RFC 5246 §7.4.1.3 / RFC 7627 §5.3 checks, then the keys from the saved
// master secret with the new randoms (RFC 5246 §6.3).
Result<HsState> ClientHandshake::resume(Engine& e, const ServerHello& sh) {
  const Session& s = *offered_session_;
  // RFC 5246 §7.4.1.2: a resumed session keeps its cipher suite.
  if (sh.cipher_suite != static_cast<std::uint16_t>(s.suite)) return Error::illegal_parameter;
  // RFC 7627 §5.3: "If the original session used the extension but the new
  // ServerHello does not contain the extension, the client MUST abort the handshake."
  if (sh.extended_master_secret != s.extended_master_secret) return Error::extended_master_secret_required;
  e.neg.resumption = true;
  e.neg.session_id = s.session_id;
  e.neg.master = MasterSecret(s.master_secret());
  e.peer_certificate = s.peer_certificate;  // the identity proved in the full handshake
  e.neg.keys = derive_traffic_keys(*e.neg.suite, e.neg.master, e.neg.client_random, e.neg.server_random);
  inspect_key_schedule(e, {});  // Inspector: master secret reused, new key block
  session_resumed_ = SessionResumed();
  return e.neg.ticket_expected ? HsState::client_wait_new_session_ticket : HsState::client_wait_change_cipher_spec;
}

// RFC 5077 §3.1: after our Finished (Figure 1), or a renewed ticket right
// after ServerHello (Figure 2); the server's ChangeCipherSpec follows either way.
Result<HsState> ClientHandshake::on_new_session_ticket(Engine&, std::span<const std::uint8_t> body) {
  auto nst = NewSessionTicket::parse(body);
  if (!nst) return nst.error();
  // RFC 5077 §3.3: a zero-length ticket means none; the client "MUST NOT
  // treat the ticket as valid until it has verified the server's Finished"
  // (save_session runs only once Finished is verified).
  new_ticket_ = std::move(nst->ticket);
  new_ticket_lifetime_hint_ = nst->ticket_lifetime_hint;
  return HsState::client_wait_change_cipher_spec;
}

// The server's leaf as this handshake proved it: verified here, or carried
// by the resumed session.
std::span<const std::uint8_t> ClientHandshake::proven_peer_certificate(const Engine& e) const noexcept {
  if (chain_verified_ || session_resumed_) return e.peer_certificate;
  return {};
}

// Keeps what the next connection may offer.
void ClientHandshake::save_session(Engine& e) {
  // RFC 7627 §5.3: a session without the extended master secret is not
  // resumed (usable() would never offer it): not kept at all.
  if (!e.neg.extended_master_secret) return;
  Session s = e.neg.resumption ? *offered_session_
                                : session_from_handshake(e, config_now(*cfg_), proven_peer_certificate(e));
  if (!e.neg.resumption) s.session_id = e.neg.session_id;
  if (!new_ticket_.empty()) {
    // RFC 5077 §3.4: "If the client receives a session ticket from the
    // server, then it discards any Session ID that was sent in the ServerHello."
    if (!e.neg.resumption) s.session_id.clear();
    s.ticket = std::move(new_ticket_);
    s.ticket_lifetime_hint = new_ticket_lifetime_hint_;
  }
  if (s.session_id.empty() && s.ticket.empty()) return;  // nothing to resume with
  if (s.peer_certificate.size() > Session::kMaxPeerCertificateSize) return;  // beyond what a Session keeps
  session_ = std::move(s);
}

}  // namespace baretls::tls::detail
