// Every error code core can return has catalog text, and every list file in forms/lists parses
// with the expected shape (the form engine and pickers load them at run time).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "core/date.h"
#include "core/i18n.h"
#include "core/personal_id.h"
#include "core/phone.h"
#include "core/text.h"

using namespace gocua;
using namespace gocua::core;

namespace {

std::set<std::string> collected;

template <class R>
void collect(const R& r) {
  if (!r.ok()) collected.insert(r.error().code);
}

// Drives every core function into each of its failure modes and records the codes it returns,
// so a new error code without catalog text fails this test.
std::set<std::string> producedCodes() {
  collected.clear();
  for (const char* s : {"\xC0\xAF"}) collect(toNfc(s));
  for (const char* s :
       {"", "\xC0\xAF", "A\tB", "A\xE2\x80\xAE", "A\xE2\x80\x8B", "A1", "A@", "Hµ", "V\xC4\x83n \xD0\xB0n"})
    collect(normalizeName(s));
  collect(normalizeName(std::string(101, 'a')));
  for (const char* s : {"\xC0\xAF", "a\x01", "a\xE2\x80\xAE", "abcdef"}) collect(normalizeText(s, 3));
  for (const char* s : {"x", "31/04/2024", "1950", "03/25/1990"}) collect(parseDate(s));
  const Date t{2025, 6, 15};
  collect(requireNotFuture(Date{2026, 1, 1}, t));
  collect(requireNotPast(Date{2024, 1, 1}, t));
  collect(parseSex("?"));
  collect(validatePersonalId("x"));
  collect(validatePersonalId("003085123456"));
  collect(validatePersonalId("001285123456", Date{1985, 0, 0}));
  collect(validatePersonalId("001085123456", std::nullopt, Sex::Female));
  collect(validatePersonalId("001085123456", Date{1986, 0, 0}));
  collect(normalizePhone("1"));
  collect(normalizePhone("0111234567"));
  collect(normalizePhone("01621234567"));
  return collected;
}

nlohmann::json loadJson(const std::filesystem::path& p) {
  std::ifstream in(p);
  return nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
}

const std::filesystem::path kLists = std::filesystem::path(GOCUA_SOURCE_DIR) / "forms" / "lists";

}  // namespace

TEST_CASE("every error code core returns has Vietnamese and English text") {
  const auto codes = producedCodes();
  const std::set<std::string> expected = {
      "text.invalid_utf8",   "text.control_char",    "text.bidi_override",  "text.too_long",   "name.empty",
      "name.control_char",   "name.bidi_override",   "name.zero_width",     "name.too_long",   "name.invalid_char",
      "date.format",         "date.invalid",         "date.future",         "date.past",       "sex.invalid",
      "personal_id.format",  "personal_id.province", "personal_id.century", "personal_id.sex", "personal_id.year",
      "phone.format",        "phone.prefix",         "phone.retired",       "date.day_first",  "name.legacy_font",
      "name.typing_residue", "name.mixed_script"};
  CHECK(codes == expected);
  for (const auto& c : expected) {
    INFO("code " << c);
    CHECK(i18n::has("error." + c));
    CHECK(i18n::tr(i18n::Lang::Vi, "error." + c) != i18n::tr(i18n::Lang::En, "error." + c));
  }
  CHECK(i18n::has("error.internal"));  // utf8proc failures map to it
  CHECK(i18n::tr(i18n::Lang::Vi, "sex.male") == "Nam");
  CHECK(i18n::tr(i18n::Lang::Vi, "sex.female") == "Nữ");
  CHECK(i18n::tr(i18n::Lang::En, "sex.female") == "Female");
  CHECK(i18n::tr(i18n::Lang::Vi, std::string("sex.") + std::string(sexName(Sex::Male))) == "Nam");
}

TEST_CASE("messages fill the {detail} placeholder") {
  auto r = normalizeName(std::string(101, 'a'));
  REQUIRE(!r.ok());
  CHECK(i18n::tr(i18n::Lang::En, "error." + r.error().code, {{"detail", r.error().detail}}).find("100") !=
        std::string::npos);
}

