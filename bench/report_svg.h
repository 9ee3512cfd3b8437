// SPDX-License-Identifier: MIT
// One chart (report_charts.h) as SVG: horizontal bars on a linear scale from
// zero, one row per bar, the median as the bar, the min-max range of the
// rounds as a whisker, OpenSSL's median as a dashed line over the cluster and
// each baretls bar's ratio to it in its own column. Classes name every part
// (chart, bar, whisker, reference, ratio, cluster) so a test can count them.
#pragma once

#include <string>
#include <string_view>

#include "bench/report_charts.h"

namespace baretls::bench {

enum class SvgForm { inline_in_html, standalone_file };

std::string chart_svg(const Chart& chart, SvgForm form);
// The chart style sheet (shared by the page and the standalone files).
std::string_view chart_css();

// &, <, >, " and ' as character references: safe in XML text and attributes.
std::string xml_escape(std::string_view s);
// "12,345" from 1000 up, "987.6" from 10 up, "9.87" below.
std::string format_figure(double v);

}  // namespace baretls::bench
