// SPDX-License-Identifier: MIT
// `baretls demo` narration of the server's authentication: Certificate
// (RFC 5246 §7.4.2) decoded with x509/, the client's checks against the
// trusted demo CA (signature, dates, host name: RFC 5280 §6, RFC 6125), the
// signed ServerKeyExchange (RFC 8422 §5.4), CertificateRequest (§7.4.4) and
// ServerHelloDone (§7.4.5).
#include <string>

#include "baretls/x509/certificate.h"
#include "baretls/x509/hostname.h"
#include "baretls/x509/time.h"
#include "baretls/x509/verify.h"
#include "tools/demo.h"
#include "tools/demo_pki.h"

namespace baretls::cli::demo {

namespace {

std::string describe_key(const x509::PublicKey& k) {
  return std::string(x509::key_type_name(k.type())) + ", " + std::to_string(k.bits()) + " bits";
}

}  // namespace

// Subject, issuer, validity, public key of one certificate.
void show_certificate(Out& out, const x509::Certificate& c) {
  out.field("subject", c.subject.to_string());
  out.field("issuer", c.issuer.to_string());
  out.field("validity", x509::format_time(c.not_before) + " .. " + x509::format_time(c.not_after));
  for (const auto& n : c.subject_alt_names)
    if (n.form == x509::NameForm::dns)
      out.field("subjectAltName", "DNS:" + std::string(n.value.begin(), n.value.end()));
  if (auto key = c.public_key()) {
    out.field("public key", describe_key(*key));
    if (key->type() == x509::KeyType::rsa) {
      out.bytes("  modulus n", key->rsa_modulus());
      out.bytes("  exponent e", key->rsa_exponent());
    } else {
      out.bytes("  point (04||x||y)", key->ec_point());
    }
  }
  out.field("signed with", std::string(c.signature_algorithm.name) + " by the issuer");
}

namespace {

// The client's checks, done again here with x509/ to show each one (the
// engine ran the same verify_chain before it went on).
void show_checks(Out& out, const x509::Certificate& leaf, const Setup& setup) {
  out.say("The client trusts one root, the demo CA built into this program. It checks the chain against it "
          "before believing anything the server signs:");
  const auto& ca = setup.roots->anchors().front();
  out.field("trusted root", ca.subject.to_string());
  const auto sig = x509::check_signed_by(leaf, ca);
  out.check("signature: the CA's " + std::string(x509::key_type_name(ca.public_key()->type())) + " key verifies the certificate's " +
                std::string(leaf.signature_algorithm.name) + " signature" +
                (sig == x509::Error::ok ? "" : ": " + std::string(x509::to_string(sig))),
            sig == x509::Error::ok);
  const bool in_time = leaf.not_before <= setup.now && setup.now <= leaf.not_after;
  out.check("dates: now (" + x509::format_time(setup.now) + ") is inside the validity period", in_time);
  const auto host = x509::check_hostname(leaf, demo_pki::kServerName);
  out.check("host name: \"" + std::string(demo_pki::kServerName) + "\" matches the subjectAltName",
            host == x509::Error::ok);
  std::vector<std::span<const std::uint8_t>> chain{leaf.der()};
  x509::VerifyOptions vo;
  vo.now = setup.now;
  vo.hostname = demo_pki::kServerName;
  const auto whole = x509::verify_chain(chain, *setup.roots, vo);
  out.check("the whole path (RFC 5280 §6: also key usage, extended key usage serverAuth, CA flags)", whole.ok());
}

void narrate_server_key_exchange(Out& out, const Log& log, const x509::Certificate& leaf) {
  const Event* ev = log.sent(false, tls::HandshakeType::server_key_exchange);
  if (ev == nullptr) return;
  out.heading("ServerKeyExchange", "server -> client", "RFC 8422 §5.4");
  out.say("For ECDHE the server makes a fresh key pair for this connection only and sends its public point. It "
          "signs the point together with both randoms with its certificate key, so the client knows the point "
          "comes from the certificate's owner and from this handshake (not a replay).");
  const auto* ske = fields_of<tls::ServerKeyExchangeFields>(ev);
  if (!ske) return out.check("the ServerKeyExchange decodes", false);
  out.field("curve", std::string(tls::group_name(static_cast<tls::NamedGroup>(ske->named_curve))));
  out.bytes("server public point", ske->public_point);
  out.say(ske->named_curve == static_cast<std::uint16_t>(tls::NamedGroup::x25519)
              ? "(an X25519 public value is the 32-byte u-coordinate of the point, RFC 7748 §5)"
              : "(an uncompressed point: 04, then x and y, RFC 8422 §5.4)");
  out.field("signature algorithm", std::string(tls::scheme_name(static_cast<tls::SignatureScheme>(ske->signature_scheme))));
  out.bytes("signature", ske->signature);
  std::vector<std::uint8_t> covered(log.value(false, "client_random").begin(), log.value(false, "client_random").end());
  const auto sr = log.value(false, "server_random");
  covered.insert(covered.end(), sr.begin(), sr.end());
  const auto& params = ske->params;
  covered.insert(covered.end(), params.begin(), params.end());
  out.field("signed content", "client_random (32) + server_random (32) + ServerECDHParams (" +
                                  std::to_string(params.size()) + ": curve type 3, curve id, point) = " +
                                  std::to_string(covered.size()) + " bytes");
  auto key = leaf.public_key();
  const bool ok = key && key->verify(static_cast<x509::SignatureScheme>(ske->signature_scheme), covered,
                                     ske->signature) == x509::Error::ok;
  out.check("the client verifies the signature with the certificate's public key", ok);
}

void narrate_certificate_request(Out& out, const Log& log) {
  const Event* ev = log.sent(false, tls::HandshakeType::certificate_request);
  if (ev == nullptr) return;
  out.heading("CertificateRequest", "server -> client", "RFC 5246 §7.4.4");
  out.say("The server asks the client to prove who it is too (mutual TLS): which key types and signature "
          "algorithms it accepts, and which CAs it trusts for client certificates.");
  const auto* cr = fields_of<tls::CertificateRequestFields>(ev);
  if (!cr) return out.check("the CertificateRequest decodes", false);
  std::string types;
  for (const auto t : cr->certificate_types)
    types += (types.empty() ? "" : ", ") + std::string(t == 1 ? "rsa_sign" : t == 64 ? "ecdsa_sign" : std::to_string(t));
  out.field("certificate_types", types);
  std::string schemes;
  for (const auto s : cr->signature_algorithms)
    schemes += (schemes.empty() ? "" : ", ") + std::string(tls::scheme_name(static_cast<tls::SignatureScheme>(s)));
  out.field("signature_algorithms", schemes);
  out.field("certificate_authorities", std::to_string(cr->authorities.size()) + " name(s)");
  for (const auto& dn : cr->authorities) {
    auto name = x509::Name::from_der(dn);
    out.field("  DistinguishedName", name ? name->to_string() : out.hex(dn));
  }
}

}  // namespace

void narrate_server_auth(Out& out, const Log& log, const Setup& setup) {
  const Event* ev = log.sent(false, tls::HandshakeType::certificate);
  out.heading("Certificate", "server -> client", "RFC 5246 §7.4.2");
  if (ev == nullptr) return out.check("the server sent its Certificate", false);
  out.say("The server sends its certificate chain, leaf first: a CA's signed statement that this public key "
          "belongs to this name.");
  const auto* msg = fields_of<tls::CertificateFields>(ev);
  if (!msg || msg->certificate_list.empty()) return out.check("the Certificate message decodes", false);
  auto leaf = x509::Certificate::parse(msg->certificate_list.front());
  if (!leaf) return out.check("the leaf certificate parses", false);
  out.field("certificates", std::to_string(msg->certificate_list.size()) + " (" +
                                std::to_string(msg->certificate_list.front().size()) + " bytes of DER for the leaf)");
  show_certificate(out, *leaf);
  show_checks(out, *leaf, setup);

  narrate_server_key_exchange(out, log, *leaf);
  narrate_certificate_request(out, log);

  out.heading("ServerHelloDone", "server -> client", "RFC 5246 §7.4.5");
  out.say("An empty message: the server's flight is over, it now waits for the client. All of these messages "
          "travelled in the clear; none carried a secret.");
  if (const Event* done = log.sent(false, tls::HandshakeType::server_hello_done)) out.bytes("message on the wire", done->bytes);
}

}  // namespace baretls::cli::demo
