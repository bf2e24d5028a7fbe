// gocuactl application new / list / validate and forms list / show.
//
// Applications are built from the shipped forms and their sample answers (nested by section,
// tests/unit/forms/samples), with dates that must not be in the past moved after today. Fields the
// resident already knows (name, birth date, ID, phone) are prefilled from the resident record, so
// the volunteer does not type them twice: a valid application must therefore come out "ready"
// without them, and a missing one must be reported by its "section.field" path. validate works on
// a laptop with no workspace at all (checking a form before any resident is recorded).
#include <doctest/doctest.h>

#include <set>

#include "harness.h"

using it::json;

namespace {

const std::vector<std::string> kForms = {"vneid_level2", "birth_registration", "residence_ct01", "death_registration",
                                         "marriage_registration", "health_insurance_household",
                                         // the next procedures (issue 11)
                                         "death_residence_funeral", "civil_status_extract", "marital_status",
                                         "social_assistance", "id_card_renewal", "civil_status_correction",
                                         "parent_child_recognition"};

std::set<std::string> fields(const json& issues) {
  std::set<std::string> out;
  for (const auto& i : issues) out.insert(i.value("field", ""));
  return out;
}

// The vneid_level2 sample without what the resident record can prefill.
json vneidAnswersWithoutResidentFields() {
  json a = it::sampleAnswers("vneid_level2");
  for (const char* f : {"full_name", "date_of_birth", "sex", "personal_id"}) a["person"].erase(f);
  a["phone"].erase("number");
  return a;
}

it::RunResult newApplication(it::Sandbox& box, const std::string& form, const std::string& resident,
                             const json& answers, bool draft = false) {
  auto file = box.writeFile("answers.json", answers.dump());
  std::vector<std::string> args{"application", "new", "--form", form, "--resident", resident, "--file", file.string()};
  if (draft) args.push_back("--draft");
  auto r = box.ctl(args);
  std::filesystem::remove(file);  // answers are resident data: do not leave them around
  return r;
}

}  // namespace

TEST_CASE("application new: prefilled from the resident, invalid answers refused, --draft saves") {
  it::Sandbox box;
  box.init();
  // The same person as the vneid_level2 sample.
  auto an = box.addResident({{"full_name", "Nguyễn Văn An"},
                             {"date_of_birth", "12/04/1985"},
                             {"sex", "male"},
                             {"personal_id", "001085012345"},
                             {"phone", "0912 345 678"}});
  // No phone on record: phone.number cannot be prefilled.
  auto binh = box.addResident({{"full_name", "Trần Thị Bình"},
                               {"date_of_birth", "15/06/1990"},
                               {"sex", "female"},
                               {"personal_id", "001190012345"}});

  SUBCASE("valid answers, the rest prefilled → ready") {
    auto r = newApplication(box, "vneid_level2", an, vneidAnswersWithoutResidentFields());
    INFO(r.describe());
    REQUIRE(r.exitCode == 0);
    auto j = r.parsed();
    CHECK(j["id"].get<std::string>().size() == 36);
    CHECK(j["status"] == "ready");
    CHECK(j["errors"] == json::array());
    CHECK_FALSE(j["documents"].empty());
  }

  SUBCASE("a missing prefill source is reported as section.field") {
    auto r = newApplication(box, "vneid_level2", binh, vneidAnswersWithoutResidentFields());
    INFO(r.describe());
    REQUIRE(r.exitCode == 2);
    auto j = r.parsed();
    REQUIRE(j["errors"].is_array());
    // Only the phone is missing; the name, date of birth, sex and ID came from the resident.
    CHECK(fields(j["errors"]) == std::set<std::string>{"phone.number"});
    for (const auto& e : j["errors"]) {
      CHECK_FALSE(e.value("code", "").empty());
      CHECK_FALSE(e.value("message", "").empty());
    }
  }

  SUBCASE("invalid answers: exit 2 with paths; nothing saved; --draft saves with status draft") {
    json bad = vneidAnswersWithoutResidentFields();
    bad["person"]["email"] = "không phải thư";
    bad["phone"]["sim_own_name"] = "maybe";
    auto r = newApplication(box, "vneid_level2", an, bad);
    INFO(r.describe());
    REQUIRE(r.exitCode == 2);
    auto j = r.parsed();
    CHECK(fields(j["errors"]) == std::set<std::string>{"person.email", "phone.sim_own_name"});
    CHECK_FALSE(r.err.empty());
    CHECK(box.ctl({"application", "list"}).parsed() == json::array());

    auto d = newApplication(box, "vneid_level2", an, bad, /*draft=*/true);
    INFO(d.describe());
    REQUIRE(d.exitCode == 0);
    auto dj = d.parsed();
    CHECK(dj["status"] == "draft");
    CHECK(fields(dj["errors"]) == std::set<std::string>{"person.email", "phone.sim_own_name"});
    auto list = box.ctl({"application", "list"}).parsed();
    REQUIRE(list.size() == 1);
    CHECK(list[0]["id"] == dj["id"]);
    CHECK(list[0]["status"] == "draft");
    CHECK(list[0]["problems"] == 2);
    CHECK(list[0]["form_id"] == "vneid_level2");
  }

  SUBCASE("unknown form and unknown resident are refused") {
    CHECK(newApplication(box, "no_such_form", an, json::object()).exitCode == 2);
    auto r = newApplication(box, "vneid_level2", "00000000-0000-4000-8000-000000000000",
                            vneidAnswersWithoutResidentFields());
    INFO(r.describe());
    CHECK(r.exitCode != 0);
    CHECK(box.ctl({"application", "list"}).parsed() == json::array());
  }
}

