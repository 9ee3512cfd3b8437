// SPDX-License-Identifier: MIT
// TLS 1.2 handshake messages (RFC 5246 §7.4, RFC 8422 §5, RFC 5746, RFC 7627)
// as plain structs with strict parse() (every length checked, no trailing
// bytes, no duplicate extensions) and serialize() of the body. The 4-byte
// handshake header (type, u24 length) is added by frame_handshake().
// One source file per message: tls/msg_<message>.cpp.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "baretls/tls/errors.h"
#include "baretls/tls/types.h"
#include "tls/suites.h"
#include "tls/wire.h"

namespace baretls::tls {

inline constexpr std::uint16_t kTls10 = 0x0301;

// RFC 5246 §6.2.1 ContentType.
enum class ContentType : std::uint8_t {
  change_cipher_spec = 20,
  alert = 21,
  handshake = 22,
  application_data = 23,
};


// Extension code points of the profile.
enum class ExtensionType : std::uint16_t {
  server_name = 0,                 // RFC 6066 §3
  supported_groups = 10,           // RFC 8422 §5.1.1
  ec_point_formats = 11,           // RFC 8422 §5.1.2
  signature_algorithms = 13,       // RFC 5246 §7.4.1.4.1
  alpn = 16,                       // RFC 7301 §3.1
  extended_master_secret = 23,     // RFC 7627 §5.1
  session_ticket = 35,             // RFC 5077 §3.2
  supported_versions = 43,         // RFC 8446 §4.2.1 (read only: TLS 1.3-only clients)
  renegotiation_info = 0xff01,     // RFC 5746 §3.2
};

// RFC 8422 §5.1.2 ECPointFormat uncompressed.
inline constexpr std::uint8_t kPointUncompressed = 0;
// RFC 8422 §5.4 ECCurveType named_curve.
inline constexpr std::uint8_t kNamedCurve = 3;

// RFC 5246 §7.4.1.2
struct ClientHello {
  std::uint16_t client_version = kTls12;
  std::array<std::uint8_t, 32> random{};
  std::vector<std::uint8_t> session_id;               // <0..32>
  std::vector<std::uint16_t> cipher_suites;           // <2..2^16-2>, raw codes
  std::vector<std::uint8_t> compression_methods{0};   // <1..2^8-1>
  // Extensions (absent when nullopt / false). Unknown ones are skipped,
  // RFC 5246 §7.4.1.4: "servers MUST ignore unrecognized extensions".
  std::optional<std::string> server_name;             // host_name
  std::optional<std::vector<std::uint16_t>> supported_groups;
  std::optional<std::vector<std::uint8_t>> ec_point_formats;
  std::optional<std::vector<std::uint16_t>> signature_algorithms;
  std::optional<std::vector<std::string>> alpn;
  bool extended_master_secret = false;
  std::optional<std::vector<std::uint8_t>> renegotiation_info;
  std::optional<std::vector<std::uint8_t>> session_ticket;
  std::optional<std::vector<std::uint16_t>> supported_versions;  // parsed, never sent

  [[nodiscard]] static Result<ClientHello> parse(std::span<const std::uint8_t> body);
  void serialize(wire::Writer& w) const;
  // The two halves of serialize(), for the TLS 1.3 ClientHello (messages13.h):
  // the fields up to compression_methods, and the extensions above without
  // the block's length prefix.
  void serialize_fields(wire::Writer& w) const;
  void serialize_extensions(wire::Writer& w) const;
  [[nodiscard]] bool offers_suite(std::uint16_t code) const noexcept;
};

// RFC 5246 §7.4.1.3
struct ServerHello {
  std::uint16_t server_version = kTls12;
  std::array<std::uint8_t, 32> random{};
  std::vector<std::uint8_t> session_id;  // <0..32>
  std::uint16_t cipher_suite = 0;
  std::uint8_t compression_method = 0;
  bool server_name_ack = false;          // RFC 6066 §3: empty server_name
  std::optional<std::vector<std::uint8_t>> ec_point_formats;
  std::optional<std::string> alpn;
  bool extended_master_secret = false;
  std::optional<std::vector<std::uint8_t>> renegotiation_info;
  bool session_ticket = false;

  // An extension type outside the profile is unoffered_extension
  // (RFC 5246 §7.4.1.4: the client MUST abort with unsupported_extension).
  [[nodiscard]] static Result<ServerHello> parse(std::span<const std::uint8_t> body);
  void serialize(wire::Writer& w) const;
};

// RFC 5246 §7.4.2: ASN.1Cert certificate_list<0..2^24-1>;
struct CertificateMsg {
  std::vector<std::vector<std::uint8_t>> certificate_list;
  [[nodiscard]] static Result<CertificateMsg> parse(std::span<const std::uint8_t> body);
  void serialize(wire::Writer& w) const;
};

// RFC 8422 §5.4 ServerKeyExchange for ECDHE_ECDSA / ECDHE_RSA.
struct ServerKeyExchange {
  std::uint16_t named_curve = 0;
  std::vector<std::uint8_t> public_point;  // ECPoint point <1..2^8-1>
  std::uint16_t signature_scheme = 0;      // RFC 5246 §7.4.1.4.1 SignatureAndHashAlgorithm
  std::vector<std::uint8_t> signature;     // <0..2^16-1>

