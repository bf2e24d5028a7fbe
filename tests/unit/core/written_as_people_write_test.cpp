// Resident input written the way people write it (issue 11): what is only a way of writing is
// accepted and stored in the one normalised form; what would store a wrong value is refused with
// its own code, whose catalog text says what to type instead.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "core/date.h"
#include "core/i18n.h"
#include "core/phone.h"
#include "core/resident.h"
#include "core/text.h"

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

TEST_CASE("phone: +84 with the trunk 0 in brackets, (+84) and 0084 are stored as 0xxxxxxxxx") {
  for (const char* phone : {"+84 (0) 912 345 678", "+84(0)912345678", "(+84) 912 345 678", "(+84)912.345.678",
                            "0084 912 345 678", "0084912345678", "0084 (0) 912 345 678", "(84) 912 345 678"}) {
    INFO(std::string(phone));
    json j = resident();
    j["phone"] = phone;
    CHECK(stored(j, "phone") == "0912345678");
  }
  for (const char* bad : {"+84 ((0)) 912 345 678", "+84 () 912 345 678", "+84 (0 912 345 678", "84) 912 345 678",
                          "(+)84 912 345 678", "0084 9123 456 789", "+0084 912 345 678"}) {
    INFO(std::string(bad));
    CHECK(core::normalizePhone(bad).error().code == "phone.format");
  }
}

TEST_CASE("phone: a retired 11-digit number is refused with its new prefix") {
  const struct {
    const char* old;
    const char* prefixes;
  } kCases[] = {
      {"0162 123 4567", "0162 → 032"},    {"0169 123 4567", "0169 → 039"},     {"0120 123 4567", "0120 → 070"},
      {"0121 123 4567", "0121 → 079"},    {"0122 123 4567", "0122 → 077"},     {"0126 123 4567", "0126 → 076"},
      {"0128 123 4567", "0128 → 078"},    {"0123 123 4567", "0123 → 083"},     {"0124 123 4567", "0124 → 084"},
      {"0125 123 4567", "0125 → 085"},    {"0127 123 4567", "0127 → 081"},     {"0129 123 4567", "0129 → 082"},
      {"0186 123 4567", "0186 → 056"},    {"0188 123 4567", "0188 → 058"},     {"0199 123 4567", "0199 → 059"},
      {"+84 168 123 4567", "0168 → 038"}, {"0084 163 123 4567", "0163 → 033"},
  };
  for (const auto& c : kCases) {
    INFO(std::string(c.old));
    json j = resident();
    j["phone"] = c.old;
    CHECK(stored(j, "phone") == "!phone.retired");
    auto e = core::normalizePhone(c.old).error();
    CHECK(e.code == "phone.retired");
    CHECK(e.detail == c.prefixes);  // the prefixes only: the number itself never goes into a detail
  }
  const auto e = core::normalizePhone("01621234567").error();
  const std::string vi = i18n::tr(i18n::Lang::Vi, "error." + e.code, {{"detail", e.detail}});
  CHECK(vi.find("đổi đầu số 0162 → 032 và giữ nguyên 7 số cuối") != std::string::npos);
  // 11 digits with a prefix that was never a mobile one, and 01x numbers of the wrong length.
  CHECK(core::normalizePhone("0130 123 4567").error().code == "phone.format");
  CHECK(core::normalizePhone("0162 123 456").error().code == "phone.prefix");  // 10 digits, no such prefix
  CHECK(core::normalizePhone("0162 123 45678").error().code == "phone.format");
}

TEST_CASE("date of birth: yyyy-mm-dd from spreadsheets is stored as dd/mm/yyyy") {
  json j = resident();
  j["date_of_birth"] = "1985-03-05";
  CHECK(stored(j, "date_of_birth") == "05/03/1985");
  j["date_of_birth"] = "1985-3-5";
  CHECK(stored(j, "date_of_birth") == "05/03/1985");
  j["date_of_birth"] = "1985-02-30";
  CHECK(stored(j, "date_of_birth") == "!date.invalid");
  j["date_of_birth"] = "1985-13-05";
  CHECK(stored(j, "date_of_birth") == "!date.invalid");
}

TEST_CASE("date of birth: 00/00/yyyy of old records is stored as the year") {
  json j = resident();
  j["date_of_birth"] = "00/00/1950";
  CHECK(stored(j, "date_of_birth") == "1950");
  j["date_of_birth"] = "0/0/1950";
  CHECK(stored(j, "date_of_birth") == "1950");
  auto d = core::parseDate("00/00/1950", core::DatePrecision::Year);
  REQUIRE(d.ok());
  CHECK(d->precision() == core::DatePrecision::Year);
  // A field that needs a full date still refuses it, and a known month with no day is no date.
  CHECK(core::parseDate("00/00/1950").error().code == "date.format");
  CHECK(core::parseDate("00/05/1950", core::DatePrecision::Year).error().code == "date.invalid");
}

