// Answers written the way people write them (issue 11): the validator accepts a way of writing
// that the export view turns into the one stored form, and refuses with the core codes what it
// cannot turn into a right value.
#include <doctest/doctest.h>

#include "forms/registry.h"
#include "shipped_forms.h"

using namespace gocua;
using namespace gocua::forms;
using nlohmann::json;
using namespace gocua::forms::testing;

namespace {

// The first error's code on path, or "" when the path has none.
std::string errorOn(const ValidationReport& r, const std::string& path) {
  for (const auto& i : r.errors)
    if (i.field == path) return i.code;
  return "";
}

}  // namespace

TEST_CASE("a personal ID grouped with spaces is valid and exported as 12 digits") {
  const Form& f = form("vneid_level2");
  auto a = sample("vneid_level2");
  a["person"]["personal_id"] = " 001 085 012 345 ";
  auto report = f.validate(a, kToday);
  CHECK_MESSAGE(report.valid(), dump(report.errors));
  CHECK(f.exportView(a, kToday)["answers"]["person"]["personal_id"] == "001085012345");

  a["person"]["personal_id"] = "001-085-012345";
  CHECK(errorOn(f.validate(a, kToday), "person.personal_id") == "personal_id.format");
}

TEST_CASE(
    "a phone written +84 (0) …, (+84) … or 0084 … is valid and exported as 0xxxxxxxxx; an old 11-digit one is not") {
  const Form& f = form("vneid_level2");
  for (const char* phone : {"+84 (0) 912 345 678", "(+84) 912 345 678", "0084 912 345 678"}) {
    INFO(std::string(phone));
    auto a = sample("vneid_level2");
    a["phone"]["number"] = phone;
    auto report = f.validate(a, kToday);
    CHECK_MESSAGE(report.valid(), dump(report.errors));
    CHECK(f.exportView(a, kToday)["answers"]["phone"]["number"] == "0912345678");
  }
  auto a = sample("vneid_level2");
  a["phone"]["number"] = "0169 123 4567";
  CHECK(errorOn(f.validate(a, kToday), "phone.number") == "phone.retired");
}

TEST_CASE("dates: yyyy-mm-dd and 00/00/yyyy are valid and exported normalised; a swapped month is refused") {
  const Form& v = form("vneid_level2");
  auto a = sample("vneid_level2");
  a["person"]["date_of_birth"] = "1985-04-12";
  auto report = v.validate(a, kToday);
  CHECK_MESSAGE(report.valid(), dump(report.errors));
  CHECK(v.exportView(a, kToday)["answers"]["person"]["date_of_birth"] == "12/04/1985");
  a["person"]["date_of_birth"] = "04/13/1985";
  CHECK(errorOn(v.validate(a, kToday), "person.date_of_birth") == "date.day_first");

  const Form& ct = form("residence_ct01");
  auto c = sample("residence_ct01");
  c["moving"]["members"][1]["date_of_birth"] = "00/00/2011";  // a field that accepts a year alone
  report = ct.validate(c, kToday);
  CHECK_MESSAGE(report.valid(), dump(report.errors));
  CHECK(ct.exportView(c, kToday)["answers"]["moving"]["members"][1]["date_of_birth"] == "2011");
}

TEST_CASE("names: Ð is exported as Đ; a Cyrillic lookalike or a TCVN3 leftover is refused") {
  const Form& v = form("vneid_level2");
  auto a = sample("vneid_level2");
  a["person"]["full_name"] = "\xC3\x90\xE1\xBA\xB7ng Văn An";  // Ðặng
  auto report = v.validate(a, kToday);
  CHECK_MESSAGE(report.valid(), dump(report.errors));
  CHECK(v.exportView(a, kToday)["answers"]["person"]["full_name"] == "Đặng Văn An");
  a["person"]["full_name"] = "Nguyễn Văn \xD0\xB0n";
  CHECK(errorOn(v.validate(a, kToday), "person.full_name") == "name.mixed_script");
  a["person"]["full_name"] = "Hµ Văn An";
  CHECK(errorOn(v.validate(a, kToday), "person.full_name") == "name.legacy_font");
}
