// SPDX-License-Identifier: MIT
// A benchmark report as a self-contained HTML page: the run's facts (tool,
// date, CPU model, CPU features in force, compiler and flags, libraries) and
// one inline SVG bar chart per primitive group and operation. No script, no
// external resource (a Content-Security-Policy forbids any), well-formed XML.
// The same charts also as one standalone SVG file each.
#pragma once

#include <string>
#include <vector>

#include "bench/report.h"

namespace baretls::bench {

std::string render_html(const Report& report);

struct SvgFile {
  std::string name;  // "01-hashes-hash.svg"
  std::string content;
};
std::vector<SvgFile> render_svg_files(const Report& report);

}  // namespace baretls::bench
