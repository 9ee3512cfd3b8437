// SPDX-License-Identifier: MIT
// The post-handshake messages of TLS 1.3 (RFC 8446 §4.6): NewSessionTicket
// (§4.6.1) with early_data (§4.2.10), and KeyUpdate (§4.6.3).
#include "tls/msg13_common.h"

namespace baretls::tls {

namespace {

// §4.2.10: in NewSessionTicket, struct { uint32 max_early_data_size; } EarlyDataIndication;
Error parse_nst_extension(NewSessionTicket13& nst, std::uint16_t type, wire::Reader& r) {
  constexpr auto where = ExtensionContext::new_session_ticket;
  if (type != ext13::early_data) return detail::other_extension13(type, where);
  auto v = r.u32();
  if (!v) return v.error();
  nst.max_early_data_size = *v;
  return r.expect_empty();
}

}  // namespace

// RFC 8446 §4.6.1:
//   struct { uint32 ticket_lifetime; uint32 ticket_age_add; opaque ticket_nonce<0..255>;
//            opaque ticket<1..2^16-1>; Extension extensions<0..2^16-2>; } NewSessionTicket;
Result<NewSessionTicket13> NewSessionTicket13::parse(std::span<const std::uint8_t> body) {
  wire::Reader r(body);
  NewSessionTicket13 nst;
  auto lifetime = r.u32();
  auto age_add = r.u32();
  auto nonce = r.opaque8(0, 255);
  auto ticket = r.opaque16(1, 0xffff);
  if (!lifetime || !age_add || !nonce || !ticket) return r.error();
  nst.ticket_lifetime = *lifetime;
  nst.ticket_age_add = *age_add;
  nst.ticket_nonce.assign(nonce->begin(), nonce->end());
  nst.ticket.assign(ticket->begin(), ticket->end());
  BARETLS_TRY(detail::walk_extensions13(r, 0, 0xfffe, [&](std::uint16_t type, wire::Reader& data) {
    return parse_nst_extension(nst, type, data);
  }));
  BARETLS_TRY(r.expect_empty());
  return nst;
}

void NewSessionTicket13::serialize(wire::Writer& w) const {
  w.u32(ticket_lifetime);
  w.u32(ticket_age_add);
  w.opaque8(ticket_nonce);
  w.opaque16(ticket);
  const auto exts = w.open_length(2);
  if (max_early_data_size) detail::write_extension(w, ext13::early_data, [&] { w.u32(*max_early_data_size); });
  w.close_length(exts);
}

// RFC 8446 §4.6.3: struct { KeyUpdateRequest request_update; } KeyUpdate;
Result<KeyUpdate> KeyUpdate::parse(std::span<const std::uint8_t> body) {
  wire::Reader r(body);
  auto request = r.u8();
  if (!request) return request.error();
  BARETLS_TRY(r.expect_empty());
  // §4.6.3 (https://www.rfc-editor.org/rfc/rfc8446#section-4.6.3)
  // "If an implementation receives any other value, it MUST terminate the
  // connection with an "illegal_parameter" alert."
  if (*request > static_cast<std::uint8_t>(KeyUpdateRequest::update_requested)) return Error::bad_key_update_request;
  KeyUpdate ku;
  ku.request_update = static_cast<KeyUpdateRequest>(*request);
  return ku;
}

void KeyUpdate::serialize(wire::Writer& w) const { w.u8(static_cast<std::uint8_t>(request_update)); }

}  // namespace baretls::tls
