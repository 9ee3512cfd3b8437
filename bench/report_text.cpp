// SPDX-License-Identifier: MIT
// Text output of a benchmark run: the header and the two tables; see report.h.
#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <tuple>
#include <utility>

#include "bench/report.h"

namespace baretls::bench {

void print_header(const RunInfo& run) {
  std::printf("%s: each figure is the MEDIAN of %d rounds (min and max: the slowest and fastest round);\n",
              run.tool.c_str(), run.rounds);
  std::printf("  %.3g s of thread CPU time per case in all; MB/s = 10^6 bytes/s.\n", run.seconds);
  std::printf("CPU: %s\n", run.cpu.c_str());
  if (!run.baretls_cpu.empty()) std::printf("BARETLS_CPU=%s\n", run.baretls_cpu.c_str());
  std::printf("baretls CPU features in force: %s\n",
              run.cpu_features.empty() ? "none (portable paths only)" : run.cpu_features.c_str());
  std::printf("build: %s, %s\n", run.compiler.c_str(), run.flags.c_str());
  if (!run.libraries.empty()) std::printf("peers: %s\n", run.libraries.c_str());
  std::printf("\n");
}

void print_results_table(const Report& report) {
  std::printf("%-18s %-14s %-8s %-14s %6s %12s %12s %12s  %s\n", "algorithm", "operation", "library", "path", "size",
              "median", "min", "max", "unit");
  for (const auto& r : report.results) {
    std::printf("%-18s %-14s %-8s %-14s %6zu %12.1f %12.1f %12.1f  %s\n", r.algorithm.c_str(), r.operation.c_str(),
                r.library.c_str(), r.path.c_str(), r.size, r.median, r.min, r.max, unit_symbol(r.unit).data());
  }
}

namespace {

using RowKey = std::tuple<std::string, std::string, std::size_t>;  // algorithm, operation, size

RowKey row_of(const Measurement& m) { return {m.algorithm, m.operation, m.size}; }

// Half the min-max range as a percentage of the median.
double spread_percent(const Measurement& m) {
  return m.median > 0 ? (m.max - m.min) / (2 * m.median) * 100 : 0;
}

// The TLS record layer against the AEAD alone (issue #7's target: >= 0.9x),
// for each record-layer path measured in this run.
void print_record_layer_ratios(const Report& report, const std::map<std::pair<RowKey, std::string>, double>& best) {
  bool header = false;
  for (const auto& raw : report.results) {
    if (raw.library != "baretls" || raw.operation != "raw-seal+open") continue;
    const auto ceiling = best.find({row_of(raw), "baretls"});
    if (ceiling == best.end() || ceiling->second <= 0) continue;
    for (const auto& r : report.results) {
      if (r.library != "baretls" || r.algorithm != raw.algorithm || r.size != raw.size ||
          r.operation.rfind("record", 0) != 0)
        continue;
      if (!header) std::printf("\nrecord layer / raw AEAD seal+open (target >= 0.90x):\n");
      header = true;
      std::printf("  %-18s %-10s %5.2fx\n", r.algorithm.c_str(), r.path.c_str(), r.median / ceiling->second);
    }
  }
}

}  // namespace

void print_comparison_table(const Report& report) {
  std::vector<RowKey> rows;
  std::vector<std::string> columns;  // "library:path"
  std::map<std::pair<RowKey, std::string>, const Measurement*> cell;
  std::map<std::pair<RowKey, std::string>, double> best_by_lib;  // best median per library
  for (const auto& r : report.results) {
    const RowKey k = row_of(r);
    if (std::find(rows.begin(), rows.end(), k) == rows.end()) rows.push_back(k);
    const std::string col = r.library + ":" + r.path;
    if (std::find(columns.begin(), columns.end(), col) == columns.end()) columns.push_back(col);
    cell[{k, col}] = &r;
    auto& b = best_by_lib[{k, r.library}];
    b = std::max(b, r.median);
  }
  const char* peers[] = {"openssl", "bearssl", "mbedtls", "wolfssl"};
  std::printf("%-18s %-14s %6s", "algorithm", "op", "size");
  for (const auto& col : columns) std::printf(" %22s", col.c_str());
  for (const char* p : peers) std::printf(" %10s", (std::string("x") + p).c_str());
  std::printf("\n");
  for (const auto& k : rows) {
    std::printf("%-18s %-14s %6zu", std::get<0>(k).c_str(), std::get<1>(k).c_str(), std::get<2>(k));
    for (const auto& col : columns) {
      const auto it = cell.find({k, col});
      if (it == cell.end()) {
        std::printf(" %22s", "-");
      } else {
        const Measurement& m = *it->second;
        std::printf(" %11.1f %5s ±%3.0f%%", m.median, unit_symbol(m.unit).data(), spread_percent(m));
      }
    }
    const auto ours = best_by_lib.find({k, "baretls"});
    for (const char* p : peers) {
      const auto theirs = best_by_lib.find({k, p});
      if (ours == best_by_lib.end() || theirs == best_by_lib.end() || theirs->second <= 0) {
        std::printf(" %10s", "-");
      } else {
        std::printf(" %9.2fx", ours->second / theirs->second);
      }
    }
    std::printf("\n");
  }
  std::printf("\nCells: median, ± half the min-max range of the rounds in %% of the median.\n"
              "xPEER = baretls's fastest path / PEER's best, by median (higher is better for baretls).\n");
  print_record_layer_ratios(report, best_by_lib);
}

}  // namespace baretls::bench
