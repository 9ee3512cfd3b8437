// SPDX-License-Identifier: MIT
// TLS 1.3 handshake messages and extensions (RFC 8446 §4) as plain structs
// with strict parse() (every bound of the RFC's vectors, no trailing bytes,
// no duplicate extensions, the per-message extension table of §4.2) and
// serialize() of the body; frame them with append_handshake (messages.h).
// CertificateVerify has the TLS 1.2 layout (messages.h); EndOfEarlyData is
// empty (parse_empty). Sources: tls/msg13_*.cpp.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "baretls/tls/errors.h"
#include "tls/key_schedule13.h"
#include "tls/messages.h"
#include "tls/wire.h"

namespace baretls::tls {

// RFC 8446 §4.2.1: ProtocolVersion of TLS 1.3 (legacy_version stays kTls12).
inline constexpr std::uint16_t kTls13 = 0x0304;

// RFC 8446 §4 HandshakeType values new in TLS 1.3 (the others are in HandshakeType).
namespace hs13 {
inline constexpr HandshakeType end_of_early_data{5};
inline constexpr HandshakeType encrypted_extensions{8};
inline constexpr HandshakeType key_update{24};
inline constexpr HandshakeType message_hash{254};
}  // namespace hs13

// RFC 8446 §4.2 ExtensionType, plus record_size_limit (RFC 8449 §4).
namespace ext13 {
inline constexpr std::uint16_t server_name = 0;
inline constexpr std::uint16_t max_fragment_length = 1;
inline constexpr std::uint16_t status_request = 5;
inline constexpr std::uint16_t supported_groups = 10;
inline constexpr std::uint16_t signature_algorithms = 13;
inline constexpr std::uint16_t use_srtp = 14;
inline constexpr std::uint16_t heartbeat = 15;
inline constexpr std::uint16_t application_layer_protocol_negotiation = 16;
inline constexpr std::uint16_t signed_certificate_timestamp = 18;
inline constexpr std::uint16_t client_certificate_type = 19;
inline constexpr std::uint16_t server_certificate_type = 20;
inline constexpr std::uint16_t padding = 21;
inline constexpr std::uint16_t record_size_limit = 28;
inline constexpr std::uint16_t pre_shared_key = 41;
inline constexpr std::uint16_t early_data = 42;
inline constexpr std::uint16_t supported_versions = 43;
inline constexpr std::uint16_t cookie = 44;
inline constexpr std::uint16_t psk_key_exchange_modes = 45;
inline constexpr std::uint16_t certificate_authorities = 47;
inline constexpr std::uint16_t oid_filters = 48;
inline constexpr std::uint16_t post_handshake_auth = 49;
inline constexpr std::uint16_t signature_algorithms_cert = 50;
inline constexpr std::uint16_t key_share = 51;
}  // namespace ext13

// The messages that carry extensions, as in the table of RFC 8446 §4.2.
enum class ExtensionContext : std::uint8_t {
  client_hello,
  server_hello,
  hello_retry_request,
  encrypted_extensions,
  certificate,
  certificate_request,
  new_session_ticket,
};
// RFC 8446 §4.2: "If an implementation receives an extension which it
// recognizes and which is not specified for the message in which it appears,
// it MUST abort the handshake with an "illegal_parameter" alert."
[[nodiscard]] bool is_known_extension13(std::uint16_t type) noexcept;
[[nodiscard]] bool extension_allowed13(std::uint16_t type, ExtensionContext where) noexcept;

// RFC 8446 §4.1.3: HelloRetryRequest's Random, SHA-256("HelloRetryRequest").
inline constexpr std::array<std::uint8_t, 32> kHelloRetryRequestRandom{
    0xCF, 0x21, 0xAD, 0x74, 0xE5, 0x9A, 0x61, 0x11, 0xBE, 0x1D, 0x8C, 0x02, 0x1E, 0x65, 0xB8, 0x91,
    0xC2, 0xA2, 0x11, 0x16, 0x7A, 0xBB, 0x8C, 0x5E, 0x07, 0x9E, 0x09, 0xE2, 0xC8, 0xA8, 0x33, 0x9C};

// RFC 8446 §4.2.9: enum { psk_ke(0), psk_dhe_ke(1), (255) } PskKeyExchangeMode;
inline constexpr std::uint8_t kPskKe = 0;
inline constexpr std::uint8_t kPskDheKe = 1;

// RFC 8446 §4.2.8: struct { NamedGroup group; opaque key_exchange<1..2^16-1>; } KeyShareEntry;
struct KeyShareEntry {
  std::uint16_t group = 0;
  std::vector<std::uint8_t> key_exchange;
  bool operator==(const KeyShareEntry&) const = default;
};

// RFC 8446 §4.2.11: struct { opaque identity<1..2^16-1>; uint32 obfuscated_ticket_age; } PskIdentity;
struct PskIdentity {
  std::vector<std::uint8_t> identity;
  std::uint32_t obfuscated_ticket_age = 0;
  bool operator==(const PskIdentity&) const = default;
};

// RFC 8446 §4.2.11: struct { PskIdentity identities<7..2^16-1>;
//   PskBinderEntry binders<33..2^16-1>; } OfferedPsks;  opaque PskBinderEntry<32..255>;
struct OfferedPsks {
  std::vector<PskIdentity> identities;
  std::vector<std::vector<std::uint8_t>> binders;
  bool operator==(const OfferedPsks&) const = default;
};

// A TLS 1.3 ClientHello (RFC 8446 §4.1.2): the TLS 1.2 fields and extensions
// of `hello` (messages.h; hello.supported_versions is §4.2.1's list) plus the
// TLS 1.3 extensions. One parse serves a server that then picks either version.
struct ClientHello13 {
  ClientHello hello;
  std::optional<std::vector<KeyShareEntry>> key_share;            // client_shares<0..2^16-1>
  std::optional<std::vector<std::uint8_t>> psk_key_exchange_modes;  // ke_modes<1..255>
  std::optional<OfferedPsks> pre_shared_key;
  std::optional<std::vector<std::uint8_t>> cookie;                // cookie<1..2^16-1>
  std::optional<std::vector<std::uint16_t>> signature_algorithms_cert;
  bool early_data = false;  // §4.2.10: detected so that the server can ignore the early data
  bool pre_shared_key_last = true;  // set by parse(); serialize() always puts it last

