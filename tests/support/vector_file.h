// SPDX-License-Identifier: MIT
// Test support: a reader for NIST CAVP-style vector files (.rsp/.txt):
//   # comment lines
//   [Name = value] or [NAME] section headers (consecutive headers combine;
//                  a header after a record starts a new set)
//   Name = value   fields; a blank line ends a record
// CRLF line ends are accepted. Anything else on a line is a format error:
// load_vector_file() throws VectorFormatError naming the file and line, so
// a malformed file fails its test instead of being skipped.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tests/support/hex.h"

namespace baretls::test {

class VectorFormatError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

using Fields = std::vector<std::pair<std::string, std::string>>;

struct VectorRecord {
  Fields section;      // the [..] headers in force, in order
  Fields fields;       // the record's own Name = value lines, in order
  std::string file;    // for messages
  std::size_t line = 0;  // line of the record's first field

  [[nodiscard]] bool has(std::string_view name) const;
  // The field's text; throws VectorFormatError when absent.
  [[nodiscard]] const std::string& get(std::string_view name) const;
  [[nodiscard]] Bytes bytes(std::string_view name) const;  // hex field
  [[nodiscard]] unsigned long long number(std::string_view name) const;  // decimal field
  [[nodiscard]] bool has_section(std::string_view name) const;
  // A section header's value ("" for a bare [NAME]); throws when absent.
  [[nodiscard]] const std::string& section_value(std::string_view name) const;
  // "file:line" for failure messages.
  [[nodiscard]] std::string where() const;
};

struct VectorFile {
  std::string path;
  std::vector<VectorRecord> records;
};

// Path of a file under the project's vectors/ folder.
[[nodiscard]] std::string vector_path(std::string_view relative);

// Reads and parses; throws VectorFormatError (or std::runtime_error when the
// file cannot be opened).
[[nodiscard]] VectorFile load_vector_file(const std::string& path);
[[nodiscard]] VectorFile parse_vector_text(std::string_view text, const std::string& name);

}  // namespace baretls::test
