// Result<T>: the value-or-error that crosses every module border (GCC 12 has no std::expected).
// An Error carries a stable machine code ("personal_id.province"), the field it concerns
// (a path such as "members[2].personal_id", may be empty) and a technical detail that must
// never contain residents' data (it may reach logs). The user-facing text comes from the
// catalog: key "error.<code>" (see i18n.h).
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace gocua {

struct Error {
  std::string code;
  std::string field;
  std::string detail;

  static Error make(std::string code, std::string field = {}, std::string detail = {}) {
    return Error{std::move(code), std::move(field), std::move(detail)};
  }
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}
  Result(Error error) : state_(std::move(error)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok() && "Result::value() on an error; check ok() first");
    return std::get<0>(state_);
  }
  const T& value() const& {
    assert(ok() && "Result::value() on an error; check ok() first");
    return std::get<0>(state_);
  }
  T&& value() && {
    assert(ok() && "Result::value() on an error; check ok() first");
    return std::get<0>(std::move(state_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const {
    assert(!ok() && "Result::error() on a value");
    return std::get<1>(state_);
  }

 private:
  std::variant<T, Error> state_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), failed_(true) {}

  bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  const Error& error() const {
    assert(failed_ && "Result::error() on success");
    return error_;
  }

 private:
  Error error_;
  bool failed_ = false;
};

using Status = Result<void>;

// A list of problems found at once (validation returns every problem, not the first).
using Errors = std::vector<Error>;

}  // namespace gocua

// Early return of the error of an expression yielding Result<...>.
#define GOCUA_TRY(expr)                                            \
  do {                                                             \
    auto gocua_try_result_ = (expr);                               \
    if (!gocua_try_result_.ok()) return gocua_try_result_.error(); \
  } while (0)
