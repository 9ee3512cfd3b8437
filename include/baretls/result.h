// SPDX-License-Identifier: MIT
// Result<T, E>: a value or an error code, the return type of every fallible
// call in baretls (docs/ARCHITECTURE.md; C++20 has no std::expected). E is an enum
// class whose zero value is `ok`.
#pragma once

#include <optional>
#include <type_traits>
#include <utility>

namespace baretls {

template <typename T, typename E>
class [[nodiscard]] Result {
 public:
  static_assert(std::is_enum_v<E>, "the error type must be an enum");

  Result(T value) : value_(std::move(value)), error_(E::ok) {}  // NOLINT: implicit by design
  Result(E error) : error_(error) {}                            // NOLINT: implicit by design

  [[nodiscard]] bool ok() const { return error_ == E::ok; }
  explicit operator bool() const { return ok(); }
  [[nodiscard]] E error() const { return error_; }

  // Only valid when ok(); reading the value of a failed Result is our bug.
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  std::optional<T> value_;
  E error_;
};

}  // namespace baretls

// Return early with the error of a call that returns a plain error enum.
#define BARETLS_TRY(expr)                                   \
  do {                                                      \
    const auto baretls_try_err_ = (expr);                   \
    if (baretls_try_err_ != decltype(baretls_try_err_)::ok) \
      return baretls_try_err_;                              \
  } while (0)
