// Quick-reference guides (forms/guides/, issue 14): every shipped guide loads and explains a shipped
// form, the first six procedures and the anti-scam card have one, and a malformed guide is refused
// with its file and reason while the others still load.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <climits>

#include "../catalog_check.h"
#include "forms/form_data.h"
#include "forms/guide_library.h"
#include "shipped_forms.h"

using namespace gocua::forms;
using namespace gocua::forms::testing;
using nlohmann::json;

namespace {

const std::filesystem::path kGuides = std::filesystem::path(GOCUA_SOURCE_DIR) / "forms/guides";

const GuideLibrary& shippedGuides() {
  static const GuideLibrary lib = GuideLibrary::load(kGuides, shipped());
  return lib;
}

json line(const std::string& vi, const std::string& en) { return json{{"vi", vi}, {"en", en}}; }

// A guide that passes, for the form given (or a card when form is null).
json validGuide(const std::string& id, const json& form) {
  json g = {{"id", id},
            {"form", form},
            {"title", line("Khai sinh", "Birth registration")},
            {"legal_basis", json::array({"Luật Hộ tịch 2014"})},
            {"comment", "Test guide."},
            {"steps", json::array({line("Bước một.", "Step one."), line("Bước hai.", "Step two.")})}};
  if (!form.is_null()) {
    g["documents"] = json::array({line("Giấy chứng sinh.", "Birth notice.")});
    g["deadline"] = line("Trong 60 ngày.", "Within 60 days.");
    g["fee"] = line("Miễn lệ phí.", "Free.");
    g["where"] = line("Uỷ ban nhân dân xã.", "The commune office.");
  }
  return g;
}

struct Refused {
  std::string file, field, code;
};

bool hasProblem(const GuideLibrary& lib, const Refused& r) {
  return std::any_of(lib.problems().begin(), lib.problems().end(),
                     [&](const LoadProblem& p) { return p.file == r.file && p.field == r.field && p.code == r.code; });
}

}  // namespace

TEST_CASE("every shipped guide loads, and the first six procedures and the anti-scam card have one") {
  const auto& lib = shippedGuides();
  for (const auto& p : lib.problems()) FAIL_CHECK(p.file << " " << p.field << " " << p.code << " " << p.detail);
  for (const char* id : {"vneid_level2", "birth_registration", "death_registration", "marriage_registration",
                         "residence_ct01", "health_insurance_household"}) {
    INFO(id);
    const Guide* g = lib.forForm(id);
    REQUIRE(g);
    CHECK(shipped().find(g->form));
    CHECK_FALSE(g->steps.empty());
    CHECK_FALSE(g->documents.empty());
    CHECK(g->deadline.has_value());
    CHECK(g->fee.has_value());
    CHECK(g->where.has_value());
    CHECK_FALSE(g->legalBasis.empty());
    CHECK(g->comment.find("Checked 2026-12-05") != std::string::npos);  // the sources it rests on
  }
  const Guide* scam = lib.find("anti_scam");
  REQUIRE(scam);
  CHECK(scam->isCard());
  CHECK(lib.forForm("anti_scam") == nullptr);
  CHECK(scam->warnings.size() >= 4);
  auto says = [](const std::vector<LocalText>& lines, const std::string& what) {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const LocalText& t) { return t.vi.find(what) != std::string::npos; });
  };
  CHECK(says(scam->warnings, "OTP"));
  CHECK(says(scam->warnings, "VNeID"));
  CHECK(says(scam->warnings, "link"));
  CHECK(says(scam->warnings, "Chuyển tiền"));
  CHECK(says(scam->steps, "OTP"));
  CHECK(says(scam->steps, "113"));
  CHECK(says(scam->steps, "công an xã"));
}

TEST_CASE("every shipped guide names a shipped form, and no guide is read as a form") {
  for (const auto& g : shippedGuides().all()) {
    INFO(g.id);
    if (!g.isCard()) CHECK(g.id == g.form);
  }
  CHECK(shipped().find("anti_scam") == nullptr);
  for (const auto& p : shipped().problems()) FAIL_CHECK(p.file << " " << p.code << " " << p.detail);
}

TEST_CASE("guides come in the app's order of procedures, cards last") {
  const auto& all = shippedGuides().all();
  REQUIRE(all.size() >= 7);
  int previous = INT_MIN;
  bool cards = false;
  for (const auto& g : all) {
    INFO(g.id);
    if (g.isCard()) {
      cards = true;
      continue;
    }
    CHECK_FALSE(cards);  // no procedure after a card
    const auto& order = form(g.form).order();
    const int here = order ? *order : INT_MAX;
    CHECK(here >= previous);
    previous = here;
  }
  CHECK(all.back().id == "anti_scam");
}

TEST_CASE("a guide's deadline line gives the same number of days as its form's deadline") {
  int checked = 0;
  for (const auto& g : shippedGuides().all()) {
    if (g.isCard()) continue;
    const auto& deadline = form(g.form).data().deadline;
    if (!deadline) continue;
    INFO(g.id);
    REQUIRE(g.deadline.has_value());
    const auto days = std::to_string(deadline->days);
    CHECK(g.deadline->vi.find(days + " ngày") != std::string::npos);
    CHECK(g.deadline->en.find(days + " days") != std::string::npos);
    ++checked;
  }
  CHECK(checked >= 2);  // birth (60 days) and death (15 days)
}

