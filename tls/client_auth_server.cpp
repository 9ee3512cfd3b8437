// SPDX-License-Identifier: MIT
// Client certificates, server side: CertificateRequest (RFC 5246 §7.4.4)
// with the CA names of the client trust store, the client's Certificate
// (§7.4.6) verified for the clientAuth purpose (RFC 5280 §4.2.1.12), and its
// CertificateVerify (§7.4.8) checked over the handshake messages.
#include <algorithm>

#include "baretls/x509/trust_store.h"
#include "tls/features.h"
#include "tls/handshake_server.h"

namespace baretls::tls::detail {

// RFC 5246 §7.4.4:
//   certificate_types: rsa_sign(1), and ecdsa_sign(64) per RFC 8422 §5.5.
//   supported_signature_algorithms: those we verify, from the configuration.
//   certificate_authorities: "A list of the distinguished names [X501] of
//   acceptable certificate_authorities, represented in DER-encoded format"
//   -- the subjects of the client trust store's roots, as many as fit.
Error ServerHandshake::queue_certificate_request(Engine& e) {
  const auto& cfg = *cfg_;
  CertificateRequest cr;
  cr.certificate_types = {1, 64};
  for (const auto s : cfg.signature_schemes) cr.signature_algorithms.push_back(static_cast<std::uint16_t>(s));
  std::size_t total = 0;
  if (cfg.client_trust_store) {
    for (const auto& anchor : cfg.client_trust_store->anchors()) {
      const auto dn = anchor.subject.raw;
      // DistinguishedName<1..2^16-1> inside certificate_authorities<0..2^16-1>.
      if (dn.empty() || total + 2 + dn.size() > 0xffff) continue;
      total += 2 + dn.size();
      cr.authorities.emplace_back(dn.begin(), dn.end());
    }
  }
  return e.queue_handshake(HandshakeType::certificate_request, cr);
}

// RFC 5246 §7.4.6. An empty list: "If the client does not send any
// certificates, the server MAY at its discretion either continue the
// handshake without client authentication, or respond with a fatal
// handshake_failure alert" -- optional continues, required fails
// (certificate_required maps to handshake_failure; the certificate_required
// alert is TLS 1.3's). A chain that does not verify is fatal either way.
Result<HsState> ServerHandshake::on_client_certificate(Engine& e, std::span<const std::uint8_t> body) {
  auto cert = CertificateMsg::parse(body);
  if (!cert) return cert.error();
  const auto& cfg = *cfg_;
  if (cert->certificate_list.empty()) {
    if (cfg.client_auth == ClientAuth::required) return Error::certificate_required;
    return HsState::server_wait_client_key_exchange;
  }
  auto key = verify_peer_chain(cert->certificate_list, cfg.client_trust_store.get(), config_now(cfg), {}, false,
                               cfg.min_rsa_bits);
  if (!key) return key.error();
  // RFC 5246 §7.4.6: the certificate "MUST allow the key to be used for
  // signing" the CertificateVerify: digitalSignature when keyUsage is present
  // (RFC 5280 §4.2.1.3; x509/ alone would also take keyAgreement).
  if (!key_usage_allows_signing(key->key_usage())) return Error::certificate_key_usage;
  client_key_ = std::move(*key);  // the ClientKeyExchange, then its CertificateVerify
  e.peer_certificate = std::move(cert->certificate_list.front());
  return HsState::server_wait_client_key_exchange;
}

// RFC 5246 §7.4.8: the signature covers every handshake message before this
// one, with a scheme from our CertificateRequest that fits the client's key.
Result<HsState> ServerHandshake::on_certificate_verify(Engine& e, std::span<const std::uint8_t> body) {
  auto cv = CertificateVerify::parse(body);
  if (!cv) return cv.error();
  if (!client_key_ || !e.transcript.keeping()) return Error::internal_error;
  if (!is_known_scheme(cv->signature_scheme) || !config_has_scheme(*cfg_, cv->signature_scheme))
    return Error::unoffered_signature_algorithm;
  // What came before this message, as the dispatcher noted it.
  const auto before = e.transcript.messages().first(e.neg.before_messages_size);
  const auto err = verify_signature(*client_key_, static_cast<SignatureScheme>(cv->signature_scheme), before,
                                    cv->signature);
  if (err == Error::bad_signature) return Error::bad_certificate_verify;
  if (err != Error::ok) return err;
  client_verified_ = ClientCertificateVerified();
  return HsState::server_wait_change_cipher_spec;
}

}  // namespace baretls::tls::detail
