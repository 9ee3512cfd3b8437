// SPDX-License-Identifier: MIT
// `baretls demo --mutual` narration: the client's Certificate (RFC 5246
// §7.4.6) checked by the server against its client CA (purpose clientAuth),
// and CertificateVerify (§7.4.8): the client's signature over every
// handshake message so far, verified here again from the logged bytes.
#include <string>

#include "baretls/x509/verify.h"
#include "tools/demo.h"

namespace baretls::cli::demo {

namespace {

std::optional<x509::Certificate> client_leaf(const Log& log) {
  const Event* ev = log.sent(true, tls::HandshakeType::certificate);
  if (ev == nullptr) return std::nullopt;
  const auto* msg = fields_of<tls::CertificateFields>(ev);
  if (!msg || msg->certificate_list.empty()) return std::nullopt;
  auto leaf = x509::Certificate::parse(msg->certificate_list.front());
  if (!leaf) return std::nullopt;
  return std::move(*leaf);
}

}  // namespace

void narrate_client_certificate(Out& out, const Log& log, const Setup& setup) {
  out.heading("Certificate (client)", "client -> server", "RFC 5246 §7.4.6");
  out.say("Asked for it, the client sends its own chain, in the same format as the server's. (A client without "
          "a certificate would send an empty list, and the server's policy decides.)");
  const auto leaf = client_leaf(log);
  if (!leaf) return out.check("the client sent a certificate", false);
  show_certificate(out, *leaf);
  out.say("The server checks it against the CAs it trusts for clients - here the same demo CA - for the "
          "clientAuth purpose. There is no host name to check: a client has none.");
  std::vector<std::span<const std::uint8_t>> chain{leaf->der()};
  x509::VerifyOptions vo;
  vo.now = setup.now;
  vo.purpose = x509::Purpose::client;
  const auto ok = x509::verify_chain(chain, *setup.roots, vo);
  out.check("the client's chain verifies (signature by the CA, dates, extended key usage clientAuth)", ok.ok());
}

void narrate_certificate_verify(Out& out, const Log& log) {
  const Event* ev = log.sent(true, tls::HandshakeType::certificate_verify);
  out.heading("CertificateVerify", "client -> server", "RFC 5246 §7.4.8");
  if (ev == nullptr) return out.check("the client sent a CertificateVerify", false);
  out.say("A certificate is public; this proves the client holds its private key. The client signs every "
          "handshake message exchanged so far (ClientHello .. ClientKeyExchange), which also binds the signature "
          "to this handshake's randoms and keys.");
  const auto* cv = fields_of<tls::CertificateVerifyFields>(ev);
  if (!cv) return out.check("the CertificateVerify decodes", false);
  std::vector<std::uint8_t> signed_messages;
  std::size_t count = 0;
  for (const auto& e : log.events()) {
    if (!e.from_client) continue;
    if (e.kind == tls::InspectKind::handshake_sent && &e == ev) break;
    if (e.kind != tls::InspectKind::handshake_sent && e.kind != tls::InspectKind::handshake_received) continue;
    signed_messages.insert(signed_messages.end(), e.bytes.begin(), e.bytes.end());
    ++count;
  }
  out.field("signature algorithm", std::string(tls::scheme_name(static_cast<tls::SignatureScheme>(cv->signature_scheme))));
  out.bytes("signature", cv->signature);
  out.field("signed content", std::to_string(count) + " handshake messages, " + std::to_string(signed_messages.size()) +
                                  " bytes (hashed by the signature algorithm)");
  const auto leaf = client_leaf(log);
  auto key = leaf ? leaf->public_key() : Result<x509::PublicKey, x509::Error>(x509::Error::malformed);
  const bool ok = key && key->verify(static_cast<x509::SignatureScheme>(cv->signature_scheme), signed_messages,
                                     cv->signature) == x509::Error::ok;
  out.check("the server verifies it with the public key of the client's certificate", ok);
}

}  // namespace baretls::cli::demo
