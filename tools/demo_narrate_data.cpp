// SPDX-License-Identifier: MIT
// `baretls demo` narration of the protected records: one application-data
// record each way taken apart (RFC 5246 §6.2.3.3, RFC 5288 §3 nonce, RFC
// 7905 §2 for ChaCha20-Poly1305) and decrypted by the other side, then the
// close_notify alerts (RFC 5246 §7.2.1).
#include <algorithm>
#include <string>

#include "baretls/tls/suite_info.h"
#include "tools/demo.h"

namespace baretls::cli::demo {

namespace {

std::string printable(std::span<const std::uint8_t> b) {
  std::string s = "\"";
  for (const auto c : b) {
    if (c == '\r') s += "\\r";
    else if (c == '\n') s += "\\n";
    else if (c >= 0x20 && c < 0x7f) s += static_cast<char>(c);
    else s += '.';
  }
  return s + "\"";
}

const Event* nth_record(const Log& log, bool from_client, tls::InspectKind kind, std::string_view type) {
  for (const auto& e : log.events())
    if (e.from_client == from_client && e.kind == kind && e.name == type && e.is_protected) return &e;
  return nullptr;
}

void one_direction(Out& out, const Log& log, const tls::SuiteInfo& suite, bool client, std::string_view sent_text,
                   std::string_view received_text) {
  const char* who = client ? "client" : "server";
  const char* peer = client ? "server" : "client";
  out.heading(client ? "Application data (client)" : "Application data (server)",
              client ? "client -> server" : "server -> client", "RFC 5246 §6.2.3.3");
  const Event* sent = nth_record(log, client, tls::InspectKind::record_sent, "application_data");
  const Event* got = nth_record(log, !client, tls::InspectKind::record_received, "application_data");
  if (sent == nullptr || got == nullptr) return out.check("an application-data record went each way", false);
  const std::size_t explicit_nonce = suite.record_iv_length;
  const auto wire = std::span<const std::uint8_t>(sent->bytes);
  if (wire.size() < 5 + explicit_nonce + tls::kAeadTagSize) return out.check("the record has its parts", false);
  out.say(std::string("The ") + who + "'s application writes " + std::to_string(sent->plaintext.size()) +
          " bytes; the record layer seals them with the " + who + "_write key. Record sequence number " +
          std::to_string(sent->sequence) + " (the Finished was 0) goes into the nonce and the additional data, "
          "so records cannot be replayed, dropped or reordered unnoticed.");
  out.field("plaintext", printable(sent->plaintext));
  out.bytes("record header", wire.first(5));
  out.field("", "type 23 (application_data), version 03 03, length " + std::to_string(wire.size() - 5));
  if (explicit_nonce > 0) {
    out.bytes("explicit nonce", wire.subspan(5, explicit_nonce));
    out.field("", "nonce = " + std::string(who) + "_write_IV (4-byte salt) + explicit nonce (RFC 5288 §3)");
  } else {
    out.field("nonce", std::string(who) + "_write_IV XOR sequence number (RFC 7905 §2), nothing sent");
  }
  out.bytes("ciphertext", wire.subspan(5 + explicit_nonce, wire.size() - 5 - explicit_nonce - tls::kAeadTagSize));
  out.bytes("tag", wire.last(tls::kAeadTagSize));
  out.field("additional data", "seq_num (8) + type (1) + version (2) + plaintext length (2), authenticated, not sent");
  out.say(std::string("The ") + peer + " rebuilds the nonce and additional data, checks the tag (any flipped bit "
          "fails it: bad_record_mac) and only then releases the plaintext:");
  out.field("decrypted", printable(got->plaintext));
  const bool same = std::equal(sent->plaintext.begin(), sent->plaintext.end(), got->plaintext.begin(),
                               got->plaintext.end()) &&
                    received_text == sent_text;
  out.check(std::string("the ") + peer + " decrypted exactly what the " + who + " sent", same);
}

}  // namespace

void narrate_application_data(Out& out, const Log& log, const Run& run) {
  if (!run.suite) return;
  const auto& suite = tls::suite_info(*run.suite);
  one_direction(out, log, suite, true, run.client_sent, run.server_received);
  one_direction(out, log, suite, false, run.server_sent, run.client_received);
}

void narrate_close(Out& out, const Log& log) {
  out.heading("close_notify", "client -> server, then server -> client", "RFC 5246 §7.2.1");
  out.say("Each side says it has finished sending with a close_notify alert (level 1 warning, description 0), "
          "encrypted like any record. Without it the receiver could not tell the end of the data from an "
          "attacker cutting the connection (a truncation attack).");
  const Event* c = nth_record(log, true, tls::InspectKind::record_sent, "alert");
  const Event* s_got = nth_record(log, false, tls::InspectKind::record_received, "alert");
  const Event* s = nth_record(log, false, tls::InspectKind::record_sent, "alert");
  const Event* c_got = nth_record(log, true, tls::InspectKind::record_received, "alert");
  if (c != nullptr) out.bytes("client's alert record", c->bytes);
  if (s_got != nullptr) out.bytes("server decrypts", s_got->plaintext);
  if (s != nullptr) out.bytes("server's alert record", s->bytes);
  if (c_got != nullptr) out.bytes("client decrypts", c_got->plaintext);
  const std::uint8_t close_notify[2] = {1, 0};
  const auto is_close = [&](const Event* e) {
    return e != nullptr && std::equal(e->plaintext.begin(), e->plaintext.end(), close_notify, close_notify + 2);
  };
  out.check("both sides sent and received close_notify", is_close(s_got) && is_close(c_got));
}

}  // namespace baretls::cli::demo
