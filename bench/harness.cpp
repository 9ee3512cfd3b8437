// SPDX-License-Identifier: MIT
// Benchmark cases: registry, implementation paths, aliases; see harness.h.
#include "bench/harness.h"

#include <algorithm>
#include <set>
#include <utility>

#include "baretls/crypto/cpu.h"

namespace baretls::bench {

std::vector<Family>& registry() {
  static std::vector<Family> families;
  return families;
}

Registrar::Registrar(std::string name, std::string library, Factory make) {
  registry().push_back(Family{std::move(name), std::move(library), std::move(make)});
}

std::vector<std::string>& library_versions() {
  static std::vector<std::string> versions;
  return versions;
}

LibraryVersion::LibraryVersion(std::string version) { library_versions().push_back(std::move(version)); }

Case failed_setup(std::string algorithm, std::string operation, std::string library) {
  return Case{std::move(algorithm), std::move(operation), std::move(library), "setup-failed", 0,
              Unit::operations_per_second, 0, [](std::size_t) { return false; }};
}

std::vector<Path> distinct_paths(const std::function<std::string()>& impl_name,
                                 std::vector<std::uint32_t> intermediate_masks) {
  const std::uint32_t ceiling = crypto::cpu_features_mask();  // the user's restriction
  std::vector<std::uint32_t> masks{0};
  masks.insert(masks.end(), intermediate_masks.begin(), intermediate_masks.end());
  masks.push_back(crypto::kAllCpuFeatures);
  std::vector<Path> out;
  for (auto m : masks) {
    const std::uint32_t allowed = m & ceiling;
    crypto::set_cpu_features_mask(allowed);
    std::string name = impl_name();
    const bool seen = std::any_of(out.begin(), out.end(), [&](const Path& p) { return p.name == name; });
    if (!seen) out.push_back(Path{std::move(name), allowed});
  }
  crypto::set_cpu_features_mask(ceiling);
  return out;
}

std::string dispatch_path() { return crypto::cpu_features() == 0 ? "portable" : "default"; }

namespace {

// `openssl speed` names for the families that differ.
constexpr std::pair<std::string_view, std::string_view> kAliases[] = {
    {"ecdhp256", "p256"},        {"ecdhp384", "p384"},         {"ecdhx25519", "x25519"},
    {"ecdsap256", "ecdsa-p256"}, {"ecdsap384", "ecdsa-p384"},  {"hmac", "hmac-sha256"},
};

}  // namespace

std::string_view resolve_family(std::string_view name) {
  for (const auto& [alias, family] : kAliases)
    if (name == alias) return family;
  return name;
}

std::vector<Case> build_cases(const std::vector<std::string>& families, const std::vector<std::string>& libraries,
                              std::vector<std::string>& unknown) {
  std::set<std::string, std::less<>> known;
  for (const auto& f : registry()) known.insert(f.name);
  // Keep the order of the command line (or of registration when none given).
  std::vector<std::string> order;
  for (const auto& name : families) {
    const std::string family(resolve_family(name));
    if (known.count(family) == 0) {
      unknown.push_back(name);
    } else if (std::find(order.begin(), order.end(), family) == order.end()) {
      order.push_back(family);
    }
  }
  if (families.empty()) {
    for (const auto& f : registry())
      if (std::find(order.begin(), order.end(), f.name) == order.end()) order.push_back(f.name);
  }
  std::vector<Case> cases;
  for (const auto& name : order) {
    for (const auto& lib : libraries) {
      for (const auto& f : registry()) {
        if (f.name != name || f.library != lib) continue;
        const std::uint32_t saved = crypto::cpu_features_mask();
        f.make(cases);
        crypto::set_cpu_features_mask(saved);
      }
    }
  }
  return cases;
}

}  // namespace baretls::bench
