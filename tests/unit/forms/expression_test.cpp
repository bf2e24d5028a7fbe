// The expression language on its own: parsing, binding through a resolver, evaluation rules
// (Null semantics, dates, functions) and the errors a form author sees for a bad expression.
#include <doctest/doctest.h>

#include <map>

#include "forms/errors.h"
#include "forms/expression.h"

using namespace gocua;
using namespace gocua::forms;

namespace {

// A resolver over a fixed set of names, and an environment holding their values.
struct Fixture : Environment {
  std::map<std::string, std::pair<int, ValueKind>> names = {
      {"n", {0, ValueKind::Number}},       {"s", {1, ValueKind::String}},  {"d", {2, ValueKind::Date}},
      {"b", {3, ValueKind::Bool}},         {"list", {4, ValueKind::List}}, {"missing", {5, ValueKind::String}},
      {"child.dob", {6, ValueKind::Date}}, {"m", {7, ValueKind::Number}}};
  std::map<int, Value> values;
  core::Date now{2025, 11, 15};

  Fixture() {
    values[0] = Value::of(3.0);
    values[1] = Value::of(std::string("yes"));
    values[2] = Value::of(core::Date{2025, 11, 1});
    values[3] = Value::of(true);
    values[4] = Value::of(std::vector<std::string>{"a", "b"});
    values[6] = Value::of(core::Date{2015, 12, 1});
    values[7] = Value::of(-2.5);
  }
  Value lookup(int slot) const override {
    auto it = values.find(slot);
    return it == values.end() ? Value::null() : it->second;
  }
  core::Date today() const override { return now; }

  Resolver resolver() {
    return [this](const std::vector<std::string>& path) -> Result<RefBinding> {
      std::string dotted;
      for (const auto& p : path) dotted += (dotted.empty() ? "" : ".") + p;
      auto it = names.find(dotted);
      if (it == names.end()) return Error::make(err::kExprUnknownField, {}, "no field '" + dotted + "'");
      return RefBinding{it->second.first, it->second.second};
    };
  }
  Result<Expression> parse(std::string_view text) { return Expression::parse(text, resolver()); }
  bool eval(std::string_view text) {
    auto e = parse(text);
    REQUIRE_MESSAGE(e.ok(), text << ": " << (e.ok() ? "" : e.error().code + " " + e.error().detail));
    return e->test(*this);
  }
  std::string errorCode(std::string_view text) {
    auto e = parse(text);
    return e.ok() ? "ok" : e.error().code;
  }
};

}  // namespace

TEST_CASE("literals, comparisons and logic") {
  Fixture f;
  CHECK(f.eval("true"));
  CHECK_FALSE(f.eval("false"));
  CHECK(f.eval("n = 3"));
  CHECK(f.eval("n == 3"));
  CHECK(f.eval("n != 4"));
  CHECK(f.eval("n < 3.5"));
  CHECK(f.eval("n <= 3"));
  CHECK(f.eval("n > 2"));
  CHECK(f.eval("n >= 3"));
  CHECK(f.eval("m < -2"));
  CHECK(f.eval("m = -2.5"));
  CHECK(f.eval("s = 'yes'"));
  CHECK(f.eval("s = \"yes\""));
  CHECK(f.eval("'it\\'s' = \"it's\""));
  CHECK(f.eval("b"));
  CHECK(f.eval("b = true"));
  CHECK(f.eval("not false"));
  CHECK(f.eval("not not b"));
}

TEST_CASE("precedence: not binds tighter than and, and tighter than or; parentheses group") {
  Fixture f;
  CHECK(f.eval("true or false and false"));  // or(true, and(false,false))
  CHECK_FALSE(f.eval("(true or false) and false"));
  CHECK(f.eval("not false and true"));  // and(not false, true)
  CHECK_FALSE(f.eval("not (false or true)"));
  CHECK(f.eval("n = 3 and s = 'yes' and b"));
  CHECK(f.eval("n = 1 or n = 2 or n = 3"));
  CHECK(f.eval("((((n = 3))))"));
}

