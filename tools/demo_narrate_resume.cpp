// SPDX-License-Identifier: MIT
// `baretls demo --resume` narration: the NewSessionTicket of the first
// connection (RFC 5077 §3.3) and the second connection's abbreviated
// handshake (RFC 5246 §7.3): the client offers the session, the server
// accepts, no certificate and no key exchange; the master secret is reused
// and fresh randoms give fresh keys; the server's Finished comes first.
// With --mutual the session keeps the client's certificate (RFC 5246 §7.3).
#include <algorithm>
#include <string>

#include "baretls/tls/suite_info.h"
#include "tools/demo.h"

namespace baretls::cli::demo {

namespace {

bool same(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) {
  return !a.empty() && std::equal(a.begin(), a.end(), b.begin(), b.end());
}

}  // namespace

void narrate_new_session_ticket(Out& out, const Log& log) {
  const Event* ev = log.sent(false, tls::HandshakeType::new_session_ticket);
  if (ev == nullptr) return;
  out.heading("NewSessionTicket", "server -> client", "RFC 5077 §3.3");
  out.say("Just before its ChangeCipherSpec, the server hands the client a ticket: the session's state (suite, "
          "master secret, and the client's certificate if it sent one) sealed with a key only the server knows. "
          "The client keeps it with the master secret; the server keeps nothing.");
  if (const auto* nst = fields_of<tls::NewSessionTicketFields>(ev)) {
    out.field("ticket_lifetime_hint", std::to_string(nst->ticket_lifetime_hint) + " seconds");
    out.bytes("ticket (opaque)", nst->ticket);
  }
}

void narrate_no_session(Out& out) {
  std::printf("\n");
  out.banner("Second connection: nothing to resume");
  out.say("Resumption needs a session the server remembers: a session ID in its cache or a ticket it issued. "
          "The first connection left neither, so there is no abbreviated handshake to show.");
  out.check("the first connection left a session to resume", false);
}

void narrate_resumed(Out& out, const Log& first, const Log& second, const Run& first_run, const Run& run,
                     bool mutual) {
  std::printf("\n");
  out.banner("Second connection: resuming the session (abbreviated handshake, RFC 5246 §7.3)");
  out.say("A full handshake costs public-key operations on both sides. A client that has talked to this server "
          "before can offer the old session; if the server still knows it, both skip the certificate and the "
          "key exchange and reuse the master secret.");
  const Event* ch_ev = second.sent(true, tls::HandshakeType::client_hello);
  out.heading("ClientHello (resuming)", "client -> server", "RFC 5246 §7.4.1.2, RFC 5077 §3.4");
  if (ch_ev == nullptr) return out.check("the client sent a ClientHello", false);
  const auto* ch = fields_of<tls::ClientHelloFields>(ch_ev);
  if (!ch) return out.check("the ClientHello decodes", false);
  out.bytes("random (new)", ch->random);
  out.field("session_id", ch->session_id.empty() ? "(empty)" : out.hex(ch->session_id));
  if (ch->session_ticket && !ch->session_ticket->empty()) out.bytes("session_ticket", *ch->session_ticket);
  out.say(ch->session_ticket && !ch->session_ticket->empty()
              ? "The client offers the ticket it was given (and a session ID so it can recognise the server's "
                "acceptance, RFC 5077 §3.4)."
              : "The client offers the session ID the server gave it.");

  const Event* sh_ev = second.sent(false, tls::HandshakeType::server_hello);
  out.heading("ServerHello (resuming)", "server -> client", "RFC 5246 §7.4.1.3");
  if (sh_ev == nullptr) return out.check("the server answered", false);
  const auto* sh = fields_of<tls::ServerHelloFields>(sh_ev);
  if (!sh) return out.check("the ServerHello decodes", false);
  out.bytes("random (new)", sh->random);
  out.field("session_id", sh->session_id.empty() ? "(empty)" : out.hex(sh->session_id));
  if (const auto* s = tls::find_suite(sh->cipher_suite)) out.field("cipher_suite", std::string(s->iana_name));
  const bool echoed = !sh->session_id.empty() && sh->session_id == ch->session_id;
  out.say(echoed ? "The server echoes the session ID: it accepts to resume. The next thing it sends is "
                   "ChangeCipherSpec - no Certificate, no ServerKeyExchange, no ServerHelloDone."
                 : "The server did not echo the session ID: this is a full handshake.");
  const bool no_cert = second.sent(false, tls::HandshakeType::certificate) == nullptr &&
                       second.sent(true, tls::HandshakeType::client_key_exchange) == nullptr;
  out.check("abbreviated handshake: no Certificate, no key exchange", run.resumed && no_cert);
  if (mutual) {
    // RFC 5246 §7.3: the resumed session keeps the original handshake's
    // peer identity; tls/resume_server.cpp stores the verified leaf.
    out.say("This server asks for client certificates. The session it resumes recorded the client's certificate, "
            "verified in the first connection, so the client sends neither Certificate nor CertificateVerify "
            "again and the server still knows who it is (a session without a certificate would get a full "
            "handshake).");
    out.check("no client Certificate or CertificateVerify in the resumed handshake",
              second.sent(true, tls::HandshakeType::certificate) == nullptr &&
                  second.sent(true, tls::HandshakeType::certificate_verify) == nullptr);
    out.check("the server reports the client authenticated, with the first connection's certificate",
              run.peer_authenticated && same(run.peer_certificate, first_run.peer_certificate));
  }

  out.heading("Keys (resumed)", "both sides", "RFC 5246 §6.3");
  const auto ms1 = first.value(true, "master_secret");
  const auto ms2 = second.value(true, "master_secret");
  out.say("The master secret comes from the first connection; the key block is derived again from it with the "
          "two NEW randoms, so this connection has its own keys.");
  if (!ms2.empty()) {
    out.bytes("master_secret (reused)", ms2);
    out.check("the same master secret as the first connection", same(ms1, ms2));
  }
  const auto kb1 = first.value(true, "key_block");
  const auto kb2 = second.value(true, "key_block");
  out.bytes("client_write_key", second.value(true, "client_write_key"));
  out.bytes("server_write_key", second.value(true, "server_write_key"));
  out.check("a key block different from the first connection's", !kb2.empty() && !same(kb1, kb2));
  out.check("the server derived the same key block", same(kb2, second.value(false, "key_block")));
  out.say("In the abbreviated handshake the server sends ChangeCipherSpec and Finished first, then the client.");
  narrate_new_session_ticket(out, second);
  narrate_finished(out, second, false);
  narrate_finished(out, second, true);
}

}  // namespace baretls::cli::demo
