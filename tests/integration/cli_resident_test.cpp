// gocuactl resident add / get / import / search, end to end through the real binary.
//
// What a volunteer relies on at the door: a valid resident gets an id; an invalid one is refused
// with every problem listed at once (field, code, and a message in their language), never just
// the first; the same ID number twice is a hard duplicate (exit 4), the same name and birth date a
// soft one (saved, with a warning); names typed on a keyboard that sends NFD are stored NFC;
// +84 phones are stored as 0...; a bulk import keeps good lines and reports bad ones by line
// number; search ignores diacritics and đ, finds ID and phone prefixes and ranks the exact
// name first.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "harness.h"

using it::json;

namespace {

std::set<std::pair<std::string, std::string>> fieldCodes(const json& errors) {
  std::set<std::pair<std::string, std::string>> out;
  for (const auto& e : errors) out.insert({e.value("field", ""), e.value("code", "")});
  return out;
}

std::string substituteField(std::string text, const std::string& field) {
  const std::string ph = "{field}";
  if (auto pos = text.find(ph); pos != std::string::npos) text.replace(pos, ph.size(), field);
  return text;
}

// Checks the exit-2 contract on a run and returns its errors array.
json requireInvalid(const it::RunResult& r) {
  INFO(r.describe());
  REQUIRE(r.exitCode == 2);
  auto j = r.parsed();
  REQUIRE(j.is_object());
  REQUIRE(j.contains("errors"));
  REQUIRE(j["errors"].is_array());
  CHECK_FALSE(r.err.empty());  // the human version goes to stderr
  return j["errors"];
}

json searchFor(it::Sandbox& box, const std::string& query, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"resident", "search", query};
  args.insert(args.end(), extra.begin(), extra.end());
  auto r = box.ctl(args);
  INFO(r.describe());
  REQUIRE(r.exitCode == 0);
  auto j = r.parsed();
  REQUIRE(j.is_array());
  return j;
}

std::vector<std::string> names(const json& hits) {
  std::vector<std::string> out;
  for (const auto& h : hits) out.push_back(h.value("full_name", ""));
  return out;
}

const json kAn = {{"full_name", "Nguyễn Văn An"},
                  {"date_of_birth", "12/04/1985"},
                  {"sex", "male"},
                  {"personal_id", "001085012345"},
                  {"phone", "0912345678"},
                  {"village", "Thôn Đông"},
                  {"notes", "Cần người đọc giúp"},
                  {"consent", {{"given_by", "Nguyễn Văn An"}, {"method", "spoken"}, {"date", "15/11/2025"}}}};

}  // namespace

TEST_CASE("resident add: a valid resident gets an id and reads back unchanged") {
  it::Sandbox box;
  box.init();
  auto id = box.addResident(kAn);
  CHECK(id.size() == 36);  // UUID text

  auto r = box.ctl({"resident", "get", id});
  INFO(r.describe());
  REQUIRE(r.exitCode == 0);
  auto j = r.parsed();
  CHECK(j["id"] == id);
  CHECK(j["full_name"] == "Nguyễn Văn An");
  CHECK(j["date_of_birth"] == "12/04/1985");
  CHECK(j["sex"] == "male");
  CHECK(j["personal_id"] == "001085012345");
  CHECK(j["phone"] == "0912345678");
  CHECK(j["village"] == "Thôn Đông");
  CHECK(j["consent"]["method"] == "spoken");

  // A year-only birth date (common for elderly people) and no ID number are legitimate.
  auto old = box.addResident({{"full_name", "Lò Thị Pấu"}, {"date_of_birth", "1938"}, {"sex", "female"}});
  auto o = box.ctl({"resident", "get", old}).parsed();
  CHECK(o["date_of_birth"] == "1938");
  CHECK_FALSE(o.contains("personal_id"));

  // A malformed id is invalid input (2); a well-formed unknown one is not found (1).
  CHECK(box.ctl({"resident", "get", "not-an-id"}).exitCode == 2);
  CHECK(box.ctl({"resident", "get", "00000000-0000-4000-8000-000000000000"}).exitCode == 1);
  // Input that is not JSON at all.
  auto notJson = box.ctl({"resident", "add"}, "full_name=An");
  INFO(notJson.describe());
  CHECK(notJson.exitCode == 2);
  CHECK(notJson.parsed()["errors"][0]["code"] == "json.malformed");
  // A key given twice is refused, not read as whichever came last.
  auto twice = box.ctl({"resident", "add"},
                       R"({"full_name": "Mai Thị Hoa", "date_of_birth": "1991", "sex": "male", "sex": "female"})");
  INFO(twice.describe());
  CHECK(twice.exitCode == 2);
  CHECK(twice.parsed()["errors"][0]["code"] == "json.duplicate_key");
  CHECK(twice.parsed()["errors"][0]["field"] == "sex");
}

