// SPDX-License-Identifier: MIT
// Client certificates, client side: reading CertificateRequest (RFC 5246
// §7.4.4), answering with our chain or an empty Certificate (§7.4.6), and
// CertificateVerify over the handshake messages (§7.4.8).
#include <algorithm>

#include "tls/features.h"
#include "tls/handshake_client.h"

namespace baretls::tls::detail {

namespace {

// RFC 5246 §7.4.4 ClientCertificateType rsa_sign(1); RFC 8422 §5.5 ecdsa_sign(64).
constexpr std::uint8_t kRsaSign = 1;
constexpr std::uint8_t kEcdsaSign = 64;

// RFC 5246 §7.4.6: "The end-entity certificate provided by the client MUST
// contain a key that is compatible with certificate_types" and §7.4.8: the
// scheme "MUST be one of those present in the supported_signature_algorithms
// field of the CertificateRequest message". Our preference order, schemes
// sized to the curve first.
std::optional<SignatureScheme> pick_client_scheme(const ClientConfig& cfg, const CertificateRequest& cr,
                                                  CertKeyType key) {
  const std::uint8_t wanted = key == CertKeyType::rsa ? kRsaSign : kEcdsaSign;
  if (std::find(cr.certificate_types.begin(), cr.certificate_types.end(), wanted) == cr.certificate_types.end())
    return std::nullopt;
  return choose_signature_scheme(cfg.signature_schemes, cr.signature_algorithms, key);
}

}  // namespace

// RFC 5246 §7.4.4: the server asks for a certificate. We pick what we will
// send now; a chain that does not fit the request is not sent (empty
// Certificate, §7.4.6), and the server decides whether that is enough.
// At most one comes (RFC 5246 §7.3): a second is unexpected.
Result<HsState> ClientHandshake::on_certificate_request(Engine& e, std::span<const std::uint8_t> body) {
  if (e.neg.certificate_requested) return Error::unexpected_message;
  auto cr = CertificateRequest::parse(body);
  if (!cr) return cr.error();
  e.neg.certificate_requested = true;
  const auto& cfg = *cfg_;
  if (cfg.client_certificate && !cfg.client_certificate->chain.empty() && cfg.client_certificate->key) {
    auto type = private_key_type(*cfg.client_certificate->key);
    if (!type) return type.error();
    // RFC 5246 §7.4.6: a leaf whose keyUsage forbids signing cannot make the
    // CertificateVerify; it is not sent.
    const bool can_sign = key_usage_allows_signing(leaf_key_usage(cfg.client_certificate->chain.front()));
    if (const auto scheme = pick_client_scheme(cfg, *cr, *type); scheme && can_sign) {
      chain_ = &*cfg.client_certificate;
      chain_scheme_ = scheme;
    }
  }
  return HsState::client_wait_server_hello_done;
}

// RFC 5246 §7.4.6: "If no suitable certificate is available, the client
// MUST send a certificate message containing no certificates."
Error ClientHandshake::queue_certificate(Engine& e) {
  CertificateMsg cert;
  if (chain_ != nullptr) cert.certificate_list = chain_->chain;
  return e.queue_handshake(HandshakeType::certificate, cert);
}

// RFC 5246 §7.4.8: struct { digitally-signed struct { opaque
// handshake_messages[handshake_messages_length]; } } CertificateVerify;
// "handshake_messages refers to all handshake messages sent or received,
// starting at client hello and up to, but not including, this message".
// Here that is everything through our ClientKeyExchange.
Error ClientHandshake::queue_certificate_verify(Engine& e) {
  if (chain_ == nullptr) return Error::ok;
  if (!e.transcript.keeping()) return Error::internal_error;
  CertificateVerify cv;
  cv.signature_scheme = static_cast<std::uint16_t>(*chain_scheme_);
  BARETLS_TRY(sign_message(*chain_->key, *chain_scheme_, e.transcript.messages(), cfg_->random, cv.signature));
  return e.queue_handshake(HandshakeType::certificate_verify, cv);
}

}  // namespace baretls::tls::detail
