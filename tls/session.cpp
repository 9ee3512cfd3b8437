// SPDX-License-Identifier: MIT
// Session byte form (see include/baretls/tls/session.h): a version byte,
// the resumption parameters and the master secret, every field bounded and
// checked on the way back in.
#include "baretls/tls/session.h"

#include "tls/suites.h"
#include "tls/wire.h"

namespace baretls::tls {

namespace {
// version + suite + ems + created + hint + four length prefixes + master secret.
constexpr std::size_t kFixedSize = 1 + 2 + 1 + 8 + 4 + 1 + 2 + 2 + 1 + Session::kMasterSecretSize;
constexpr std::uint8_t kFormatWithoutName = 2;  // before server_name was bound (still read)
}  // namespace

std::vector<std::uint8_t> Session::serialize() const {
  if (peer_certificate.size() > kMaxPeerCertificateSize) return {};
  if (server_name.size() > kMaxServerNameSize) return {};
  std::vector<std::uint8_t> out(kFixedSize + session_id.size() + ticket.size() + peer_certificate.size() +
                                server_name.size());
  wire::Writer w(out);
  w.u8(kFormatVersion);
  w.u16(static_cast<std::uint16_t>(suite));
  w.u8(extended_master_secret ? 1 : 0);
  const auto t = static_cast<std::uint64_t>(created);
  w.u32(static_cast<std::uint32_t>(t >> 32));
  w.u32(static_cast<std::uint32_t>(t));
  w.u32(ticket_lifetime_hint);
  w.opaque8(session_id);
  w.opaque16(ticket);
  w.opaque16(peer_certificate);
  w.opaque8({reinterpret_cast<const std::uint8_t*>(server_name.data()), server_name.size()});
  w.bytes(master_.expose());
  auto n = w.finish();
  if (!n) {  // an over-long ID or ticket: nothing usable to write
    crypto::secure_wipe(out);
    return {};
  }
  out.resize(*n);
  return out;
}

Result<Session> Session::parse(std::span<const std::uint8_t> bytes) {
  wire::Reader r(bytes);
  auto version = r.u8();
  auto suite = r.u16();
  auto ems = r.u8();
  auto hi = r.u32();
  auto lo = r.u32();
  auto hint = r.u32();
  auto sid = r.opaque8(0, kMaxSessionIdSize);
  auto ticket = r.opaque16(0, kMaxTicketSize);
  auto peer = r.opaque16(0, kMaxPeerCertificateSize);
  const bool named = version && *version == kFormatVersion;
  auto name = named ? r.opaque8(0, kMaxServerNameSize) : Result<std::span<const std::uint8_t>>(std::span<const std::uint8_t>{});
  auto master = r.bytes(kMasterSecretSize);
  if (!version || !suite || !ems || !hi || !lo || !hint || !sid || !ticket || !peer || !name || !master)
    return r.error();
  BARETLS_TRY(r.expect_empty());
  if ((*version != kFormatVersion && *version != kFormatWithoutName) || *ems > 1 || find_suite(*suite) == nullptr)
    return Error::decode_bad_value;
  Session s;
  s.suite = static_cast<CipherSuite>(*suite);
  s.extended_master_secret = *ems == 1;
  s.created = static_cast<std::int64_t>((std::uint64_t{*hi} << 32) | *lo);
  s.ticket_lifetime_hint = *hint;
  s.session_id.assign(sid->begin(), sid->end());
  s.ticket.assign(ticket->begin(), ticket->end());
  s.peer_certificate.assign(peer->begin(), peer->end());
  s.server_name.assign(name->begin(), name->end());
  s.set_master_secret(master->first<kMasterSecretSize>());
  return s;
}

}  // namespace baretls::tls
