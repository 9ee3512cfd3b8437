// SPDX-License-Identifier: MIT
// The benchmark data model: what a run measured (one Measurement per case)
// and how (RunInfo). Every output is made from it: the text tables
// (report_text.cpp), JSON lines (report_json.h) and the charts
// (report_html.h). README.md "Benchmarking" documents the JSON schema.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace baretls::bench {

enum class Unit { megabytes_per_second, operations_per_second };

// "MB/s" (10^6 bytes per second) or "ops/s".
std::string_view unit_symbol(Unit u);
std::optional<Unit> parse_unit(std::string_view symbol);

struct Measurement {
  std::string algorithm;  // `openssl speed` name: "sha256", "aes-128-gcm", "rsa2048", "ecdhp256", ...
  std::string operation;  // "hash", "encrypt", "sign", "derive", ...
  std::string library;    // "baretls", "openssl", ...
  std::string path;       // implementation path, e.g. "sha_ni", "portable"
  std::size_t size = 0;   // bytes per operation (0 for operation rates)
  Unit unit = Unit::megabytes_per_second;
  double median = 0;      // of the rounds, in `unit`
  double min = 0;
  double max = 0;
};

struct RunInfo {
  std::string tool;          // "baretls speed" or "baretls-compare"
  std::string date;          // UTC, ISO 8601
  std::string cpu;           // CPU model
  std::string cpu_features;  // the baretls CPU features in force, space-separated
  std::string baretls_cpu;   // the BARETLS_CPU environment variable ("" when unset)
  std::string compiler;      // compiler and version
  std::string flags;         // build type and compiler flags
  std::string libraries;     // peer libraries and versions, "; "-separated
  double seconds = 0;        // CPU seconds per case, all rounds together
  int rounds = 0;
};

struct Report {
  RunInfo run;
  std::vector<Measurement> results;
};

// Median (mean of the middle two for an even count), minimum and maximum.
struct Summary {
  double median = 0, min = 0, max = 0;
};
Summary summarize(std::vector<double> samples);

// The first lines of the text output: statistic, CPU, paths in force.
void print_header(const RunInfo& run);
// `baretls speed`: one row per case with median, min and max.
void print_results_table(const Report& report);
// `baretls-compare`: one row per (algorithm, operation, size), the libraries
// side by side and the ratio of baretls's fastest path to each peer's best.
void print_comparison_table(const Report& report);

}  // namespace baretls::bench
