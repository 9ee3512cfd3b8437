// SPDX-License-Identifier: MIT
// Server certificate selection by the client's server_name (RFC 6066 §3):
// each chain's leaf is matched by its subjectAltName dNSName entries with
// x509/'s RFC 6125 §6.4 rules (exact names first, then a wildcard that is
// the whole left-most label), and the default chain comes last.
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

}  // namespace

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
