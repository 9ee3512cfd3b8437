// SPDX-License-Identifier: MIT
// A benchmark report as JSON lines (RFC 8259 objects, one per line): first
// {"type":"run",...} with the RunInfo fields, then one {"type":"result",...}
// per measurement with the fields algorithm, operation, library, path, size,
// unit ("MB/s" or "ops/s"), median, min, max. README.md "Benchmarking"
// documents the schema; the reader accepts what the writer produces (and
// ignores fields it does not know), so saved runs can be charted later.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "bench/report.h"

namespace baretls::bench {

std::string to_json(const RunInfo& run);
std::string to_json(const Measurement& m);
// The run line and every result line, each ending in '\n'.
std::string to_json_lines(const Report& report);

struct ParsedReport {
  std::optional<Report> report;
  std::string error;  // "line N: why" when report is empty
};
ParsedReport parse_json_lines(std::string_view text);

}  // namespace baretls::bench
