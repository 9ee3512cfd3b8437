// SPDX-License-Identifier: MIT
// NewSessionTicket (RFC 5077 §3.3): the server's ticket and its lifetime
// hint, sent before its ChangeCipherSpec.
#include "tls/messages.h"

namespace baretls::tls {

// RFC 5077 §3.3: struct { uint32 ticket_lifetime_hint; opaque ticket<0..2^16-1>; } NewSessionTicket;
Result<NewSessionTicket> NewSessionTicket::parse(std::span<const std::uint8_t> body) {
  wire::Reader r(body);
  auto hint = r.u32();
  auto ticket = r.opaque16(0, 0xffff);
  if (!hint || !ticket) return r.error();
  BARETLS_TRY(r.expect_empty());
  NewSessionTicket m;
  m.ticket_lifetime_hint = *hint;
  m.ticket.assign(ticket->begin(), ticket->end());
  return m;
}

void NewSessionTicket::serialize(wire::Writer& w) const {
  w.u32(ticket_lifetime_hint);
  w.opaque16(ticket);
}

}  // namespace baretls::tls
