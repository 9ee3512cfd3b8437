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
// `runs == per_path * paths.size()` on any CPU.
inline std::vector<CpuPath> cpu_paths(std::initializer_list<CpuPath> intermediate = {}) {
  std::vector<CpuPath> all{{"portable", 0}};
  for (const auto& p : intermediate) all.push_back(p);
  all.push_back({"native", crypto::kAllCpuFeatures});
  std::vector<CpuPath> out;
  std::vector<std::uint32_t> seen;
  for (const auto& p : all) {
    const std::uint32_t effective = p.mask & crypto::cpu_detected_features();
    bool dup = false;
    for (auto s : seen) dup = dup || s == effective;
    if (dup) continue;
    seen.push_back(effective);
    out.push_back(p);
  }
  return out;
}

}  // namespace baretls::test
