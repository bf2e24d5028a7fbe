// Unit tests for workspace/demo_data: every synthetic resident passes core::parseResident, IDs and
// phones never repeat, a seed always gives the same bytes, and the mix (surnames, year-only dates,
// missing IDs, phone share) looks like a real commune. The NDJSON writer must match the vector
// form byte for byte.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/date.h"
#include "core/resident.h"
#include "core/text.h"
#include "workspace/demo_data.h"

using namespace gocua;
using namespace gocua::workspace;
using nlohmann::json;

namespace {

const core::Date kToday{2025, 11, 15};

DemoOptions options(int residents, std::uint64_t seed = 1, core::Date today = kToday) {
  DemoOptions o;
  o.residents = residents;
  o.seed = seed;
  o.today = today;
  return o;
}

std::string surnameOf(const json& r) {
  const auto name = r.at("full_name").get<std::string>();
  return name.substr(0, name.find(' '));
}

std::string dumpAll(const std::vector<json>& v) {
  std::string s;
  for (const auto& j : v) s += j.dump() + "\n";
  return s;
}

}  // namespace

TEST_SUITE("demo_data") {
  TEST_CASE("demo residents all pass parseResident") {
    const auto residents = makeDemoResidents(options(5000));
    REQUIRE(residents.size() == 5000);
    int failures = 0;
    for (const auto& j : residents) {
      Errors problems;
      auto r = core::parseResident(j, kToday, &problems);
      if (!r.ok() || !problems.empty()) {
        if (++failures <= 5) {
          std::string why;
          for (const auto& p : problems) why += " " + p.code + "@" + p.field;
          const std::string context = j.dump() + why;
          INFO(context);
          CHECK(problems.empty());
        }
        continue;
      }
      const auto name = j.at("full_name").get<std::string>();
      // Stored as generated: already NFC, already normalised, consent by the resident.
      CHECK(r->fullName == name);
      CHECK(core::toNfc(name).value() == name);
      REQUIRE(r->consent.has_value());
      CHECK(r->consent->givenBy == name);
      CHECK(r->consent->date == kToday);
      const int age = core::ageOn(r->dateOfBirth, kToday);
      CHECK(age >= 0);
      CHECK(age <= 95);
      if (!r->phone.empty()) CHECK(age >= 12);
    }
    CHECK(failures == 0);
  }

  TEST_CASE("demo residents pass with today's date and on a leap day") {
    for (const core::Date today : {core::today(), core::Date{2024, 2, 29}, core::Date{2000, 1, 1}}) {
      for (const auto& j : makeDemoResidents(options(2000, 7, today))) {
        Errors problems;
        auto r = core::parseResident(j, today, &problems);
        INFO(j.dump());
        REQUIRE(problems.empty());
      }
    }
  }

  TEST_CASE("demo personal IDs and phones are unique") {
    // The benchmark size, through the streaming writer; fields are cut out of the lines directly
    // because parsing 100,000 objects would dominate the test's run time.
    constexpr int kCount = 100000;
    std::ostringstream out;
    writeDemoResidentsNdjson(out, options(kCount, 42));
    const std::string text = out.str();
    const auto collect = [&text](std::string_view key, std::size_t length) {
      std::vector<std::string> values;
      for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at + 1))
        values.push_back(text.substr(at + key.size(), length));
      return values;
    };
    const auto ids = collect("\"personal_id\":\"", 12);
    const auto phones = collect("\"phone\":\"", 10);
    CHECK(std::unordered_set<std::string>(ids.begin(), ids.end()).size() == ids.size());
    CHECK(std::unordered_set<std::string>(phones.begin(), phones.end()).size() == phones.size());
    // About 1% without an ID (babies), about 75% with a phone.
    const double noIdShare = 1.0 - static_cast<double>(ids.size()) / kCount;
    const double phoneShare = static_cast<double>(phones.size()) / kCount;
    CHECK(noIdShare > 0.003);
    CHECK(noIdShare < 0.02);
    CHECK(phoneShare > 0.68);
    CHECK(phoneShare < 0.82);
  }

  TEST_CASE("demo residents without an ID are babies") {
    for (const auto& j : makeDemoResidents(options(20000, 3))) {
      if (j.contains("personal_id")) continue;
      auto birth = core::parseDate(j["date_of_birth"].get<std::string>());
      REQUIRE(birth.ok());
      CHECK(core::ageOn(*birth, kToday) == 0);
    }
  }

  TEST_CASE("demo data is deterministic per seed") {
    const auto a = dumpAll(makeDemoResidents(options(2000, 99)));
    const auto b = dumpAll(makeDemoResidents(options(2000, 99)));
    const auto c = dumpAll(makeDemoResidents(options(2000, 100)));
    CHECK(a == b);
    CHECK(a != c);
    // A shorter run is a prefix of a longer one: counts do not reshuffle who is generated.
    const auto shortRun = dumpAll(makeDemoResidents(options(500, 99)));
    CHECK(a.compare(0, shortRun.size(), shortRun) == 0);
  }

  TEST_CASE("demo surname distribution is roughly national") {
    std::map<std::string, int> counts;
    const auto residents = makeDemoResidents(options(20000, 5));
    for (const auto& j : residents) ++counts[surnameOf(j)];
    const double n = static_cast<double>(residents.size());
    const double nguyen = counts["Nguyễn"] / n;
    CHECK(nguyen > 0.30);
    CHECK(nguyen < 0.45);
    CHECK(counts["Trần"] / n > 0.06);
    CHECK(counts["Lê"] / n > 0.05);
    CHECK(counts["Lò"] > 0);  // the uplands village
    CHECK(counts.size() > 25);
  }

  TEST_CASE("demo data has both sexes, old-style tones and year-only dates") {
    int yearOnly = 0;
    int female = 0;
    bool oldStyleHoa = false;
    bool newStyleHoa = false;
    const auto residents = makeDemoResidents(options(5000, 11));
    for (const auto& j : residents) {
      const auto dob = j["date_of_birth"].get<std::string>();
      if (dob.size() == 4) {
        ++yearOnly;
        CHECK(std::stoi(dob) < 1950);
      } else {
        CHECK(dob.size() == 10);
      }
      if (j["sex"] == "female") ++female;
      const auto name = j["full_name"].get<std::string>();
      if (name.ends_with(" Hoà")) oldStyleHoa = true;
      if (name.ends_with(" Hòa")) newStyleHoa = true;
    }
    CHECK(yearOnly > 0);
    CHECK(female > 2200);
    CHECK(female < 2800);
    CHECK(oldStyleHoa);
    CHECK(newStyleHoa);
  }

  TEST_CASE("demo villages: built-in list or the caller's, NFC") {
    std::set<std::string> builtIn;
    for (const auto& j : makeDemoResidents(options(2000))) builtIn.insert(j["village"].get<std::string>());
    CHECK(builtIn.size() == 8);
    CHECK(builtIn.count("Bản Nà Lầu") == 1);

    auto o = options(300);
    o.villages = {"Thôn Ha\xCC\x80 Ti\xC3\xAA\xCC\x80n", "Bản Phùng"};  // first one arrives NFD
    std::set<std::string> chosen;
    for (const auto& j : makeDemoResidents(o)) chosen.insert(j["village"].get<std::string>());
    CHECK(chosen == std::set<std::string>{"Thôn Hà Tiền", "Bản Phùng"});
  }

  TEST_CASE("demo resident count edge cases") {
    CHECK(makeDemoResidents(options(0)).empty());
    CHECK(makeDemoResidents(options(-5)).empty());
    std::ostringstream out;
    writeDemoResidentsNdjson(out, options(0));
    CHECK(out.str().empty());
  }

  TEST_CASE("demo NDJSON writer matches makeDemoResidents line by line") {
    const auto o = options(3000, 8);
    const auto residents = makeDemoResidents(o);
    std::ostringstream out;
    writeDemoResidentsNdjson(out, o);
    std::istringstream in(out.str());
    std::string line;
    std::size_t i = 0;
    while (std::getline(in, line)) {
      REQUIRE(i < residents.size());
      const json parsed = json::parse(line);
      CHECK(parsed == residents[i]);
      CHECK(line == residents[i].dump());
      ++i;
    }
    CHECK(i == residents.size());
    CHECK(out.str().back() == '\n');
  }

  TEST_CASE("demo NDJSON writer escapes odd village names like nlohmann dump") {
    auto o = options(200, 4);
    o.villages = {"Xóm \"Giữa\" \\ 2", "Thôn\tNgoài", "Bad \xFF byte"};
    const auto residents = makeDemoResidents(o);
    std::ostringstream out;
    writeDemoResidentsNdjson(out, o);
    CHECK(out.str() == dumpAll(residents));
    std::set<std::string> villages;
    for (const auto& j : residents) villages.insert(j["village"].get<std::string>());
    CHECK(villages.count("Bad \xEF\xBF\xBD byte") == 1);  // replaced by U+FFFD, not thrown
  }

}  // TEST_SUITE
