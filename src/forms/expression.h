// The tiny expression language of form files (`relevant`, `constraint`, `required`, checks):
// field references, literals, comparisons, and/or/not, parentheses and six functions.
//
//   expr       := or
//   or         := and ("or" and)*
//   and        := not ("and" not)*
//   not        := "not" not | comparison
//   comparison := primary (("=" | "==" | "!=" | "<" | "<=" | ">" | ">=") primary)?
//   primary    := "(" expr ")" | number | string | "true" | "false" | call | reference
//   call       := "today" "(" ")" | "age" "(" reference ")" | "answered" "(" reference ")"
//               | "selected" "(" reference "," string ")" | "age_on" "(" reference "," reference ")"
//               | "same_date_in_words" "(" reference "," reference ")"
//   reference  := name ("." name)*          (name = [A-Za-z_][A-Za-z0-9_]*)
//   string     := '...' | "..."             (backslash escapes the quote and itself)
//   number     := -?digits(.digits)?
//
// An expression is parsed ONCE, when its form loads; references are bound there too, through a
// resolver the form supplies, so a typo in a field name refuses the form file instead of
// silently evaluating to "missing" in front of a resident. Evaluation never fails: a missing or
// unreadable answer is Null, every comparison with Null is false except `=`/`!=` against Null,
// and a Null condition counts as false (so `age(dob) < 14` is false until dob is answered).
// No exceptions leave this file.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace gocua::forms {

// What an expression or a reference yields, known at bind time for the type checks.
enum class ValueKind { Any, Bool, Number, String, Date, List };

struct Value {
  std::variant<std::monostate, bool, double, std::string, core::Date, std::vector<std::string>> v;

  bool isNull() const { return v.index() == 0; }
  static Value null() { return {}; }
  static Value of(bool b) { return Value{b}; }
  static Value of(double d) { return Value{d}; }
  static Value of(std::string s) { return Value{std::move(s)}; }
  static Value of(core::Date d) { return Value{d}; }
  static Value of(std::vector<std::string> l) { return Value{std::move(l)}; }
};

// A reference resolved by the form: an opaque slot number handed back to the Environment at
// evaluation time, and the kind of value it holds.
struct RefBinding {
  int slot = -1;
  ValueKind kind = ValueKind::Any;
};
// Called once per reference while parsing, with its dotted path split into names.
// Returns the binding or an Error ("expr.unknown_field", "expr.ref_into_repeat", ...).
using Resolver = std::function<Result<RefBinding>(const std::vector<std::string>& path)>;

// Supplies values while evaluating; implemented by the validator over the answers JSON.
class Environment {
 public:
  virtual ~Environment() = default;
  virtual Value lookup(int slot) const = 0;
  virtual core::Date today() const = 0;
};

namespace detail {
struct Node;
}

class Expression {
 public:
  // Parses and binds text. Errors (detail says where and what, e.g. "at 7: expected ')'"):
  //   "expr.syntax"            not a well-formed expression (also empty text)
  //   "expr.unknown_function"  a call other than today/age/age_on/answered/selected/same_date_in_words
  //   "expr.type"              e.g. age() of a non-date, a number compared with a string,
  //                            a non-boolean where a condition is needed
  //   "expr.too_deep"          nesting beyond 64 levels, or text over 4,000 bytes
  //   any error the resolver returns (its detail is kept)
  static Result<Expression> parse(std::string_view text, const Resolver& resolve);

  const std::string& source() const { return source_; }

  // The boolean outcome; Null and non-boolean results count as false.
  bool test(const Environment& env) const;
  Value evaluate(const Environment& env) const;

 private:
  std::string source_;
  std::shared_ptr<const detail::Node> root_;  // immutable after parse, so copies share it
};

}  // namespace gocua::forms
