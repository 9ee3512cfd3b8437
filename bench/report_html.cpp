// SPDX-License-Identifier: MIT
// The chart page and the standalone chart files; see report_html.h.
#include "bench/report_html.h"

#include <cstdio>

#include "bench/report_charts.h"
#include "bench/report_svg.h"
#include "bench/strings.h"

namespace baretls::bench {
namespace {

constexpr const char* kPageCss =
    "body{font:14px sans-serif;color:#222;max-width:920px;margin:24px auto;padding:0 12px}"
    "h1{font-size:22px}h2{font-size:16px;margin:28px 0 6px}"
    "table.run{border-collapse:collapse;margin:12px 0}"
    "table.run th{text-align:left;padding:2px 12px 2px 0;color:#555;font-weight:normal;vertical-align:top}"
    "table.run td{padding:2px 0}"
    "p.key{color:#444}nav a{margin-right:10px}";

void add_row(std::string& out, const char* name, const std::string& value) {
  if (value.empty()) return;
  append(out, {"<tr><th>", name, "</th><td>", xml_escape(value), "</td></tr>"});
}

std::string run_table(const RunInfo& run) {
  std::string out = "<table class=\"run\">";
  add_row(out, "tool", run.tool);
  add_row(out, "date", run.date);
  add_row(out, "CPU", run.cpu);
  add_row(out, "baretls CPU features in force",
          run.cpu_features.empty() ? "none (portable paths only)" : run.cpu_features);
  add_row(out, "BARETLS_CPU", run.baretls_cpu);
  add_row(out, "compiler", run.compiler);
  add_row(out, "build flags", run.flags);
  add_row(out, "peer libraries", run.libraries);
  char timing[160];
  std::snprintf(timing, sizeof timing, "median of %d rounds; %.3g s of thread CPU time per case in all",
                run.rounds, run.seconds);
  add_row(out, "statistic", timing);
  return out + "</table>";
}

}  // namespace

std::string render_html(const Report& report) {
  const auto charts = build_charts(report);
  const std::string title = report.run.tool + " " + report.run.date;
  std::string out = concat(
      {"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>"
       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>"
       "<meta name=\"viewport\" content=\"width=device-width\"/><title>",
       xml_escape(title), "</title><style>", kPageCss, chart_css(), "</style></head>\n<body>"});
  append(out, {"<h1>", xml_escape(report.run.tool), "</h1>"});
  out += "<p class=\"key\">Throughput (MB/s, 10<sup>6</sup> bytes per second) and operation rates (ops/s): "
         "longer bars are faster. Each bar is the median of the rounds; its whisker spans the slowest and the "
         "fastest round. Where OpenSSL was measured, a dashed line marks its median and each baretls path is "
         "labelled with its ratio to it.</p>";
  out += run_table(report.run) + "\n<nav>";
  for (const auto& c : charts) append(out, {"<a href=\"#", xml_escape(c.slug), "\">", xml_escape(c.title), "</a> "});
  out += "</nav>\n";
  for (const auto& c : charts) {
    append(out, {"<section id=\"", xml_escape(c.slug), "\"><h2>", xml_escape(c.title), " <small>(",
                 unit_symbol(c.unit), ", higher is better)</small></h2>",
                 chart_svg(c, SvgForm::inline_in_html), "</section>\n"});
  }
  return out + "</body></html>\n";
}

std::vector<SvgFile> render_svg_files(const Report& report) {
  std::vector<SvgFile> files;
  for (const auto& c : build_charts(report)) {
    char prefix[16];
    std::snprintf(prefix, sizeof prefix, "%02zu-", files.size() + 1);
    files.push_back(SvgFile{concat({prefix, c.slug, ".svg"}), chart_svg(c, SvgForm::standalone_file)});
  }
  return files;
}

}  // namespace baretls::bench
