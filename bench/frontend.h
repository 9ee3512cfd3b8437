// SPDX-License-Identifier: MIT
// The command line shared by `baretls speed` (tools/cmd_speed.cpp) and
// baretls-compare (bench/compare_main.cpp): the same options, timing and
// outputs, so the two cannot drift apart.
//
//   TOOL [--seconds S] [--rounds N] [--json] [--html FILE] [--svg DIR] [ALGORITHM...]
//   baretls-compare --from-json FILE [--html FILE] [--svg DIR]   (charts a saved run)
#pragma once

#include <string>
#include <vector>

#include "bench/report.h"
#include "bench/runner.h"

namespace baretls::bench {

struct Frontend {
  std::string tool;                    // "baretls speed", "baretls-compare"
  std::vector<std::string> libraries;  // whose cases run, e.g. {"baretls"}
  bool side_by_side = false;           // comparison table instead of one row per case
  bool allow_from_json = false;        // --from-json FILE: chart a saved run
};

struct FrontendOptions {
  RunOptions run;
  bool json = false;        // JSON lines on stdout instead of the table
  std::string html_file;    // --html FILE
  std::string svg_dir;      // --svg DIR
  std::string from_json;    // --from-json FILE
  std::vector<std::string> algorithms;
};

// Runs the command: parses argv (argv[0] is the command's own name), builds
// and times the cases, prints and writes the outputs. Returns the exit
// status: 0; 1 when an operation failed (the message names the case) or an
// output could not be written; 2 for a usage error or an unknown algorithm.
int run_frontend(const Frontend& f, int argc, char** argv);

// The outputs of a finished report (table or JSON lines, --html, --svg).
int emit_report(const Frontend& f, const FrontendOptions& o, const Report& report);

}  // namespace baretls::bench
