#include "core/json_read.h"

#include <doctest/doctest.h>

using gocua::jsonField;
using gocua::jsonValue;
using nlohmann::json;

TEST_CASE("jsonValue: a field of the wrong type gives the fallback, never an exception") {
  auto j = json::parse(R"({"minutes":"10","flag":1,"name":5,"n":10,"big":5000000000,"neg":-3,"f":10.5,"s":"x"})");
  CHECK(jsonValue(j, "minutes", 7) == 7);
  CHECK(jsonValue(j, "flag", false) == false);
  CHECK(jsonValue(j, "name", "vi") == "vi");
  CHECK(jsonValue(j, "n", 0) == 10);
  CHECK(jsonValue(j, "missing", 3) == 3);
  CHECK(jsonValue<std::int64_t>(j, "big", 0) == 5000000000);
  CHECK(jsonValue(j, "big", 1) == 1);              // does not fit an int
  CHECK(jsonValue<unsigned>(j, "neg", 9u) == 9u);  // negative into unsigned
  CHECK(jsonValue(j, "neg", 0) == -3);
  CHECK(jsonValue(j, "f", 0) == 0);  // a float is not an integer
  CHECK(jsonValue(j, "f", 0.0) == doctest::Approx(10.5));
  CHECK(jsonValue(j, "s", "d") == "x");
}

TEST_CASE("jsonField: absent, wrong type and non-object input are nullopt") {
  auto j = json::parse(R"({"a":true,"o":{"k":1}})");
  CHECK(jsonField<bool>(j, "a") == true);
  CHECK_FALSE(jsonField<std::string>(j, "a"));
  CHECK_FALSE(jsonField<int>(j, "zz"));
  CHECK(jsonField<json>(j, "o")->at("k") == 1);
  CHECK_FALSE(jsonField<int>(json::array({1, 2}), "a"));
  CHECK_FALSE(jsonField<int>(json(), "a"));
  CHECK_FALSE(jsonField<int>(json("text"), "a"));
}

#include <stdexcept>

#include "core/main_guard.h"

TEST_CASE("runGuarded: an exception escaping main is exit 1, never an abort") {
  CHECK(gocua::core::runGuarded([] { return 7; }) == 7);
  CHECK(gocua::core::runGuarded([]() -> int { throw std::runtime_error("Nguyễn Văn An 001090123456"); }) ==
        gocua::core::kExitEscapedException);
  CHECK(gocua::core::runGuarded([]() -> int { throw 42; }) == gocua::core::kExitEscapedException);
  auto j = nlohmann::json::parse(R"({"idle_lock_minutes":"10"})");
  CHECK(gocua::core::runGuarded([&] { return j.value("idle_lock_minutes", 10); }) ==
        gocua::core::kExitEscapedException);
}
