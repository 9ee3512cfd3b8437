// SPDX-License-Identifier: MIT
// Terminal-safe text for peer-supplied strings (see escape.h). UTF-8 per
// RFC 3629 §4: no overlong forms, no surrogates, nothing above U+10FFFF.
#include "tools/escape.h"

#include <cstdint>
#include <cstdio>

namespace baretls::cli {

namespace {

void append_hex(std::string& out, std::uint8_t b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(b));
  out += buf;
}

bool is_continuation(std::uint8_t b) { return (b & 0xC0) == 0x80; }

// The length of the well-formed UTF-8 sequence at the start of `s` and its
// code point; 0 when it is not one (RFC 3629 §4: the lead byte fixes the
// length and the second byte's range, which excludes overlong forms,
// surrogates and code points above U+10FFFF).
std::size_t utf8_sequence(std::string_view s, char32_t& cp) {
  const auto b0 = static_cast<std::uint8_t>(s[0]);
  struct Lead {
    std::uint8_t first, last;  // lead byte range
    std::size_t length;
    std::uint8_t lo, hi;  // second byte range
  };
  static constexpr Lead kLeads[] = {
      {0xC2, 0xDF, 2, 0x80, 0xBF}, {0xE0, 0xE0, 3, 0xA0, 0xBF}, {0xE1, 0xEC, 3, 0x80, 0xBF},
      {0xED, 0xED, 3, 0x80, 0x9F}, {0xEE, 0xEF, 3, 0x80, 0xBF}, {0xF0, 0xF0, 4, 0x90, 0xBF},
      {0xF1, 0xF3, 4, 0x80, 0xBF}, {0xF4, 0xF4, 4, 0x80, 0x8F},
  };
  for (const auto& l : kLeads) {
    if (b0 < l.first || b0 > l.last) continue;
    if (s.size() < l.length) return 0;
    const auto b1 = static_cast<std::uint8_t>(s[1]);
    if (b1 < l.lo || b1 > l.hi) return 0;
    cp = static_cast<char32_t>(b0 & (0xFFu >> (l.length + 1)));
    for (std::size_t i = 1; i < l.length; ++i) {
      const auto b = static_cast<std::uint8_t>(s[i]);
      if (!is_continuation(b)) return 0;
      cp = (cp << 6) | static_cast<char32_t>(b & 0x3Fu);
    }
    return l.length;
  }
  return 0;
}

// Code points that steer a terminal or reorder what it shows.
bool is_unsafe_code_point(char32_t cp) {
  return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
         cp == 0x2028 || cp == 0x2029;
}

}  // namespace

std::string escape_peer_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const auto b = static_cast<std::uint8_t>(text[0]);
    if (b >= 0x20 && b < 0x7F) {
      out += text[0];
      text.remove_prefix(1);
      continue;
    }
    char32_t cp = 0;
    const std::size_t n = b >= 0x80 ? utf8_sequence(text, cp) : 0;
    if (n == 0 || is_unsafe_code_point(cp)) {
      for (std::size_t i = 0; i < (n == 0 ? 1 : n); ++i) append_hex(out, static_cast<std::uint8_t>(text[i]));
    } else {
      out.append(text.substr(0, n));
    }
    text.remove_prefix(n == 0 ? 1 : n);
  }
  return out;
}

}  // namespace baretls::cli
