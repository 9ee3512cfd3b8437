// SPDX-License-Identifier: MIT
// The subcommands' argument parser; see args.h.
#include "tools/args.h"

#include <utility>

namespace baretls::cli {

Args& Args::flag(std::string_view name, bool& target) {
  options_.push_back({std::string(name), false, [&target](const char*) {
                        target = true;
                        return true;
                      }});
  return *this;
}

Args& Args::value(std::string_view name, std::string& target, bool* seen) {
  return value(name, [&target, seen](const char* v) {
    target = v;
    if (seen != nullptr) *seen = true;
    return true;
  });
}

Args& Args::values(std::string_view name, std::vector<std::string>& target) {
  return value(name, [&target](const char* v) {
    target.emplace_back(v);
    return true;
  });
}

Args& Args::value(std::string_view name, std::function<bool(const char*)> handler) {
  options_.push_back({std::string(name), true, std::move(handler)});
  return *this;
}

Args& Args::operand(std::string& target) {
  operand_ = &target;
  return *this;
}

const Args::Option* Args::find(std::string_view name) const {
  for (const auto& o : options_)
    if (o.name == name) return &o;
  return nullptr;
}

Args::Outcome Args::parse(int argc, char** argv) const {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "-h" || arg == "--help") return {Status::help, std::string(arg)};
    const Option* o = find(arg);
    if (o == nullptr) {
      const bool is_operand = !arg.empty() && arg[0] != '-';
      if (!is_operand || operand_ == nullptr || !operand_->empty()) return {Status::unknown_option, std::string(arg)};
      *operand_ = std::string(arg);
      continue;
    }
    if (!o->takes_value) {
      (void)o->take(nullptr);
      continue;
    }
    if (i + 1 >= argc) return {Status::missing_value, std::string(arg)};
    if (!o->take(argv[++i])) return {Status::bad_value, std::string(arg)};
  }
  return {};
}

}  // namespace baretls::cli
