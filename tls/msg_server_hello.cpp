// SPDX-License-Identifier: MIT
// ServerHello (RFC 5246 §7.4.1.3) and the extensions a server may answer
// with in this profile. Anything else is unoffered_extension: RFC 5246
// §7.4.1.4 "If a client receives an extension type in ServerHello that it
// did not request in the associated ClientHello, it MUST abort the handshake
// with an unsupported_extension fatal alert." The client checks the known
// ones against what it offered (tls/handshake_client.cpp).
#include <algorithm>

#include "tls/messages.h"
#include "tls/msg_common.h"

namespace baretls::tls {

namespace {

Error parse_server_extension(ServerHello& sh, std::uint16_t type, wire::Reader& r) {
  switch (static_cast<ExtensionType>(type)) {
    case ExtensionType::server_name:  // RFC 6066 §3: "extension_data" field ... SHALL be empty
      sh.server_name_ack = true;
      return r.expect_empty();
    case ExtensionType::ec_point_formats: {
      auto v = r.opaque8(1, 0xff);
      if (!v) return v.error();
      sh.ec_point_formats = std::vector<std::uint8_t>(v->begin(), v->end());
      return r.expect_empty();
    }
    case ExtensionType::alpn: {  // RFC 7301 §3.1: exactly one ProtocolName
      auto list = r.sub16(2, 0xffff);
      if (!list) return list.error();
      auto name = list->opaque8(1, 0xff);
      if (!name) return name.error();
      BARETLS_TRY(list->expect_empty());
      sh.alpn = std::string(name->begin(), name->end());
      return r.expect_empty();
    }
    case ExtensionType::extended_master_secret:
      sh.extended_master_secret = true;
      return r.expect_empty();
    case ExtensionType::renegotiation_info: {
      auto v = r.opaque8(0, 0xff);
      if (!v) return v.error();
      sh.renegotiation_info = std::vector<std::uint8_t>(v->begin(), v->end());
      return r.expect_empty();
    }
    case ExtensionType::session_ticket:  // RFC 5077 §3.2: empty in ServerHello
      sh.session_ticket = true;
      return r.expect_empty();
    case ExtensionType::supported_groups:
    case ExtensionType::signature_algorithms:
    case ExtensionType::supported_versions: break;
  }
  return Error::unoffered_extension;
}

}  // namespace

// RFC 5246 §7.4.1.3:
//   ProtocolVersion server_version; Random random; SessionID session_id;
//   CipherSuite cipher_suite; CompressionMethod compression_method;
//   select (extensions_present) { case true: Extension extensions<0..2^16-1>; };
Result<ServerHello> ServerHello::parse(std::span<const std::uint8_t> body) {
  wire::Reader r(body);
  ServerHello sh;
  const auto fields = detail::read_server_hello_fields(r);
  if (!fields) return fields.error();
  sh.server_version = fields->version;
  std::copy(fields->random.begin(), fields->random.end(), sh.random.begin());
  sh.session_id.assign(fields->session_id.begin(), fields->session_id.end());
  sh.cipher_suite = fields->cipher_suite;
  sh.compression_method = fields->compression_method;
  BARETLS_TRY(detail::walk_extensions(r, [&](std::uint16_t type, wire::Reader& data) {
    return parse_server_extension(sh, type, data);
  }));
  return sh;
}

void ServerHello::serialize(wire::Writer& w) const {
  using detail::write_extension;
  w.u16(server_version);
  w.bytes(random);
  w.opaque8(session_id);
  w.u16(cipher_suite);
  w.u8(compression_method);
  const auto exts = w.open_length(2);
  if (server_name_ack) write_extension(w, 0, [] {});
  if (ec_point_formats) write_extension(w, 11, [&] { w.opaque8(*ec_point_formats); });
  if (alpn) {
    write_extension(w, 16, [&] {
      const auto list = w.open_length(2);
      w.opaque8({reinterpret_cast<const std::uint8_t*>(alpn->data()), alpn->size()});
      w.close_length(list);
    });
  }
  if (extended_master_secret) write_extension(w, 23, [] {});
  if (session_ticket) write_extension(w, 35, [] {});
  if (renegotiation_info) write_extension(w, 0xff01, [&] { w.opaque8(*renegotiation_info); });
  w.close_length(exts);
}

}  // namespace baretls::tls
