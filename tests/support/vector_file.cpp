// SPDX-License-Identifier: MIT
// Test support: CAVP-style vector reader; see vector_file.h.
#include "tests/support/vector_file.h"

#include <fstream>
#include <sstream>

namespace baretls::test {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

const std::string* find(const Fields& fs, std::string_view name) {
  for (const auto& [k, v] : fs)
    if (k == name) return &v;
  return nullptr;
}

std::pair<std::string, std::string> split_assignment(std::string_view body) {
  const auto eq = body.find('=');
  if (eq == std::string_view::npos) return {std::string(trim(body)), std::string()};
  return {std::string(trim(body.substr(0, eq))), std::string(trim(body.substr(eq + 1)))};
}

}  // namespace

bool VectorRecord::has(std::string_view name) const { return find(fields, name) != nullptr; }

const std::string& VectorRecord::get(std::string_view name) const {
  if (const auto* v = find(fields, name)) return *v;
  throw VectorFormatError(where() + ": missing field '" + std::string(name) + "'");
}

Bytes VectorRecord::bytes(std::string_view name) const {
  try {
    return from_hex(get(name));
  } catch (const std::invalid_argument& e) {
    throw VectorFormatError(where() + ": field '" + std::string(name) + "': " + e.what());
  }
}

unsigned long long VectorRecord::number(std::string_view name) const {
  const std::string& v = get(name);
  if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos)
    throw VectorFormatError(where() + ": field '" + std::string(name) + "' is not a decimal number");
  return std::stoull(v);
}

bool VectorRecord::has_section(std::string_view name) const { return find(section, name) != nullptr; }

const std::string& VectorRecord::section_value(std::string_view name) const {
  if (const auto* v = find(section, name)) return *v;
  throw VectorFormatError(where() + ": missing section header '" + std::string(name) + "'");
}

std::string VectorRecord::where() const { return file + ":" + std::to_string(line); }

std::string vector_path(std::string_view relative) {
  return std::string(BARETLS_VECTOR_DIR) + "/" + std::string(relative);
}

VectorFile parse_vector_text(std::string_view text, const std::string& name) {
  VectorFile out;
  out.path = name;
  Fields section;
  bool section_open = false;  // true while consecutive [..] lines accumulate
  VectorRecord current;
  auto flush = [&] {
    if (!current.fields.empty()) out.records.push_back(std::move(current));
    current = VectorRecord{};
  };
  std::size_t line_no = 0;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    const std::string_view raw = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    ++line_no;
    const std::string_view line = trim(raw);
    if (line.empty()) {
      flush();
      continue;
    }
    if (line.front() == '#') continue;
    if (line.front() == '[') {
      if (line.back() != ']')
        throw VectorFormatError(name + ":" + std::to_string(line_no) + ": unterminated section header");
      flush();
      if (!section_open) section.clear();
      section_open = true;
      section.push_back(split_assignment(line.substr(1, line.size() - 2)));
      continue;
    }
    const auto eq = line.find('=');
    if (eq == std::string_view::npos || eq == 0)
      throw VectorFormatError(name + ":" + std::to_string(line_no) + ": expected 'Name = value', got '" +
                              std::string(line) + "'");
    section_open = false;
    if (current.fields.empty()) {
      current.section = section;
      current.file = name;
      current.line = line_no;
    }
    auto kv = split_assignment(line);
    if (find(current.fields, kv.first) != nullptr)
      throw VectorFormatError(name + ":" + std::to_string(line_no) + ": field '" + kv.first +
                              "' repeated within one record");
    current.fields.push_back(std::move(kv));
  }
  flush();
  return out;
}

VectorFile load_vector_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open vector file " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_vector_text(ss.str(), path);
}

}  // namespace baretls::test
