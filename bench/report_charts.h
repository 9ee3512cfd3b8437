// SPDX-License-Identifier: MIT
// Charts of a benchmark report, as data: one chart per primitive group,
// operation and message size (e.g. "AEAD: encrypt, 16 KiB"), a cluster of
// bars per algorithm, a bar per library and path (baretls's paths side by
// side), and the OpenSSL figure each baretls bar is compared with.
// report_svg.cpp draws them; report_html.cpp puts them on a page.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bench/report.h"

namespace baretls::bench {

struct Bar {
  std::string library;
  std::string path;
  double median = 0, min = 0, max = 0;
  std::optional<double> ratio;  // baretls bars: median / OpenSSL's median, when OpenSSL is in the cluster
};

struct Cluster {
  std::string label;                // the algorithm, e.g. "sha256"
  std::vector<Bar> bars;            // baretls first, then the peers, in report order
  std::optional<double> reference;  // OpenSSL's (best) median in this cluster
};

struct Chart {
  std::string title;  // "Hashes: hash, 16 KiB"
  std::string slug;   // "hashes-hash-16-kib": file names and page anchors
  Unit unit = Unit::megabytes_per_second;
  std::vector<Cluster> clusters;
};

// The primitive group of a measurement: "Hashes", "AEAD", "RSA", ...
std::string group_of(const Measurement& m);
std::vector<Chart> build_charts(const Report& report);

// "64 B", "1 KiB", "16 KiB".
std::string size_label(std::size_t bytes);

}  // namespace baretls::bench
