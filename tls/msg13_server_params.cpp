// SPDX-License-Identifier: MIT
// The server parameters of TLS 1.3 (RFC 8446 §4.3): EncryptedExtensions with
// server_name (RFC 6066 §3), supported_groups (§4.2.7), ALPN (RFC 7301 §3.1),
// record_size_limit (RFC 8449 §4) and early_data (§4.2.10); and the 1.3
// CertificateRequest with signature_algorithms(_cert) (§4.2.3) and
// certificate_authorities (§4.2.4).
#include "tls/msg13_common.h"

namespace baretls::tls {

namespace {

// RFC 7301 §3.1: ProtocolName protocol_name_list<2..2^16-1>; with "exactly one
// ProtocolName" in the server's answer.
Result<std::string> parse_selected_protocol(wire::Reader& r) {
  auto list = r.sub16(2, 0xffff);
  if (!list) return list.error();
  auto name = list->opaque8(1, 0xff);
  if (!name) return name.error();
  BARETLS_TRY(list->expect_empty());
  BARETLS_TRY(r.expect_empty());
  return std::string(name->begin(), name->end());
}

Error parse_ee_extension(EncryptedExtensions& ee, std::uint16_t type, wire::Reader& r) {
  constexpr auto where = ExtensionContext::encrypted_extensions;
  if (!extension_allowed13(type, where)) return detail::other_extension13(type, where);
  switch (type) {
    case ext13::server_name:  // RFC 6066 §3: "the "extension_data" field of this extension SHALL be empty"
      ee.server_name_ack = true;
      return r.expect_empty();
    case ext13::supported_groups: {  // §4.2.7: NamedGroup named_group_list<2..2^16-1>;
      auto v = detail::read_u16_list(r, 2, 0xffff);
      if (!v) return v.error();
      ee.supported_groups = std::move(*v);
      return r.expect_empty();
    }
    case ext13::application_layer_protocol_negotiation: {
      auto v = parse_selected_protocol(r);
      if (!v) return v.error();
      ee.alpn = std::move(*v);
      return Error::ok;
    }
    case ext13::record_size_limit: {  // RFC 8449 §4: uint16 RecordSizeLimit;
      auto v = r.u16();
      if (!v) return v.error();
      // RFC 8449 §4 (https://www.rfc-editor.org/rfc/rfc8449#section-4)
      // "An endpoint MUST treat receipt of a smaller value as a fatal error
      // and generate an "illegal_parameter" alert." (smaller than 64)
      if (*v < 64) return Error::bad_record_size_limit;
      ee.record_size_limit = *v;
      return r.expect_empty();
    }
    case ext13::early_data:  // §4.2.10: empty in EncryptedExtensions
      ee.early_data = true;
      return r.expect_empty();
    default: return detail::other_extension13(type, where);  // allowed there, but never offered
  }
}

// §4.2.4: DistinguishedName authorities<3..2^16-1>; opaque DistinguishedName<1..2^16-1>;
Result<std::vector<std::vector<std::uint8_t>>> parse_authorities(wire::Reader& r) {
  auto list = r.sub16(3, 0xffff);
  if (!list) return list.error();
  std::vector<std::vector<std::uint8_t>> names;
  while (!list->empty()) {
    auto dn = list->opaque16(1, 0xffff);
    if (!dn) return dn.error();
    names.emplace_back(dn->begin(), dn->end());
  }
  BARETLS_TRY(r.expect_empty());
  return names;
}

Error parse_cr_extension(CertificateRequest13& cr, std::uint16_t type, wire::Reader& r, bool& has_algorithms) {
  constexpr auto where = ExtensionContext::certificate_request;
  if (!extension_allowed13(type, where)) return detail::other_extension13(type, where);
  switch (type) {
    case ext13::signature_algorithms:  // §4.2.3: supported_signature_algorithms<2..2^16-2>;
    case ext13::signature_algorithms_cert: {
      auto v = detail::read_u16_list(r, 2, 0xfffe);
      if (!v) return v.error();
      if (type == ext13::signature_algorithms) {
        cr.signature_algorithms = std::move(*v);
        has_algorithms = true;
      } else {
        cr.signature_algorithms_cert = std::move(*v);
      }
      return r.expect_empty();
    }
    case ext13::certificate_authorities: {
      auto v = parse_authorities(r);
      if (!v) return v.error();
      cr.certificate_authorities = std::move(*v);
      return Error::ok;
    }
    default: return Error::ok;  // status_request, SCT, oid_filters: not used, ignored
  }
}

}  // namespace

// RFC 8446 §4.3.1: struct { Extension extensions<0..2^16-1>; } EncryptedExtensions;
Result<EncryptedExtensions> EncryptedExtensions::parse(std::span<const std::uint8_t> body) {
  wire::Reader r(body);
  EncryptedExtensions ee;
  BARETLS_TRY(detail::walk_extensions13(r, 0, 0xffff, [&](std::uint16_t type, wire::Reader& data) {
    return parse_ee_extension(ee, type, data);
  }));
  BARETLS_TRY(r.expect_empty());
  return ee;
}

void EncryptedExtensions::serialize(wire::Writer& w) const {
  using detail::write_extension;
  const auto exts = w.open_length(2);
  if (supported_groups) write_extension(w, ext13::supported_groups, [&] { detail::write_u16_list(w, *supported_groups); });
  if (record_size_limit) write_extension(w, ext13::record_size_limit, [&] { w.u16(*record_size_limit); });
  if (server_name_ack) write_extension(w, ext13::server_name, [] {});
  if (alpn) {
    write_extension(w, ext13::application_layer_protocol_negotiation, [&] {
      const auto list = w.open_length(2);
      w.opaque8(detail::bytes_of(*alpn));
      w.close_length(list);
    });
  }
  if (early_data) write_extension(w, ext13::early_data, [] {});
  w.close_length(exts);
}

// RFC 8446 §4.3.2:
//   struct { opaque certificate_request_context<0..2^8-1>;
//            Extension extensions<2..2^16-1>; } CertificateRequest;
Result<CertificateRequest13> CertificateRequest13::parse(std::span<const std::uint8_t> body) {
  wire::Reader r(body);
  CertificateRequest13 cr;
  auto context = r.opaque8(0, 0xff);
  if (!context) return context.error();
  cr.certificate_request_context.assign(context->begin(), context->end());
  bool has_algorithms = false;
  BARETLS_TRY(detail::walk_extensions13(r, 2, 0xffff, [&](std::uint16_t type, wire::Reader& data) {
    return parse_cr_extension(cr, type, data, has_algorithms);
  }));
  BARETLS_TRY(r.expect_empty());
  // §4.3.2 (https://www.rfc-editor.org/rfc/rfc8446#section-4.3.2)
  // "The "signature_algorithms" extension MUST be specified"
  if (!has_algorithms) return Error::missing_extension;
  return cr;
}

void CertificateRequest13::serialize(wire::Writer& w) const {
  using detail::write_extension;
  w.opaque8(certificate_request_context);
  const auto exts = w.open_length(2);
  write_extension(w, ext13::signature_algorithms, [&] { detail::write_u16_list(w, signature_algorithms); });
  if (signature_algorithms_cert)
    write_extension(w, ext13::signature_algorithms_cert, [&] { detail::write_u16_list(w, *signature_algorithms_cert); });
  if (certificate_authorities) {
    write_extension(w, ext13::certificate_authorities, [&] {
      const auto list = w.open_length(2);
      for (const auto& dn : *certificate_authorities) w.opaque16(dn);
      w.close_length(list);
    });
  }
  w.close_length(exts);
}

}  // namespace baretls::tls
