// Result<T>: the value-or-error that crosses every module border (GCC 12 has no std::expected).
// An Error carries a stable machine code ("personal_id.province"), its kind, the field it
// concerns (a path such as "members[2].personal_id", may be empty) and a technical detail that
// must never contain residents' data (it may reach logs). The user-facing text comes from the
// catalog: key "error.<code>" (see i18n.h).
//
// Every code is declared once, in its module's errors.h, as an ErrorCode constant with its kind
// (err::kPersonalIdProvince). Exit codes and screens decide on the kind, or on one declared
// constant with is(); never on the code's text, so renaming a code cannot change an exit code.
#pragma once

#include <cassert>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace gocua {

// What went wrong, in the terms a caller acts on. Both command lines map kinds to exit codes the
// same way (src/cli/output.h): Invalid and Conflict 2, Locked 3, Duplicate 4, Revoked 7, the rest 1.
enum class ErrorKind : std::uint8_t {
  Invalid,    // the input given (a field, an argument, a file handed in) is wrong: fix it, retry
  Locked,     // no passphrase, a wrong one, or nobody of that name to unlock as
  Duplicate,  // the record exists already (its id is in the detail)
  Conflict,   // changed elsewhere since it was read (a stale revision)
  NotFound,   // what was named does not exist
  Refused,    // well-formed but not allowed here (a training workspace syncing, not enrolled)
  Damaged,    // data this program relies on failed a check (a flipped byte, a broken form file)
  Io,         // the disk, the network, the display
  Busy,       // held by someone else right now (another writer, a hub at its cap): ask again shortly
  Internal,   // a library call failed, or a bug
  Revoked,    // the commune hub has revoked this laptop: nothing more leaves it until it re-enrolls
};

// A declared error code: the catalog key suffix and its kind. Declared in errors.h files only.
struct ErrorCode {
  const char* code;
  ErrorKind kind;
};

struct Error {
  std::string code;
  std::string field;
  std::string detail;
  ErrorKind kind = ErrorKind::Internal;

  static Error make(const ErrorCode& c, std::string field = {}, std::string detail = {}) {
    return Error{c.code, std::move(field), std::move(detail), c.kind};
  }
  // For a code that arrives as text (a rejection reason read back from a receipt or the hub's
  // ledger) and is only shown: its kind is not known here.
  static Error fromText(std::string code, std::string field = {}, std::string detail = {},
                        ErrorKind kind = ErrorKind::Internal) {
    return Error{std::move(code), std::move(field), std::move(detail), kind};
  }
  bool is(const ErrorCode& c) const { return code == c.code; }
  // The code and kind of `other` with a new field and detail (a validator's error reported
  // against the form field it came from).
  static Error like(const Error& other, std::string field = {}, std::string detail = {}) {
    return Error{other.code, std::move(field), std::move(detail), other.kind};
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