TEST_CASE("resident add: every problem is listed with field, code and message, in vi and en") {
  it::Sandbox box;
  box.init();

  // Five independent problems in one object; all five must come back, not just the first.
  const json many = {{"full_name", "Nguyễn\tVăn An"},            // control character
                     {"date_of_birth", it::dateFromToday(400)},  // future
                     {"sex", "male"},
                     {"personal_id", "003085012345"},  // 003 is no province
                     {"phone", "0112 345 678"},        // 011 is no mobile prefix
                     {"nick_name", "An"}};             // unknown key
  const std::set<std::pair<std::string, std::string>> manyExpected = {{"full_name", "name.control_char"},
                                                                      {"date_of_birth", "date.birth_future"},
                                                                      {"personal_id", "personal_id.province"},
                                                                      {"phone", "phone.prefix"},
                                                                      {"nick_name", "field.unknown"}};

  // The ID's year digits (86) against a 1985 birth date, and a right-to-left override in the name.
  const json second = {{"full_name", "Lê \u202EVăn Tám"},
                       {"date_of_birth", "12/04/1985"},
                       {"sex", "male"},
                       {"personal_id", "001086012345"}};
  const std::set<std::pair<std::string, std::string>> secondExpected = {{"full_name", "name.bidi_override"},
                                                                        {"personal_id", "personal_id.year"}};

  for (const auto& [input, expected] : {std::pair{many, manyExpected}, std::pair{second, secondExpected}}) {
    std::map<std::string, std::string> viMessages;
    for (const std::string lang : {"vi", "en"}) {
      CAPTURE(lang);
      auto r = box.ctl({"resident", "add"}, input.dump(), {{"GOCUA_LANG", lang}});
      auto errors = requireInvalid(r);
      INFO(r.describe());
      CHECK(fieldCodes(errors) == expected);
      for (const auto& e : errors) {
        const std::string code = e.value("code", ""), field = e.value("field", "");
        const std::string message = e.value("message", "");
        CAPTURE(code);
        CHECK_FALSE(field.empty());
        CHECK_FALSE(message.empty());
        CHECK(message.rfind("error.", 0) != 0);  // a catalog gap shows as the bare key
        CHECK(message == substituteField(it::catalogText("error." + code, lang), field));
        if (lang == "vi")
          viMessages[code] = message;
        else
          CHECK(message != viMessages[code]);
      }
    }
  }

  // Nothing was saved by the refused attempts.
  auto v = box.ctl({"verify"}).parsed();
  CHECK(v["residents"] == 0);
}