  [[nodiscard]] static Result<ServerKeyExchange> parse(std::span<const std::uint8_t> body);
  void serialize(wire::Writer& w) const;
  // ServerECDHParams as signed: curve_type, named_curve, point.
  [[nodiscard]] std::vector<std::uint8_t> params() const;
  // RFC 8422 §5.4: what the signature covers, ClientHello.random +
  // ServerHello.random + ServerECDHParams (signer and verifier both).
  [[nodiscard]] std::vector<std::uint8_t> signed_data(std::span<const std::uint8_t, 32> client_random,
                                                      std::span<const std::uint8_t, 32> server_random) const;
};

// RFC 5246 §7.4.4
struct CertificateRequest {
  std::vector<std::uint8_t> certificate_types;            // <1..2^8-1>
  std::vector<std::uint16_t> signature_algorithms;        // <2..2^16-2>
  std::vector<std::vector<std::uint8_t>> authorities;     // DistinguishedName <1..2^16-1>
  [[nodiscard]] static Result<CertificateRequest> parse(std::span<const std::uint8_t> body);
  void serialize(wire::Writer& w) const;
};

// RFC 5246 §7.4.8
struct CertificateVerify {
  std::uint16_t signature_scheme = 0;
  std::vector<std::uint8_t> signature;  // <0..2^16-1>
  [[nodiscard]] static Result<CertificateVerify> parse(std::span<const std::uint8_t> body);
  void serialize(wire::Writer& w) const;
};

// RFC 5246 §7.4.7 / RFC 8422 §5.7: the exchange_keys field depends on the
// suite's key exchange, so parse() takes it.
struct ClientKeyExchange {
  KeyExchange kex = KeyExchange::ecdhe_rsa;
  std::vector<std::uint8_t> exchange_keys;  // ECPoint <1..2^8-1> or EncryptedPreMasterSecret <0..2^16-1>
  [[nodiscard]] static Result<ClientKeyExchange> parse(std::span<const std::uint8_t> body, KeyExchange kex);
  void serialize(wire::Writer& w) const;
};

// RFC 5246 §7.4.9: verify_data[verify_data_length], 12 for every suite here.
inline constexpr std::size_t kVerifyDataSize = 12;
struct Finished {
  std::array<std::uint8_t, kVerifyDataSize> verify_data{};
  [[nodiscard]] static Result<Finished> parse(std::span<const std::uint8_t> body);
  void serialize(wire::Writer& w) const;
};

// RFC 5077 §3.3: struct { uint32 ticket_lifetime_hint; opaque ticket<0..2^16-1>; } NewSessionTicket;
struct NewSessionTicket {
  std::uint32_t ticket_lifetime_hint = 0;
  std::vector<std::uint8_t> ticket;
  [[nodiscard]] static Result<NewSessionTicket> parse(std::span<const std::uint8_t> body);
  void serialize(wire::Writer& w) const;
};

// HelloRequest (RFC 5246 §7.4.1.1) and ServerHelloDone (§7.4.5) are empty.
[[nodiscard]] Error parse_empty(std::span<const std::uint8_t> body);

// Handshake header, RFC 5246 §7.4: HandshakeType msg_type; uint24 length;
inline constexpr std::size_t kHandshakeHeaderSize = 4;
// A server accepts a ClientHello body of this size whatever
// max_handshake_message_size says (it may say more): real ClientHellos with
// many suites or a large padding extension exceed 64 KiB.
inline constexpr std::size_t kMaxClientHelloSize = std::size_t{1} << 17;

// Serializes `msg` as a complete handshake message and appends it to `out`.
template <typename M>
[[nodiscard]] Error append_handshake(std::vector<std::uint8_t>& out, HandshakeType type, const M& msg);
[[nodiscard]] Error append_empty_handshake(std::vector<std::uint8_t>& out, HandshakeType type);

// Implementation detail of append_handshake: grows `out` by up to `max`,
// runs `body` on a Writer after the header, back-fills the length.
[[nodiscard]] Error append_framed(std::vector<std::uint8_t>& out, HandshakeType type,
                                  void (*body)(wire::Writer&, const void*), const void* msg);

template <typename M>
Error append_handshake(std::vector<std::uint8_t>& out, HandshakeType type, const M& msg) {
  return append_framed(
      out, type, [](wire::Writer& w, const void* m) { static_cast<const M*>(m)->serialize(w); }, &msg);
}

}  // namespace baretls::tls
