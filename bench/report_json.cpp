// SPDX-License-Identifier: MIT
// JSON lines for benchmark reports (see report_json.h): a writer, and a
// reader for flat objects of strings, numbers and literals (RFC 8259 §4-7),
// which is all the format uses (\u escapes: ASCII only, see read_escape).
#include "bench/report_json.h"

#include "bench/strings.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

namespace baretls::bench {
namespace {

// RFC 8259 §7: quotation mark, reverse solidus and control characters are
// escaped; everything else (UTF-8 included) is written as it is.
std::string quote(std::string_view s) {
  std::string out = "\"";
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

std::string number(double v, const char* format) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, std::isfinite(v) ? v : 0.0);
  return buf;
}

struct Value {
  enum class Kind { string, number, literal } kind = Kind::literal;
  std::string text;  // the string's contents, or the literal / number as written
  double number = 0;
};
using Object = std::map<std::string, Value, std::less<>>;

class ObjectReader {
 public:
  explicit ObjectReader(std::string_view s) : s_(s) {}

  // RFC 8259 §4: an object of members; nested values are not part of the format.
  std::optional<Object> read(std::string& error) {
    Object obj;
    skip_ws();
    if (!take('{')) return fail(error, "expected '{'");
    skip_ws();
    if (!take('}')) {
      for (;;) {
        std::string key;
        Value v;
        skip_ws();
        if (!read_string(key)) return fail(error, "expected a member name");
        skip_ws();
        if (!take(':')) return fail(error, "expected ':'");
        skip_ws();
        if (!read_value(v)) return fail(error, concat({"bad value for \"", key, "\""}));
        if (!obj.emplace(std::move(key), std::move(v)).second) return fail(error, "duplicate member");
        skip_ws();
        if (take('}')) break;
        if (!take(',')) return fail(error, "expected ',' or '}'");
      }
    }
    skip_ws();
    if (pos_ != s_.size()) return fail(error, "text after the object");
    return obj;
  }

 private:
  std::optional<Object> fail(std::string& error, std::string why) {
    error = std::move(why) + " at column " + std::to_string(pos_ + 1);
    return std::nullopt;
  }
  void skip_ws() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\r' || s_[pos_] == '\n')) ++pos_;
  }
  bool take(char c) {
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool read_hex4(unsigned& cp) {
    if (pos_ + 4 > s_.size()) return false;
    cp = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = s_[pos_++];
      const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) return false;
      cp = cp * 16 + static_cast<unsigned>(d);
    }
    return true;
  }
  // RFC 8259 §7 escapes. The writer escapes only control characters (other
  // text is written as UTF-8), so \uXXXX is accepted for ASCII only.
  bool read_escape(std::string& out) {
    if (pos_ >= s_.size()) return false;
    const char e = s_[pos_++];
    const std::string_view simple = "\"\\/bfnrt";
    const std::string_view meaning = "\"\\/\b\f\n\r\t";
    if (const auto i = simple.find(e); i != std::string_view::npos) {
      out += meaning[i];
      return true;
    }
    unsigned cp = 0;
    if (e != 'u' || !read_hex4(cp) || cp >= 0x80) return false;
    out += static_cast<char>(cp);
    return true;
  }
  bool read_string(std::string& out) {
    if (!take('"')) return false;
    while (pos_ < s_.size()) {
      const char c = s_[pos_++];
      if (c == '"') return true;
      if (static_cast<unsigned char>(c) < 0x20) return false;
      if (c == '\\') {
        if (!read_escape(out)) return false;
      } else {
        out += c;
      }
    }
    return false;
  }
  // RFC 8259 §6: -? int frac? exp?
  bool read_number(Value& v) {
    const std::size_t start = pos_;
    take('-');
    if (take('0')) {
    } else if (!digits()) {
      return false;
    }
    if (take('.') && !digits()) return false;
    if (take('e') || take('E')) {
      if (!take('+')) take('-');
      if (!digits()) return false;
    }
    v.kind = Value::Kind::number;
    v.text = std::string(s_.substr(start, pos_ - start));
    v.number = std::strtod(v.text.c_str(), nullptr);
    return std::isfinite(v.number);
  }
  bool digits() {
    const std::size_t start = pos_;
    while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
    return pos_ > start;
  }
  bool read_value(Value& v) {
    if (pos_ < s_.size() && s_[pos_] == '"') {
      v.kind = Value::Kind::string;
      return read_string(v.text);
    }
    for (const std::string_view lit : {"true", "false", "null"}) {
      if (s_.substr(pos_, lit.size()) == lit) {
        pos_ += lit.size();
        v.text = std::string(lit);
        return true;
      }
    }
    return read_number(v);
  }

  std::string_view s_;
  std::size_t pos_ = 0;
};

