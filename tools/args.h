// SPDX-License-Identifier: MIT
// The argument parser of the subcommands: each declares its options (a
// flag, an option with a value, a repeatable option, an operand) and parse()
// walks argv once, left to right. It prints nothing: the command turns the
// Outcome into its own usage text or message, so the messages of the CLI
// contract (README.md) stay with the command that owns them.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace baretls::cli {

class Args {
 public:
  enum class Status {
    ok,
    help,            // -h or --help
    unknown_option,  // `arg` is not declared (or a second operand)
    missing_value,   // `arg` takes a value and is the last argument
    bad_value,       // a value handler refused `arg`'s value (it said why)
  };
  struct Outcome {
    Status status = Status::ok;
    std::string arg;  // the argument the status is about
  };

  // --name: sets `target` to true.
  Args& flag(std::string_view name, bool& target);
  // --name VALUE: the last one wins; `seen` (if given) is set when present.
  Args& value(std::string_view name, std::string& target, bool* seen = nullptr);
  // --name VALUE, repeatable: appended in order.
  Args& values(std::string_view name, std::vector<std::string>& target);
  // --name VALUE through a handler; false refuses the value (Status::bad_value).
  Args& value(std::string_view name, std::function<bool(const char*)> handler);
  // One operand: an argument that is not empty and does not start with '-'.
  Args& operand(std::string& target);

  // argv[0] is the subcommand's name. Stops at the first argument that is
  // not ok (help included).
  [[nodiscard]] Outcome parse(int argc, char** argv) const;

 private:
  struct Option {
    std::string name;
    bool takes_value = false;
    std::function<bool(const char*)> take;  // the value, or nullptr for a flag
  };
  [[nodiscard]] const Option* find(std::string_view name) const;

  std::vector<Option> options_;
  std::string* operand_ = nullptr;
};

}  // namespace baretls::cli
