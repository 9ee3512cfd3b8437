// SPDX-License-Identifier: MIT
// The server's side of resumption: looking up a session by ID in the
// SessionCache or opening an RFC 5077 ticket, the RFC 7627 §5.3 rules, the
// abbreviated flight (ServerHello, [NewSessionTicket], ChangeCipherSpec,
// Finished; RFC 5246 §7.3), new session IDs and NewSessionTicket after a
// full handshake. A session that cannot be resumed (unknown, expired,
// forged, old key, other suite) only means a full handshake.
#include <algorithm>

#include "baretls/crypto/secret.h"
#include "baretls/tls/session_cache.h"
#include "baretls/tls/ticket_keys.h"
#include "tls/features.h"
#include "tls/handshake_server.h"
#include "tls/inspect_hook.h"
#include "tls/resumption.h"

namespace baretls::tls::detail {

namespace {

// The state sealed in a ticket is the Session's own byte form
// (Session::serialize: suite, EMS, creation time, the peer certificate that
// keeps the client's identity across resumption, RFC 5246 §7.3, §F.1.4, the
// server name that binds it to its SNI, RFC 6066 §3, the master secret),
// without session ID or ticket. Empty when it cannot be encoded (an
// over-long certificate); the result holds the master secret: the caller
// wipes it.
std::vector<std::uint8_t> encode_ticket_state(const Session& s) { return s.serialize(); }

// Any failure: nullopt. A state carrying an ID or a ticket is not ours.
std::optional<Session> decode_ticket_state(std::span<const std::uint8_t> state) {
  auto s = Session::parse(state);
  if (!s || !s->session_id.empty() || !s->ticket.empty()) return std::nullopt;
  return std::move(*s);
}

bool expired(std::int64_t created, std::int64_t now, std::int64_t lifetime) {
  return now - created > lifetime || created - now > lifetime;
}

// RFC 5077 §4: the server "decrypts the received ticket, verifies the
// ticket's validity". Any failure: nullopt, and a full handshake follows.
std::optional<Session> open_ticket(const ServerConfig& cfg, std::span<const std::uint8_t> ticket, bool& renew) {
  const std::int64_t now = config_now(cfg);
  if (cfg.ticket_keys->rotate_if_due(cfg.random, now) != Error::ok) return std::nullopt;
  auto opened = cfg.ticket_keys->open(ticket);
  if (!opened) return std::nullopt;
  crypto::WipeOnExit wipe(opened->state);
  auto s = decode_ticket_state(opened->state);
  if (!s || expired(s->created, now, cfg.ticket_keys->ticket_lifetime())) return std::nullopt;
  renew = opened->under_previous_key;  // RFC 5077 §5.5: move it to the current key
  return s;
}

bool suite_allowed(const ServerConfig& cfg, const ClientHello& ch, CipherSuite suite) {
  // RFC 5246 §7.4.1.2: the client "MUST include at least the cipher_suite from that session".
  return ch.offers_suite(static_cast<std::uint16_t>(suite)) &&
         std::find(cfg.cipher_suites.begin(), cfg.cipher_suites.end(), suite) != cfg.cipher_suites.end();
}

}  // namespace

// The abbreviated flight: ServerHello, [NewSessionTicket], ChangeCipherSpec, Finished.
Error ServerHandshake::queue_resumed_flight(Engine& e, const ClientHello& ch, const Session& s) {
  ServerHello sh;
  sh.random = e.neg.server_random;
  // RFC 5246 §7.4.1.3 / RFC 5077 §3.4: the same session ID as the ClientHello.
  sh.session_id = ch.session_id;
  sh.cipher_suite = static_cast<std::uint16_t>(s.suite);
  if (e.neg.secure_renegotiation) sh.renegotiation_info = std::vector<std::uint8_t>{};
  // RFC 7627 §5.3: "the server MUST include the "extended_master_secret" extension in its ServerHello".
  sh.extended_master_secret = true;
  if (ch.ec_point_formats && e.neg.suite->kex != KeyExchange::rsa)
    sh.ec_point_formats = std::vector<std::uint8_t>{kPointUncompressed};
  sh.session_ticket = e.neg.ticket_expected;
  // RFC 7301 §3.1: ALPN is negotiated again on resumption (alpn.cpp chose it).
  if (!e.alpn_protocol.empty()) sh.alpn = e.alpn_protocol;
  BARETLS_TRY(e.queue_handshake(HandshakeType::server_hello, sh));
  e.neg.master = MasterSecret(s.master_secret());
  session_created_ = s.created;
  BARETLS_TRY(queue_new_session_ticket(e));
  e.neg.keys = derive_traffic_keys(*e.neg.suite, e.neg.master, e.neg.client_random, e.neg.server_random);
  inspect_key_schedule(e, {});  // Inspector: master secret reused, new key block
  BARETLS_TRY(e.send_change_cipher_spec());
  return e.send_finished();
}

Result<bool> ServerHandshake::try_resume(Engine& e, const ClientHello& ch) {
  const auto& cfg = *cfg_;
  std::optional<Session> s;
  bool renew = false;
  const bool by_ticket = cfg.ticket_keys && ch.session_ticket && !ch.session_ticket->empty();
  if (by_ticket) {
    s = open_ticket(cfg, *ch.session_ticket, renew);
  } else if (cfg.session_cache && !ch.session_id.empty()) {
    // RFC 5077 §3.4: "If a ticket is presented by the client, the server
    // MUST NOT attempt to use the Session ID in the ClientHello for stateful
    // session resumption." Hence the else.
    s = cfg.session_cache->find(ch.session_id, config_now(cfg));
  }
  if (!s) return false;
  // RFC 7627 §5.3: "If the original session used the "extended_master_secret"
  // extension but the new ClientHello does not contain it, the server MUST
  // abort the abbreviated handshake."
  if (s->extended_master_secret && !ch.extended_master_secret) return Error::extended_master_secret_required;
  // RFC 7627 §5.3: a session without EMS is not resumed: with EMS offered now
  // the server "MUST NOT perform the abbreviated handshake"; without it, we
  // take a full handshake rather than legacy insecure resumption.
  if (!s->extended_master_secret || !suite_allowed(cfg, ch, s->suite)) return false;
  // RFC 6066 §3: the server "MUST NOT accept the request to resume the
  // session if the server_name extension contains a different name.
  // Instead, it proceeds with a full handshake to establish a new session."
  if (!same_host_name(s->server_name, ch.server_name.value_or(std::string()))) return false;
  // RFC 5246 §7.3: a resumed session keeps the original handshake's peer
  // identity. A server that now requires a client certificate resumes only
  // a session whose client was authenticated; otherwise a full handshake
  // asks for one. Optional: any session, with or without a certificate.
  if (cfg.client_auth == ClientAuth::required && s->peer_certificate.empty()) return false;
  if (cfg.client_auth != ClientAuth::none) e.peer_certificate = s->peer_certificate;
  session_resumed_ = SessionResumed();
  e.neg.suite = &suite_info(s->suite);
  e.neg.client_random = ch.random;
  e.neg.client_version = ch.client_version;
  e.neg.extended_master_secret = true;
  e.neg.secure_renegotiation = ch.renegotiation_info.has_value() || ch.offers_suite(kRenegotiationScsv);
  e.neg.resumption = true;
  if (!by_ticket) e.neg.session_id = ch.session_id;  // the cache's entry (forget_server_session)
  e.neg.ticket_expected = renew;
  if (cfg.random(e.neg.server_random) != crypto::Error::ok) return Error::random_failure;
  e.transcript.select(e.neg.suite->prf_hash);
  e.channel.record().set_version_policy(VersionPolicy::tls12);
  BARETLS_TRY(queue_resumed_flight(e, ch, *s));
  return true;
}

Error ServerHandshake::offer_new_session(Engine& e, const ClientHello& ch, ServerHello& sh) {
  const auto& cfg = *cfg_;
  session_created_ = config_now(cfg);
  // RFC 7627 §5.3, §5.4: a session without the extended master secret is
  // never resumed, so it gets neither a session ID nor a ticket.
  if (!e.neg.extended_master_secret) return Error::ok;
  if (cfg.ticket_keys && ch.session_ticket) {
    // RFC 5077 §3.2: "The server MUST send this extension in the ServerHello
    // if it wishes to issue a new ticket"; §3.4: it "SHOULD include an empty
    // Session ID in the ServerHello".
    e.neg.ticket_expected = true;
    sh.session_ticket = true;
    return Error::ok;
  }
  if (!cfg.session_cache) return Error::ok;
  e.neg.session_id.resize(Session::kMaxSessionIdSize);
  if (cfg.random(e.neg.session_id) != crypto::Error::ok) return Error::random_failure;
  sh.session_id = e.neg.session_id;
  return Error::ok;
}

// RFC 5077 §3.3: "This message MUST be sent if the server included a
// SessionTicket extension in the ServerHello." Should sealing fail, "it
// sends a zero-length ticket".
Error ServerHandshake::queue_new_session_ticket(Engine& e) {
  if (!e.neg.ticket_expected) return Error::ok;
  if (!e.neg.extended_master_secret) return Error::internal_error;  // offer_new_session never announces one
  const auto& cfg = *cfg_;
  // A resumed session was made under this same name.
  const Session s = session_from_handshake(e, session_created_, proven_peer_certificate(e));
  auto state = encode_ticket_state(s);
  crypto::WipeOnExit wipe(state);
  NewSessionTicket nst;
  if (state.empty()) {
    // An over-long certificate: no ticket (zero-length, RFC 5077 §3.3).
  } else if (auto t = cfg.ticket_keys->seal(cfg.random, config_now(cfg), state)) {
    nst.ticket = std::move(*t);
    nst.ticket_lifetime_hint = static_cast<std::uint32_t>(
        std::min<std::int64_t>(cfg.ticket_keys->ticket_lifetime(), 0xffffffff));
  }
  return e.queue_handshake(HandshakeType::new_session_ticket, nst);
}

// The client's leaf as this handshake proved it: chain + CertificateVerify
// verified here, or carried by the resumed session.
std::span<const std::uint8_t> ServerHandshake::proven_peer_certificate(const Engine& e) const noexcept {
  if (client_verified_ || session_resumed_) return e.peer_certificate;
  return {};
}

// RFC 5246 §7.2.2: "any connection terminated with a fatal alert MUST NOT be
// resumed": the cache forgets the session (a ticket already given out cannot
// be recalled; its lifetime bounds it).
void ServerHandshake::forget_session(Engine& e) {
  const auto& cfg = *cfg_;
  // neg.session_id is the ID this connection resumed (cached) or the new one
  // it announced (cached once established); anything else is not in the cache.
  if (cfg.session_cache && !e.neg.session_id.empty()) cfg.session_cache->remove(e.neg.session_id);
}

// On entering established: a new session ID's session goes into the cache.
void ServerHandshake::save_session(Engine& e) {
  const auto& cfg = *cfg_;
  if (e.neg.resumption || e.neg.session_id.empty() || !cfg.session_cache) return;
  if (!e.neg.extended_master_secret) return;  // RFC 7627 §5.3: never resumed, never cached
  if (proven_peer_certificate(e).size() > Session::kMaxPeerCertificateSize) return;  // not cached: a full handshake next time
  Session s = session_from_handshake(e, session_created_, proven_peer_certificate(e));
  s.session_id = e.neg.session_id;
  cfg.session_cache->store(s.session_id, s);
}

}  // namespace baretls::tls::detail