  // Syntax only: bounds, trailing bytes, duplicates (decode_*). Unknown
  // extensions are ignored (§4.1.2 "Servers MUST ignore unrecognized extensions").
  [[nodiscard]] static Result<ClientHello13> parse(std::span<const std::uint8_t> body);
  // The MUSTs a TLS 1.3 server checks on the message alone, once it has
  // chosen TLS 1.3 (a TLS 1.2 negotiation ignores them).
  [[nodiscard]] Error check_tls13() const;
  // Writes the body: the TLS 1.2 extensions of `hello`, then supported_versions,
  // key_share, signature_algorithms_cert, psk_key_exchange_modes, cookie,
  // early_data, and pre_shared_key last.
  void serialize(wire::Writer& w) const;

  // Bytes the binders list takes at the very end of the message (its 2-byte
  // length included); 0 without pre_shared_key. §4.2.11.2: the binders are
  // computed over the ClientHello without them.
  [[nodiscard]] std::size_t binders_size() const noexcept;
};

// RFC 8446 §4.2.11.2 Truncate(ClientHello): the complete handshake message
// (header included) without its binders list. Needs ch.pre_shared_key_last.
[[nodiscard]] Result<std::span<const std::uint8_t>> truncate_client_hello(
    std::span<const std::uint8_t> client_hello_message, const ClientHello13& ch);
// Writes `binders` over the placeholder binders at the end of a serialized
// ClientHello message (same sizes as the placeholders, else invalid_argument).
[[nodiscard]] Error fill_binders(std::span<std::uint8_t> client_hello_message,
                                 std::span<const std::vector<std::uint8_t>> binders);

// ServerHello and HelloRetryRequest of TLS 1.3 (RFC 8446 §4.1.3, §4.1.4).
struct ServerHello13 {
  std::uint16_t legacy_version = kTls12;
  std::array<std::uint8_t, 32> random{};
  std::vector<std::uint8_t> legacy_session_id_echo;  // <0..32>
  std::uint16_t cipher_suite = 0;
  std::uint16_t selected_version = kTls13;            // supported_versions
  std::optional<KeyShareEntry> server_share;          // ServerHello key_share
  std::optional<std::uint16_t> selected_group;        // HelloRetryRequest key_share
  std::optional<std::vector<std::uint8_t>> cookie;    // HelloRetryRequest only
  std::optional<std::uint16_t> selected_identity;     // ServerHello pre_shared_key

  [[nodiscard]] bool is_hello_retry_request() const noexcept { return random == kHelloRetryRequestRandom; }
  [[nodiscard]] static Result<ServerHello13> parse(std::span<const std::uint8_t> body);
  // Extensions in the order pre_shared_key, key_share, cookie, supported_versions.
  void serialize(wire::Writer& w) const;
};

// RFC 8446 §4.2.1: the version a ServerHello body selects - selected_version
// when it carries supported_versions, else its legacy_version - so that the
// client knows which parser applies. Reads the extension block only as far
// as needed to find it (no duplicates accepted).
[[nodiscard]] Result<std::uint16_t> server_hello_version(std::span<const std::uint8_t> body);

// RFC 8446 §4.3.1: struct { Extension extensions<0..2^16-1>; } EncryptedExtensions;
struct EncryptedExtensions {
  bool server_name_ack = false;                      // RFC 6066 §3: empty
  std::optional<std::vector<std::uint16_t>> supported_groups;
  std::optional<std::string> alpn;                   // RFC 7301 §3.1: exactly one name
  std::optional<std::uint16_t> record_size_limit;    // RFC 8449 §4
  bool early_data = false;                           // §4.2.10: the server accepted 0-RTT

