// SPDX-License-Identifier: MIT
// The --trace formatter (see trace.h): each handshake message as its name and
// decoded fields (suites, extensions, groups, key sizes), from the fields the
// Inspector event carries (include/baretls/tls/handshake_fields.h).
#include "tools/trace.h"

#include <cstdint>
#include <cstdio>
#include <type_traits>
#include <variant>
#include <span>
#include <vector>

#include "baretls/tls/errors.h"
#include "baretls/tls/names.h"
#include "baretls/tls/suite_info.h"
#include "tools/escape.h"

namespace baretls::cli {

namespace {

std::string hex(std::span<const std::uint8_t> b, std::size_t max = 16) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s;
  for (std::size_t i = 0; i < b.size() && i < max; ++i) {
    s += kDigits[b[i] >> 4];
    s += kDigits[b[i] & 15];
  }
  if (b.size() > max) s += "...";
  return s;
}

std::string code(std::uint16_t v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%04x", v);
  return buf;
}

// A code point's name, or the code itself when baretls does not know it.
std::string name_or_code(std::string_view name, std::uint16_t v) {
  return name == "unknown" ? code(v) : std::string(name);
}
std::string suite_text(std::uint16_t v) {
  return name_or_code(tls::suite_name(static_cast<tls::CipherSuite>(v)), v);
}
std::string group_text(std::uint16_t v) {
  return name_or_code(tls::group_name(static_cast<tls::NamedGroup>(v)), v);
}
std::string scheme_text(std::uint16_t v) {
  return name_or_code(tls::scheme_name(static_cast<tls::SignatureScheme>(v)), v);
}

template <typename T, typename F>
std::string join(const std::vector<T>& v, F f) {
  std::string s;
  for (const auto& x : v) {
    if (!s.empty()) s += ',';
    s += f(x);
  }
  return s;
}

std::string size_text(std::size_t n) { return std::to_string(n) + " bytes"; }

std::string describe(const tls::ClientHelloFields& ch) {
  std::string s = "version=" + code(ch.client_version) + " random=" + hex(ch.random) +
                  " suites=" + join(ch.cipher_suites, suite_text);
  if (ch.server_name) s += " server_name=" + *ch.server_name;
  if (ch.supported_groups) s += " groups=" + join(*ch.supported_groups, group_text);
  if (ch.signature_algorithms) s += " sigalgs=" + join(*ch.signature_algorithms, scheme_text);
  if (ch.alpn) s += " alpn=" + join(*ch.alpn, [](const std::string& p) { return p; });
  if (ch.extended_master_secret) s += " extended_master_secret";
  if (ch.renegotiation_info) s += " renegotiation_info";
  if (!ch.session_id.empty()) s += " session_id=" + hex(ch.session_id);
  if (ch.session_ticket) s += " session_ticket=" + size_text(ch.session_ticket->size());
  return s;
}

std::string describe(const tls::ServerHelloFields& sh) {
  std::string s = "version=" + code(sh.server_version) + " random=" + hex(sh.random) +
                  " session_id=" + hex(sh.session_id) + " suite=" + suite_text(sh.cipher_suite);
  if (sh.server_name_ack) s += " server_name";
  if (sh.alpn) s += " alpn=" + *sh.alpn;
  if (sh.extended_master_secret) s += " extended_master_secret";
  if (sh.renegotiation_info) s += " renegotiation_info";
  if (sh.session_ticket) s += " session_ticket";
  return s;
}

std::string describe(const tls::CertificateFields& c) {
  std::string s = std::to_string(c.certificate_list.size()) + " certificate(s), sizes";
  for (const auto& x : c.certificate_list) s += ' ' + std::to_string(x.size());
  return s;
}

std::string describe(const tls::ServerKeyExchangeFields& k) {
  return "group=" + group_text(k.named_curve) + " public=" + hex(k.public_point) +
         " sigalg=" + scheme_text(k.signature_scheme) + " signature=" + size_text(k.signature.size());
}

std::string describe(const tls::ClientKeyExchangeFields& k) {
  return (k.rsa ? "encrypted_pre_master_secret=" : "public=") + hex(k.exchange_keys);
}

std::string describe(const tls::CertificateRequestFields& r) {
  return "types=" + join(r.certificate_types, [](std::uint8_t t) { return std::to_string(t); }) +
         " sigalgs=" + join(r.signature_algorithms, scheme_text) +
         " authorities=" + std::to_string(r.authorities.size());
}

std::string describe(const tls::CertificateVerifyFields& v) {
  return "sigalg=" + scheme_text(v.signature_scheme) + " signature=" + size_text(v.signature.size());
}

std::string describe(const tls::FinishedFields& f) { return "verify_data=" + hex(f.verify_data, 12); }

std::string describe(const tls::NewSessionTicketFields& t) {
  return "lifetime_hint=" + std::to_string(t.ticket_lifetime_hint) + " ticket=" + size_text(t.ticket.size());
}

// A handshake message: its name and fields (its size when it has none).
std::string describe_message(const tls::InspectEvent& e) {
  const std::size_t body = e.bytes.size() >= 4 ? e.bytes.size() - 4 : 0;
  std::string fields = size_text(body);
  if (e.fields != nullptr) {
    fields = std::visit(
        [&](const auto& f) -> std::string {
          using F = std::decay_t<decltype(f)>;
          if constexpr (std::is_same_v<F, std::monostate>) {
            return size_text(body);
          } else if constexpr (std::is_same_v<F, tls::Error>) {
            return "(malformed: " + std::string(tls::to_string(f)) + ")";
          } else {
            return describe(f);
          }
        },
        *e.fields);
  }
  return std::string(e.name) + " " + fields;
}

// RFC 5246 §7.2: an alert record's plaintext is its level and description.
std::optional<std::string> describe_alert(std::span<const std::uint8_t> body) {
  if (body.size() != 2 || (body[0] != 1 && body[0] != 2)) return std::nullopt;
  return std::string("Alert ") + (body[0] == 2 ? "fatal " : "warning ") +
         std::string(tls::to_string(static_cast<tls::Alert>(body[1])));
}

}  // namespace

std::optional<std::string> trace_line(const tls::InspectEvent& e) {
  using K = tls::InspectKind;
  const bool sent = e.kind == K::handshake_sent || e.kind == K::record_sent;
  const std::string arrow = sent ? ">>> " : "<<< ";
  switch (e.kind) {
    case K::handshake_sent:
    case K::handshake_received: return arrow + describe_message(e);
    case K::record_sent:
    case K::record_received: {
      if (e.name == "change_cipher_spec") return arrow + "ChangeCipherSpec";
      if (e.name != "alert") return std::nullopt;
      const auto alert = describe_alert(e.plaintext);
      if (!alert) return std::nullopt;
      return arrow + *alert;
    }
    case K::handshake_complete: return "=== handshake complete: " + std::string(e.name);
    case K::secret:
    case K::value: break;
  }
  return std::nullopt;
}

void print_trace_line(std::string_view line) {
  // Trace lines quote the peer's SNI, ALPN and other fields.
  const std::string text = escape_peer_text(line);
  std::fprintf(stderr, "trace: %s\n", text.c_str());
}

tls::Inspector stderr_trace() noexcept {
  return {[](void*, const tls::InspectEvent& e) {
            if (const auto line = trace_line(e)) print_trace_line(*line);
          },
          nullptr};
}

}  // namespace baretls::cli