TEST_CASE("outside JSON nested a million arrays deep is refused (json.too_deep), not a crash") {
  // Such input once overflowed the stack (exit by SIGSEGV) in resident add and household add
  // (wiping the refused input) and in application new (copying the answers).
  it::Sandbox box;
  box.init();
  const std::size_t depth = 1'000'000;
  const std::string deep = std::string(depth, '[') + std::string(depth, ']');
  const std::string resident =
      R"({"full_name": "Nguyễn Văn An", "date_of_birth": "1990", "sex": "male", "notes": )" + deep + "}";
  const std::string id = box.addResident({{"full_name", "Lê Thị Mai"}, {"date_of_birth", "1992"}, {"sex", "female"}});
  const std::vector<std::pair<std::vector<std::string>, std::string>> runs = {
      {{"resident", "add"}, resident},
      {{"household", "add"}, R"({"village": )" + deep + "}"},
      {{"application", "new", "--form", "birth_registration", "--resident", id, "--draft"},
       R"({"child": {"surname": )" + deep + "}}"},
  };
  for (const auto& [args, input] : runs) {
    const std::string command = args[0];  // not the structured binding: CAPTURE captures it
    CAPTURE(command);
    auto r = box.ctl(args, input);
    INFO(r.describe());
    CHECK(r.signal == 0);
    auto errors = requireInvalid(r);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0]["code"] == "json.too_deep");
  }
  CHECK(box.ctl({"verify"}).parsed()["residents"] == 1);  // nothing of the refused input was saved
}

TEST_CASE("resident add: consent that is not an object says what to write, in vi and en") {
  it::Sandbox box;
  box.init();
  for (const json& consent : {json(true), json("có"), json::array({"Nguyễn Văn An", "spoken"})}) {
    json input = kAn;
    input["consent"] = consent;
    for (const std::string lang : {"vi", "en"}) {
      CAPTURE(lang);
      auto r = box.ctl({"resident", "add"}, input.dump(), {{"GOCUA_LANG", lang}});
      auto errors = requireInvalid(r);
      INFO(r.describe());
      REQUIRE(errors.size() == 1);
      CHECK(errors[0]["field"] == "consent");
      CHECK(errors[0]["code"] == "consent.type");
      const std::string message = errors[0].value("message", "");
      CHECK(message == it::catalogText("error.consent.type", lang));
      // It names the keys and the method values to type, not just "wrong kind of value".
      for (const char* word : {"given_by", "method", "spoken", "signed", "thumbprint"})
        CHECK(message.find(word) != std::string::npos);
    }
  }
}

TEST_CASE("resident add: the same personal ID twice is a duplicate (exit 4) naming the existing record") {
  it::Sandbox box;
  box.init();
  auto first = box.addResident(kAn);

  json other = {
      {"full_name", "Nguyễn Văn Ân"}, {"date_of_birth", "1985"}, {"sex", "male"}, {"personal_id", "001085012345"}};
  auto r = box.ctl({"resident", "add"}, other.dump());
  INFO(r.describe());
  CHECK(r.exitCode == 4);
  auto j = r.parsed();
  CHECK(j["error"] == "duplicate");
  CHECK(j["existing_id"] == first);

  auto v = box.ctl({"verify"}).parsed();
  CHECK(v["residents"] == 1);
}

TEST_CASE("resident add: same folded name and birth date is saved with a possible_duplicate warning") {
  it::Sandbox box;
  box.init();
  auto first = box.addResident(kAn);

  auto check = [&](const json& input, bool expectWarning) {
    auto r = box.ctl({"resident", "add"}, input.dump());
    INFO(r.describe());
    REQUIRE(r.exitCode == 0);
    auto j = r.parsed();
    REQUIRE(j["warnings"].is_array());
    bool found = false;
    for (const auto& w : j["warnings"])
      if (w.value("code", "") == "possible_duplicate") {
        found = true;
        CHECK(w["existing_id"] == first);
        CHECK_FALSE(w.value("message", "").empty());
      }
    CHECK(found == expectWarning);
  };
  // A different (valid) ID number: not the same person for sure, but worth a second look.
  check({{"full_name", "Nguyễn Văn An"},
         {"date_of_birth", "12/04/1985"},
         {"sex", "male"},
         {"personal_id", "001085099999"}},
        true);
  // No ID at all, and the name typed in capitals.
  check({{"full_name", "NGUYỄN VĂN AN"}, {"date_of_birth", "12/04/1985"}, {"sex", "male"}}, true);
  // Same name, another birth date: a namesake, no warning.
  check({{"full_name", "Nguyễn Văn An"}, {"date_of_birth", "13/04/1985"}, {"sex", "male"}}, false);
}