// Typed access to a member, collecting the first problem in `error`.
struct Fields {
  const Object& obj;
  std::string& error;

  std::string text(std::string_view name) {
    const auto it = obj.find(name);
    if (it == obj.end() || it->second.kind != Value::Kind::string) {
      if (error.empty()) error = concat({"\"", name, "\" must be a string"});
      return {};
    }
    return it->second.text;
  }
  double num(std::string_view name) {
    const auto it = obj.find(name);
    if (it == obj.end() || it->second.kind != Value::Kind::number || it->second.number < 0) {
      if (error.empty()) error = concat({"\"", name, "\" must be a non-negative number"});
      return 0;
    }
    return it->second.number;
  }
};

RunInfo run_from(Fields f) {
  RunInfo r;
  r.tool = f.text("tool");
  r.date = f.text("date");
  r.cpu = f.text("cpu");
  r.cpu_features = f.text("cpu_features");
  r.baretls_cpu = f.text("baretls_cpu");
  r.compiler = f.text("compiler");
  r.flags = f.text("flags");
  r.libraries = f.text("libraries");
  r.seconds = f.num("seconds");
  r.rounds = static_cast<int>(f.num("rounds"));
  return r;
}

Measurement result_from(Fields f) {
  Measurement m;
  m.algorithm = f.text("algorithm");
  m.operation = f.text("operation");
  m.library = f.text("library");
  m.path = f.text("path");
  m.size = static_cast<std::size_t>(f.num("size"));
  const auto unit = parse_unit(f.text("unit"));
  if (!unit && f.error.empty()) f.error = "\"unit\" must be \"MB/s\" or \"ops/s\"";
  m.unit = unit.value_or(Unit::megabytes_per_second);
  m.median = f.num("median");
  m.min = f.num("min");
  m.max = f.num("max");
  if (f.error.empty() && !(m.min <= m.median && m.median <= m.max)) f.error = "needs min <= median <= max";
  return m;
}

}  // namespace

std::string to_json(const RunInfo& run) {
  return concat({"{\"type\":\"run\",\"tool\":", quote(run.tool), ",\"date\":", quote(run.date),
                 ",\"cpu\":", quote(run.cpu), ",\"cpu_features\":", quote(run.cpu_features),
                 ",\"baretls_cpu\":", quote(run.baretls_cpu), ",\"compiler\":", quote(run.compiler),
                 ",\"flags\":", quote(run.flags), ",\"libraries\":", quote(run.libraries),
                 ",\"statistic\":\"median\",\"seconds\":", number(run.seconds, "%g"),
                 ",\"rounds\":", std::to_string(run.rounds), "}"});
}

std::string to_json(const Measurement& m) {
  return concat({"{\"type\":\"result\",\"algorithm\":", quote(m.algorithm), ",\"operation\":", quote(m.operation),
                 ",\"library\":", quote(m.library), ",\"path\":", quote(m.path), ",\"size\":", std::to_string(m.size),
                 ",\"unit\":", quote(unit_symbol(m.unit)), ",\"median\":", number(m.median, "%.3f"),
                 ",\"min\":", number(m.min, "%.3f"), ",\"max\":", number(m.max, "%.3f"), "}"});
}

std::string to_json_lines(const Report& report) {
  std::string out = to_json(report.run) + "\n";
  for (const auto& m : report.results) out += to_json(m) + "\n";
  return out;
}

ParsedReport parse_json_lines(std::string_view text) {
  Report report;
  bool have_run = false;
  std::size_t line_no = 0;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    const std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    std::string error;
    const auto obj = ObjectReader(line).read(error);
    const auto type = obj ? obj->find("type") : Object::const_iterator{};
    if (obj && (type == obj->end() || (type->second.text != "run" && type->second.text != "result")))
      error = "\"type\" must be \"run\" or \"result\"";
    if (error.empty() && type->second.text == "run") {
      if (have_run) error = "a second run line";
      report.run = run_from(Fields{*obj, error});
      have_run = true;
    } else if (error.empty()) {
      if (!have_run) error = "a result before the run line";
      report.results.push_back(result_from(Fields{*obj, error}));
    }
    if (!error.empty()) return ParsedReport{std::nullopt, concat({"line ", std::to_string(line_no), ": ", error})};
  }
  if (!have_run) return ParsedReport{std::nullopt, "no run line"};
  return ParsedReport{std::move(report), {}};
}

}  // namespace baretls::bench
