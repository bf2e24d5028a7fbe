// Duplicate keys in outside JSON are refused, not resolved silently to the last value.
#include <doctest/doctest.h>

#include <string>

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

TEST_CASE("json input: nesting is capped at kMaxJsonDepth; a million brackets are refused, not a crash") {
  const auto nested = [](int levels) { return std::string(levels, '[') + std::string(levels, ']'); };
  CHECK(core::parseJsonNoDuplicateKeys(nested(core::kMaxJsonDepth)).ok());
  auto over = core::parseJsonNoDuplicateKeys(nested(core::kMaxJsonDepth + 1));
  REQUIRE_FALSE(over.ok());
  CHECK(over.error().code == "json.too_deep");
  CHECK(over.error().detail == std::to_string(core::kMaxJsonDepth));
  // Deep under a key, with an object at the bottom: still one error, the depth.
  auto deepObjects = core::parseJsonNoDuplicateKeys(R"({"notes": )" + std::string(1'000'000, '[') + "{\"a\": 1}" +
                                                    std::string(1'000'000, ']') + R"(, "a": 2})");
  REQUIRE_FALSE(deepObjects.ok());
  CHECK(deepObjects.error().code == "json.too_deep");
  auto repeated = core::parseJsonNoDuplicateKeys(R"({"a": [[{"b": 1, "b": 2}]], "a": 1})");
  REQUIRE_FALSE(repeated.ok());
  CHECK(repeated.error().code == "json.duplicate_key");
}
