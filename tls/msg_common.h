// SPDX-License-Identifier: MIT
// Helpers shared by the handshake-message parsers (tls/msg_*.cpp): lists of
// 16-bit code points, the extension block walker with duplicate detection.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "baretls/tls/errors.h"
#include "tls/wire.h"

namespace baretls::tls::detail {

// A vector of uint16 with an even byte length in [min, max] (RFC 5246 §4.3).
[[nodiscard]] Result<std::vector<std::uint16_t>> read_u16_list(wire::Reader& r, std::size_t min,
                                                               std::size_t max);
void write_u16_list(wire::Writer& w, std::span<const std::uint16_t> list);

// RFC 5246 §7.4.1.4: Extension extensions<0..2^16-1>;
//   struct { ExtensionType extension_type; opaque extension_data<0..2^16-1>; }
// Calls on_ext(type, data_reader) for each; RFC 5246 §7.4.1.4 "There MUST NOT
// be more than one extension of the same type" -> decode_duplicate_extension.
// The types seen are one bit each in a 2^16-bit map (8 KiB), so the check is
// linear in the extension count (a 64 KiB block holds up to 16,383).
// An absent block (no bytes left) is fine; a present one must be exact.
template <typename F>
[[nodiscard]] Error walk_extensions(wire::Reader& r, F&& on_ext) {
  if (r.empty()) return Error::ok;
  auto block = r.sub16(0, 0xffff);
  if (!block) return block.error();
  std::vector<bool> seen(0x10000);
  while (!block->empty()) {
    auto type = block->u16();
    if (!type) return type.error();
    auto data = block->sub16(0, 0xffff);
    if (!data) return data.error();
    if (seen[*type]) return Error::decode_duplicate_extension;
    seen[*type] = true;
    BARETLS_TRY(on_ext(*type, *data));
  }
  return r.expect_empty();
}

// Writes one extension: type, then a back-filled 2-byte length around body().
template <typename F>
void write_extension(wire::Writer& w, std::uint16_t type, F&& body) {
  w.u16(type);
  const auto m = w.open_length(2);
  body();
  w.close_length(m);
}

}  // namespace baretls::tls::detail
