// SPDX-License-Identifier: MIT
// The shared command line of `baretls speed` and baretls-compare; see frontend.h.
#include "bench/frontend.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "bench/harness.h"
#include "bench/report_html.h"
#include "bench/report_json.h"

namespace baretls::bench {
namespace {

enum class Parsed { run, help, error };

void print_usage(const Frontend& f) {
  std::printf("usage: %s [--seconds S] [--rounds N] [--json] [--html FILE] [--svg DIR] [ALGORITHM...]\n",
              f.tool.c_str());
  if (f.allow_from_json) std::printf("       %s --from-json FILE [--html FILE] [--svg DIR]\n", f.tool.c_str());
  std::printf("\n  --seconds S   thread CPU time per case, all rounds together (default 0.3)\n"
              "  --rounds N    rounds visiting every case in turn (default 3); each figure is the\n"
              "                median of the rounds, with the slowest and the fastest round\n"
              "  --json        JSON lines: a \"run\" object, then one \"result\" per case with algorithm,\n"
              "                operation, library, path, size, unit, median, min, max\n"
              "  --html FILE   a self-contained page of bar charts\n"
              "  --svg DIR     the same charts, one SVG file each\n");
  if (f.allow_from_json) std::printf("  --from-json FILE  chart a run saved with --json instead of running\n");
  std::printf("\nBARETLS_CPU=portable restricts baretls to its portable paths.\nalgorithms:");
  std::vector<std::string> seen;
  for (const auto& fam : registry()) {
    bool wanted = false;
    for (const auto& lib : f.libraries) wanted = wanted || fam.library == lib;
    if (!wanted || std::find(seen.begin(), seen.end(), fam.name) != seen.end()) continue;
    seen.push_back(fam.name);
    std::printf(" %s", fam.name.c_str());
  }
  std::printf("\n(also the `openssl speed` names ecdhp256 ecdhp384 ecdhx25519 ecdsap256 ecdsap384 hmac)\n");
}

bool positive(const char* s) { return std::strtod(s, nullptr) > 0; }

Parsed parse(const Frontend& f, int argc, char** argv, FrontendOptions& o) {
  const char* tool = f.tool.c_str();
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "-h" || a == "--help") return Parsed::help;
    if (a == "--json") {
      o.json = true;
    } else if ((a == "--seconds" || a == "--rounds") && has_value && positive(argv[i + 1])) {
      if (a == "--seconds") o.run.seconds = std::strtod(argv[++i], nullptr);
      if (a == "--rounds") o.run.rounds = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--seconds" || a == "--rounds") {
      std::fprintf(stderr, "%s: %s needs a positive number\n", tool, a.c_str());
      return Parsed::error;
    } else if ((a == "--html" || a == "--svg" || (a == "--from-json" && f.allow_from_json)) && has_value) {
      (a == "--html" ? o.html_file : a == "--svg" ? o.svg_dir : o.from_json) = argv[++i];
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "%s: unknown option or missing value: '%s' (see --help)\n", tool, a.c_str());
      return Parsed::error;
    } else {
      o.algorithms.push_back(a);
    }
  }
  if (!o.from_json.empty() && !o.algorithms.empty()) {
    std::fprintf(stderr, "%s: --from-json takes no algorithm names\n", tool);
    return Parsed::error;
  }
  return Parsed::run;
}

bool write_file(const std::filesystem::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  out.close();
  return static_cast<bool>(out);
}

int write_charts(const Frontend& f, const FrontendOptions& o, const Report& report) {
  if (!o.html_file.empty() && !write_file(o.html_file, render_html(report))) {
    std::fprintf(stderr, "%s: cannot write %s\n", f.tool.c_str(), o.html_file.c_str());
    return 1;
  }
  if (o.svg_dir.empty()) return 0;
  std::error_code ec;
  std::filesystem::create_directories(o.svg_dir, ec);
  for (const auto& file : render_svg_files(report)) {
    if (ec || !write_file(std::filesystem::path(o.svg_dir) / file.name, file.content)) {
      std::fprintf(stderr, "%s: cannot write %s/%s\n", f.tool.c_str(), o.svg_dir.c_str(), file.name.c_str());
      return 1;
    }
  }
  return 0;
}

int chart_saved_run(const Frontend& f, const FrontendOptions& o) {
  std::ifstream in(o.from_json, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) {
    std::fprintf(stderr, "%s: cannot read %s\n", f.tool.c_str(), o.from_json.c_str());
    return 1;
  }
  const auto parsed = parse_json_lines(text.str());
  if (!parsed.report) {
    std::fprintf(stderr, "%s: %s: %s\n", f.tool.c_str(), o.from_json.c_str(), parsed.error.c_str());
    return 2;
  }
  return write_charts(f, o, *parsed.report);
}

}  // namespace

int emit_report(const Frontend& f, const FrontendOptions& o, const Report& report) {
  if (o.json) {
    std::fputs(to_json_lines(report).c_str(), stdout);
  } else {
    print_header(report.run);
    if (f.side_by_side) {
      print_comparison_table(report);
    } else {
      print_results_table(report);
    }
  }
  std::fflush(stdout);
  return write_charts(f, o, report);
}

int run_frontend(const Frontend& f, int argc, char** argv) {
  FrontendOptions o;
  switch (parse(f, argc, argv, o)) {
    case Parsed::help: print_usage(f); return 0;
    case Parsed::error: return 2;
    case Parsed::run: break;
  }
  if (!o.from_json.empty()) return chart_saved_run(f, o);
  std::vector<std::string> unknown;
  const auto cases = build_cases(o.algorithms, f.libraries, unknown);
  if (!unknown.empty()) {
    std::fprintf(stderr, "%s: unknown algorithm '%s' (see %s --help)\n", f.tool.c_str(), unknown[0].c_str(),
                 f.tool.c_str());
    return 2;
  }
  const RunOutcome outcome = run_cases(cases, o.run);
  if (!outcome.failure.empty()) {
    std::fprintf(stderr, "%s: benchmark aborted: %s\n", f.tool.c_str(), outcome.failure.c_str());
    return 1;
  }
  return emit_report(f, o, Report{describe_run(f.tool, o.run), outcome.results});
}

}  // namespace baretls::bench