TEST_CASE("a malformed guide is refused with its file and reason; the others still load") {
  std::map<std::string, std::string> files;
  auto add = [&files](const std::string& name, const json& doc) { files[name] = doc.dump(2); };
  add("birth_registration.json", validGuide("birth_registration", "birth_registration"));
  add("card.json", validGuide("card", nullptr));

  add("second_birth.json", validGuide("second_birth", "birth_registration"));
  json g = validGuide("typo", "death_registration");
  g["stpes"] = g["steps"];
  add("typo.json", g);
  g = validGuide("empty_en", "death_registration");
  g["steps"][1]["en"] = "";
  add("empty_en.json", g);
  g = validGuide("not_nfc", "death_registration");
  g["title"]["vi"] = "Khai tu\xCC\x9B";  // u + combining horn: NFC would store ư
  add("not_nfc.json", g);
  g = validGuide("spaces", "death_registration");
  g["steps"][0]["vi"] = " Bước một.";
  add("spaces.json", g);
  g = validGuide("two_lines", "death_registration");
  g["fee"]["vi"] = "Miễn phí.\nKhông thu tiền.";
  add("two_lines.json", g);
  g = validGuide("bell", "death_registration");
  g["where"]["en"] = "The commune\x07 office.";
  add("bell.json", g);
  add("unknown_form.json", validGuide("unknown_form", "no_such_form"));
  add("mismatch.json", validGuide("other_name", "death_registration"));
  add("bad_id.json", validGuide("Bad Id", "death_registration"));
  g = validGuide("no_deadline", "death_registration");
  g.erase("deadline");
  add("no_deadline.json", g);
  g = validGuide("no_form", "death_registration");
  g.erase("form");
  add("no_form.json", g);
  g = validGuide("too_long", "death_registration");
  g["steps"][0]["en"] = std::string(kMaxGuideLine + 1, 'a');
  add("too_long.json", g);
  g = validGuide("too_many", "death_registration");
  g["steps"] = json::array();
  for (std::size_t i = 0; i <= kMaxGuideItems; ++i) g["steps"].push_back(line("Bước.", "Step."));
  add("too_many.json", g);
  g = validGuide("one_language", "death_registration");
  g["documents"][0].erase("en");
  add("one_language.json", g);
  files["broken.json"] = "{\n  \"id\": \"broken\",\n  oops\n}\n";
  files["twice.json"] = R"({"id": "twice", "id": "twice"})";
  files["nested/ignored.json"] = "not read: guides are one folder";

  const auto lib = GuideLibrary::fromFiles(files, shipped());
  CHECK(lib.find("birth_registration"));
  CHECK(lib.find("card"));
  CHECK(lib.all().size() == 2);

  const std::vector<Refused> expected = {
      {"second_birth.json", "form", "guide.duplicate"},
      {"typo.json", "stpes", "field.unknown"},
      {"empty_en.json", "steps[1].en", "field.required"},
      {"not_nfc.json", "title.vi", "guide.not_normalised"},
      {"spaces.json", "steps[0].vi", "guide.not_normalised"},
      {"two_lines.json", "fee.vi", "guide.not_normalised"},
      {"bell.json", "where.en", "text.control_char"},
      {"unknown_form.json", "form", "guide.unknown_form"},
      {"mismatch.json", "id", "guide.id_mismatch"},
      {"bad_id.json", "id", "guide.bad_id"},
      {"no_deadline.json", "deadline", "field.required"},
      {"no_form.json", "form", "field.required"},
      {"too_long.json", "steps[0].en", "text.too_long"},
      {"too_many.json", "steps", "guide.too_many"},
      {"one_language.json", "documents[0].en", "field.required"},
      {"broken.json", "", "guide.json"},
      {"twice.json", "id", "json.duplicate_key"},
  };
  for (const auto& r : expected) {
    INFO(r.file << " " << r.field << " " << r.code);
    CHECK(hasProblem(lib, r));
  }
  // Nothing else was refused, and nothing from the subfolder was read.
  for (const auto& p : lib.problems()) {
    INFO(p.file << " " << p.field << " " << p.code << " " << p.detail);
    CHECK(std::any_of(expected.begin(), expected.end(), [&](const Refused& r) { return r.file == p.file; }));
  }
}

TEST_CASE("parseGuide reports every problem and returns the first") {
  json g = validGuide("many", "birth_registration");
  g["title"]["en"] = "";
  g["fee"] = "free";
  g.erase("where");
  gocua::Errors problems;
  auto parsed = parseGuide(g, shipped(), &problems);
  REQUIRE_FALSE(parsed.ok());
  REQUIRE(problems.size() == 3);
  CHECK(parsed.error().code == problems.front().code);
  CHECK(parsed.error().field == problems.front().field);
  CHECK(problems[0].field == "title.en");
  CHECK(problems[1].field == "fee");
  CHECK(problems[1].code == "field.type");
  CHECK(problems[2].field == "where");

  // A card leaves out what only a procedure has; the same keys make a procedure's guide fail.
  CHECK(parseGuide(validGuide("card", nullptr), shipped(), nullptr).ok());
  json card = validGuide("card", nullptr);
  card["form"] = "birth_registration";
  CHECK_FALSE(parseGuide(card, shipped(), nullptr).ok());
  CHECK_FALSE(parseGuide(json::array(), shipped(), nullptr).ok());
}

TEST_CASE("a missing guides folder gives no guides and one problem") {
  const auto lib = GuideLibrary::load(kGuides / "no_such_folder", shipped());
  CHECK(lib.all().empty());
  REQUIRE(lib.problems().size() == 1);
  CHECK(lib.problems()[0].code == "form.io");
  CHECK(defaultGuidesDir().filename() == "guides");
}

TEST_CASE("every guide error has Vietnamese and English text") {
  checkCatalogCoversErrors(std::array{"guide.bad_id", "guide.duplicate", "guide.id_mismatch", "guide.json",
                                      "guide.not_normalised", "guide.too_many", "guide.unknown_form"});
}
