// SPDX-License-Identifier: MIT
// The Inspector hook (include/baretls/tls/inspect.h): builds the events the
// engine reports. Everything here runs only when an inspector is set; it
// hands out secrets on purpose (documented in inspect.h).
#include "tls/inspect_hook.h"

#include <vector>

#include "tls/engine.h"
#include "tls/messages.h"

namespace baretls::tls {

namespace {

std::string_view content_type_name(std::uint8_t type) noexcept {
  switch (static_cast<ContentType>(type)) {
    case ContentType::change_cipher_spec: return "change_cipher_spec";
    case ContentType::alert: return "alert";
    case ContentType::handshake: return "handshake";
    case ContentType::application_data: return "application_data";
  }
  return "unknown";
}

}  // namespace

void report_inspect_event(const Inspector& ins, const InspectEvent& ev) noexcept {
  if (ins.event != nullptr) ins.event(ins.ctx, ev);
}

// Decoding happens here only: when no inspector is set, nothing is parsed.
void inspect_handshake(const CommonConfig& cfg, bool from_client, bool sent, std::span<const std::uint8_t> message,
                       const SuiteInfo* suite) {
  if (cfg.inspector.event == nullptr || message.size() < kHandshakeHeaderSize) return;
  const auto type = static_cast<HandshakeType>(message[0]);
  const HandshakeFields fields = decode_handshake_fields(type, message.subspan(kHandshakeHeaderSize), suite);
  InspectEvent ev;
  ev.kind = sent ? InspectKind::handshake_sent : InspectKind::handshake_received;
  ev.from_client = from_client;
  ev.name = to_string(type);
  ev.bytes = message;
  ev.fields = &fields;
  report_inspect_event(cfg.inspector, ev);
}

void inspect_complete(const CommonConfig& cfg, bool from_client, const SuiteInfo& suite) noexcept {
  inspect(cfg, from_client, InspectKind::handshake_complete, suite.iana_name, {});
}

void inspect_record(const Inspector& ins, bool from_client, bool sent, std::span<const std::uint8_t> wire,
                    std::span<const std::uint8_t> plaintext, std::uint64_t sequence, bool is_protected) noexcept {
  if (ins.event == nullptr || wire.empty()) return;
  InspectEvent ev;
  ev.kind = sent ? InspectKind::record_sent : InspectKind::record_received;
  ev.from_client = from_client;
  ev.name = content_type_name(wire[0]);
  ev.bytes = wire;
  ev.plaintext = plaintext;
  ev.sequence = sequence;
  ev.is_protected = is_protected;
  report_inspect_event(ins, ev);
}

namespace detail {

void inspect_value(const Engine& e, InspectKind kind, std::string_view name, std::span<const std::uint8_t> bytes) {
  inspect(e.config(), e.role == Role::client, kind, name, bytes);
}

// RFC 5246 §8.1 / §6.3: the randoms, the pre-master and master secret, and
// the key block, which is exactly the concatenation of its four parts. Call
// it once the traffic keys are in neg.keys.
void inspect_key_schedule(const Engine& e, std::span<const std::uint8_t> pre_master_secret) {
  if (e.config().inspector.event == nullptr) return;
  inspect_value(e, InspectKind::value, "client_random", e.neg.client_random);
  inspect_value(e, InspectKind::value, "server_random", e.neg.server_random);
  // Empty on an abbreviated handshake: the master secret comes from the session.
  if (!pre_master_secret.empty()) inspect_value(e, InspectKind::secret, "pre_master_secret", pre_master_secret);
  inspect_value(e, InspectKind::secret, "master_secret", e.neg.master.expose());
  const auto& c = e.neg.keys.client_write;
  const auto& s = e.neg.keys.server_write;
  const auto ck = c.key.expose().first(c.key_length);
  const auto sk = s.key.expose().first(s.key_length);
  const auto civ = c.iv.expose().first(c.iv_length);
  const auto siv = s.iv.expose().first(s.iv_length);
  std::vector<std::uint8_t> block;
  for (const auto part : {ck, sk, civ, siv}) block.insert(block.end(), part.begin(), part.end());
  inspect_value(e, InspectKind::secret, "key_block", block);
  inspect_value(e, InspectKind::secret, "client_write_key", ck);
  inspect_value(e, InspectKind::secret, "server_write_key", sk);
  inspect_value(e, InspectKind::secret, "client_write_iv", civ);
  inspect_value(e, InspectKind::secret, "server_write_iv", siv);
  crypto::secure_wipe(block.data(), block.size());
}

void inspect_finished(const Engine& e, std::string_view name, std::span<const std::uint8_t> handshake_hash,
                      std::span<const std::uint8_t> verify_data) {
  if (e.config().inspector.event == nullptr) return;
  if (!name.starts_with("expected_")) inspect_value(e, InspectKind::value, "finished_hash", handshake_hash);
  inspect_value(e, InspectKind::value, name, verify_data);
}

}  // namespace detail

}  // namespace baretls::tls
