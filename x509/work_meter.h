// SPDX-License-Identifier: MIT
// Internal: the work meter of one path validation (VerifyBudget,
// VerifyStats in verify.h), charged by path building and name constraints.
// Once a bound is reached the meter stays exhausted and refuses all work.
#pragma once

#include <cstddef>
#include <cstdint>

#include "baretls/x509/key.h"
#include "baretls/x509/verify.h"

namespace baretls::x509::detail {

// The cost of one signature check with `key`, in units of an RSA-2048 check
// with e = 65537 (see VerifyBudget). CT: none (public keys).
[[nodiscard]] std::uint32_t signature_work(const PublicKey& key) noexcept;

class WorkMeter {
 public:
  explicit WorkMeter(const VerifyBudget& budget) noexcept : budget_(budget) {}

  // Each returns false, charging nothing, when the work would pass a bound.
  [[nodiscard]] bool charge_signature(const PublicKey& key) noexcept;
  // One comparison of names whose shorter encoding has `bytes` octets.
  [[nodiscard]] bool charge_name_comparison(std::size_t bytes) noexcept;

  [[nodiscard]] bool exhausted() const noexcept { return exhausted_; }
  [[nodiscard]] const VerifyStats& stats() const noexcept { return stats_; }

 private:
  VerifyBudget budget_;
  VerifyStats stats_;
  bool exhausted_ = false;
};

// check_name_constraints() charging `meter` for every comparison.
[[nodiscard]] Error check_name_constraints(const Certificate& cert, const NameConstraints& constraints,
                                           bool is_leaf, WorkMeter& meter);

}  // namespace baretls::x509::detail