TEST_CASE("date of birth: a month above 12 with a day that could be a month says to write the day first") {
  for (const char* swapped : {"03/25/1990", "12/31/1990", "1/13/1990"}) {
    INFO(std::string(swapped));
    json j = resident();
    j["date_of_birth"] = swapped;
    CHECK(stored(j, "date_of_birth") == "!date.day_first");
  }
  CHECK(i18n::tr(i18n::Lang::Vi, "error.date.day_first").find("viết ngày trước, tháng sau") != std::string::npos);
  // Not a swap: the day is above 12 too, or the "month" is no day of that month.
  CHECK(core::parseDate("25/13/1990").error().code == "date.invalid");
  CHECK(core::parseDate("02/31/1990").error().code == "date.invalid");
  CHECK(core::parseDate("05/45/1990").error().code == "date.invalid");
}

TEST_CASE("name: Ð and ð from legacy converters are stored as Đ and đ") {
  json j = resident();
  j["full_name"] = "\xC3\x90\xE1\xBA\xB7ng Th\xE1\xBB\x8B \xC3\xB0\xC3\xA0o";  // "Ðặng Thị ðào"
  CHECK(stored(j, "full_name") == "Đặng Thị đào");
}

TEST_CASE("name: TCVN3/VNI leftovers and letters of another script inside a name are refused") {
  const struct {
    const char* name;
    const char* code;
  } kCases[] = {
      {"Hµ V\xC4\x83n An", "name.legacy_font"},          // TCVN3 "Hà" read as Windows-1252
      {"Nguy\xC3\x94n V\xC3\x9Eu", "name.legacy_font"},  // Þ
      {"Haø Noäi", "name.legacy_font"},                  // VNI
      {"Tr\xC5\x93n An", "name.legacy_font"},            // œ
      {"Nguye6n Va8n An", "name.typing_residue"},        // VNI keys typed without the keyboard
      {"Nguyễn Văn \xD0\xB0n", "name.mixed_script"},     // Cyrillic а
      {"Nguyễn V\xCE\xBFn An", "name.mixed_script"},     // Greek ο
      {"Nguyễn 王 An", "name.mixed_script"},             // Han
  };
  for (const auto& c : kCases) {
    INFO(std::string(c.name));
    json j = resident();
    j["full_name"] = c.name;
    CHECK(stored(j, "full_name") == std::string("!") + c.code);
    CHECK(i18n::has(std::string("error.") + c.code));
  }
  // Still accepted: Vietnamese letters of the same Unicode block, and a name wholly in one other script.
  for (const char* ok : {"Lê Thị Ánh Tuyết", "Võ Thị Sáu", "ÔNG ÍCH KHIÊM", "Hồ Thị Ý", "王小明", "Ka Nhung"}) {
    INFO(std::string(ok));
    json j = resident();
    j["full_name"] = ok;
    CHECK(stored(j, "full_name") == ok);
  }
  json j = resident();
  j["full_name"] = "Nguyễn Văn 2";  // a digit on its own is no typing residue, only a wrong character
  CHECK(stored(j, "full_name") == "!name.invalid_char");
}

TEST_CASE("name: a foreigner's name keeps the letters of its passport; signs and other scripts stay refused") {
  using core::NameLetters;
  for (const char* passport : {"Müller Anna", "José Muñoz", "Søren Kierkegaard", "Guðrún Ólafsdóttir",
                               "Françoise Dubois", "Strauß Jürgen", "Łukasz Nowak"}) {
    INFO(std::string(passport));
    auto name = core::normalizeName(passport, NameLetters::AnyLatin);
    REQUIRE(name.ok());
    CHECK(*name == passport);
  }
  // The same letters in a Vietnamese citizen's name are old-font text (ð there is đ).
  for (const char* latin1 : {"Müller Anna", "José Muñoz", "Søren Kierkegaard", "Strauß Jürgen"})
    CHECK(core::normalizeName(latin1).error().code == "name.legacy_font");
  CHECK(*core::normalizeName("Guðrún") == "Guđrún");
  for (const char* bad : {"Hµ V\xC4\x83n An", "Anna \xC2\xAA", "Anna \xC2\xB6", "M\xCB\x86ller", "Anna \xD0\xB0nn"}) {
    INFO(std::string(bad));
    CHECK_FALSE(core::normalizeName(bad, NameLetters::AnyLatin).ok());
  }
}