TEST_CASE("resident add: an NFD name is stored NFC; a +84 phone is stored as 0...") {
  it::Sandbox box;
  box.init();
  const std::string name = "Đặng Thị Hòa Nguyễn";
  const std::string decomposed = it::nfd(name);
  REQUIRE(decomposed != name);  // the test means something only if the forms differ

  auto id = box.addResident({{"full_name", decomposed},
                             {"date_of_birth", "1990"},
                             {"sex", "female"},
                             {"personal_id", "001190123456"},
                             {"phone", "+84 912 345 678"},
                             {"village", it::nfd("Thôn Thượng")}});
  auto r = box.ctl({"resident", "get", id});
  INFO(r.describe());
  REQUIRE(r.exitCode == 0);
  auto j = r.parsed();
  CHECK(j["full_name"] == it::nfc(name));
  CHECK(j["phone"] == "0912345678");

  // The NFC form of the same person is then an exact search hit.
  auto hits = searchFor(box, name);
  REQUIRE_FALSE(hits.empty());
  CHECK(hits[0]["id"] == id);
}

TEST_CASE("resident import: good lines kept, bad ones reported by line number") {
  it::Sandbox box;
  box.init();
  // Already in the workspace: line 8 of the file repeats this ID.
  box.addResident({{"full_name", "Bùi Văn Khánh"},
                   {"date_of_birth", "05/05/1982"},
                   {"sex", "male"},
                   {"personal_id", "001082009999"}});

  const auto file = it::sourceDir() / "tests/integration/data/import_mixed.ndjson";
  auto r = box.ctl({"resident", "import", "--file", file.string()});
  INFO(r.describe());
  REQUIRE(r.exitCode == 0);
  auto j = r.parsed();
  CHECK(j["imported"] == 3);  // lines 1, 3, 7 (line 5 is blank)
  REQUIRE(j["rejected"].is_array());
  std::map<int, std::set<std::pair<std::string, std::string>>> byLine;
  for (const auto& rej : j["rejected"]) {
    for (const auto& e : rej["errors"]) {
      CHECK_FALSE(e.value("message", "").empty());
      byLine[rej["line"].get<int>()].insert({e.value("field", ""), e.value("code", "")});
    }
  }
  CHECK(byLine.size() == 4);
  CHECK(byLine[2].count({"", "json.malformed"}) == 1);
  CHECK(byLine[4] == std::set<std::pair<std::string, std::string>>{{"sex", "sex.invalid"}, {"phone", "phone.prefix"}});
  CHECK(byLine[6] ==
        std::set<std::pair<std::string, std::string>>{{"personal_id", "resident.duplicate"}});  // dup of line 3
  CHECK(byLine[8] ==
        std::set<std::pair<std::string, std::string>>{{"personal_id", "resident.duplicate"}});  // dup of existing

  // The good lines are searchable in a later session (they were committed, not just indexed).
  CHECK(names(searchFor(box, "duc")) == std::vector<std::string>{"Phạm Văn Đức"});
  CHECK(names(searchFor(box, "man")) == std::vector<std::string>{"Đỗ Thị Mận"});
  CHECK(names(searchFor(box, "038188007654")) == std::vector<std::string>{"Hoàng Thị Lan"});
  CHECK(box.ctl({"verify"}).parsed()["residents"] == 4);

  // The same data from stdin gives the same verdicts (all now duplicates or still invalid).
  auto again = box.ctl({"resident", "import"}, it::readFile(file));
  INFO(again.describe());
  REQUIRE(again.exitCode == 0);
  auto a = again.parsed();
  CHECK(a["imported"] == 1);  // only Đỗ Thị Mận (no ID) can be added again, as a possible duplicate
  CHECK(a["rejected"].size() == 6);
}