TEST_CASE("core catalog text is NFC and valid UTF-8") {
  for (const auto& e : i18n::allEntries()) {
    if (e.file != "core.json") continue;
    INFO("key " << e.key);
    CHECK(isValidUtf8(e.vi));
    CHECK(toNfc(e.vi).value() == e.vi);
    CHECK(toNfc(e.en).value() == e.en);
  }
}

TEST_CASE("every list file in forms/lists parses and has the list shape") {
  REQUIRE(std::filesystem::is_directory(kLists));
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kLists)) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    INFO("file " << entry.path().filename().string());
    const auto doc = loadJson(entry.path());
    REQUIRE(doc.is_object());
    CHECK(doc.value("id", "") == entry.path().stem().string());
    REQUIRE(doc.contains("choices"));
    REQUIRE(doc["choices"].is_array());
    CHECK(!doc["choices"].empty());
    std::set<std::string> values;
    for (const auto& c : doc["choices"]) {
      REQUIRE(c.is_object());
      const std::string value = c.value("value", ""), vi = c.value("vi", ""), en = c.value("en", "");
      INFO("value " << value);
      CHECK(!value.empty());
      CHECK(!vi.empty());
      CHECK(!en.empty());
      CHECK(isValidUtf8(vi));
      CHECK(toNfc(vi).value() == vi);
      CHECK(values.insert(value).second);
    }
  }
  CHECK(files >= 3);
}

TEST_CASE("ethnic_groups: the 54 groups, ASCII slugs, Kinh first") {
  const auto doc = loadJson(kLists / "ethnic_groups.json");
  REQUIRE(doc.is_object());
  const auto& choices = doc["choices"];
  CHECK(choices.size() == 54);
  std::set<std::string> values, folded;
  for (const auto& c : choices) {
    const std::string v = c.value("value", "");
    values.insert(v);
    folded.insert(foldKey(c.value("vi", "")));
    for (char ch : v) CHECK(((ch >= 'a' && ch <= 'z') || ch == '_'));
  }
  CHECK(values.size() == 54);
  CHECK(folded.size() == 54);
  CHECK(choices[0].value("value", "") == "kinh");
  CHECK(values.count("mong"));
  CHECK(values.count("o_du"));
}

TEST_CASE("provinces_2025: 34 units with 2-digit codes matching the commune CSV") {
  const auto doc = loadJson(kLists / "provinces_2025.json");
  REQUIRE(doc.is_object());
  const auto& choices = doc["choices"];
  CHECK(choices.size() == 34);
  std::set<std::string> fromJson;
  for (const auto& c : choices) {
    const std::string v = c.value("value", "");
    CHECK(v.size() == 2);
    fromJson.insert(v + "," + c.value("vi", ""));
  }
  std::ifstream csv(kLists / "vn-admin-units-2025.csv");
  REQUIRE(csv.good());
  std::string line;
  std::getline(csv, line);
  CHECK(line.rfind("province_code,province_name", 0) == 0);
  std::set<std::string> fromCsv;
  int communes = 0;
  while (std::getline(csv, line)) {
    if (line.empty()) continue;
    const auto first = line.find(',');
    const auto second = line.find(',', first + 1);
    fromCsv.insert(line.substr(0, second));
    ++communes;
  }
  CHECK(fromCsv == fromJson);
  CHECK(communes == 3321);
}

TEST_CASE("nationalities: Viet Nam first, ISO alpha-2 values") {
  const auto doc = loadJson(kLists / "nationalities.json");
  REQUIRE(doc.is_object());
  const auto& choices = doc["choices"];
  CHECK(choices.size() >= 195);
  CHECK(choices[0].value("value", "") == "VN");
  CHECK(choices[0].value("vi", "") == "Việt Nam");
  std::set<std::string> values;
  for (const auto& c : choices) {
    const std::string v = c.value("value", "");
    CHECK(v.size() == 2);
    for (char ch : v) CHECK((ch >= 'A' && ch <= 'Z'));
    values.insert(v);
  }
  for (const char* c : {"LA", "KH", "CN", "KR", "JP", "US", "FR", "TH", "TW"}) CHECK(values.count(c));
}
