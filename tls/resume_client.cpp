// SPDX-License-Identifier: MIT
// The client's side of resumption: offering a session by ID or RFC 5077
// ticket, recognising the abbreviated handshake by the echoed session ID
// (RFC 5246 §7.4.1.3, RFC 5077 §3.4), its flight (server ChangeCipherSpec
// and Finished first, then ours) and the NewSessionTicket message.
#include <algorithm>

#include "tls/features.h"
#include "tls/inspect_hook.h"
#include "tls/peer_auth.h"
#include "tls/resumption.h"

namespace baretls::tls::detail {

namespace {

bool usable(const Engine& e, const Session& s) {
  const auto& cfg = *e.client_config;
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
  if (!e.server_name.empty() && !leaf_names_host(s.peer_certificate, e.server_name)) return false;
  // RFC 6066 §3: a server resumes only under the SNI name the session was
  // made with; offering it under another would only cost a full handshake.
  return same_host_name(s.server_name, e.requested_server_name);
}

}  // namespace

Error offer_session(Engine& e, ClientHello& ch) {
  const auto& cfg = *e.client_config;
  if (e.offered_session && !usable(e, *e.offered_session)) e.offered_session.reset();
  const Session* s = e.offered_session ? &*e.offered_session : nullptr;
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
  e.neg.hello_session_id = ch.session_id;
  e.neg.ticket_offered = ch.session_ticket.has_value();
  return Error::ok;
}

bool server_resumes(Engine& e, const ServerHello& sh) {
  e.neg.session_id = sh.session_id;
  e.neg.ticket_expected = sh.session_ticket;
  return e.offered_session && !sh.session_id.empty() && sh.session_id == e.neg.hello_session_id;
}

// RFC 5246 §7.4.1.3 / RFC 7627 §5.3 checks, then the keys from the saved
// master secret with the new randoms (RFC 5246 §6.3).
Result<HsState> client_resume(Engine& e, const ServerHello& sh) {
  const Session& s = *e.offered_session;
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
  e.session_resumed = SessionResumed();
  return e.neg.ticket_expected ? HsState::client_wait_resumed_new_session_ticket
                               : HsState::client_wait_resumed_change_cipher_spec;
}

namespace {
Error take_ticket(Engine& e, std::span<const std::uint8_t> body) {
  auto nst = NewSessionTicket::parse(body);
  if (!nst) return nst.error();
  // RFC 5077 §3.3: a zero-length ticket means none; the client "MUST NOT
  // treat the ticket as valid until it has verified the server's Finished"
  // (save_session runs only once Finished is verified).
  e.neg.new_ticket = std::move(nst->ticket);
  e.neg.new_ticket_lifetime_hint = nst->ticket_lifetime_hint;
  return Error::ok;
}
}  // namespace

// RFC 5077 §3.1 Figure 1: after our Finished, before the server's ChangeCipherSpec.
Result<HsState> client_on_new_session_ticket(Engine& e, std::span<const std::uint8_t> body) {
  BARETLS_TRY(take_ticket(e, body));
  return HsState::client_wait_change_cipher_spec;
}

// RFC 5077 §3.1 Figure 2: a renewed ticket right after ServerHello.
Result<HsState> client_on_resumed_new_session_ticket(Engine& e, std::span<const std::uint8_t> body) {
  BARETLS_TRY(take_ticket(e, body));
  return HsState::client_wait_resumed_change_cipher_spec;
}

// RFC 5246 §7.3: in the abbreviated handshake the server's Finished comes
// first; ours answers it.
Result<HsState> client_on_resumed_finished(Engine& e, std::span<const std::uint8_t> body) {
  BARETLS_TRY(check_peer_finished(e, body));
  BARETLS_TRY(e.send_change_cipher_spec());
  BARETLS_TRY(e.send_finished());
  BARETLS_TRY(e.enter_established());
  return HsState::established;
}

// Keeps what the next connection may offer.
void save_client_session(Engine& e) {
  // RFC 7627 §5.3: a session without the extended master secret is not
  // resumed (usable() would never offer it): not kept at all.
  if (!e.neg.extended_master_secret) return;
  Session s = e.neg.resumption ? *e.offered_session : session_from_handshake(e);
  if (!e.neg.resumption) s.session_id = e.neg.session_id;
  if (!e.neg.new_ticket.empty()) {
    // RFC 5077 §3.4: "If the client receives a session ticket from the
    // server, then it discards any Session ID that was sent in the ServerHello."
    if (!e.neg.resumption) s.session_id.clear();
    s.ticket = std::move(e.neg.new_ticket);
    s.ticket_lifetime_hint = e.neg.new_ticket_lifetime_hint;
  }
  if (s.session_id.empty() && s.ticket.empty()) return;  // nothing to resume with
  if (s.peer_certificate.size() > Session::kMaxPeerCertificateSize) return;  // beyond what a Session keeps
  e.session = std::move(s);
}

}  // namespace baretls::tls::detail
