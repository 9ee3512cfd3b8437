// SPDX-License-Identifier: MIT
// Benchmark cases shared by `baretls speed` and the side-by-side comparison
// program. A case times one operation of one implementation and says whether
// every operation succeeded; modules register factories of cases with
// BARETLS_BENCH_REGISTER in their own bench/cases_*.cpp (and peers in
// bench/peer_*.cpp), so adding an algorithm touches no shared list. Timing is
// in bench/runner.h, the data model and its outputs in bench/report*.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "bench/report.h"

namespace baretls::bench {

struct Case {
  std::string algorithm;   // as `openssl speed` names it: "sha256", "aes-128-gcm", "rsa2048", "ecdhp256"
  std::string operation;   // e.g. "hash", "encrypt", "sign", "derive", "keygen+derive"
  std::string library;     // "baretls", "openssl", "bearssl", "mbedtls", "wolfssl"
  std::string impl;        // implementation path, e.g. "sha_ni", "portable"
  std::size_t size = 0;    // bytes processed per call (0 for operation rates)
  Unit unit = Unit::megabytes_per_second;
  std::uint32_t cpu_mask = ~std::uint32_t{0};  // baretls feature mask while timing (within the user's mask)
  // Performs `iterations` operations and returns true only if every one
  // succeeded: each verdict or error code is accumulated in the loop (a
  // cheap `ok &= ...`), and where an operation cannot fail its last output
  // is compared with the expected one after the loop. A false aborts the
  // benchmark with an error naming the case.
  std::function<bool(std::size_t iterations)> run;
};

// A case whose setup failed: it fails when timed, so the benchmark stops
// with the case's name instead of silently leaving a row out.
Case failed_setup(std::string algorithm, std::string operation, std::string library);

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

// A peer library's name and version, shown in the output header.
std::vector<std::string>& library_versions();
struct LibraryVersion {
  explicit LibraryVersion(std::string version);
};

#define BARETLS_BENCH_CONCAT2(a, b) a##b
#define BARETLS_BENCH_CONCAT(a, b) BARETLS_BENCH_CONCAT2(a, b)
// BARETLS_BENCH_REGISTER("sha256", "baretls", [](std::vector<Case>& out) {...});
#define BARETLS_BENCH_REGISTER(name, library, ...) \
  static const ::baretls::bench::Registrar BARETLS_BENCH_CONCAT(bench_registrar_, __LINE__)(name, library, __VA_ARGS__)
// BARETLS_BENCH_LIBRARY(OpenSSL_version(OPENSSL_VERSION)); once per peer library.
#define BARETLS_BENCH_LIBRARY(version) \
  static const ::baretls::bench::LibraryVersion BARETLS_BENCH_CONCAT(bench_library_, __LINE__)(version)

// The standard message sizes for throughput cases.
inline constexpr std::size_t kSizes[] = {64, 1024, 16384};

// Distinct implementation paths of a primitive on this CPU: for each mask,
// asks `impl_name` (under that mask) which path a new context would use, and
// keeps the first mask of each distinct name. Mask 0 (portable) is always
// tried first and the full mask last. Every mask is first restricted to the
// mask in force (BARETLS_CPU=portable or crypto::set_cpu_features_mask), so
// a restricted run lists only the paths it may use.
struct Path {
  std::string name;
  std::uint32_t mask;
};
std::vector<Path> distinct_paths(const std::function<std::string()>& impl_name,
                                 std::vector<std::uint32_t> intermediate_masks = {});

// The path name of a case that runs whatever the dispatcher picks (a TLS
// handshake, a chain validation): "portable" when the mask in force allows
// no CPU feature, else "default".
std::string dispatch_path();

// Builds the cases of the selected families, in command-line order (all
// families when none is given). A name may be a family or one of its
// aliases (the `openssl speed` names, e.g. "ecdhp256" for "p256"); unknown
// names are reported in `unknown`.
std::vector<Case> build_cases(const std::vector<std::string>& families, const std::vector<std::string>& libraries,
                              std::vector<std::string>& unknown);

// The family a selector names: itself, or the family of an alias.
std::string_view resolve_family(std::string_view name);

// Keeps the optimiser from discarding a benchmark's work.
inline void do_not_optimize(const void* p) {
#if defined(__GNUC__) || defined(__clang__)
  __asm__ __volatile__("" : : "r"(p) : "memory");
#else
  (void)p;
#endif
}

}  // namespace baretls::bench
