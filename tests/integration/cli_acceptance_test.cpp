// ACCEPTANCE: no resident data at rest in plaintext, anywhere gocuactl can write.
//
// A volunteer's laptop may be lost, shared or seized. After a realistic session (init, a household,
// residents with Vietnamese names including đ and tone marks, an NDJSON import, applications,
// searches) every byte of every file under the workspace directory and under the TMPDIR given to
// gocuactl, and everything it wrote to stderr (which ends up in terminal scrollback and logs), is
// scanned for each resident's name (NFC, NFD and folded lowercase without diacritics), ID number
// and phone number (as stored and as typed). stdout is exempt: it is the answer the caller asked
// for. Names are chosen so that none is a substring of the catalog texts printed on stderr.
#include <doctest/doctest.h>

#include "harness.h"

using it::json;

namespace {

struct Person {
  std::string name, dob, sex, id, phoneTyped, phoneStored;
};

const std::vector<Person> kPeople = {
    {"Đặng Thị Huyền Trâm", "07/08/1986", "female", "001186051234", "0912 111 222", "0912111222"},
    {"Nguyễn Đức Thuận", "1954", "male", "038054077123", "+84 987 333 444", "0987333444"},
    {"Lương Văn Quyết", "23/02/2001", "male", "031201004455", "0358 555 666", "0358555666"},
    {"Hà Thị Thuý Hằng", "1979", "female", "079179066789", "", ""},
    {"Phùng Xuân Điệp", "11/11/1968", "male", "", "0779 777 888", "0779777888"},
};
// Imported from NDJSON rather than added one by one.
const std::vector<Person> kImported = {
    {"Triệu Thị Nguyệt", "1948", "female", "010148099887", "0388 999 000", "0388999000"},
    {"Đàm Quang Khải", "02/09/1995", "male", "020095012321", "+84 83 123 4567", "0831234567"},
};

json residentJson(const Person& p, const std::string& household) {
  json j = {{"full_name", p.name},
            {"date_of_birth", p.dob},
            {"sex", p.sex},
            {"village", "Thôn Pác Bó"},
            {"household_id", household},
            {"consent", {{"given_by", p.name}, {"method", "thumbprint"}}}};
  if (!p.id.empty()) j["personal_id"] = p.id;
  if (!p.phoneTyped.empty()) j["phone"] = p.phoneTyped;
  return j;
}

}  // namespace

