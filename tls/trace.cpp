// SPDX-License-Identifier: MIT
// One-line descriptions of handshake messages for --trace: the message
// name and its decoded fields (suites, extensions, groups, key sizes).
#include <cstdio>
#include <string>

#include "tls/engine.h"

namespace baretls::tls::detail {

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

std::string suite_name(std::uint16_t v) {
  const SuiteInfo* s = find_suite(v);
  return s != nullptr ? std::string(s->iana_name) : code(v);
}

std::string group_text(std::uint16_t v) {
  return is_known_group(v) ? std::string(group_name(static_cast<NamedGroup>(v))) : code(v);
}

std::string scheme_text(std::uint16_t v) {
  return is_known_scheme(v) ? std::string(scheme_name(static_cast<SignatureScheme>(v))) : code(v);
}

template <typename F>
std::string join(const std::vector<std::uint16_t>& v, F f) {
  std::string s;
  for (const auto x : v) {
    if (!s.empty()) s += ',';
    s += f(x);
  }
  return s;
}

std::string describe_client_hello(std::span<const std::uint8_t> body) {
  auto ch = ClientHello::parse(body);
  if (!ch) return "(malformed: " + std::string(to_string(ch.error())) + ")";
  std::string s = "version=" + code(ch->client_version) + " random=" + hex(ch->random) +
                  " suites=" + join(ch->cipher_suites, suite_name);
  if (ch->server_name) s += " server_name=" + *ch->server_name;
  if (ch->supported_groups) s += " groups=" + join(*ch->supported_groups, group_text);
  if (ch->signature_algorithms) s += " sigalgs=" + join(*ch->signature_algorithms, scheme_text);
  if (ch->alpn) {
    s += " alpn=";
    for (std::size_t i = 0; i < ch->alpn->size(); ++i) {
      if (i != 0) s += ',';
      s += (*ch->alpn)[i];
    }
  }
  if (ch->extended_master_secret) s += " extended_master_secret";
  if (ch->renegotiation_info) s += " renegotiation_info";
  if (!ch->session_id.empty()) s += " session_id=" + hex(ch->session_id);
  if (ch->session_ticket) s += " session_ticket=" + std::to_string(ch->session_ticket->size()) + " bytes";
  return s;
}

std::string describe_server_hello(std::span<const std::uint8_t> body) {
  auto sh = ServerHello::parse(body);
  if (!sh) return "(malformed: " + std::string(to_string(sh.error())) + ")";
  std::string s = "version=" + code(sh->server_version) + " random=" + hex(sh->random) +
                  " session_id=" + hex(sh->session_id) + " suite=" + suite_name(sh->cipher_suite);
  if (sh->server_name_ack) s += " server_name";
  if (sh->alpn) s += " alpn=" + *sh->alpn;
  if (sh->extended_master_secret) s += " extended_master_secret";
  if (sh->renegotiation_info) s += " renegotiation_info";
  if (sh->session_ticket) s += " session_ticket";
  return s;
}

std::string describe_body(HandshakeType type, std::span<const std::uint8_t> body, const SuiteInfo* suite) {
  switch (type) {
    case HandshakeType::client_hello: return describe_client_hello(body);
    case HandshakeType::server_hello: return describe_server_hello(body);
    case HandshakeType::certificate: {
      auto c = CertificateMsg::parse(body);
      if (!c) return "(malformed)";
      std::string s = std::to_string(c->certificate_list.size()) + " certificate(s), sizes";
      for (const auto& x : c->certificate_list) {
        s += ' ';
        s += std::to_string(x.size());
      }
      return s;
    }
    case HandshakeType::server_key_exchange: {
      auto k = ServerKeyExchange::parse(body);
      if (!k) return "(malformed)";
      return "group=" + group_text(k->named_curve) + " public=" + hex(k->public_point) +
             " sigalg=" + scheme_text(k->signature_scheme) + " signature=" + std::to_string(k->signature.size()) + " bytes";
    }
    case HandshakeType::client_key_exchange: {
      if (suite == nullptr) return "";
      auto k = ClientKeyExchange::parse(body, suite->kex);
      if (!k) return "(malformed)";
      std::string s = suite->kex == KeyExchange::rsa ? "encrypted_pre_master_secret=" : "public=";
      s += hex(k->exchange_keys);
      return s;
    }
    case HandshakeType::certificate_request: {
      auto r = CertificateRequest::parse(body);
      if (!r) return "(malformed)";
      std::string s = "types=";
      for (std::size_t i = 0; i < r->certificate_types.size(); ++i) {
        if (i != 0) s += ',';
        s += std::to_string(r->certificate_types[i]);
      }
      return s + " sigalgs=" + join(r->signature_algorithms, scheme_text) + " authorities=" +
             std::to_string(r->authorities.size());
    }
    case HandshakeType::certificate_verify: {
      auto v = CertificateVerify::parse(body);
      if (!v) return "(malformed)";
      return "sigalg=" + scheme_text(v->signature_scheme) + " signature=" + std::to_string(v->signature.size()) +
             " bytes";
    }
    case HandshakeType::finished: return "verify_data=" + hex(body, 12);
    case HandshakeType::new_session_ticket: {
      auto t = NewSessionTicket::parse(body);
      if (!t) return "(malformed)";
      return "lifetime_hint=" + std::to_string(t->ticket_lifetime_hint) + " ticket=" + std::to_string(t->ticket.size()) +
             " bytes";
    }
    default: return std::to_string(body.size()) + " bytes";
  }
}

}  // namespace

std::string describe_handshake(HandshakeType type, std::span<const std::uint8_t> body, Role sender,
                               const SuiteInfo* suite) {
  (void)sender;
  return std::string(to_string(type)) + " " + describe_body(type, body, suite);
}

}  // namespace baretls::tls::detail
