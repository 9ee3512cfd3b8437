// SPDX-License-Identifier: MIT
// Test support: run a check once per implementation path. Each path is a
// CPU-feature mask; paths that select the same features on this machine are
// run once. The portable path (mask 0) and the full set always come first.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "baretls/crypto/cpu.h"

namespace baretls::test {

struct CpuPath {
  std::string name;
  std::uint32_t mask;
};

// Sets the feature mask for its lifetime and restores the previous one.
class ScopedCpuMask {
 public:
  explicit ScopedCpuMask(std::uint32_t mask) : saved_(crypto::cpu_features_mask()) {
    crypto::set_cpu_features_mask(mask);
  }
  ScopedCpuMask(const ScopedCpuMask&) = delete;
  ScopedCpuMask& operator=(const ScopedCpuMask&) = delete;
  ~ScopedCpuMask() { crypto::set_cpu_features_mask(saved_); }

 private:
  std::uint32_t saved_;
};

// Portable, every intermediate mask given (e.g. "aesni without vaes"), and
// all features; de-duplicated by what they enable on this CPU. Never empty:
// the portable path is always first, so a test that counts its runs checks
// `runs == per_path * paths.size()` on any CPU. An intermediate mask that
// enables everything this CPU has (e.g. "aesni without vaes" on AArch64) is
// the native path, and is named so.
inline std::vector<CpuPath> cpu_paths(std::initializer_list<CpuPath> intermediate = {}) {
  const std::uint32_t native = crypto::cpu_detected_features();
  std::vector<CpuPath> out{{"portable", 0}};
  std::vector<std::uint32_t> seen{0};
  const auto add = [&](const CpuPath& p) {
    const std::uint32_t effective = p.mask & native;
    for (auto s : seen)
      if (s == effective) return;
    seen.push_back(effective);
    out.push_back(p);
  };
  for (const auto& p : intermediate)
    if ((p.mask & native) != native) add(p);
  add({"native", crypto::kAllCpuFeatures});
  return out;
}

}  // namespace baretls::test