  [[nodiscard]] static Result<EncryptedExtensions> parse(std::span<const std::uint8_t> body);
  // Order: supported_groups, record_size_limit, server_name, alpn, early_data.
  void serialize(wire::Writer& w) const;
};

// RFC 8446 §4.3.2: struct { opaque certificate_request_context<0..2^8-1>;
//   Extension extensions<2..2^16-1>; } CertificateRequest;
struct CertificateRequest13 {
  std::vector<std::uint8_t> certificate_request_context;
  std::vector<std::uint16_t> signature_algorithms;  // "MUST be specified"
  std::optional<std::vector<std::uint16_t>> signature_algorithms_cert;
  std::optional<std::vector<std::vector<std::uint8_t>>> certificate_authorities;  // DistinguishedName<1..2^16-1>

  [[nodiscard]] static Result<CertificateRequest13> parse(std::span<const std::uint8_t> body);
  void serialize(wire::Writer& w) const;
};

// RFC 8446 §4.4.2: struct { opaque certificate_request_context<0..2^8-1>;
//   CertificateEntry certificate_list<0..2^24-1>; } Certificate;
// CertificateEntry: opaque cert_data<1..2^24-1>; Extension extensions<0..2^16-1>;
// baretls requests no per-certificate extension (status_request, SCT), so
// any extension in an entry is refused: unoffered_extension, or
// extension_not_allowed for a known type not allowed there.
struct Certificate13 {
  std::vector<std::uint8_t> certificate_request_context;
  std::vector<std::vector<std::uint8_t>> certificate_list;  // cert_data of each entry

  [[nodiscard]] static Result<Certificate13> parse(std::span<const std::uint8_t> body);
  void serialize(wire::Writer& w) const;
};

// RFC 8446 §4.4.4: struct { opaque verify_data[Hash.length]; } Finished;
struct Finished13 {
  VerifyData13 verify_data;
  // decode_bad_length unless the body is exactly Hash.length bytes.
  [[nodiscard]] static Result<Finished13> parse(std::span<const std::uint8_t> body, crypto::HashId hash);
  void serialize(wire::Writer& w) const;
};

// RFC 8446 §4.6.1: struct { uint32 ticket_lifetime; uint32 ticket_age_add;
//   opaque ticket_nonce<0..255>; opaque ticket<1..2^16-1>;
//   Extension extensions<0..2^16-2>; } NewSessionTicket;
struct NewSessionTicket13 {
  std::uint32_t ticket_lifetime = 0;
  std::uint32_t ticket_age_add = 0;
  std::vector<std::uint8_t> ticket_nonce;
  std::vector<std::uint8_t> ticket;
  std::optional<std::uint32_t> max_early_data_size;  // early_data (§4.2.10)

  [[nodiscard]] static Result<NewSessionTicket13> parse(std::span<const std::uint8_t> body);
  void serialize(wire::Writer& w) const;
};

// RFC 8446 §4.6.3: enum { update_not_requested(0), update_requested(1), (255) } KeyUpdateRequest;
enum class KeyUpdateRequest : std::uint8_t { update_not_requested = 0, update_requested = 1 };
struct KeyUpdate {
  KeyUpdateRequest request_update = KeyUpdateRequest::update_not_requested;
  // bad_key_update_request for any other value ("MUST terminate the
  // connection with an "illegal_parameter" alert").
  [[nodiscard]] static Result<KeyUpdate> parse(std::span<const std::uint8_t> body);
  void serialize(wire::Writer& w) const;
};

// RFC 8446 §4.4.3: the content covered by a CertificateVerify signature:
// 64 spaces, the context string, one zero byte, Transcript-Hash(Handshake
// Context, Certificate).
enum class CertificateVerifySide : std::uint8_t { server, client };
struct SignedContent13 {
  std::array<std::uint8_t, 64 + 33 + 1 + kMaxHashSize13> bytes{};
  std::size_t size = 0;
  [[nodiscard]] std::span<const std::uint8_t> view() const noexcept {
    return std::span<const std::uint8_t>(bytes).first(size);
  }
};
[[nodiscard]] SignedContent13 certificate_verify_content(CertificateVerifySide side,
                                                         const TranscriptHash& transcript) noexcept;

}  // namespace baretls::tls
