// SPDX-License-Identifier: MIT
// Benchmark harness shared by `baretls speed` and the side-by-side
// comparison program. A case times one operation of one implementation;
// modules register factories of cases with BARETLS_BENCH_REGISTER in their
// own bench/cases_*.cpp (and peers in bench/peer_*.cpp), so adding an
// algorithm touches no shared list.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace baretls::bench {

enum class Unit { megabytes_per_second, operations_per_second };

struct Case {
  std::string algorithm;   // e.g. "sha256", "aes-128-gcm", "rsa2048"
  std::string operation;   // e.g. "hash", "seal", "sign"
  std::string library;     // "baretls", "openssl", "bearssl", "mbedtls"
  std::string impl;        // implementation path, e.g. "sha_ni", "portable"
  std::size_t size = 0;    // bytes processed per call (0 for operation rates)
  Unit unit = Unit::megabytes_per_second;
  std::uint32_t cpu_mask = ~std::uint32_t{0};  // baretls feature mask while timing
  std::function<void(std::size_t iterations)> run;  // performs `iterations` operations
};

struct Result {
  Case c;
  double value = 0;  // in c.unit
};

// A factory adds the cases of one algorithm family. Registered families are
// named (e.g. "sha256"); `baretls speed sha256` runs the family's cases.
using Factory = std::function<void(std::vector<Case>& out)>;

struct Family {
  std::string name;
  std::string library;
  Factory make;
};

std::vector<Family>& registry();

struct Registrar {
  Registrar(std::string name, std::string library, Factory make);
};

#define BARETLS_BENCH_CONCAT2(a, b) a##b
#define BARETLS_BENCH_CONCAT(a, b) BARETLS_BENCH_CONCAT2(a, b)
// BARETLS_BENCH_REGISTER("sha256", "baretls", [](std::vector<Case>& out) {...});
#define BARETLS_BENCH_REGISTER(name, library, ...) \
  static const ::baretls::bench::Registrar BARETLS_BENCH_CONCAT(bench_registrar_, __LINE__)(name, library, __VA_ARGS__)

// The standard message sizes for throughput cases.
inline constexpr std::size_t kSizes[] = {64, 1024, 16384};

// Distinct implementation paths of a primitive on this CPU: for each mask,
// asks `impl_name` (under that mask) which path a new context would use, and
// keeps the first mask of each distinct name. Mask 0 (portable) is always
// tried first and the full mask last.
struct Path {
  std::string name;
  std::uint32_t mask;
};
std::vector<Path> distinct_paths(const std::function<std::string()>& impl_name,
                                 std::vector<std::uint32_t> intermediate_masks = {});

struct Options {
  double seconds_per_case = 0.3;
  std::vector<std::string> families;  // empty: all
};

// Builds the cases of the selected families (unknown names are reported in
// `unknown`), then times each.
std::vector<Case> build_cases(const std::vector<std::string>& families, const std::vector<std::string>& libraries,
                              std::vector<std::string>& unknown);
Result time_case(const Case& c, double seconds);

// Output.
std::string format_value(const Result& r);
std::string to_json(const Result& r);
void print_results_table(const std::vector<Result>& results);
void print_comparison_table(const std::vector<Result>& results);

// Keeps the optimiser from discarding a benchmark's work.
inline void do_not_optimize(const void* p) {
#if defined(__GNUC__) || defined(__clang__)
  __asm__ __volatile__("" : : "r"(p) : "memory");
#else
  (void)p;
#endif
}

}  // namespace baretls::bench
