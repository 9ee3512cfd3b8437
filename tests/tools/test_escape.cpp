// SPDX-License-Identifier: MIT
// tools/escape.h: what the CLI prints of peer-supplied text (SNI, ALPN,
// certificate fields, trace lines). Terminal controls in every form become
// \xNN; printable ASCII and well-formed UTF-8 pass.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "tools/escape.h"

using baretls::cli::escape_peer_text;

TEST_CASE("escape: peer text reaches the terminal without controls") {
  struct Case {
    std::string in, out;
  };
  const std::vector<Case> cases = {
      {"www.example.test", "www.example.test"},
      {"h2", "h2"},
      {"CN=a\\, b", "CN=a\\, b"},                        // already escaped text stays as it is
      {std::string("a\0b", 3), "a\\x00b"},               // NUL
      {"\x1b[31mred\x1b[0m", "\\x1B[31mred\\x1B[0m"},    // ANSI colour (ESC)
      {"\x1b]0;title\x07", "\\x1B]0;title\\x07"},        // OSC window title, BEL
      {"a\rb\nc\td", "a\\x0Db\\x0Ac\\x09d"},
      {"\x7f", "\\x7F"},
      {"\x9b" "31m", "\\x9B31m"},                        // 8-bit CSI (not UTF-8)
      {"\xc2\x9b" "31m", "\\xC2\\x9B31m"},               // U+009B CSI as UTF-8 (C1)
      {"Z\xc3\xbcrich", "Z\xc3\xbcrich"},                // ü passes
      {"\xe6\x97\xa5\xe6\x9c\xac", "\xe6\x97\xa5\xe6\x9c\xac"},  // 日本 passes
      {"\xf0\x9f\x94\x92", "\xf0\x9f\x94\x92"},          // U+1F512 passes
      {"a\xe2\x80\xae" "b", "a\\xE2\\x80\\xAEb"},       // U+202E right-to-left override
      {"\xe2\x81\xa6x", "\\xE2\\x81\\xA6x"},             // U+2066 isolate
      {"\xe2\x80\xa8", "\\xE2\\x80\\xA8"},               // U+2028 line separator
      {"\xc0\xaf", "\\xC0\\xAF"},                        // overlong '/'
      {"\xed\xa0\x80", "\\xED\\xA0\\x80"},               // surrogate U+D800
      {"\xf4\x90\x80\x80", "\\xF4\\x90\\x80\\x80"},      // above U+10FFFF
      {"\xe6\x97", "\\xE6\\x97"},                        // truncated sequence
      {"\xc3", "\\xC3"},
      {"\xff\xfe", "\\xFF\\xFE"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.out);
    CHECK(escape_peer_text(c.in) == c.out);
  }
  // Every byte value alone: a control or a lone high byte never passes.
  std::size_t escaped = 0;
  for (unsigned b = 0; b < 256; ++b) {
    const std::string in(1, static_cast<char>(b));
    const std::string out = escape_peer_text(in);
    const bool printable = b >= 0x20 && b < 0x7f;
    CHECK((out == in) == printable);
    escaped += out == in ? 0 : 1;
  }
  CHECK(escaped == 256 - 95);
  CHECK(cases.size() == 22);
}
