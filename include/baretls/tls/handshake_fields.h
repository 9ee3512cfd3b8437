// SPDX-License-Identifier: MIT
// The decoded fields of a TLS 1.2 handshake message, as an Inspector event
// carries them (include/baretls/tls/inspect.h): what `baretls client/server
// --trace` prints and `baretls demo` narrates. Built only for an inspector,
// by the library's own parsers; code points stay raw (names.h names them),
// so a value the peer sent that baretls does not know is shown as it came.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "baretls/tls/errors.h"

namespace baretls::tls {

using FieldBytes = std::vector<std::uint8_t>;

// RFC 5246 §7.4.1.2 (extensions: RFC 6066 §3, RFC 8422 §5.1, RFC 7301 §3.1,
// RFC 7627 §5.1, RFC 5746 §3.2, RFC 5077 §3.2)
struct ClientHelloFields {
  std::uint16_t client_version = 0;
  std::array<std::uint8_t, 32> random{};
  FieldBytes session_id;
  std::vector<std::uint16_t> cipher_suites;
  std::optional<std::string> server_name;
  std::optional<std::vector<std::uint16_t>> supported_groups;
  bool ec_point_formats = false;
  std::optional<std::vector<std::uint16_t>> signature_algorithms;
  std::optional<std::vector<std::string>> alpn;
  bool extended_master_secret = false;
  bool renegotiation_info = false;
  std::optional<FieldBytes> session_ticket;  // empty: asks for a ticket
};

// RFC 5246 §7.4.1.3
struct ServerHelloFields {
  std::uint16_t server_version = 0;
  std::array<std::uint8_t, 32> random{};
  FieldBytes session_id;
  std::uint16_t cipher_suite = 0;
  bool server_name_ack = false;
  bool ec_point_formats = false;
  std::optional<std::string> alpn;
  bool extended_master_secret = false;
  bool renegotiation_info = false;
  bool session_ticket = false;  // a NewSessionTicket will follow
};

// RFC 5246 §7.4.2: DER certificates, leaf first.
struct CertificateFields {
  std::vector<FieldBytes> certificate_list;
};

// RFC 8422 §5.4 ServerKeyExchange (ECDHE).
struct ServerKeyExchangeFields {
  std::uint16_t named_curve = 0;
  FieldBytes public_point;
  std::uint16_t signature_scheme = 0;
  FieldBytes signature;
  FieldBytes params;  // ServerECDHParams as the signature covers them (curve type, curve, point)
};

// RFC 5246 §7.4.4
struct CertificateRequestFields {
  FieldBytes certificate_types;
  std::vector<std::uint16_t> signature_algorithms;
  std::vector<FieldBytes> authorities;  // DER DistinguishedNames
};

// RFC 5246 §7.4.7: an ECDHE public point, or the RSA-encrypted
// pre-master secret (RFC 5246 §7.4.7.1).
struct ClientKeyExchangeFields {
  bool rsa = false;
  FieldBytes exchange_keys;
};

// RFC 5246 §7.4.8
struct CertificateVerifyFields {
  std::uint16_t signature_scheme = 0;
  FieldBytes signature;
};

// RFC 5246 §7.4.9
struct FinishedFields {
  FieldBytes verify_data;
};

// RFC 5077 §3.3
struct NewSessionTicketFields {
  std::uint32_t ticket_lifetime_hint = 0;
  FieldBytes ticket;
};

// One message's fields: std::monostate for a message without fields
// (HelloRequest, ServerHelloDone, a type outside the profile), Error when the
// body does not decode (why, as the engine's parser says).
using HandshakeFields =
    std::variant<std::monostate, Error, ClientHelloFields, ServerHelloFields, CertificateFields,
                 ServerKeyExchangeFields, CertificateRequestFields, ClientKeyExchangeFields, CertificateVerifyFields,
                 FinishedFields, NewSessionTicketFields>;

}  // namespace baretls::tls
