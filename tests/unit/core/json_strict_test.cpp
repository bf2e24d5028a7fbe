// Duplicate keys in outside JSON are refused, not resolved silently to the last value.
#include <doctest/doctest.h>

#include "core/i18n.h"
#include "core/json_strict.h"

using namespace gocua;

TEST_CASE("json input: a key repeated in one object is refused and named") {
  auto twice = core::parseJsonNoDuplicateKeys(R"({"full_name": "An", "sex": "male", "sex": "female"})");
  REQUIRE_FALSE(twice.ok());
  CHECK(twice.error().code == "json.duplicate_key");
  CHECK(twice.error().field == "sex");
  CHECK(i18n::message(twice.error()).find("«sex»") != std::string::npos);

  auto nested = core::parseJsonNoDuplicateKeys(R"({"phone": {"number": "1", "number": "2"}})");
  REQUIRE_FALSE(nested.ok());
  CHECK(nested.error().field == "number");
  auto inArray = core::parseJsonNoDuplicateKeys(R"([{"a": 1}, {"b": 1, "b": 2}])");
  REQUIRE_FALSE(inArray.ok());
  CHECK(inArray.error().field == "b");
}

TEST_CASE("json input: the same key in different objects is fine; malformed text is left to the caller") {
  auto ok = core::parseJsonNoDuplicateKeys(R"({"a": {"x": 1}, "b": {"x": 2}, "c": [{"x": 1}, {"x": 2}]})");
  REQUIRE(ok.ok());
  CHECK((*ok)["b"]["x"] == 2);
  auto bad = core::parseJsonNoDuplicateKeys(R"({"a": 1, "a")");
  REQUIRE(bad.ok());
  CHECK(bad->is_discarded());
}
