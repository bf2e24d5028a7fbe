// Resident input as gocuactl and the app hand it to parseResident: the messages a volunteer reads
// must be complete (the limit in "at most N characters") and say what is wrong (a date of birth in
// the future is not "a day that does not exist").
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "core/date.h"
#include "core/i18n.h"
#include "core/resident.h"

using namespace gocua;
using nlohmann::json;

namespace {

const core::Date kToday{2026, 11, 23};

json resident() { return {{"full_name", "Nguyễn Văn An"}, {"date_of_birth", "1990"}, {"sex", "male"}}; }

Error firstProblem(const json& j) {
  Errors problems;
  auto r = core::parseResident(j, kToday, &problems);
  REQUIRE_FALSE(r.ok());
  REQUIRE(problems.size() == 1);
  return problems.front();
}

}  // namespace

TEST_CASE("resident input: a too-long field's message names the limit") {
  json j = resident();
  j["village"] = std::string(300, 'x');
  auto e = firstProblem(j);
  CHECK(e.code == "text.too_long");
  CHECK(e.field == "village");
  const std::string vi = i18n::tr(i18n::Lang::Vi, "error." + e.code, {{"detail", e.detail}});
  const std::string en = i18n::tr(i18n::Lang::En, "error." + e.code, {{"detail", e.detail}});
  CHECK(vi.find("tối đa 120 ký tự") != std::string::npos);
  CHECK(en.find("at most 120 characters") != std::string::npos);
  CHECK(en.find("at most  characters") == std::string::npos);

  j = resident();
  j["full_name"] = std::string(120, 'a');
  e = firstProblem(j);
  CHECK(e.code == "name.too_long");
  CHECK(e.detail == "100");
}

TEST_CASE("resident input: a date of birth in the future has its own message") {
  for (const char* dob : {"05/03/2030", "2030", "24/11/2026", "05/03/2300", "2999"}) {
    INFO(dob);
    json j = resident();
    j["date_of_birth"] = dob;
    auto e = firstProblem(j);
    CHECK(e.code == "date.birth_future");
    CHECK(e.field == "date_of_birth");
    CHECK(i18n::tr(i18n::Lang::En, "error.date.birth_future").find("date of birth is in the future") !=
          std::string::npos);
  }
  // A day that really does not exist keeps its message; today is a fine birthday.
  json j = resident();
  j["date_of_birth"] = "30/02/2020";
  CHECK(firstProblem(j).code == "date.invalid");
  j["date_of_birth"] = "23/11/2026";
  Errors problems;
  CHECK(core::parseResident(j, kToday, &problems).ok());
}