TEST_CASE("resident search: folding, đ, ID and phone prefixes, --limit, best first") {
  it::Sandbox box;
  box.init();
  const std::string ndjson =
      R"({"full_name": "Đặng Văn Hùng", "date_of_birth": "1980", "sex": "male", "personal_id": "001080000111", "phone": "0912000111"})"
      "\n"
      R"({"full_name": "Nguyễn Thị Hòa", "date_of_birth": "1992", "sex": "female", "personal_id": "001192000222", "phone": "0987000222"})"
      "\n"
      R"({"full_name": "Lê Thị Hoà", "date_of_birth": "1993", "sex": "female", "personal_id": "079193000333"})"
      "\n"
      R"({"full_name": "Trần Văn Bình", "date_of_birth": "1975", "sex": "male", "personal_id": "001075000444", "phone": "0345000444"})"
      "\n"
      R"({"full_name": "Bình Trần Văn", "date_of_birth": "1976", "sex": "male"})"
      "\n"
      R"({"full_name": "Trần Văn Bình An", "date_of_birth": "1977", "sex": "male"})"
      "\n";
  auto imp = box.ctl({"resident", "import"}, ndjson);
  INFO(imp.describe());
  REQUIRE(imp.exitCode == 0);
  REQUIRE(imp.parsed()["imported"] == 6);

  // Diacritics and đ fold away, whichever way the query is typed.
  for (const std::string& q : std::vector<std::string>{"dang", "Đặng", "DANG", it::nfd("đặng")}) {
    CAPTURE(q);
    CHECK(names(searchFor(box, q)) == std::vector<std::string>{"Đặng Văn Hùng"});
  }
  // Old and new tone placement (Hòa / Hoà) are the same name.
  auto hoa = names(searchFor(box, "hoa"));
  CHECK(std::set<std::string>(hoa.begin(), hoa.end()) == std::set<std::string>{"Nguyễn Thị Hòa", "Lê Thị Hoà"});

  // ID number prefix, and a phone typed with +84.
  CHECK(names(searchFor(box, "0010800")) == std::vector<std::string>{"Đặng Văn Hùng"});
  CHECK(names(searchFor(box, "+84912000111")) == std::vector<std::string>{"Đặng Văn Hùng"});
  CHECK(names(searchFor(box, "0987000222")) == std::vector<std::string>{"Nguyễn Thị Hòa"});

  // Best first: the exact full name beats a reordering of the same words and a longer name.
  auto binh = searchFor(box, "Trần Văn Bình");
  REQUIRE(binh.size() == 3);
  CHECK(binh[0]["full_name"] == "Trần Văn Bình");
  for (std::size_t i = 1; i < binh.size(); ++i) CHECK(binh[i - 1]["score"].get<int>() >= binh[i]["score"].get<int>());

  // --limit keeps the best N.
  auto all = searchFor(box, "van");
  REQUIRE(all.size() == 4);
  auto two = searchFor(box, "van", {"--limit", "2"});
  REQUIRE(two.size() == 2);
  CHECK(two[0]["id"] == all[0]["id"]);
  CHECK(two[1]["id"] == all[1]["id"]);

  CHECK(searchFor(box, "khong co ai").empty());
  CHECK(box.ctl({"resident", "search", "van", "--limit", "0"}).exitCode == 2);  // invalid input
}

// Found by this suite: phones are accepted with spaces or dots ("0912 345 678", "+84 912 345 678")
// and normalised on input; a search query written that way must find the resident too.
TEST_CASE("resident search: a phone typed as it is written (spaces, dots, +84 with spaces) finds the resident") {
  it::Sandbox box;
  box.init();
  box.addResident(
      {{"full_name", "Đặng Văn Hùng"}, {"date_of_birth", "1980"}, {"sex", "male"}, {"phone", "0912 000 111"}});
  for (const std::string q : {"0912 000 111", "0912.000.111", "+84 912 000 111"}) {
    CAPTURE(q);
    CHECK(names(searchFor(box, q)) == std::vector<std::string>{"Đặng Văn Hùng"});
  }
}
