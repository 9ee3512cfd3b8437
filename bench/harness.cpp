// SPDX-License-Identifier: MIT
// Benchmark harness: registry, timing and tables; see harness.h.
#include "bench/harness.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <time.h>

#include "baretls/crypto/cpu.h"

namespace baretls::bench {

std::vector<Family>& registry() {
  static std::vector<Family> families;
  return families;
}

Registrar::Registrar(std::string name, std::string library, Factory make) {
  registry().push_back(Family{std::move(name), std::move(library), std::move(make)});
}

std::vector<Path> distinct_paths(const std::function<std::string()>& impl_name,
                                 std::vector<std::uint32_t> intermediate_masks) {
  const std::uint32_t saved = crypto::cpu_features_mask();
  std::vector<std::uint32_t> masks{0};
  masks.insert(masks.end(), intermediate_masks.begin(), intermediate_masks.end());
  masks.push_back(crypto::kAllCpuFeatures);
  std::vector<Path> out;
  for (auto m : masks) {
    crypto::set_cpu_features_mask(m);
    std::string name = impl_name();
    const bool seen = std::any_of(out.begin(), out.end(), [&](const Path& p) { return p.name == name; });
    if (!seen) out.push_back(Path{std::move(name), m});
  }
  crypto::set_cpu_features_mask(saved);
  return out;
}

std::vector<Case> build_cases(const std::vector<std::string>& families, const std::vector<std::string>& libraries,
                              std::vector<std::string>& unknown) {
  std::vector<Case> cases;
  std::set<std::string> known;
  for (const auto& f : registry()) known.insert(f.name);
  for (const auto& name : families)
    if (known.count(name) == 0) unknown.push_back(name);
  // Keep the order of the command line (or of registration when none given).
  std::vector<std::string> order = families;
  if (order.empty()) {
    for (const auto& f : registry())
      if (std::find(order.begin(), order.end(), f.name) == order.end()) order.push_back(f.name);
  }
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

namespace {
// Thread CPU time: a benchmark is not charged for the time other processes
// hold the core (the machine is shared), unlike wall-clock time.
struct CpuClock {
  using duration = std::chrono::nanoseconds;
  using time_point = std::chrono::time_point<CpuClock, duration>;
  static time_point now() noexcept {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return time_point(duration(static_cast<std::int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec));
  }
};
}  // namespace

Result time_case(const Case& c, double seconds) {
  using clock = CpuClock;
  const std::uint32_t saved = crypto::cpu_features_mask();
  if (c.library == "baretls") crypto::set_cpu_features_mask(c.cpu_mask);
  // Calibrate: grow the batch until it takes at least 1/10 of the budget.
  // Growth stops at 2^40 iterations (2^27 where size_t has 32 bits).
  constexpr auto kMaxIterations = static_cast<std::size_t>(
      std::min<std::uint64_t>(std::uint64_t{1} << 40, std::numeric_limits<std::size_t>::max() / 32));
  std::size_t iterations = 1;
  double batch_seconds = 0;
  c.run(1);  // warm-up
  for (;;) {
    const auto t0 = clock::now();
    c.run(iterations);
    batch_seconds = std::chrono::duration<double>(clock::now() - t0).count();
    if (batch_seconds >= seconds / 10 || iterations > kMaxIterations) break;
    iterations *= batch_seconds < seconds / 1000 ? std::size_t{16} : std::size_t{2};
  }
  // Best of several batches, within the time budget.
  double best = batch_seconds / static_cast<double>(iterations);
  const auto deadline = clock::now() + std::chrono::duration_cast<clock::duration>(std::chrono::duration<double>(seconds));
  while (clock::now() < deadline) {
    const auto t0 = clock::now();
    c.run(iterations);
    const double t = std::chrono::duration<double>(clock::now() - t0).count() / static_cast<double>(iterations);
    best = std::min(best, t);
  }
  crypto::set_cpu_features_mask(saved);
  Result r{c, 0};
  r.value = c.unit == Unit::megabytes_per_second ? static_cast<double>(c.size) / best / 1e6 : 1.0 / best;
  return r;
}

std::string format_value(const Result& r) {
  char buf[64];
  std::snprintf(buf, sizeof buf, r.c.unit == Unit::megabytes_per_second ? "%.1f MB/s" : "%.1f ops/s", r.value);
  return buf;
}

std::string to_json(const Result& r) {
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "{\"algorithm\":\"%s\",\"operation\":\"%s\",\"library\":\"%s\",\"implementation\":\"%s\","
                "\"size\":%zu,\"%s\":%.3f}",
                r.c.algorithm.c_str(), r.c.operation.c_str(), r.c.library.c_str(), r.c.impl.c_str(), r.c.size,
                r.c.unit == Unit::megabytes_per_second ? "mb_per_s" : "ops_per_s", r.value);
  return buf;
}

void print_results_table(const std::vector<Result>& results) {
  std::printf("%-20s %-10s %-10s %-14s %8s %16s\n", "algorithm", "operation", "library", "path", "size", "speed");
  for (const auto& r : results) {
    std::printf("%-20s %-10s %-10s %-14s %8zu %16s\n", r.c.algorithm.c_str(), r.c.operation.c_str(),
                r.c.library.c_str(), r.c.impl.c_str(), r.c.size, format_value(r).c_str());
  }
}

// One row per (algorithm, operation, size): every implementation side by
// side, then the ratio of baretls's fastest path to each peer's best.
void print_comparison_table(const std::vector<Result>& results) {
  using Key = std::tuple<std::string, std::string, std::size_t>;
  std::vector<Key> rows;
  std::vector<std::string> columns;  // "library:path"
  std::map<std::pair<Key, std::string>, double> cell;
  std::map<std::pair<Key, std::string>, double> best_by_lib;
  for (const auto& r : results) {
    const Key k{r.c.algorithm, r.c.operation, r.c.size};
    if (std::find(rows.begin(), rows.end(), k) == rows.end()) rows.push_back(k);
    const std::string col = r.c.library + ":" + r.c.impl;
    if (std::find(columns.begin(), columns.end(), col) == columns.end()) columns.push_back(col);
    cell[{k, col}] = r.value;
    auto& b = best_by_lib[{k, r.c.library}];
    b = std::max(b, r.value);
  }
  const char* peers[] = {"openssl", "bearssl", "mbedtls", "wolfssl"};
  std::printf("%-18s %-8s %6s", "algorithm", "op", "size");
  for (const auto& col : columns) std::printf(" %16s", col.c_str());
  for (const char* p : peers) std::printf(" %12s", (std::string("x") + p).c_str());
  std::printf("\n");
  for (const auto& k : rows) {
    const std::string& alg = std::get<0>(k);
    const std::string& op = std::get<1>(k);
    const std::size_t size = std::get<2>(k);
    std::printf("%-18s %-8s %6zu", alg.c_str(), op.c_str(), size);
    const bool rate = std::any_of(results.begin(), results.end(), [&](const Result& r) {
      return r.c.algorithm == alg && r.c.operation == op && r.c.size == size &&
             r.c.unit == Unit::operations_per_second;
    });
    for (const auto& col : columns) {
      auto it = cell.find({k, col});
      if (it == cell.end()) {
        std::printf(" %16s", "-");
      } else {
        std::printf(" %11.1f %4s", it->second, rate ? "op/s" : "MB/s");
      }
    }
    const auto ours = best_by_lib.find({k, "baretls"});
    for (const char* p : peers) {
      const auto theirs = best_by_lib.find({k, p});
      if (ours == best_by_lib.end() || theirs == best_by_lib.end() || theirs->second <= 0) {
        std::printf(" %12s", "-");
      } else {
        std::printf(" %11.2fx", ours->second / theirs->second);
      }
    }
    std::printf("\n");
  }
  std::printf("\nxPEER = baretls's fastest path / PEER's figure (higher is better for baretls).\n");

  // The TLS record layer against the AEAD alone (issue #7's target: >= 0.9x),
  // for each record-layer path measured in this run.
  bool header = false;
  for (const auto& k : rows) {
    if (std::get<1>(k) != "raw-seal+open") continue;
    const auto raw = best_by_lib.find({k, "baretls"});
    if (raw == best_by_lib.end() || raw->second <= 0) continue;
    for (const auto& r : results) {
      if (r.c.library != "baretls" || r.c.algorithm != std::get<0>(k) || r.c.size != std::get<2>(k) ||
          r.c.operation.rfind("record", 0) != 0)
        continue;
      if (!header) std::printf("\nrecord layer / raw AEAD seal+open (target >= 0.90x):\n");
      header = true;
      std::printf("  %-18s %-10s %5.2fx\n", r.c.algorithm.c_str(), r.c.impl.c_str(), r.value / raw->second);
    }
  }
}

}  // namespace baretls::bench
