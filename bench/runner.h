// SPDX-License-Identifier: MIT
// Timing: every case gets `seconds` of thread CPU time in all, spread over
// `rounds` rounds that visit every case in turn. A round's figure is the
// operations it completed over the CPU time they took (an average, as
// `openssl speed` reports); a case reports the median of its rounds with the
// slowest and the fastest round. Interleaving means a burst of load from
// elsewhere slows one round of several cases rather than every round of one,
// which keeps the ratios between cases steady on a shared machine.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "bench/harness.h"
#include "bench/report.h"

namespace baretls::bench {

struct RunOptions {
  double seconds = 0.3;  // per case, all rounds together
  int rounds = 3;
};

struct RunOutcome {
  std::vector<Measurement> results;  // in case order, when every case succeeded
  std::string failure;               // empty, or which case failed and how
};

// Times the cases. A baretls case runs under its own CPU mask restricted to
// the mask in force when run_cases is called (BARETLS_CPU=portable or
// crypto::set_cpu_features_mask), which is restored afterwards. The first
// case whose run() reports a failed operation stops the run.
RunOutcome run_cases(const std::vector<Case>& cases, const RunOptions& options);

// "ecdhp256 derive (baretls, portable)": how errors name a case.
std::string case_name(const Case& c);

}  // namespace baretls::bench

namespace baretls::bench {

// How this run is made: date, CPU model, the baretls CPU features in force,
// BARETLS_CPU, compiler and flags, the peer libraries registered.
RunInfo describe_run(std::string tool, const RunOptions& options);

}  // namespace baretls::bench
