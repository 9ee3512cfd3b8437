// SPDX-License-Identifier: MIT
// SVG bar charts; see report_svg.h. Geometry in SVG user units (pixels).
#include "bench/report_svg.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "bench/strings.h"

namespace baretls::bench {
namespace {

constexpr double kBarsX = 250;  // bars start here; labels end left of it
constexpr double kPlotW = 400;  // width of the full scale
constexpr double kRatioX = kBarsX + kPlotW + 125;  // the ratio column
constexpr double kWidth = kRatioX + 100;
constexpr double kBarH = 14;
constexpr double kBarStep = 19;  // bar height + gap
constexpr double kClusterHead = 20;
constexpr double kClusterGap = 10;

// Where a chart's bars start (below the title, when there is one, and the
// scale) and what the full width of the plot stands for.
struct Frame {
  double top = 32;
  double step = 1;  // between grid lines
  int ticks = 1;    // grid lines after zero
  double full() const { return step * ticks; }
  double x_of(double v) const { return kBarsX + kPlotW * std::clamp(v / full(), 0.0, 1.0); }
};

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// Grid lines every 1, 2, 2.5 or 5 x 10^k: the smallest such step that
// reaches v in at most five steps.
Frame frame_for(double v, double top) {
  Frame f;
  f.top = top;
  if (!(v > 0)) return f;
  const double decade = std::pow(10.0, std::floor(std::log10(v / 5)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0, 20.0}) {
    f.step = m * decade;
    f.ticks = std::max(1, static_cast<int>(std::ceil(v / f.step - 1e-9)));
    if (f.ticks <= 5) break;
  }
  return f;
}

// baretls paths in blues (lighter first: the portable path comes first),
// each peer in its own colour.
std::string colour(const Bar& b, std::size_t baretls_index) {
  static constexpr const char* kBlues[] = {"#9cc3f0", "#6aa2e6", "#3b7fd6", "#1f5fb4", "#123f7d"};
  if (b.library == "baretls") return kBlues[std::min<std::size_t>(baretls_index, std::size(kBlues) - 1)];
  if (b.library == "openssl") return "#d9622b";
  if (b.library == "bearssl") return "#3a9a5b";
  if (b.library == "mbedtls") return "#8a5cc2";
  if (b.library == "wolfssl") return "#c9a227";
  return "#888888";
}

double chart_height(const Chart& chart, double top) {
  double h = top;
  for (const auto& c : chart.clusters) h += kClusterHead + kBarStep * static_cast<double>(c.bars.size()) + kClusterGap;
  return h + 8;
}

void draw_scale(std::string& out, const Frame& f, double height, std::string_view unit) {
  for (int i = 0; i <= f.ticks; ++i) {
    const std::string x = num(f.x_of(f.step * i));
    append(out, {"<line class=\"grid\" x1=\"", x, "\" y1=\"", num(f.top - 6), "\" x2=\"", x, "\" y2=\"",
                 num(height - 6), "\"/>"});
    append(out, {"<text class=\"tick\" x=\"", x, "\" y=\"", num(f.top - 10), "\" text-anchor=\"middle\">",
                 format_figure(f.step * i), i == f.ticks ? " " : "", i == f.ticks ? unit : "", "</text>"});
  }
}

// The whisker: a horizontal line from min to max with short end caps.
void draw_whisker(std::string& out, double x_min, double x_max, double y) {
  const std::string x1 = num(x_min), x2 = num(x_max), top = num(y + 3), bottom = num(y + kBarH - 3);
  append(out, {"<path class=\"whisker\" d=\"M", x1, " ", top, "V", bottom, "M", x1, " ", num(y + kBarH / 2), "H", x2,
               "M", x2, " ", top, "V", bottom, "\"/>"});
}

void draw_bar(std::string& out, const Frame& f, const Bar& b, std::size_t baretls_index, double y,
              std::string_view unit) {
  const std::string label = concat({b.library, " \xc2\xb7 ", b.path});  // U+00B7 middle dot
  const std::string text_y = num(y + 11);
  append(out, {"<text class=\"label\" x=\"", num(kBarsX - 8), "\" y=\"", text_y, "\" text-anchor=\"end\">",
               xml_escape(label), "</text>"});
  const std::string tooltip = concat({label, ": median ", format_figure(b.median), " ", unit, " (min ",
                                      format_figure(b.min), ", max ", format_figure(b.max), ")"});
  append(out, {"<rect class=\"bar lib-", xml_escape(b.library), "\" x=\"", num(kBarsX), "\" y=\"", num(y),
               "\" width=\"", num(std::max(1.0, f.x_of(b.median) - kBarsX)), "\" height=\"", num(kBarH), "\" fill=\"",
               colour(b, baretls_index), "\"><title>", xml_escape(tooltip), "</title></rect>"});
  draw_whisker(out, f.x_of(b.min), f.x_of(b.max), y);
  append(out, {"<text class=\"value\" x=\"", num(std::max(f.x_of(b.max), f.x_of(b.median)) + 6), "\" y=\"", text_y,
               "\">", format_figure(b.median), " ", unit, "</text>"});
  if (b.ratio) {
    char ratio[32];
    std::snprintf(ratio, sizeof ratio, "%.2f\xc3\x97 OpenSSL", *b.ratio);  // U+00D7 multiplication sign
    append(out, {"<text class=\"ratio ", *b.ratio >= 1 ? "ahead" : "behind", "\" x=\"", num(kRatioX), "\" y=\"",
                 text_y, "\">", ratio, "</text>"});
  }
}

void draw_cluster(std::string& out, const Frame& f, const Cluster& c, double& y, std::string_view unit) {
  append(out, {"<text class=\"cluster\" x=\"8\" y=\"", num(y + 14), "\">", xml_escape(c.label), "</text>"});
  y += kClusterHead;
  const double top = y;
  std::size_t baretls_index = 0;
  for (const auto& b : c.bars) {
    draw_bar(out, f, b, baretls_index, y, unit);
    if (b.library == "baretls") ++baretls_index;
    y += kBarStep;
  }
  if (c.reference) {
    const std::string x = num(f.x_of(*c.reference));
    append(out, {"<line class=\"reference\" x1=\"", x, "\" y1=\"", num(top - 3), "\" x2=\"", x, "\" y2=\"",
                 num(y - kBarStep + kBarH + 3), "\"><title>OpenSSL: ", format_figure(*c.reference), " ", unit,
                 "</title></line>"});
  }
  y += kClusterGap;
}

}  // namespace

std::string xml_escape(std::string_view s) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string format_figure(double v) {
  char buf[48];
  if (v < 10) {
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
  }
  if (v < 1000) {
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
  }
  std::snprintf(buf, sizeof buf, "%.0f", v);
  const std::string digits = buf;
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string_view chart_css() {
  return "svg.chart{font:12px sans-serif;background:#fff}"
         ".chart .title{font-size:14px;font-weight:bold}"
         ".chart .cluster{font-weight:bold;fill:#222}"
         ".chart .label,.chart .value{fill:#333}"
         ".chart .tick{fill:#666;font-size:10px}"
         ".chart .grid{stroke:#e3e3e3}"
         ".chart .whisker{stroke:#222;fill:none}"
         ".chart .reference{stroke:#d9622b;stroke-width:1.5;stroke-dasharray:4 3}"
         ".chart .ratio{font-weight:bold}"
         ".chart .ratio.ahead{fill:#1a7f37}"
         ".chart .ratio.behind{fill:#b42318}";
}

// Inline, the page's heading names the chart; a standalone file carries its
// own title and style sheet.
std::string chart_svg(const Chart& chart, SvgForm form) {
  const bool standalone = form == SvgForm::standalone_file;
  double largest = 0;
  for (const auto& c : chart.clusters) {
    for (const auto& b : c.bars) largest = std::max({largest, b.max, b.median});
    largest = std::max(largest, c.reference.value_or(0.0));
  }
  const Frame f = frame_for(largest, standalone ? 52 : 32);
  const double height = chart_height(chart, f.top);
  const std::string_view unit = unit_symbol(chart.unit);
  std::string out;
  if (standalone) out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  append(out, {"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"chart-", xml_escape(chart.slug),
               "\" width=\"", num(kWidth), "\" height=\"", num(height), "\" viewBox=\"0 0 ", num(kWidth), " ",
               num(height), "\" role=\"img\" aria-label=\"", xml_escape(chart.title), "\">"});
  if (standalone) {
    append(out, {"<style>", chart_css(), "</style><text class=\"title\" x=\"8\" y=\"20\">", xml_escape(chart.title),
                 " (", unit, ", higher is better)</text>"});
  }
  draw_scale(out, f, height, unit);
  double y = f.top;
  for (const auto& c : chart.clusters) draw_cluster(out, f, c, y, unit);
  out += "</svg>";
  if (standalone) out += "\n";
  return out;
}

}  // namespace baretls::bench
