// SPDX-License-Identifier: MIT
// Timing in interleaved rounds; see runner.h.
#include "bench/runner.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>
#include <time.h>

#include "baretls/crypto/cpu.h"
#include "bench/strings.h"

namespace baretls::bench {
namespace {

// Thread CPU time: a benchmark is not charged for the time other processes
// hold the core (the machine is shared), unlike wall-clock time.
double cpu_seconds() noexcept {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// While it lives, a baretls case runs under its own mask within `ceiling`
// (the user's restriction); peers do not read the mask.
class MaskScope {
 public:
  MaskScope(const Case& c, std::uint32_t ceiling) : ceiling_(ceiling) {
    if (c.library == "baretls") crypto::set_cpu_features_mask(c.cpu_mask & ceiling);
  }
  MaskScope(const MaskScope&) = delete;
  MaskScope& operator=(const MaskScope&) = delete;
  ~MaskScope() { crypto::set_cpu_features_mask(ceiling_); }

 private:
  std::uint32_t ceiling_;
};

// One batch of `n` operations: its CPU seconds, or nothing if one failed.
std::optional<double> time_batch(const Case& c, std::size_t n) {
  const double t0 = cpu_seconds();
  const bool ok = c.run(n);
  const double t = cpu_seconds() - t0;
  if (!ok) return std::nullopt;
  return t;
}

// Growth of a batch stops at 2^40 operations (2^27 where size_t has 32 bits).
constexpr auto kMaxBatch = static_cast<std::size_t>(
    std::min<std::uint64_t>(std::uint64_t{1} << 40, std::numeric_limits<std::size_t>::max() / 32));

// The batch size: doubled (or multiplied by 16 while far off) until a batch
// takes at least `target` seconds; 0 when an operation failed.
std::size_t calibrate(const Case& c, double target) {
  if (!time_batch(c, 1)) return 0;  // warm-up
  std::size_t n = 1;
  for (;;) {
    const auto t = time_batch(c, n);
    if (!t) return 0;
    if (*t >= target || n > kMaxBatch) return n;
    n *= *t < target / 100 ? std::size_t{16} : std::size_t{2};
  }
}

// One round: whole batches until `budget` CPU seconds are spent; returns
// operations per second, or nothing if an operation failed.
std::optional<double> time_round(const Case& c, std::size_t batch, double budget) {
  double spent = 0;
  double done = 0;
  do {
    const auto t = time_batch(c, batch);
    if (!t) return std::nullopt;
    spent += *t;
    done += static_cast<double>(batch);
  } while (spent < budget);
  return done / std::max(spent, 1e-9);
}

Measurement measurement(const Case& c, const std::vector<double>& ops_per_second) {
  const double scale = c.unit == Unit::megabytes_per_second ? static_cast<double>(c.size) / 1e6 : 1.0;
  std::vector<double> values;
  for (double r : ops_per_second) values.push_back(r * scale);
  const Summary s = summarize(std::move(values));
  return Measurement{c.algorithm, c.operation, c.library, c.impl, c.size, c.unit, s.median, s.min, s.max};
}

}  // namespace

std::string case_name(const Case& c) {
  std::string name = c.algorithm + " " + c.operation;
  if (c.size != 0) append(name, {" ", std::to_string(c.size), " bytes"});
  return name + " (" + c.library + ", " + c.impl + ")";
}

RunOutcome run_cases(const std::vector<Case>& cases, const RunOptions& options) {
  const std::uint32_t ceiling = crypto::cpu_features_mask();
  const int rounds = std::max(1, options.rounds);
  const double round_budget = options.seconds / rounds;
  RunOutcome out;
  const auto fail = [&out](const Case& c) {
    out.failure = case_name(c) + ": an operation failed (error, wrong verdict or wrong output)";
    return out;
  };
  // A round is made of about eight batches.
  std::vector<std::size_t> batch(cases.size());
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const MaskScope scope(cases[i], ceiling);
    batch[i] = calibrate(cases[i], round_budget / 8);
    if (batch[i] == 0) return fail(cases[i]);
  }
  std::vector<std::vector<double>> rates(cases.size());
  for (int round = 0; round < rounds; ++round) {
    for (std::size_t i = 0; i < cases.size(); ++i) {
      const MaskScope scope(cases[i], ceiling);
      const auto rate = time_round(cases[i], batch[i], round_budget);
      if (!rate) return fail(cases[i]);
      rates[i].push_back(*rate);
    }
  }
  for (std::size_t i = 0; i < cases.size(); ++i) out.results.push_back(measurement(cases[i], rates[i]));
  return out;
}

}  // namespace baretls::bench
