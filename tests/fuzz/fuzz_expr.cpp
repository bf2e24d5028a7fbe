// libFuzzer target for the expression parser and evaluator: any text must either parse or be
// refused with an error value (never a crash, deep recursion or exception), and a parsed
// expression must evaluate without trouble against values of every kind, including Null.
// Build (not wired into CMake):
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc tests/fuzz/fuzz_expr.cpp
//     src/forms/expression.cpp src/core/*.cpp build/src/core/gocua_catalog_embedded.cpp -lutf8proc -o fuzz_expr
// Seed corpus: the "relevant"/"constraint" strings of forms/*.json.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "forms/errors.h"
#include "forms/expression.h"

using namespace gocua;
using namespace gocua::forms;

namespace {

// Names resolve by their first letter to one of six kinds, so references of every kind occur.
Result<RefBinding> resolve(const std::vector<std::string>& path) {
  if (path.empty() || path[0].empty()) return Error::make(err::kExprUnknownField);
  static const ValueKind kinds[] = {ValueKind::Bool, ValueKind::Number, ValueKind::String,
                                    ValueKind::Date, ValueKind::List,   ValueKind::Any};
  const int slot = static_cast<unsigned char>(path[0][0]) % 7;
  if (slot == 6) return Error::make(err::kExprUnknownField, {}, "no such field");
  return RefBinding{slot, kinds[slot]};
}

struct Env : Environment {
  bool nulls = false;
  Value lookup(int slot) const override {
    if (nulls) return Value::null();
    switch (slot) {
      case 0:
        return Value::of(true);
      case 1:
        return Value::of(42.0);
      case 2:
        return Value::of(std::string("01/02/2003"));
      case 3:
        return Value::of(core::Date{2003, 2, 1});
      case 4:
        return Value::of(std::vector<std::string>{"a", "b"});
      default:
        return Value::null();
    }
  }
  core::Date today() const override { return core::Date{2025, 11, 15}; }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto expr = Expression::parse(text, resolve);
  if (!expr.ok()) {
    if (expr.error().code.empty()) __builtin_trap();  // every refusal carries a code
    return 0;
  }
  Env env;
  (void)expr->test(env);
  env.nulls = true;
  (void)expr->test(env);
  return 0;
}
