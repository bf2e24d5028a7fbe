// Resident input written the way people write it (issue 11): what is only a way of writing is
// accepted and stored in the one normalised form; what would store a wrong value is refused with
// its own code, whose catalog text says what to type instead.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "core/resident.h"

using namespace gocua;
using nlohmann::json;

namespace {

const core::Date kToday{2026, 11, 23};

json resident() { return {{"full_name", "Nguyễn Văn An"}, {"date_of_birth", "05/03/1985"}, {"sex", "male"}}; }

// The stored form of j, or the first problem's code prefixed with "!".
std::string stored(const json& j, const char* key) {
  Errors problems;
  auto r = core::parseResident(j, kToday, &problems);
  if (!r.ok()) return "!" + problems.front().code;
  return core::toJson(*r).value(key, "");
}

}  // namespace

TEST_CASE("personal ID: spaces around it and between digit groups are dropped") {
  for (const char* id :
       {"001085012345", " 001085012345 ", "001 085 012345", "001 085 012 345", "0010 8501 2345", "\t001085012345",
        "001\xC2\xA0"
        "085012345"}) {
    INFO(std::string(id));
    json j = resident();
    j["personal_id"] = id;
    CHECK(stored(j, "personal_id") == "001085012345");
  }
}

TEST_CASE("personal ID: full-width digits, hyphens and dots stay refused") {
  for (const char* id : {"001-085-012345", "001.085.012345",
                         "\xEF\xBC\x90"
                         "01085012345",
                         "001 085 01234", "001 085 0123456"}) {
    INFO(std::string(id));
    json j = resident();
    j["personal_id"] = id;
    CHECK(stored(j, "personal_id") == "!personal_id.format");
  }
  json j = resident();
  j["personal_id"] = "001 086 012345";  // spaced and with the wrong year: the year check still runs
  CHECK(stored(j, "personal_id") == "!personal_id.year");
}
