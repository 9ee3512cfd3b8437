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

// RFC 5246 §7.4.1.3 and RFC 8446 §4.1.3: a ServerHello up to its extensions
//   ProtocolVersion (legacy_)version; Random random; opaque session_id<0..32>;
//   CipherSuite cipher_suite; uint8 compression_method;
struct ServerHelloFields {
  std::uint16_t version = 0;
  std::span<const std::uint8_t> random;      // 32 bytes
  std::span<const std::uint8_t> session_id;  // <0..32>
  std::uint16_t cipher_suite = 0;
  std::uint8_t compression_method = 0;
};
[[nodiscard]] Result<ServerHelloFields> read_server_hello_fields(wire::Reader& r);

// A vector of uint16 with an even byte length in [min, max] (RFC 5246 §4.3).
[[nodiscard]] Result<std::vector<std::uint16_t>> read_u16_list(wire::Reader& r, std::size_t min,
                                                               std::size_t max);
void write_u16_list(wire::Writer& w, std::span<const std::uint16_t> list);

// RFC 5246 §7.4.1.4: struct { ExtensionType extension_type;
//   opaque extension_data<0..2^16-1>; } Extension;
// Calls on_ext(type, data_reader) for each extension of the block `block`
// (the body of an extensions vector); RFC 5246 §7.4.1.4 "There MUST NOT be
// more than one extension of the same type" -> decode_duplicate_extension.
// The types seen are one bit each in a 2^16-bit map (8 KiB), so the check is
// linear in the extension count (a 64 KiB block holds up to 16,383).
template <typename F>
[[nodiscard]] Error walk_extension_list(wire::Reader& block, F&& on_ext) {
  std::vector<bool> seen(0x10000);
  while (!block.empty()) {
    auto type = block.u16();
    if (!type) return type.error();
    auto data = block.sub16(0, 0xffff);
    if (!data) return data.error();
    if (seen[*type]) return Error::decode_duplicate_extension;
    seen[*type] = true;
    BARETLS_TRY(on_ext(*type, *data));
  }
  return Error::ok;
}

// RFC 5246 §7.4.1.4: Extension extensions<0..2^16-1>; the optional block at
// the end of a hello. An absent block (no bytes left) is fine; a present one
// must be exact.
template <typename F>
[[nodiscard]] Error walk_extensions(wire::Reader& r, F&& on_ext) {
  if (r.empty()) return Error::ok;
  auto block = r.sub16(0, 0xffff);
  if (!block) return block.error();
  BARETLS_TRY(walk_extension_list(*block, on_ext));
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
