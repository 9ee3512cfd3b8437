// SPDX-License-Identifier: MIT
// The data model's helpers: units and the summary of rounds; see report.h.
#include "bench/report.h"

#include <algorithm>

namespace baretls::bench {

std::string_view unit_symbol(Unit u) { return u == Unit::megabytes_per_second ? "MB/s" : "ops/s"; }

std::optional<Unit> parse_unit(std::string_view symbol) {
  if (symbol == "MB/s") return Unit::megabytes_per_second;
  if (symbol == "ops/s") return Unit::operations_per_second;
  return std::nullopt;
}

Summary summarize(std::vector<double> samples) {
  if (samples.empty()) return {};
  std::sort(samples.begin(), samples.end());
  const std::size_t n = samples.size();
  const double median = n % 2 == 1 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
  return Summary{median, samples.front(), samples.back()};
}

}  // namespace baretls::bench
