// SPDX-License-Identifier: MIT
// ServerHello and HelloRetryRequest of TLS 1.3 (RFC 8446 §4.1.3, §4.1.4)
// with supported_versions (§4.2.1), key_share (§4.2.8), cookie (§4.2.2) and
// pre_shared_key (§4.2.11); the version a ServerHello selects.
#include <algorithm>

#include "tls/msg13_common.h"

namespace baretls::tls {

namespace {

// RFC 8446 §4.2.1 (server_hello): ProtocolVersion selected_version;
// §4.2.8: KeyShareEntry server_share; (ServerHello) or NamedGroup selected_group; (HRR)
// §4.2.2: opaque cookie<1..2^16-1>;  §4.2.11: uint16 selected_identity; (ServerHello)
Error parse_server_extension(ServerHello13& sh, ExtensionContext where, std::uint16_t type, wire::Reader& r,
                             bool& has_version) {
  if (!extension_allowed13(type, where)) return detail::other_extension13(type, where);
  switch (type) {
    case ext13::supported_versions: {
      auto v = r.u16();
      if (!v) return v.error();
      sh.selected_version = *v;
      has_version = true;
      break;
    }
    case ext13::key_share:
      if (where == ExtensionContext::hello_retry_request) {
        auto group = r.u16();
        if (!group) return group.error();
        sh.selected_group = *group;
      } else {
        auto share = detail::read_key_share_entry(r);
        if (!share) return share.error();
        sh.server_share = std::move(*share);
      }
      break;
    case ext13::cookie: {
      auto v = r.opaque16(1, 0xffff);
      if (!v) return v.error();
      sh.cookie = std::vector<std::uint8_t>(v->begin(), v->end());
      break;
    }
    case ext13::pre_shared_key: {
      auto v = r.u16();
      if (!v) return v.error();
      sh.selected_identity = *v;
      break;
    }
    default: return detail::other_extension13(type, where);
  }
  return r.expect_empty();
}

// The MUSTs on the message alone, once the extensions are read.
Error check_server_hello13(const ServerHello13& sh, bool has_version) {
  // RFC 8446 §4.1.3 (https://www.rfc-editor.org/rfc/rfc8446#section-4.1.3)
  // "All TLS 1.3 ServerHello messages MUST contain the "supported_versions" extension."
  // §4.1.4: "The server's extensions MUST contain "supported_versions"."
  if (!has_version) return Error::missing_extension;
  // §4.2.1: "If the "supported_versions" extension in the ServerHello contains
  // a version not offered by the client or contains a version prior to
  // TLS 1.3, the client MUST abort the handshake with an "illegal_parameter" alert."
  if (sh.selected_version != kTls13) return Error::unoffered_version;
  if (sh.is_hello_retry_request()) {
    // §4.1.4: "Clients MUST abort the handshake with an "illegal_parameter"
    // alert if the HelloRetryRequest would not result in any change in the
    // ClientHello." Without key_share and cookie nothing can change.
    return sh.selected_group || sh.cookie ? Error::ok : Error::useless_hello_retry_request;
  }
  // §4.1.3: "Current ServerHello messages additionally contain either the
  // "pre_shared_key" extension or the "key_share" extension, or both"
  return sh.server_share || sh.selected_identity ? Error::ok : Error::missing_extension;
}

}  // namespace

// RFC 8446 §4.1.3:
//   ProtocolVersion legacy_version = 0x0303; Random random;
//   opaque legacy_session_id_echo<0..32>; CipherSuite cipher_suite;
//   uint8 legacy_compression_method = 0; Extension extensions<6..2^16-1>;
Result<ServerHello13> ServerHello13::parse(std::span<const std::uint8_t> body) {
  wire::Reader r(body);
  ServerHello13 sh;
  const auto fields = detail::read_server_hello_fields(r);
  if (!fields) return fields.error();
  sh.legacy_version = fields->version;
  std::copy(fields->random.begin(), fields->random.end(), sh.random.begin());
  sh.legacy_session_id_echo.assign(fields->session_id.begin(), fields->session_id.end());
  sh.cipher_suite = fields->cipher_suite;
  // §4.1.3 legacy_compression_method: "A single byte which MUST have the value 0."
  if (fields->compression_method != 0) return Error::compression_not_null;
  // §4.1.3: "Upon receiving a message with type server_hello, implementations
  // MUST first examine the Random value".
  const auto where = sh.is_hello_retry_request() ? ExtensionContext::hello_retry_request
                                                 : ExtensionContext::server_hello;
  bool has_version = false;
  BARETLS_TRY(detail::walk_extensions13(r, 6, 0xffff, [&](std::uint16_t type, wire::Reader& data) {
    return parse_server_extension(sh, where, type, data, has_version);
  }));
  BARETLS_TRY(r.expect_empty());
  BARETLS_TRY(check_server_hello13(sh, has_version));
  return sh;
}

void ServerHello13::serialize(wire::Writer& w) const {
  using detail::write_extension;
  w.u16(legacy_version);
  w.bytes(random);
  w.opaque8(legacy_session_id_echo);
  w.u16(cipher_suite);
  w.u8(0);
  const auto exts = w.open_length(2);
  if (selected_identity) write_extension(w, ext13::pre_shared_key, [&] { w.u16(*selected_identity); });
  if (is_hello_retry_request() && selected_group)
    write_extension(w, ext13::key_share, [&] { w.u16(*selected_group); });
  if (!is_hello_retry_request() && server_share)
    write_extension(w, ext13::key_share, [&] { detail::write_key_share_entry(w, *server_share); });
  if (cookie) write_extension(w, ext13::cookie, [&] { w.opaque16(*cookie); });
  write_extension(w, ext13::supported_versions, [&] { w.u16(selected_version); });
  w.close_length(exts);
}

Result<std::uint16_t> server_hello_version(std::span<const std::uint8_t> body) {
  wire::Reader r(body);
  const auto fields = detail::read_server_hello_fields(r);
  if (!fields) return fields.error();
  std::optional<std::uint16_t> selected;
  BARETLS_TRY(detail::walk_extensions(r, [&](std::uint16_t type, wire::Reader& data) {
    if (type != ext13::supported_versions) return Error::ok;  // read by the version's own parser
    auto v = data.u16();
    if (!v) return v.error();
    selected = *v;
    return data.expect_empty();
  }));
  return selected ? *selected : fields->version;
}

}  // namespace baretls::tls