TEST_CASE("missing answers are Null: = and != against Null, everything else false") {
  Fixture f;
  CHECK_FALSE(f.eval("missing = 'x'"));
  CHECK(f.eval("missing != 'x'"));
  CHECK_FALSE(f.eval("missing < 'x'"));
  CHECK_FALSE(f.eval("missing >= 'x'"));
  CHECK_FALSE(f.eval("answered(missing)"));
  CHECK(f.eval("answered(s)"));
  CHECK(f.eval("not answered(missing)"));
}

TEST_CASE("dates: today(), age(), comparisons with dates and date literals") {
  Fixture f;
  CHECK(f.eval("d <= today()"));
  CHECK(f.eval("d < today()"));
  CHECK_FALSE(f.eval("d > today()"));
  CHECK(f.eval("d = '01/11/2025'"));
  CHECK(f.eval("d > '2024'"));
  CHECK(f.eval("'31/12/2024' < d"));
  CHECK_FALSE(f.eval("d = 'not a date'"));
  CHECK(f.eval("age(child.dob) = 9"));  // born 01/12/2015, today 15/11/2025
  CHECK(f.eval("age(child.dob) < 14"));
}

TEST_CASE("age() of a missing date is Null, so a condition on it is false") {
  Fixture f;
  f.names["nodate"] = {9, ValueKind::Date};
  CHECK_FALSE(f.eval("age(nodate) < 14"));
  CHECK_FALSE(f.eval("age(nodate) >= 14"));
}

TEST_CASE("age_on(): full years from one date field to another, Null when either is missing") {
  Fixture f;
  f.names["mother.dob"] = {8, ValueKind::Date};
  f.names["nodate"] = {9, ValueKind::Date};
  f.values[8] = Value::of(core::Date{2003, 12, 2});  // 11 on child.dob 01/12/2015, 12 a day later
  CHECK(f.eval("age_on(mother.dob, child.dob) = 11"));
  CHECK(f.eval("age_on(child.dob, mother.dob) < 0"));  // the other way round: negative
  f.values[8] = Value::of(core::Date{2003, 0, 0});     // year only: counted from 01/01/2003
  CHECK(f.eval("age_on(mother.dob, child.dob) = 12"));
  CHECK_FALSE(f.eval("age_on(nodate, child.dob) < 14"));
  CHECK_FALSE(f.eval("age_on(nodate, child.dob) >= 14"));
  CHECK(f.errorCode("age_on(s, child.dob) < 3") == "expr.type");
  CHECK(f.errorCode("age_on(d) < 3") == "expr.syntax");
}

TEST_CASE("same_date_in_words(): the words say the date, whatever the case, commas and spoken variants") {
  Fixture f;
  f.names["words"] = {8, ValueKind::String};
  f.names["nodate"] = {9, ValueKind::Date};
  f.values[8] = Value::of(std::string("Ngày một, tháng mười hai, năm hai nghìn không trăm mười lăm"));
  CHECK(f.eval("same_date_in_words(words, child.dob)"));  // 01/12/2015
  f.values[8] = Value::of(std::string("ngày mồng MỘT tháng mười hai năm hai ngàn không trăm mười nhăm"));
  CHECK(f.eval("same_date_in_words(words, child.dob)"));
  f.values[8] = Value::of(std::string("Ngày hai, tháng mười hai, năm hai nghìn không trăm mười lăm"));
  CHECK_FALSE(f.eval("same_date_in_words(words, child.dob)"));  // another day
  f.values[8] = Value::of(std::string("Ngày một, tháng mười hai, năm hai nghìn không trăm mười sáu"));
  CHECK_FALSE(f.eval("same_date_in_words(words, child.dob)"));  // another year
  CHECK_FALSE(f.eval("same_date_in_words(missing, child.dob)"));
  CHECK_FALSE(f.eval("same_date_in_words(words, nodate)"));
  CHECK(f.errorCode("same_date_in_words(child.dob, words)") == "expr.type");
  CHECK(f.errorCode("same_date_in_words(n, d)") == "expr.type");
}

