// SPDX-License-Identifier: MIT
// The server_name extension (RFC 6066 §3): which host names are valid, the
// name a client sends, and the server's certificate selection by it: each
// chain's leaf is matched by its subjectAltName dNSName entries with x509/'s
// RFC 6125 §6.4 rules (exact names first, then a wildcard that is the whole
// left-most label), and the default chain comes last.
#include <algorithm>

#include "baretls/x509/certificate.h"
#include "baretls/x509/hostname.h"
#include "tls/features.h"

namespace baretls::tls::detail {

namespace {

enum class Match : std::uint8_t { none, wildcard, exact };

// How well `leaf`'s SAN dNSNames name `host`. The subject CN is never used
// (RFC 6125 §6.4.4 allows it only without SAN; x509/ never does).
Match match_leaf(std::span<const std::uint8_t> leaf_der, std::string_view host) {
  auto cert = x509::Certificate::parse(leaf_der);
  if (!cert) return Match::none;
  Match best = Match::none;
  for (const auto& san : cert->subject_alt_names) {
    if (san.form != x509::NameForm::dns) continue;
    const std::string_view presented(reinterpret_cast<const char*>(san.value.data()), san.value.size());
    if (!x509::match_dns_name(presented, host)) continue;
    // RFC 6125 §6.4.3: a wildcard only as the complete left-most label.
    const bool wildcard = presented.find('*') != std::string_view::npos;
    best = std::max(best, wildcard ? Match::wildcard : Match::exact);
  }
  return best;
}

bool is_label_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

bool is_valid_label(std::string_view label) noexcept {
  if (label.empty() || label.size() > 63) return false;  // RFC 1035 §2.3.4
  if (label.front() == '-' || label.back() == '-') return false;  // RFC 1123 §2.1 LDH
  return std::all_of(label.begin(), label.end(), is_label_char);
}

char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_ip_literal(std::string_view name) noexcept {
  if (name.find(':') != std::string_view::npos) return true;  // IPv6
  return !name.empty() &&
         std::all_of(name.begin(), name.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
}

}  // namespace

// see features.h
bool is_valid_host_name(std::string_view name) noexcept {
  if (name.empty() || name.size() > 253) return false;  // RFC 1035 §2.3.4: 255 octets on the wire
  for (;;) {
    const auto dot = name.find('.');
    if (!is_valid_label(name.substr(0, dot))) return false;  // also: an empty label, a trailing dot
    if (dot == std::string_view::npos) return true;
    name.remove_prefix(dot + 1);
  }
}

bool same_host_name(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

std::optional<std::string> client_sni(std::string_view server_name) {
  // RFC 6066 §3: "without a trailing dot" (a name given as absolute, "host.", is sent as "host").
  if (server_name.size() > 1 && server_name.back() == '.') server_name.remove_suffix(1);
  if (is_ip_literal(server_name) || !is_valid_host_name(server_name)) return std::nullopt;
  return std::string(server_name);
}

std::vector<ChainTier> sni_tiers(const ServerConfig& cfg, const std::optional<std::string>& server_name) {
  ChainTier exact{{}, true};
  ChainTier wildcard{{}, true};
  ChainTier all{{}, false};
  for (const auto& ck : cfg.certificates) {
    all.chains.push_back(&ck);
    // One chain has nothing to choose from; a chain without a leaf cannot match.
    if (!server_name || server_name->empty() || cfg.certificates.size() < 2 || ck.chain.empty()) continue;
    const Match m = match_leaf(ck.chain.front(), *server_name);
    if (m == Match::exact) exact.chains.push_back(&ck);
    if (m == Match::wildcard) wildcard.chains.push_back(&ck);
  }
  std::vector<ChainTier> tiers;
  for (auto* t : {&exact, &wildcard, &all})
    if (!t->chains.empty()) tiers.push_back(std::move(*t));
  return tiers;
}

}  // namespace baretls::tls::detail
