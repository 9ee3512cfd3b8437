// SPDX-License-Identifier: MIT
// Internal: the engine's calls into the Inspector (include/baretls/tls/inspect.h).
// Each is one line at its call site and costs one null test when no inspector
// is set. The reporting lives in tls/inspect.cpp.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "baretls/tls/config.h"
#include "baretls/tls/inspect.h"
#include "tls/suites.h"

namespace baretls::tls {

// Builds the event and calls the inspector (inspect.cpp).
void report_inspect_event(const Inspector& ins, const InspectEvent& ev) noexcept;

// A secret or public value, or a handshake message (header + body).
inline void inspect(const CommonConfig& cfg, bool from_client, InspectKind kind, std::string_view name,
                    std::span<const std::uint8_t> bytes) noexcept {
  if (cfg.inspector.event == nullptr) return;
  InspectEvent ev;
  ev.kind = kind;
  ev.from_client = from_client;
  ev.name = name;
  ev.bytes = bytes;
  report_inspect_event(cfg.inspector, ev);
}

// A handshake message: named from its type byte, with its decoded fields.
// `suite`: the negotiated one so far (null before ServerHello); a
// ClientKeyExchange's layout depends on it.
void inspect_handshake(const CommonConfig& cfg, bool from_client, bool sent, std::span<const std::uint8_t> message,
                       const SuiteInfo* suite);

// The fields of a handshake message body (inspect_fields.cpp).
[[nodiscard]] HandshakeFields decode_handshake_fields(HandshakeType type, std::span<const std::uint8_t> body,
                                                      const SuiteInfo* suite);

// The end of the handshake: both Finished messages verified.
void inspect_complete(const CommonConfig& cfg, bool from_client, const SuiteInfo& suite) noexcept;

// A record as on the wire and its plaintext.
void inspect_record(const Inspector& ins, bool from_client, bool sent, std::span<const std::uint8_t> wire,
                    std::span<const std::uint8_t> plaintext, std::uint64_t sequence, bool is_protected) noexcept;

}  // namespace baretls::tls

namespace baretls::tls::detail {

struct Engine;

// Engine-level reports (inspect.cpp): a named value from this side, the key
// schedule once neg.keys is set (pre_master_secret empty when resuming), the
// Finished values.
void inspect_value(const Engine& e, InspectKind kind, std::string_view name, std::span<const std::uint8_t> bytes);
void inspect_key_schedule(const Engine& e, std::span<const std::uint8_t> pre_master_secret);
void inspect_finished(const Engine& e, std::string_view name, std::span<const std::uint8_t> handshake_hash,
                      std::span<const std::uint8_t> verify_data);

}  // namespace baretls::tls::detail