TEST_CASE("selected() over multi-choice lists and single choices") {
  Fixture f;
  CHECK(f.eval("selected(list, 'a')"));
  CHECK_FALSE(f.eval("selected(list, 'z')"));
  CHECK(f.eval("selected(s, 'yes')"));
  CHECK_FALSE(f.eval("selected(missing, 'yes')"));
}

TEST_CASE("syntax errors carry the position") {
  Fixture f;
  for (const char* bad : {"", "   ", "n =", "(n = 3", "n = 3)", "n = = 3", "'open", "n = 3 and", "and n = 3",
                          "n = 3 s = 1", "n.", "n = 1.", "n = 3x", "#", "selected(list 'a')"}) {
    INFO("'" << bad << "'");
    auto e = f.parse(bad);
    REQUIRE_FALSE(e.ok());
    CHECK(e.error().code == "expr.syntax");
    CHECK(e.error().detail.rfind("at ", 0) == 0);
  }
  auto e = f.parse("n = 3 )");
  REQUIRE_FALSE(e.ok());
  CHECK(e.error().detail.find("at 6") == 0);
}

TEST_CASE("comparisons do not chain") {
  Fixture f;
  CHECK(f.errorCode("1 < n < 5") == "expr.syntax");
}

TEST_CASE("unknown names and functions") {
  Fixture f;
  CHECK(f.errorCode("nope = 1") == "expr.unknown_field");
  auto e = f.parse("n = 1 and nope = 1");
  REQUIRE_FALSE(e.ok());
  CHECK(e.error().detail.find("at 10") == 0);
  CHECK(e.error().detail.find("nope") != std::string::npos);
  CHECK(f.errorCode("len(s) > 1") == "expr.unknown_function");
  CHECK(f.errorCode("count() > 1") == "expr.unknown_function");
}

TEST_CASE("type errors are caught when the form loads, not in front of a resident") {
  Fixture f;
  CHECK(f.errorCode("n = 'three'") == "expr.type");
  CHECK(f.errorCode("s > 3") == "expr.type");
  CHECK(f.errorCode("b < true") == "expr.type");
  CHECK(f.errorCode("age(s) < 14") == "expr.type");
  CHECK(f.errorCode("age(3) < 14") == "expr.type");
  CHECK(f.errorCode("selected(n, 'a')") == "expr.type");
  CHECK(f.errorCode("selected(list, n)") == "expr.type");
  CHECK(f.errorCode("list = 'a'") == "expr.type");
  CHECK(f.errorCode("s") == "expr.type");  // a text is not a condition
  CHECK(f.errorCode("n and b") == "expr.type");
  CHECK(f.errorCode("not s") == "expr.type");
  CHECK(f.errorCode("3") == "expr.type");
  CHECK(f.errorCode("d = today()") == "ok");
  CHECK(f.errorCode("d = '01/01/2020'") == "ok");
}

TEST_CASE("hostile input is bounded") {
  Fixture f;
  std::string deep(200, '(');
  deep += "true" + std::string(200, ')');
  CHECK(f.errorCode(deep) == "expr.too_deep");
  std::string nots;
  for (int i = 0; i < 200; ++i) nots += "not ";
  CHECK(f.errorCode(nots + "true") == "expr.too_deep");
  std::string longText = "true";
  while (longText.size() < 5000) longText += " or true";
  CHECK(f.errorCode(longText) == "expr.too_deep");
  std::string moderate(30, '(');
  moderate += "true" + std::string(30, ')');
  CHECK(f.errorCode(moderate) == "ok");
  CHECK(f.errorCode(std::string("n = 3\0", 6)) == "expr.syntax");
}

TEST_CASE("the source text is kept and a parsed expression can be copied") {
  Fixture f;
  auto e = f.parse("n = 3");
  REQUIRE(e.ok());
  Expression copy = *e;
  CHECK(copy.source() == "n = 3");
  CHECK(copy.test(f));
}
