// SPDX-License-Identifier: MIT
// The decoded fields an Inspector event carries with each handshake message
// (include/baretls/tls/handshake_fields.h): the message parsed a second time
// by the engine's own parsers (tls/messages.h) and copied out. Runs only when
// an inspector is set (tls/inspect.cpp).
#include "tls/inspect_hook.h"
#include "tls/messages.h"

namespace baretls::tls {

namespace {

ClientHelloFields fields_of(const ClientHello& m) {
  ClientHelloFields f;
  f.client_version = m.client_version;
  f.random = m.random;
  f.session_id = m.session_id;
  f.cipher_suites = m.cipher_suites;
  f.server_name = m.server_name;
  f.supported_groups = m.supported_groups;
  f.ec_point_formats = m.ec_point_formats.has_value();
  f.signature_algorithms = m.signature_algorithms;
  f.alpn = m.alpn;
  f.extended_master_secret = m.extended_master_secret;
  f.renegotiation_info = m.renegotiation_info.has_value();
  f.session_ticket = m.session_ticket;
  return f;
}

ServerHelloFields fields_of(const ServerHello& m) {
  ServerHelloFields f;
  f.server_version = m.server_version;
  f.random = m.random;
  f.session_id = m.session_id;
  f.cipher_suite = m.cipher_suite;
  f.server_name_ack = m.server_name_ack;
  f.ec_point_formats = m.ec_point_formats.has_value();
  f.alpn = m.alpn;
  f.extended_master_secret = m.extended_master_secret;
  f.renegotiation_info = m.renegotiation_info.has_value();
  f.session_ticket = m.session_ticket;
  return f;
}

CertificateFields fields_of(const CertificateMsg& m) { return {m.certificate_list}; }
ServerKeyExchangeFields fields_of(const ServerKeyExchange& m) {
  return {m.named_curve, m.public_point, m.signature_scheme, m.signature, m.params()};
}
CertificateRequestFields fields_of(const CertificateRequest& m) {
  return {m.certificate_types, m.signature_algorithms, m.authorities};
}
CertificateVerifyFields fields_of(const CertificateVerify& m) { return {m.signature_scheme, m.signature}; }
ClientKeyExchangeFields fields_of(const ClientKeyExchange& m) { return {m.kex == KeyExchange::rsa, m.exchange_keys}; }
FinishedFields fields_of(const Finished& m) { return {FieldBytes(m.verify_data.begin(), m.verify_data.end())}; }
NewSessionTicketFields fields_of(const NewSessionTicket& m) { return {m.ticket_lifetime_hint, m.ticket}; }

// The fields of a parsed message, or the parser's error.
template <typename M>
HandshakeFields decoded(const Result<M>& m) {
  if (!m) return m.error();
  return fields_of(*m);
}

}  // namespace

HandshakeFields decode_handshake_fields(HandshakeType type, std::span<const std::uint8_t> body,
                                        const SuiteInfo* suite) {
  switch (type) {
    case HandshakeType::client_hello: return decoded(ClientHello::parse(body));
    case HandshakeType::server_hello: return decoded(ServerHello::parse(body));
    case HandshakeType::certificate: return decoded(CertificateMsg::parse(body));
    case HandshakeType::server_key_exchange: return decoded(ServerKeyExchange::parse(body));
    case HandshakeType::certificate_request: return decoded(CertificateRequest::parse(body));
    case HandshakeType::certificate_verify: return decoded(CertificateVerify::parse(body));
    case HandshakeType::finished: return decoded(Finished::parse(body));
    case HandshakeType::new_session_ticket: return decoded(NewSessionTicket::parse(body));
    case HandshakeType::client_key_exchange:
      // Its layout depends on the suite's key exchange (RFC 5246 §7.4.7).
      if (suite == nullptr) return std::monostate{};
      return decoded(ClientKeyExchange::parse(body, suite->kex));
    case HandshakeType::hello_request:
    case HandshakeType::server_hello_done: break;
  }
  return std::monostate{};
}

}  // namespace baretls::tls
