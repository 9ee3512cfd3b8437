// SPDX-License-Identifier: MIT
// ClientHello (RFC 5246 §7.4.1.2) and the client's extensions: server_name
// (RFC 6066 §3), supported_groups / ec_point_formats (RFC 8422 §5.1),
// signature_algorithms (RFC 5246 §7.4.1.4.1), ALPN (RFC 7301 §3.1),
// extended_master_secret (RFC 7627 §5.1), renegotiation_info (RFC 5746
// §3.2), session_ticket (RFC 5077 §3.2).
#include <algorithm>

#include "tls/messages.h"
#include "tls/msg_common.h"

namespace baretls::tls {

namespace {

// RFC 6066 §3: ServerName server_name_list<1..2^16-1>;
//   struct { NameType name_type; select (name_type) { case host_name: HostName; } }
//   opaque HostName<1..2^16-1>;
Result<std::string> parse_server_name(wire::Reader& r) {
  auto list = r.sub16(1, 0xffff);
  if (!list) return list.error();
  std::optional<std::string> host;
  while (!list->empty()) {
    auto type = list->u8();
    if (!type) return type.error();
    auto name = list->opaque16(1, 0xffff);
    if (!name) return name.error();
    // "The ServerNameList MUST NOT contain more than one name of the same name_type."
    if (*type != 0 || host) return Error::decode_bad_value;
    host = std::string(name->begin(), name->end());
  }
  BARETLS_TRY(r.expect_empty());
  if (!host) return Error::decode_bad_value;
  return *host;
}

// RFC 7301 §3.1: ProtocolName protocol_name_list<2..2^16-1>; opaque ProtocolName<1..2^8-1>;
Result<std::vector<std::string>> parse_alpn(wire::Reader& r) {
  auto list = r.sub16(2, 0xffff);
  if (!list) return list.error();
  std::vector<std::string> out;
  while (!list->empty()) {
    auto name = list->opaque8(1, 0xff);
    if (!name) return name.error();
    out.emplace_back(name->begin(), name->end());
  }
  BARETLS_TRY(r.expect_empty());
  return out;
}

Error parse_client_extension(ClientHello& ch, std::uint16_t type, wire::Reader& r) {
  switch (static_cast<ExtensionType>(type)) {
    case ExtensionType::server_name: {
      auto v = parse_server_name(r);
      if (!v) return v.error();
      ch.server_name = std::move(*v);
      return Error::ok;
    }
    case ExtensionType::supported_groups: {  // NamedCurve named_curve_list<2..2^16-1>
      auto v = detail::read_u16_list(r, 2, 0xffff);
      if (!v) return v.error();
      ch.supported_groups = std::move(*v);
      return r.expect_empty();
    }
    case ExtensionType::ec_point_formats: {  // ECPointFormat ec_point_format_list<1..2^8-1>
      auto v = r.opaque8(1, 0xff);
      if (!v) return v.error();
      ch.ec_point_formats = std::vector<std::uint8_t>(v->begin(), v->end());
      return r.expect_empty();
    }
    case ExtensionType::signature_algorithms: {  // supported_signature_algorithms<2..2^16-2>
      auto v = detail::read_u16_list(r, 2, 0xfffe);
      if (!v) return v.error();
      ch.signature_algorithms = std::move(*v);
      return r.expect_empty();
    }
    case ExtensionType::alpn: {
      auto v = parse_alpn(r);
      if (!v) return v.error();
      ch.alpn = std::move(*v);
      return Error::ok;
    }
    case ExtensionType::extended_master_secret:  // RFC 7627 §5.1: "extension_data" is empty
      ch.extended_master_secret = true;
      return r.expect_empty();
    case ExtensionType::renegotiation_info: {  // opaque renegotiated_connection<0..255>;
      auto v = r.opaque8(0, 0xff);
      if (!v) return v.error();
      ch.renegotiation_info = std::vector<std::uint8_t>(v->begin(), v->end());
      return r.expect_empty();
    }
    case ExtensionType::session_ticket: {
      auto v = r.bytes(r.remaining());
      if (!v) return v.error();
      ch.session_ticket = std::vector<std::uint8_t>(v->begin(), v->end());
      return Error::ok;
    }
    case ExtensionType::supported_versions: {  // RFC 8446 §4.2.1: ProtocolVersion versions<2..254>;
      auto list = r.sub8(2, 254);
      if (!list) return list.error();
      if (list->remaining() % 2 != 0) return Error::decode_bad_length;
      std::vector<std::uint16_t> v;
      while (!list->empty()) v.push_back(*list->u16());
      ch.supported_versions = std::move(v);
      return r.expect_empty();
    }
  }
  return Error::ok;  // RFC 5246 §7.4.1.4: unknown extensions are ignored by servers
}

}  // namespace

// RFC 5246 §7.4.1.2:
//   ProtocolVersion client_version; Random random; SessionID session_id;
//   CipherSuite cipher_suites<2..2^16-2>; CompressionMethod compression_methods<1..2^8-1>;
//   select (extensions_present) { case true: Extension extensions<0..2^16-1>; };
Result<ClientHello> ClientHello::parse(std::span<const std::uint8_t> body) {
  wire::Reader r(body);
  ClientHello ch;
  auto version = r.u16();
  auto random = r.bytes(32);
  auto sid = r.opaque8(0, 32);
  if (!version || !random || !sid) return r.error();
  ch.client_version = *version;
  std::copy(random->begin(), random->end(), ch.random.begin());
  ch.session_id.assign(sid->begin(), sid->end());
  auto suites = detail::read_u16_list(r, 2, 0xfffe);
  if (!suites) return suites.error();
  ch.cipher_suites = std::move(*suites);
  auto comp = r.opaque8(1, 0xff);
  if (!comp) return comp.error();
  ch.compression_methods.assign(comp->begin(), comp->end());
  BARETLS_TRY(detail::walk_extensions(r, [&](std::uint16_t type, wire::Reader& data) {
    return parse_client_extension(ch, type, data);
  }));
  return ch;
}

bool ClientHello::offers_suite(std::uint16_t code) const noexcept {
  return std::find(cipher_suites.begin(), cipher_suites.end(), code) != cipher_suites.end();
}

void ClientHello::serialize(wire::Writer& w) const {
  serialize_fields(w);
  const auto exts = w.open_length(2);
  serialize_extensions(w);
  w.close_length(exts);
}

void ClientHello::serialize_fields(wire::Writer& w) const {
  w.u16(client_version);
  w.bytes(random);
  w.opaque8(session_id);
  detail::write_u16_list(w, cipher_suites);
  w.opaque8(compression_methods);
}

void ClientHello::serialize_extensions(wire::Writer& w) const {
  using detail::write_extension;
  if (server_name) {
    write_extension(w, 0, [&] {
      const auto list = w.open_length(2);
      w.u8(0);  // host_name
      w.opaque16({reinterpret_cast<const std::uint8_t*>(server_name->data()), server_name->size()});
      w.close_length(list);
    });
  }
  if (supported_groups) write_extension(w, 10, [&] { detail::write_u16_list(w, *supported_groups); });
  if (ec_point_formats) write_extension(w, 11, [&] { w.opaque8(*ec_point_formats); });
  if (signature_algorithms) write_extension(w, 13, [&] { detail::write_u16_list(w, *signature_algorithms); });
  if (alpn) {
    write_extension(w, 16, [&] {
      const auto list = w.open_length(2);
      for (const auto& p : *alpn) w.opaque8({reinterpret_cast<const std::uint8_t*>(p.data()), p.size()});
      w.close_length(list);
    });
  }
  if (extended_master_secret) write_extension(w, 23, [] {});
  if (session_ticket) write_extension(w, 35, [&] { w.bytes(*session_ticket); });
  if (renegotiation_info) write_extension(w, 0xff01, [&] { w.opaque8(*renegotiation_info); });
}

}  // namespace baretls::tls
