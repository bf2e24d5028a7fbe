// Unit tests for core/personal_id: format, the 63 birth-province codes, century/sex digit, year.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "core/personal_id.h"

using namespace gocua;
using namespace gocua::core;

namespace {
std::string code(const Status& s) { return s.ok() ? std::string() : s.error().code; }

// Builds an ID from its parts with a fixed random tail.
std::string makeId(const std::string& province, int g, int yy, const std::string& tail = "123456") {
  std::string s = province + std::to_string(g);
  if (yy < 10) s += "0";
  return s + std::to_string(yy) + tail;
}

const char* const kCodes[] = {"001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020",
                              "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038",
                              "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060",
                              "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082",
                              "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096"};
}  // namespace

TEST_CASE("parseSex and sexName") {
  CHECK(parseSex("male").value() == Sex::Male);
  CHECK(parseSex("female").value() == Sex::Female);
  CHECK(parseSex("").error().code == "sex.invalid");
  CHECK(parseSex("nam").error().code == "sex.invalid");
  CHECK(parseSex("x").error().code == "sex.invalid");
  CHECK(sexName(Sex::Male) == "male");
  CHECK(sexName(Sex::Female) == "female");
  CHECK(parseSex(sexName(Sex::Female)).value() == Sex::Female);
}

TEST_CASE("every one of the 63 birth-province codes is accepted and named") {
  CHECK(std::size(kCodes) == 63);
  std::set<std::string> names;
  for (const char* c : kCodes) {
    INFO("code " << c);
    CHECK(validatePersonalId(makeId(c, 0, 85)).ok());
    CHECK(!birthProvinceName(c).empty());
    names.insert(std::string(birthProvinceName(c)));
  }
  CHECK(names.size() == 63);
  CHECK(birthProvinceName("001") == "Hà Nội");
  CHECK(birthProvinceName("038") == "Thanh Hóa");
  CHECK(birthProvinceName("046") == "Thừa Thiên Huế");
  CHECK(birthProvinceName("096") == "Cà Mau");
}

TEST_CASE("codes that are not birth provinces are refused") {
  std::set<std::string> valid(std::begin(kCodes), std::end(kCodes));
  int refused = 0;
  for (int p = 0; p < 1000; ++p) {
    std::string c = std::to_string(p);
    c = std::string(3 - c.size(), '0') + c;
    if (valid.count(c)) continue;
    INFO("code " << c);
    CHECK(code(validatePersonalId(makeId(c, 0, 85))) == "personal_id.province");
    CHECK(birthProvinceName(c).empty());
    ++refused;
  }
  CHECK(refused == 1000 - 63);
  // Post-2025 two-digit province codes are not birth-registration codes.
  CHECK(birthProvinceName("01").empty());
  CHECK(birthProvinceName("").empty());
  CHECK(birthProvinceName("0010").empty());
}

TEST_CASE("format: exactly 12 ASCII digits") {
  CHECK(validatePersonalId("001085123456").ok());
  for (const char* bad : {"", "00108512345", "0010851234567", "00108512345a", " 001085123456", "001085123456 ",
                          "001 085 123456", "001-085-123456", "123456789", "０01085123456"})
    CHECK_MESSAGE(code(validatePersonalId(bad)) == "personal_id.format", bad);
  // Format is checked before the province.
  CHECK(code(validatePersonalId("00308512345x")) == "personal_id.format");
}

TEST_CASE("century digit against the birth year, for every digit 0-9") {
  for (int g = 0; g <= 9; ++g) {
    const int centuryStart = 1900 + 100 * (g / 2);
    for (int year : {1850, 1899, 1900, 1950, 1999, 2000, 2025, 2099, 2100, 2150, 2199}) {
      const std::string id = makeId("001", g, year % 100);
      const bool same = year >= centuryStart && year <= centuryStart + 99;
      INFO("g=" << g << " year=" << year);
      CHECK(code(validatePersonalId(id, Date{year, 0, 0})) == (same ? "" : "personal_id.century"));
    }
  }
}

TEST_CASE("sex parity: even male, odd female") {
  for (int g = 0; g <= 9; ++g) {
    const std::string id = makeId("079", g, 50);
    const Sex expected = g % 2 == 0 ? Sex::Male : Sex::Female;
    const Sex other = expected == Sex::Male ? Sex::Female : Sex::Male;
    INFO("g=" << g);
    CHECK(validatePersonalId(id, std::nullopt, expected).ok());
    CHECK(code(validatePersonalId(id, std::nullopt, other)) == "personal_id.sex");
  }
  CHECK(validatePersonalId("001090123456", Date{1990, 5, 20}, Sex::Male).ok());
  CHECK(validatePersonalId("001190123456", Date{1990, 5, 20}, Sex::Female).ok());
  CHECK(validatePersonalId("001205123456", Date{2005, 0, 0}, Sex::Male).ok());
  CHECK(validatePersonalId("001305123456", Date{2005, 0, 0}, Sex::Female).ok());
}

TEST_CASE("year digits against the birth year") {
  CHECK(validatePersonalId("036185123456", Date{1985, 3, 12}).ok());
  CHECK(code(validatePersonalId("036185123456", Date{1986, 3, 12})) == "personal_id.year");
  CHECK(code(validatePersonalId("036185123456", Date{1958, 3, 12})) == "personal_id.year");
  CHECK(validatePersonalId("036200123456", Date{2000, 1, 1}).ok());
  CHECK(validatePersonalId("036099123456", Date{1999, 12, 31}).ok());
  CHECK(code(validatePersonalId("036099123456", Date{2099, 0, 0})) == "personal_id.century");
  for (int yy = 0; yy < 100; ++yy) {
    CHECK(validatePersonalId(makeId("001", 0, yy), Date{1900 + yy, 0, 0}).ok());
    CHECK(validatePersonalId(makeId("001", 3, yy), Date{2000 + yy, 0, 0}).ok());
    CHECK(code(validatePersonalId(makeId("001", 3, yy), Date{2000 + (yy + 1) % 100, 0, 0})) == "personal_id.year");
  }
}

TEST_CASE("year-only and month-only birth dates are enough") {
  CHECK(validatePersonalId("001045123456", Date{1945, 0, 0}, Sex::Male).ok());
  CHECK(validatePersonalId("001145123456", Date{1945, 8, 0}, Sex::Female).ok());
  CHECK(code(validatePersonalId("001145123456", Date{1946, 0, 0})) == "personal_id.year");
}

TEST_CASE("first failing check wins") {
  // Wrong province and wrong year: province reported.
  CHECK(code(validatePersonalId("003185123456", Date{1990, 0, 0}, Sex::Male)) == "personal_id.province");
  // Wrong century and wrong sex: century reported.
  CHECK(code(validatePersonalId("001285123456", Date{1985, 0, 0}, Sex::Female)) == "personal_id.century");
  // Wrong sex and wrong year: sex reported.
  CHECK(code(validatePersonalId("001085123456", Date{1986, 0, 0}, Sex::Female)) == "personal_id.sex");
  // Without birth or sex, only format and province can fail.
  CHECK(validatePersonalId("001985123456").ok());
}