TEST_CASE("ACCEPTANCE: after a full session no resident data is readable at rest or on stderr") {
  it::Sandbox box;
  box.init("Chị Lan");  // volunteer names are plaintext by design: not a resident

  auto hh = box.ctl({"household", "add"}, R"({"village": "Thôn Pác Bó", "address": "Số 12, ngõ 4"})");
  INFO(hh.describe());
  REQUIRE(hh.exitCode == 0);
  const std::string household = hh.parsed()["id"];

  std::vector<std::string> ids;
  for (std::size_t i = 0; i < kPeople.size(); ++i) {
    // Every other resident arrives NFD, as from some phones' keyboards.
    json j = residentJson(kPeople[i], household);
    if (i % 2 == 1) j["full_name"] = it::nfd(kPeople[i].name);
    ids.push_back(box.addResident(j));
  }
  // A refused duplicate and a refused invalid input also go through stderr.
  CHECK(box.ctl({"resident", "add"}, residentJson(kPeople[0], household).dump()).exitCode == 4);
  json bad = residentJson(kPeople[1], household);
  bad["phone"] = "0112 333 444";
  CHECK(box.ctl({"resident", "add"}, bad.dump()).exitCode == 2);
  // A possible duplicate (warning on stderr): the same name and birth date, no ID.
  json twin = residentJson(kPeople[2], household);
  twin.erase("personal_id");
  twin.erase("phone");
  box.addResident(twin);

  std::string ndjson;
  for (const auto& p : kImported) ndjson += residentJson(p, household).dump() + "\n";
  ndjson += R"({"full_name": "Broken)"
            "\n";
  auto imp = box.ctl({"resident", "import"}, ndjson);
  INFO(imp.describe());
  REQUIRE(imp.exitCode == 0);
  CHECK(imp.parsed()["imported"] == kImported.size());

  // Applications: a ready one with prefill, a draft with problems.
  json answers = it::sampleAnswers("vneid_level2");
  for (const char* f : {"full_name", "date_of_birth", "sex", "personal_id"}) answers["person"].erase(f);
  answers["phone"].erase("number");
  // "--file -": answers from stdin, so no answers file exists anywhere for the scan to excuse.
  auto ready =
      box.ctl({"application", "new", "--form", "vneid_level2", "--resident", ids[0], "--file", "-"}, answers.dump());
  INFO(ready.describe());
  CHECK(ready.exitCode == 0);
  CHECK(ready.parsed()["status"] == "ready");
  answers["person"]["email"] = "sai";
  auto draft = box.ctl({"application", "new", "--form", "vneid_level2", "--resident", ids[2], "--draft", "--file", "-"},
                       answers.dump());
  INFO(draft.describe());
  CHECK(draft.exitCode == 0);
  CHECK(draft.parsed()["status"] == "draft");

  // Searches by folded name, ID prefix and phone; each must find its person (the scan below is
  // only meaningful if the data really went in).
  for (const auto& [query, who] : std::vector<std::pair<std::string, std::string>>{{"tram", kPeople[0].name},
                                                                                   {"thuan", kPeople[1].name},
                                                                                   {"0791790", kPeople[3].name},
                                                                                   {"+84779777888", kPeople[4].name},
                                                                                   {"nguyet", kImported[0].name},
                                                                                   {"khai", kImported[1].name}}) {
    CAPTURE(query);
    auto r = box.ctl({"resident", "search", query});
    REQUIRE(r.exitCode == 0);
    REQUIRE_FALSE(r.parsed().empty());
    CHECK(r.parsed()[0]["full_name"] == who);
  }
  auto v = box.ctl({"verify"});
  INFO(v.describe());
  REQUIRE(v.exitCode == 0);
  CHECK(v.parsed()["residents"] == kPeople.size() + 1 + kImported.size());
  CHECK(v.parsed()["applications"] == 2);
  CHECK(v.parsed()["households"] == 1);

  // What must never be found.
  std::map<std::string, std::string> needles;
  std::vector<Person> everyone = kPeople;
  everyone.insert(everyone.end(), kImported.begin(), kImported.end());
  for (const auto& p : everyone) {
    needles["NFC " + p.name] = it::nfc(p.name);
    needles["NFD " + p.name] = it::nfd(p.name);
    needles["folded " + p.name] = it::folded(p.name);
    needles["ID " + p.id] = p.id;
    needles["phone " + p.phoneStored] = p.phoneStored;
    needles["phone typed " + p.phoneTyped] = p.phoneTyped;
  }
  REQUIRE(it::folded("Đặng Thị Huyền Trâm") == "dang thi huyen tram");  // the model of folding is sane

  auto leaks = it::scanDir(box.workspace, needles);
  auto tmpLeaks = it::scanDir(box.tmp, needles);
  auto homeLeaks = it::scanDir(box.home, needles);  // not in the contract, but nothing belongs there
  leaks.insert(leaks.end(), homeLeaks.begin(), homeLeaks.end());
  auto stderrLeaks = it::scanText("stderr", box.allStderr(), needles);
  leaks.insert(leaks.end(), tmpLeaks.begin(), tmpLeaks.end());
  leaks.insert(leaks.end(), stderrLeaks.begin(), stderrLeaks.end());
  for (const auto& l : leaks) FAIL_CHECK("found " << l.what << " in " << l.where);
  CHECK(leaks.empty());

  // The scan can see: it reads the database (the volunteer's display name is plaintext there by
  // design) and finds the needles in what gocuactl printed on stdout.
  CHECK_FALSE(it::scanDir(box.workspace, {{"volunteer", it::nfc("Chị Lan")}}).empty());
  auto shown = box.ctl({"resident", "get", ids[0]});
  CHECK_FALSE(it::scanText("stdout", shown.out, {{"name", kPeople[0].name}, {"id", kPeople[0].id}}).empty());
  CHECK(it::fs::exists(box.workspace / "gocua.db"));
}