TEST_CASE("application new with every shipped form's sample; list --resident filters") {
  it::Sandbox box;
  box.init();
  auto an = box.addResident({{"full_name", "Nguyễn Văn An"},
                             {"date_of_birth", "12/04/1985"},
                             {"sex", "male"},
                             {"personal_id", "001085012345"},
                             {"phone", "0912 345 678"}});
  auto cuc = box.addResident({{"full_name", "Lê Thị Cúc"},
                              {"date_of_birth", "1962"},
                              {"sex", "female"},
                              {"personal_id", "038162001234"},
                              {"phone", "+84 912 345 679"}});

  std::map<std::string, std::string> owner;  // application id → resident id
  for (const auto& form : kForms) {
    CAPTURE(form);
    const auto& resident = form == "residence_ct01" ? cuc : an;
    auto r = newApplication(box, form, resident, it::sampleAnswers(form));
    INFO(r.describe());
    REQUIRE(r.exitCode == 0);
    CHECK(r.parsed()["status"] == "ready");
    owner[r.parsed()["id"]] = resident;
  }

  auto all = box.ctl({"application", "list"}).parsed();
  CHECK(all.size() == kForms.size());
  for (const auto& [who, expected] : {std::pair{an, kForms.size() - 1}, std::pair{cuc, std::size_t{1}}}) {
    auto list = box.ctl({"application", "list", "--resident", who}).parsed();
    REQUIRE(list.is_array());
    CHECK(list.size() == expected);
    for (const auto& a : list) {
      CHECK(a["resident_id"] == who);
      CHECK(owner[a["id"]] == who);
    }
  }
  CHECK(box.ctl({"verify"}).parsed()["applications"] == kForms.size());
}

TEST_CASE("application validate: needs no workspace and no passphrase") {
  it::Sandbox box;  // never initialised
  const it::EnvOverrides noPass = {{"GOCUA_PASSPHRASE", std::nullopt}};
  for (const auto& form : kForms) {
    CAPTURE(form);
    auto file = box.writeFile(form + ".json", it::sampleAnswers(form).dump());
    auto r = box.ctlRaw({"application", "validate", "--form", form, "--file", file.string()}, "", noPass);
    INFO(r.describe());
    CHECK(r.exitCode == 0);
    CHECK(r.parsed()["valid"] == true);
  }
  json bad = it::sampleAnswers("vneid_level2");
  bad["person"]["personal_id"] = "001086012345";  // year digits 86 vs born 1985
  bad["person"].erase("full_name");
  auto r = box.ctlRaw({"application", "validate", "--form", "vneid_level2"}, bad.dump(), noPass);  // from stdin
  INFO(r.describe());
  CHECK(r.exitCode == 2);
  CHECK(fields(r.parsed()["errors"]) == std::set<std::string>{"person.personal_id", "person.full_name"});
  auto garbage = box.ctlRaw({"application", "validate", "--form", "vneid_level2"}, "{not json", noPass);
  CHECK(garbage.exitCode == 2);
  // No workspace appeared anywhere as a side effect.
  CHECK_FALSE(std::filesystem::exists(box.home / "data" / "gocua"));
  CHECK_FALSE(std::filesystem::exists(box.home / ".local"));
}

TEST_CASE("forms list shows the shipped forms; show gives a definition") {
  it::Sandbox box;
  for (const std::string lang : {"vi", "en"}) {
    auto r = box.ctlRaw({"forms", "list"}, "", {{"GOCUA_LANG", lang}});
    INFO(r.describe());
    REQUIRE(r.exitCode == 0);
    std::set<std::string> ids;
    for (const auto& f : r.parsed()) {
      ids.insert(f.value("id", ""));
      CHECK(f["version"].get<int>() >= 1);
      CHECK_FALSE(f.value("title", "").empty());
    }
    CHECK(ids == std::set<std::string>(kForms.begin(), kForms.end()));
  }
  auto show = box.ctlRaw({"forms", "show", "death_registration"});
  INFO(show.describe());
  REQUIRE(show.exitCode == 0);
  CHECK(show.parsed()["id"] == "death_registration");
  CHECK(box.ctlRaw({"forms", "show", "no_such_form"}).exitCode == 2);
}

TEST_CASE("forms: a malformed file next to a good one is reported, the good one still listed") {
  it::Sandbox box;
  auto dir = box.root / "forms";
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(it::formsDir() / "vneid_level2.json", dir / "vneid_level2.json");
  std::filesystem::copy(it::formsDir() / "lists", dir / "lists", std::filesystem::copy_options::recursive);
  box.writeFile("forms/broken_form.json", R"({"id": "broken_form", "version": 1, "sections": [)");

  auto r = box.ctlRaw({"--forms", dir.string(), "forms", "list"});
  INFO(r.describe());
  CHECK(r.signal == 0);
  CHECK((r.exitCode == 0 || r.exitCode == 1));  // a warning exit is fine, a crash is not
  auto j = r.parsed();
  REQUIRE(j.is_array());
  REQUIRE(j.size() == 1);
  CHECK(j[0]["id"] == "vneid_level2");
  CHECK(r.err.find("broken_form.json") != std::string::npos);

  // The good form is usable from that directory.
  auto v = box.ctlRaw({"--forms", dir.string(), "application", "validate", "--form", "vneid_level2"},
                      it::sampleAnswers("vneid_level2").dump());
  INFO(v.describe());
  CHECK(v.exitCode == 0);
}
