// SPDX-License-Identifier: MIT
// Grouping a report into charts; see report_charts.h.
#include "bench/report_charts.h"

#include "bench/strings.h"

#include <algorithm>
#include <cctype>

namespace baretls::bench {
namespace {

bool starts_with(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }
bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string slug_of(const std::string& title) {
  std::string out;
  for (const char c : title) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) {
      out += static_cast<char>(std::tolower(u));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

Cluster& cluster_for(Chart& chart, const std::string& label) {
  for (auto& c : chart.clusters)
    if (c.label == label) return c;
  chart.clusters.push_back(Cluster{label, {}, std::nullopt});
  return chart.clusters.back();
}

// baretls's bars first (in report order), then the peers; OpenSSL's best
// median becomes the reference and each baretls bar gets its ratio to it.
void finish(Cluster& c) {
  std::stable_partition(c.bars.begin(), c.bars.end(), [](const Bar& b) { return b.library == "baretls"; });
  for (const auto& b : c.bars)
    if (b.library == "openssl") c.reference = std::max(c.reference.value_or(0.0), b.median);
  if (!c.reference || *c.reference <= 0) {
    c.reference.reset();
    return;
  }
  for (auto& b : c.bars)
    if (b.library == "baretls") b.ratio = b.median / *c.reference;
}

}  // namespace

std::string size_label(std::size_t bytes) {
  if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes / 1024) + " KiB";
  return std::to_string(bytes) + " B";
}

std::string group_of(const Measurement& m) {
  const std::string& a = m.algorithm;
  const std::string& op = m.operation;
  if (starts_with(op, "record") || op == "raw-seal+open") return "TLS record layer";
  if (op == "handshake") return "TLS handshakes";
  if (starts_with(a, "x509")) return "X.509";
  if (starts_with(a, "sha")) return "Hashes";
  if (starts_with(a, "hmac")) return "MACs";
  if (ends_with(a, "-gcm") || a == "chacha20-poly1305") return "AEAD";
  if (starts_with(a, "rsa")) return "RSA";
  if (starts_with(a, "ecdsa")) return "ECDSA";
  if (starts_with(a, "ecdh")) return "ECDH key exchange";
  return a;
}

std::vector<Chart> build_charts(const Report& report) {
  std::vector<Chart> charts;
  for (const auto& m : report.results) {
    // Throughput depends strongly on the message size: one chart per size.
    const std::string title =
        concat({group_of(m), ": ", m.operation, m.size == 0 ? "" : ", ", m.size == 0 ? "" : size_label(m.size)});
    auto chart = std::find_if(charts.begin(), charts.end(),
                              [&](const Chart& c) { return c.title == title && c.unit == m.unit; });
    if (chart == charts.end()) {
      charts.push_back(Chart{title, slug_of(title), m.unit, {}});
      chart = charts.end() - 1;
    }
    cluster_for(*chart, m.algorithm).bars.push_back(Bar{m.library, m.path, m.median, m.min, m.max, std::nullopt});
  }
  // Two charts may share a title only if their units differ: keep slugs unique.
  for (std::size_t i = 0; i < charts.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j)
      if (charts[j].slug == charts[i].slug) charts[i].slug += concat({"-", std::to_string(i)});
    for (auto& c : charts[i].clusters) finish(c);
  }
  return charts;
}

}  // namespace baretls::bench
