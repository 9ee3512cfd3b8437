// SPDX-License-Identifier: MIT
// Helpers shared by the TLS 1.3 message parsers (tls/msg13_*.cpp): the
// extension block with RFC bounds, the fate of extensions a message has no
// parser for (RFC 8446 §4.2), KeyShareEntry.
#pragma once

#include <cstdint>
#include <string_view>

#include "tls/messages13.h"
#include "tls/msg_common.h"

namespace baretls::tls::detail {

// Extension extensions<min..max>; (always present in TLS 1.3 messages) with
// walk_extension_list's duplicate check. Leaves r after the block.
template <typename F>
[[nodiscard]] Error walk_extensions13(wire::Reader& r, std::size_t min, std::size_t max, F&& on_ext) {
  auto block = r.sub16(min, max);
  if (!block) return block.error();
  return walk_extension_list(*block, on_ext);
}

// An extension the message does not parse: extension_not_allowed when RFC
// 8446 §4.2 does not allow it there; otherwise ignored in the messages whose
// receiver "MUST ignore unrecognized extensions" (ClientHello §4.1.2,
// CertificateRequest §4.3.2, NewSessionTicket §4.6.1) and unoffered_extension
// in responses, since baretls offers only what it parses (§4.2: "MUST abort
// the handshake with an "unsupported_extension" alert").
[[nodiscard]] Error other_extension13(std::uint16_t type, ExtensionContext where) noexcept;

// RFC 8446 §4.2.8 KeyShareEntry.
[[nodiscard]] Result<KeyShareEntry> read_key_share_entry(wire::Reader& r);
void write_key_share_entry(wire::Writer& w, const KeyShareEntry& e);

[[nodiscard]] inline std::span<const std::uint8_t> bytes_of(std::string_view s) noexcept {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

}  // namespace baretls::tls::detail
