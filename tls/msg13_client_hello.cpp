// SPDX-License-Identifier: MIT
// The TLS 1.3 ClientHello (RFC 8446 §4.1.2): the TLS 1.2 parse of
// msg_client_hello.cpp, then the TLS 1.3 extensions: key_share (§4.2.8),
// psk_key_exchange_modes (§4.2.9), early_data (§4.2.10), pre_shared_key
// (§4.2.11), cookie (§4.2.2), signature_algorithms_cert (§4.2.3); the
// binders' place at the end of the message (§4.2.11.2).
#include <algorithm>

#include "tls/msg13_common.h"

namespace baretls::tls {

namespace {

// RFC 8446 §4.2.11:
//   struct { opaque identity<1..2^16-1>; uint32 obfuscated_ticket_age; } PskIdentity;
//   opaque PskBinderEntry<32..255>;
//   struct { PskIdentity identities<7..2^16-1>; PskBinderEntry binders<33..2^16-1>; } OfferedPsks;
Result<OfferedPsks> parse_offered_psks(wire::Reader& r) {
  OfferedPsks psks;
  auto ids = r.sub16(7, 0xffff);
  if (!ids) return ids.error();
  while (!ids->empty()) {
    auto identity = ids->opaque16(1, 0xffff);
    auto age = ids->u32();
    if (!identity || !age) return ids->error();
    psks.identities.push_back({std::vector<std::uint8_t>(identity->begin(), identity->end()), *age});
  }
  auto binders = r.sub16(33, 0xffff);
  if (!binders) return binders.error();
  while (!binders->empty()) {
    auto b = binders->opaque8(32, 255);
    if (!b) return b.error();
    psks.binders.emplace_back(b->begin(), b->end());
  }
  BARETLS_TRY(r.expect_empty());
  return psks;
}

void write_binders(wire::Writer& w, std::span<const std::vector<std::uint8_t>> binders) {
  const auto m = w.open_length(2);
  for (const auto& b : binders) w.opaque8(b);
  w.close_length(m);
}

void write_offered_psks(wire::Writer& w, const OfferedPsks& psks) {
  const auto ids = w.open_length(2);
  for (const auto& id : psks.identities) {
    w.opaque16(id.identity);
    w.u32(id.obfuscated_ticket_age);
  }
  w.close_length(ids);
  write_binders(w, psks.binders);
}

// RFC 8446 §4.2.8: KeyShareEntry client_shares<0..2^16-1>;
Result<std::vector<KeyShareEntry>> parse_client_shares(wire::Reader& r) {
  auto list = r.sub16(0, 0xffff);
  if (!list) return list.error();
  std::vector<KeyShareEntry> shares;
  while (!list->empty()) {
    auto e = detail::read_key_share_entry(*list);
    if (!e) return e.error();
    shares.push_back(std::move(*e));
  }
  BARETLS_TRY(r.expect_empty());
  return shares;
}

// Fills the TLS 1.3 fields; the others were parsed by ClientHello::parse.
Error parse_extension13(ClientHello13& ch, std::uint16_t type, wire::Reader& r) {
  switch (type) {
    case ext13::key_share: {
      auto v = parse_client_shares(r);
      if (!v) return v.error();
      ch.key_share = std::move(*v);
      return Error::ok;
    }
    case ext13::psk_key_exchange_modes: {  // PskKeyExchangeMode ke_modes<1..255>;
      auto v = r.opaque8(1, 255);
      if (!v) return v.error();
      ch.psk_key_exchange_modes = std::vector<std::uint8_t>(v->begin(), v->end());
      return r.expect_empty();
    }
    case ext13::pre_shared_key: {
      auto v = parse_offered_psks(r);
      if (!v) return v.error();
      ch.pre_shared_key = std::move(*v);
      return Error::ok;
    }
    case ext13::cookie: {  // opaque cookie<1..2^16-1>;
      auto v = r.opaque16(1, 0xffff);
      if (!v) return v.error();
      ch.cookie = std::vector<std::uint8_t>(v->begin(), v->end());
      return r.expect_empty();
    }
    case ext13::signature_algorithms_cert: {  // SignatureScheme supported_signature_algorithms<2..2^16-2>;
      auto v = detail::read_u16_list(r, 2, 0xfffe);
      if (!v) return v.error();
      ch.signature_algorithms_cert = std::move(*v);
      return r.expect_empty();
    }
    case ext13::early_data:  // §4.2.10: empty in ClientHello
      ch.early_data = true;
      return r.expect_empty();
    default: return Error::ok;  // parsed by ClientHello::parse, or ignored
  }
}

}  // namespace

// RFC 8446 §4.1.2:
//   ProtocolVersion legacy_version = 0x0303; Random random; opaque legacy_session_id<0..32>;
//   CipherSuite cipher_suites<2..2^16-2>; opaque legacy_compression_methods<1..2^8-1>;
//   Extension extensions<8..2^16-1>;
// (A TLS 1.2 ClientHello may end before the extensions: RFC 5246 §7.4.1.2.)
Result<ClientHello13> ClientHello13::parse(std::span<const std::uint8_t> body) {
  auto hello = ClientHello::parse(body);  // bounds, trailing bytes, duplicates
  if (!hello) return hello.error();
  ClientHello13 ch;
  ch.hello = std::move(*hello);
  wire::Reader r(body);
  // Skip the fields ClientHello::parse has already checked.
  static_cast<void>(r.bytes(2 + 32));
  static_cast<void>(r.opaque8(0, 32));
  static_cast<void>(r.opaque16(2, 0xfffe));
  static_cast<void>(r.opaque8(1, 0xff));
  bool after_psk = false;
  BARETLS_TRY(detail::walk_extensions(r, [&](std::uint16_t type, wire::Reader& data) {
    if (after_psk) ch.pre_shared_key_last = false;
    after_psk = after_psk || type == ext13::pre_shared_key;
    return parse_extension13(ch, type, data);
  }));
  return ch;
}

namespace {

// RFC 8446 §4.2.11 (https://www.rfc-editor.org/rfc/rfc8446#section-4.2.11)
// "The "pre_shared_key" extension MUST be the last extension in the ClientHello"
// and the binders are "one for each value in the identities list".
// §4.2.9: "If clients offer "pre_shared_key" without a "psk_key_exchange_modes"
// extension, servers MUST abort the handshake."
Error check_psk_offer(const ClientHello13& ch) {
  if (!ch.pre_shared_key) return Error::ok;
  if (!ch.pre_shared_key_last) return Error::pre_shared_key_not_last;
  if (ch.pre_shared_key->binders.size() != ch.pre_shared_key->identities.size())
    return Error::psk_binder_count_mismatch;
  return ch.psk_key_exchange_modes ? Error::ok : Error::missing_extension;
}

// RFC 8446 §4.2.8 (https://www.rfc-editor.org/rfc/rfc8446#section-4.2.8)
// "Clients MUST NOT offer multiple KeyShareEntry values for the same group.
// Clients MUST NOT offer any KeyShareEntry values for groups not listed in the
// client's "supported_groups" extension. Servers MAY check for violations of
// these rules and abort the handshake with an "illegal_parameter" alert".
Error check_key_shares(const ClientHello13& ch) {
  if (!ch.key_share) return Error::ok;
  const auto& shares = *ch.key_share;
  for (std::size_t i = 0; i < shares.size(); ++i) {
    for (std::size_t j = i + 1; j < shares.size(); ++j)
      if (shares[i].group == shares[j].group) return Error::duplicate_key_share_group;
    const auto& groups = ch.hello.supported_groups;
    if (groups && std::find(groups->begin(), groups->end(), shares[i].group) == groups->end())
      return Error::key_share_group_not_offered;
  }
  return Error::ok;
}

// RFC 8446 §9.2 (https://www.rfc-editor.org/rfc/rfc8446#section-9.2)
// "If containing a "supported_groups" extension, it MUST also contain a
// "key_share" extension, and vice versa." "If not containing a
// "pre_shared_key" extension, it MUST contain both a "signature_algorithms"
// extension and a "supported_groups" extension." "Servers receiving a
// ClientHello which does not conform to these requirements MUST abort the
// handshake with a "missing_extension" alert."
Error check_mandatory_extensions(const ClientHello13& ch) {
  const bool groups = ch.hello.supported_groups.has_value();
  if (!ch.hello.supported_versions || groups != ch.key_share.has_value()) return Error::missing_extension;
  if (!ch.pre_shared_key && (!ch.hello.signature_algorithms || !groups)) return Error::missing_extension;
  return Error::ok;
}

}  // namespace

Error ClientHello13::check_tls13() const {
  // RFC 8446 §4.1.2 (https://www.rfc-editor.org/rfc/rfc8446#section-4.1.2)
  // "If a TLS 1.3 ClientHello is received with any other value in this field,
  // the server MUST abort the handshake with an "illegal_parameter" alert."
  const auto& comp = hello.compression_methods;
  if (comp.size() != 1 || comp[0] != 0) return Error::compression_not_null;
  BARETLS_TRY(check_psk_offer(*this));
  BARETLS_TRY(check_key_shares(*this));
  return check_mandatory_extensions(*this);
}

void ClientHello13::serialize(wire::Writer& w) const {
  using detail::write_extension;
  hello.serialize_fields(w);
  const auto exts = w.open_length(2);
  hello.serialize_extensions(w);
  if (hello.supported_versions) {  // ProtocolVersion versions<2..254>;
    write_extension(w, ext13::supported_versions, [&] {
      const auto m = w.open_length(1);
      for (const auto v : *hello.supported_versions) w.u16(v);
      w.close_length(m);
    });
  }
  if (key_share) {
    write_extension(w, ext13::key_share, [&] {
      const auto m = w.open_length(2);
      for (const auto& e : *key_share) detail::write_key_share_entry(w, e);
      w.close_length(m);
    });
  }
  if (signature_algorithms_cert)
    write_extension(w, ext13::signature_algorithms_cert, [&] { detail::write_u16_list(w, *signature_algorithms_cert); });
  if (psk_key_exchange_modes) write_extension(w, ext13::psk_key_exchange_modes, [&] { w.opaque8(*psk_key_exchange_modes); });
  if (cookie) write_extension(w, ext13::cookie, [&] { w.opaque16(*cookie); });
  if (early_data) write_extension(w, ext13::early_data, [] {});
  if (pre_shared_key) write_extension(w, ext13::pre_shared_key, [&] { write_offered_psks(w, *pre_shared_key); });
  w.close_length(exts);
}

std::size_t ClientHello13::binders_size() const noexcept {
  if (!pre_shared_key) return 0;
  std::size_t n = 2;
  for (const auto& b : pre_shared_key->binders) n += 1 + b.size();
  return n;
}

// RFC 8446 §4.2.11.2: "the binder value is computed over the Transcript-Hash
// of a partial ClientHello up to and including the
// PreSharedKeyExtension.identities field" - everything but the binders list,
// which ends the message because pre_shared_key is the last extension.
Result<std::span<const std::uint8_t>> truncate_client_hello(std::span<const std::uint8_t> client_hello_message,
                                                            const ClientHello13& ch) {
  if (!ch.pre_shared_key) return Error::invalid_argument;
  if (!ch.pre_shared_key_last) return Error::pre_shared_key_not_last;
  const std::size_t n = ch.binders_size();
  if (n > client_hello_message.size()) return Error::invalid_argument;
  return client_hello_message.first(client_hello_message.size() - n);
}

Error fill_binders(std::span<std::uint8_t> client_hello_message, std::span<const std::vector<std::uint8_t>> binders) {
  std::size_t n = 2;
  for (const auto& b : binders) n += 1 + b.size();
  if (n > client_hello_message.size()) return Error::invalid_argument;
  const auto tail = client_hello_message.last(n);
  // The placeholders must have the sizes of the binders written over them.
  wire::Reader old(tail);
  auto list = old.sub16(0, 0xffff);
  if (!list) return Error::invalid_argument;
  for (const auto& b : binders) {
    auto placeholder = list->opaque8(0, 255);
    if (!placeholder || placeholder->size() != b.size()) return Error::invalid_argument;
  }
  if (!list->empty()) return Error::invalid_argument;
  wire::Writer w(tail);
  write_binders(w, binders);
  return w.error();
}

}  // namespace baretls::tls
