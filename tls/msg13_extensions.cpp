// SPDX-License-Identifier: MIT
// The TLS 1.3 extension table (RFC 8446 §4.2) and KeyShareEntry (§4.2.8);
// see messages13.h and msg13_common.h.
#include "tls/msg13_common.h"

namespace baretls::tls {

namespace {

using Ctx = ExtensionContext;

// One bit per ExtensionContext.
constexpr std::uint8_t bit(Ctx c) noexcept { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(c)); }
constexpr std::uint8_t kCH = bit(Ctx::client_hello), kSH = bit(Ctx::server_hello),
                       kHRR = bit(Ctx::hello_retry_request), kEE = bit(Ctx::encrypted_extensions),
                       kCT = bit(Ctx::certificate), kCR = bit(Ctx::certificate_request),
                       kNST = bit(Ctx::new_session_ticket);

struct Row {
  std::uint16_t type;
  std::uint8_t allowed;
};

// RFC 8446 §4.2, the "TLS 1.3" column; record_size_limit from RFC 8449 §5.
// clang-format off
constexpr Row kTable[] = {
  {ext13::server_name,                            kCH | kEE},
  {ext13::max_fragment_length,                    kCH | kEE},
  {ext13::status_request,                         kCH | kCR | kCT},
  {ext13::supported_groups,                       kCH | kEE},
  {ext13::signature_algorithms,                   kCH | kCR},
  {ext13::use_srtp,                               kCH | kEE},
  {ext13::heartbeat,                              kCH | kEE},
  {ext13::application_layer_protocol_negotiation, kCH | kEE},
  {ext13::signed_certificate_timestamp,           kCH | kCR | kCT},
  {ext13::client_certificate_type,                kCH | kEE},
  {ext13::server_certificate_type,                kCH | kEE},
  {ext13::padding,                                kCH},
  {ext13::record_size_limit,                      kCH | kEE},
  {ext13::key_share,                              kCH | kSH | kHRR},
  {ext13::pre_shared_key,                         kCH | kSH},
  {ext13::psk_key_exchange_modes,                 kCH},
  {ext13::early_data,                             kCH | kEE | kNST},
  {ext13::cookie,                                 kCH | kHRR},
  {ext13::supported_versions,                     kCH | kSH | kHRR},
  {ext13::certificate_authorities,                kCH | kCR},
  {ext13::oid_filters,                            kCR},
  {ext13::post_handshake_auth,                    kCH},
  {ext13::signature_algorithms_cert,              kCH | kCR},
};
// clang-format on

const Row* find_row(std::uint16_t type) noexcept {
  for (const auto& row : kTable)
    if (row.type == type) return &row;
  return nullptr;
}

}  // namespace

bool is_known_extension13(std::uint16_t type) noexcept { return find_row(type) != nullptr; }

bool extension_allowed13(std::uint16_t type, ExtensionContext where) noexcept {
  const Row* row = find_row(type);
  return row != nullptr && (row->allowed & bit(where)) != 0;
}

namespace detail {

Error other_extension13(std::uint16_t type, ExtensionContext where) noexcept {
  if (is_known_extension13(type) && !extension_allowed13(type, where)) return Error::extension_not_allowed;
  switch (where) {
    case Ctx::client_hello:
    case Ctx::certificate_request:
    case Ctx::new_session_ticket: return Error::ok;
    case Ctx::server_hello:
    case Ctx::hello_retry_request:
    case Ctx::encrypted_extensions:
    case Ctx::certificate: break;
  }
  return Error::unoffered_extension;
}

// RFC 8446 §4.2.8: struct { NamedGroup group; opaque key_exchange<1..2^16-1>; } KeyShareEntry;
Result<KeyShareEntry> read_key_share_entry(wire::Reader& r) {
  auto group = r.u16();
  auto key = r.opaque16(1, 0xffff);
  if (!group || !key) return r.error();
  KeyShareEntry e;
  e.group = *group;
  e.key_exchange.assign(key->begin(), key->end());
  return e;
}

void write_key_share_entry(wire::Writer& w, const KeyShareEntry& e) {
  w.u16(e.group);
  w.opaque16(e.key_exchange);
}

}  // namespace detail

}  // namespace baretls::tls
