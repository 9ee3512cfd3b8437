// SPDX-License-Identifier: MIT
// `baretls demo` output: numbered step headings, prose, named values in hex
// (long ones shortened to their first and last bytes unless --full), checks.
// Colour (ANSI) only when stdout is a terminal and NO_COLOR is unset.
#include <cstdio>
#include <string>

#include "tools/demo.h"

namespace baretls::cli::demo {

namespace {
constexpr std::size_t kShortenAbove = 32;  // bytes
constexpr std::size_t kKeepEachEnd = 12;   // bytes shown at each end
constexpr std::size_t kProseWidth = 86;

const char* color(const Options& o, const char* code) { return o.color ? code : ""; }
}  // namespace

std::string hex_full(std::span<const std::uint8_t> b) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s;
  s.reserve(2 * b.size());
  for (const auto v : b) {
    s += kDigits[v >> 4];
    s += kDigits[v & 15];
  }
  return s;
}

std::string Out::hex(std::span<const std::uint8_t> b) const {
  if (b.empty()) return "(empty)";
  if (opt_.full || b.size() <= kShortenAbove) return hex_full(b) + " (" + std::to_string(b.size()) + " bytes)";
  return hex_full(b.first(kKeepEachEnd)) + "\xe2\x80\xa6" + hex_full(b.last(kKeepEachEnd)) + " (" +
         std::to_string(b.size()) + " bytes)";
}

void Out::banner(std::string_view text) const {
  std::printf("%s%.*s%s\n", color(opt_, "\033[1m"), static_cast<int>(text.size()), text.data(),
              color(opt_, "\033[0m"));
}

void Out::heading(std::string_view title, std::string_view direction, std::string_view rfc) {
  ++step_;
  std::printf("\n%s[%d] %.*s%s", color(opt_, "\033[1;36m"), step_, static_cast<int>(title.size()), title.data(),
              color(opt_, "\033[0m"));
  if (!direction.empty())
    std::printf("  %s%.*s%s", color(opt_, "\033[33m"), static_cast<int>(direction.size()), direction.data(),
                color(opt_, "\033[0m"));
  if (!rfc.empty()) std::printf("  %s(%.*s)%s", color(opt_, "\033[2m"), static_cast<int>(rfc.size()), rfc.data(),
                                color(opt_, "\033[0m"));
  std::printf("\n");
}

// Wraps at word boundaries, indented by four spaces.
void Out::say(std::string_view text) const {
  std::string line;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    const auto word = text.substr(pos, end - pos);
    if (!line.empty() && line.size() + 1 + word.size() > kProseWidth) {
      std::printf("    %s\n", line.c_str());
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
    pos = end + 1;
  }
  if (!line.empty()) std::printf("    %s\n", line.c_str());
}

void Out::field(std::string_view name, std::string_view text) const {
  std::printf("      %s%-28.*s%s %.*s\n", color(opt_, "\033[32m"), static_cast<int>(name.size()), name.data(),
              color(opt_, "\033[0m"), static_cast<int>(text.size()), text.data());
}

void Out::formula(std::string_view text) const {
  std::printf("      %s%.*s%s\n", color(opt_, "\033[2m"), static_cast<int>(text.size()), text.data(), color(opt_, "\033[0m"));
}

void Out::bytes(std::string_view name, std::span<const std::uint8_t> b) const { field(name, hex(b)); }

void Out::check(std::string_view what, bool ok) const {
  if (!ok) ++failures_;
  std::printf("      %s%s%s %.*s\n", color(opt_, ok ? "\033[1;32m" : "\033[1;31m"), ok ? "\xe2\x9c\x93" : "\xe2\x9c\x97 FAILED:",
              color(opt_, "\033[0m"), static_cast<int>(what.size()), what.data());
}

}  // namespace baretls::cli::demo
