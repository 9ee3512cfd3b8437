// SPDX-License-Identifier: MIT
// `baretls demo` narration of the hellos (RFC 5246 §7.4.1.2, §7.4.1.3): what
// the client offers, what the server picks. Decoded with tls/messages.h from
// the bytes the Inspector reported.
#include <string>

#include "baretls/tls/names.h"
#include "baretls/tls/suite_info.h"
#include "tools/demo.h"

namespace baretls::cli::demo {

namespace {

std::string suite_name(std::uint16_t code) {
  if (const auto* s = tls::find_suite(code)) return std::string(s->iana_name);
  if (code == tls::kRenegotiationScsv) return "TLS_EMPTY_RENEGOTIATION_INFO_SCSV";
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%04x", code);
  return buf;
}

std::string version_name(std::uint16_t v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "0x%04x (%s)", v, v == tls::kTls12 ? "TLS 1.2" : "other");
  return buf;
}

template <typename T, typename F>
std::string join(const std::vector<T>& items, F name) {
  std::string s;
  for (const auto& i : items) s += (s.empty() ? "" : ", ") + name(i);
  return s;
}

std::string group_list(const std::vector<std::uint16_t>& groups) {
  return join(groups, [](std::uint16_t g) { return std::string(tls::group_name(static_cast<tls::NamedGroup>(g))); });
}

std::string scheme_list(const std::vector<std::uint16_t>& schemes) {
  return join(schemes,
              [](std::uint16_t s) { return std::string(tls::scheme_name(static_cast<tls::SignatureScheme>(s))); });
}

// The first record a side sent: its 5-byte header explained once.
void narrate_record_header(Out& out, const Log& log) {
  const Event* rec = log.find(true, tls::InspectKind::record_sent, "handshake");
  if (rec == nullptr || rec->bytes.size() < 5) return;
  const auto& b = rec->bytes;
  out.say("It travels in a record (RFC 5246 §6.2.1): a 5-byte header - content type 22 (handshake), "
          "record version 3,3 and the length - then the message, still in the clear.");
  out.bytes("record header", std::span(b).first(5));
}

}  // namespace

void narrate_hellos(Out& out, const Log& log) {
  const Event* ev = log.sent(true, tls::HandshakeType::client_hello);
  out.heading("ClientHello", "client -> server", "RFC 5246 §7.4.1.2");
  if (ev == nullptr) return out.check("the client sent a ClientHello", false);
  out.say("The client opens: the highest version it speaks, 32 fresh random bytes that make every key of this "
          "connection unique, the cipher suites it can use in its order of preference, and extensions that "
          "negotiate everything else.");
  const auto* ch = fields_of<tls::ClientHelloFields>(ev);
  if (!ch) return out.check("the ClientHello decodes", false);
  out.field("client_version", version_name(ch->client_version));
  out.bytes("random (client_random)", ch->random);
  out.field("session_id", ch->session_id.empty() ? "(empty: a new session)" : out.hex(ch->session_id));
  out.field("cipher_suites", std::to_string(ch->cipher_suites.size()) + " offered:");
  for (const auto s : ch->cipher_suites) out.field("", "  " + suite_name(s));
  out.field("compression_methods", "null only (compression is unsafe: CRIME)");
  out.say("Extensions:");
  if (ch->server_name) out.field("server_name (RFC 6066)", *ch->server_name + "  - which site the client wants");
  if (ch->supported_groups)
    out.field("supported_groups (RFC 8422)", group_list(*ch->supported_groups) + "  - curves for ECDHE");
  if (ch->ec_point_formats) out.field("ec_point_formats", "uncompressed");
  if (ch->signature_algorithms)
    out.field("signature_algorithms", scheme_list(*ch->signature_algorithms));
  if (ch->extended_master_secret)
    out.field("extended_master_secret", "(RFC 7627) bind the master secret to the whole handshake");
  if (ch->renegotiation_info) out.field("renegotiation_info", "(RFC 5746) empty: this is a first handshake");
  if (ch->session_ticket)
    out.field("session_ticket (RFC 5077)", ch->session_ticket->empty() ? "(empty: tickets welcome)"
                                                                       : out.hex(*ch->session_ticket));
  out.bytes("message on the wire", ev->bytes);
  narrate_record_header(out, log);

  const Event* sv = log.sent(false, tls::HandshakeType::server_hello);
  out.heading("ServerHello", "server -> client", "RFC 5246 §7.4.1.3");
  if (sv == nullptr) return out.check("the server answered with a ServerHello", false);
  out.say("The server picks one suite from the client's list (by its own preference), adds its own 32 random "
          "bytes, names the session, and echoes the extensions it accepts.");
  const auto* sh = fields_of<tls::ServerHelloFields>(sv);
  if (!sh) return out.check("the ServerHello decodes", false);
  out.field("server_version", version_name(sh->server_version));
  out.bytes("random (server_random)", sh->random);
  out.field("session_id", sh->session_id.empty() ? "(empty: the server will not cache this session)"
                                                 : out.hex(sh->session_id));
  out.field("cipher_suite", suite_name(sh->cipher_suite));
  if (const auto* s = tls::find_suite(sh->cipher_suite)) {
    const bool rsa = s->kex == tls::KeyExchange::rsa;
    out.say(rsa ? "Read it as: RSA key transport (the client encrypts a secret to the server's RSA key), "
                  "AES-GCM for the records, SHA-256/384 in the PRF."
                : "Read it as: ephemeral elliptic-curve Diffie-Hellman for the keys (forward secrecy), "
                  "the certificate's key signs it, AES-GCM protects the records, SHA-256/384 drives the PRF.");
  }
  if (sh->extended_master_secret) out.field("extended_master_secret", "accepted");
  if (sh->renegotiation_info) out.field("renegotiation_info", "secure renegotiation supported (empty)");
  if (sh->ec_point_formats) out.field("ec_point_formats", "uncompressed");
  if (sh->session_ticket) out.field("session_ticket", "the server will send a ticket");
  out.bytes("message on the wire", sv->bytes);
}

}  // namespace baretls::cli::demo
