// Practice scenarios on a real training workspace: every shipped scenario loads, starts, fails on
// an untouched workspace, and passes once a trainee's correct work (written here as each
// scenario's solution, through the same Session calls the app uses) is stored. Plus: a real
// workspace refuses practice, a malformed file is reported with its path, scores are kept per
// trainee and scenario, and no scenario file carries an ID number or phone outside the synthetic
// patterns.
#include <doctest/doctest.h>

#include <fstream>
#include <functional>
#include <regex>
#include <sstream>

#include "../forms/shipped_forms.h"
#include "../workspace/workspace_fixture.h"
#include "core/date.h"
#include "core/date_in_words.h"
#include "training/errors.h"
#include "training/scenario_judge.h"

using namespace wstest;
using gocua::forms::testing::sample;

namespace {

const fs::path kScenarios = fs::path(GOCUA_SOURCE_DIR) / "forms/scenarios";

std::string daysFromToday(int days) {
  return core::formatDate(core::dateFromDays(core::daysSinceEpoch(core::today()) + days));
}

std::string residentId(Session& s, const std::string& name) {
  for (const auto& h : s.searchResidents(name, 20))
    if (h["full_name"] == name) return h["id"];
  FAIL("no resident " << name);
  return {};
}

void addResident(Session& s, json r) {
  r["consent"] = {{"given_by", r["full_name"]}, {"method", "spoken"}, {"date", daysFromToday(0)}};
  Errors problems;
  auto added = s.addResident(r, &problems);
  REQUIRE_MESSAGE(added.ok(), added.error().code, " ", added.error().field);
}

void apply(Session& s, const std::string& name, const std::string& formId, const json& answers) {
  forms::ValidationReport report;
  auto id = s.newApplication(forms::testing::form(formId), residentId(s, name), answers, false, &report);
  std::string problems;
  for (const auto& p : report.errors) problems += p.field + ":" + p.code + " ";
  REQUIRE_MESSAGE(id.ok(), formId, " ", (id.ok() ? std::string() : id.error().code + " " + id.error().field), " ",
                  problems);
}

json vneid(const std::string& name, const std::string& dob, const std::string& pid, const std::string& phone) {
  auto a = sample("vneid_level2");
  a["person"] = {{"full_name", name}, {"date_of_birth", dob}, {"sex", "female"}, {"personal_id", pid}};
  a["phone"]["number"] = phone;
  a["status"]["appointment_date"] = daysFromToday(30);
  return a;
}

// A trainee's correct work for each shipped scenario; answers to its questions go in *answers.
using Answers = std::map<std::string, std::string>;
using Solution = std::function<void(Session&, Answers*)>;
const std::map<std::string, Solution>& solutions() {
  static const std::map<std::string, Solution> all = {
      {"sim_in_sons_name",
       [](Session& s, Answers* answers) {
         auto a = vneid("Lò Thị Mai", "14/02/1958", "014158000321", "0910001234");
         a["phone"]["sim_own_name"] = "no";
         apply(s, "Lò Thị Mai", "vneid_level2", a);
         (*answers)["sim_next_step"] = "reregister";
       }},
      {"id_digit_mismatch",
       [](Session& s, Answers*) {
         addResident(s, {{"full_name", "Trần Thị Hạnh"},
                         {"date_of_birth", "12/03/1985"},
                         {"sex", "female"},
                         {"personal_id", "001185000456"}});
       }},
      {"late_birth",
       [](Session& s, Answers* answers) {
         auto a = sample("birth_registration");
         a["requester"]["full_name"] = "Hà Thị Lan";
         a["requester"]["relationship"] = "mother";
         const auto born = core::dateFromDays(core::daysSinceEpoch(core::today()) - 75);
         a["child"]["date_of_birth"] = core::formatDate(born);
         a["child"]["date_of_birth_in_words"] = core::dateInVietnameseWords(born);
         apply(s, "Hà Thị Lan", "birth_registration", a);
         (*answers)["late_understood"] = "still_register";
       }},
      {"old_phone",
       [](Session& s, Answers*) {
         const auto id = residentId(s, "Vi Văn Tùng");
         auto r = s.getResident(id);
         REQUIRE(r.ok());
         json edited = r->get();
         for (const char* k : {"id", "revision", "sync_state", "created_at", "updated_at", "created_by", "updated_by"})
           edited.erase(k);
         edited["phone"] = "0380001234";
         Errors problems;
         auto rev = s.updateResident(id, edited, r->get()["revision"].get<std::int64_t>(), &problems);
         REQUIRE_MESSAGE(rev.ok(), rev.error().code, " ", rev.error().field);
       }},
      {"otp_scam",
       [](Session&, Answers* answers) {
         (*answers)["never_share_otp"] = "hang_up";
         (*answers)["no_links"] = "ignore";
       }},
      {"birth_year_only",
       [](Session& s, Answers*) {
         addResident(s, {{"full_name", "Giàng Thị Dua"},
                         {"date_of_birth", "1942"},
                         {"sex", "female"},
                         {"personal_id", "010142000135"}});
       }},
      {"hi_missing_member",
       [](Session& s, Answers*) {
         auto a = sample("health_insurance_household");
         a["household"]["head_full_name"] = "Triệu Văn Phúc";
         auto member = [](const char* pid, const char* name, std::string dob, const char* sex, const char* rel) {
           return json{{"personal_id", pid},
                       {"full_name", name},
                       {"date_of_birth", dob},
                       {"sex", sex},
                       {"relationship_to_head", rel}};
         };
         a["members"]["members"] =
             json::array({member("006062000579", "Triệu Văn Phúc", "20/10/1962", "male", "self"),
                          member("006165000580", "Bàn Thị Hoa", "02/02/1965", "female", "spouse"),
                          member("006090000581", "Triệu Văn Minh", "15/07/1990", "male", "child"),
                          member("006226000582", "Triệu Văn Khang", daysFromToday(-20), "male", "grandchild")});
         apply(s, "Triệu Văn Phúc", "health_insurance_household", a);
       }},
      {"late_death",
       [](Session& s, Answers* answers) {
         auto a = sample("death_registration");
         a["requester"]["full_name"] = "Lò Thị Nga";
         a["requester"]["relationship"] = "child";
         a["deceased"]["full_name"] = "Lò Văn Sáng";
         a["deceased"]["date_of_death"] = daysFromToday(-20);
         a.erase("death_notice");  // the family has none: the section stays blank
         apply(s, "Lò Thị Nga", "death_registration", a);
         (*answers)["late_death_ok"] = "yes";
       }},
      {"elderly_no_expiry",
       [](Session& s, Answers*) {
         auto a = vneid("Nguyễn Thị Tâm", "03/05/1960", "001160000975", "0860001470");
         a["phone"]["sim_own_name"] = "yes";
         a["card"] = {{"card_type", "chip_cccd"}, {"card_no_expiry", true}};
         apply(s, "Nguyễn Thị Tâm", "vneid_level2", a);
       }},
      {"residence_after_death",
       [](Session& s, Answers*) {
         auto a = sample("residence_ct01");
         a["applicant"]["full_name"] = "Lò Thị Nga";
         a["request"] = {{"kind", "permanent_removal"},
                         {"details", "Xoá đăng ký thường trú của ông Lò Văn Sáng (đã mất)"},
                         {"address", "Thôn Đông, xã Thử"},
                         {"removal_reason", "Ông Lò Văn Sáng đã mất"}};
         apply(s, "Lò Thị Nga", "residence_ct01", a);
       }},
  };
  return all;
}

}  // namespace

TEST_CASE("scenarios: at least ten ship, each loads and has a solution in this test") {
  const auto set = training::loadScenarios(kScenarios);
  for (const auto& p : set.problems) FAIL(p.field, ": ", p.detail);
  CHECK(set.scenarios.size() >= 10);
  for (const auto& s : set.scenarios) CHECK_MESSAGE(solutions().count(s.id), s.id);
}

TEST_CASE("scenarios: each fails on an untouched training workspace and passes once the right work is stored") {
  const auto set = training::loadScenarios(kScenarios);
  for (const auto& scenario : set.scenarios) {
    CAPTURE(scenario.id);
    TempDir tmp;
    auto u = createUnlocked(tmp.path / "ws", true);
    REQUIRE(training::startScenario(*u.s, scenario).ok());
    REQUIRE(training::startScenario(*u.s, scenario).ok());  // started twice: nobody added twice
    auto before = training::judgeScenario(*u.s, scenario, {});
    REQUIRE(before.ok());
    CHECK(before->passed() == 0);
    std::map<std::string, std::string> answers;
    solutions().at(scenario.id)(*u.s, &answers);
    auto after = training::judgeScenario(*u.s, scenario, answers);
    REQUIRE(after.ok());
    for (const auto& r : after->results) CHECK_MESSAGE(r.passed, scenario.id, ": ", r.id);
  }
}

TEST_CASE("scenarios: a wrong answer or wrong value fails only its own check") {
  const auto set = training::loadScenarios(kScenarios);
  const auto* scenario = set.find("sim_in_sons_name");
  REQUIRE(scenario);
  TempDir tmp;
  auto u = createUnlocked(tmp.path / "ws", true);
  REQUIRE(training::startScenario(*u.s, *scenario).ok());
  auto a = vneid("Lò Thị Mai", "14/02/1958", "014158000321", "0910001234");
  a["phone"]["sim_own_name"] = "yes";  // the mistake the scenario is about
  apply(*u.s, "Lò Thị Mai", "vneid_level2", a);
  auto j = training::judgeScenario(*u.s, *scenario, {{"sim_next_step", "reregister"}});
  REQUIRE(j.ok());
  REQUIRE(j->results.size() == 2);
  CHECK_FALSE(j->results[0].passed);
  CHECK(j->results[1].passed);
  j = training::judgeScenario(*u.s, *scenario, {{"sim_next_step", "nothing"}});
  REQUIRE(j.ok());
  CHECK(j->passed() == 0);
}

TEST_CASE("scenarios: a real workspace refuses practice") {
  const auto set = training::loadScenarios(kScenarios);
  REQUIRE(!set.scenarios.empty());
  TempDir tmp;
  auto u = createUnlocked(tmp.path / "ws", false);
  auto started = training::startScenario(*u.s, set.scenarios[0]);
  REQUIRE_FALSE(started.ok());
  CHECK(started.error().is(err::kScenarioNotTraining));
  CHECK(u.s->searchResidents("", 10).empty());  // nothing was added
  CHECK_FALSE(training::judgeScenario(*u.s, set.scenarios[0], {}).ok());
  CHECK_FALSE(training::loadScores(*u.s).ok());
}

TEST_CASE("scenarios: a malformed file is reported with its name and path; the others load") {
  TempDir tmp;
  fs::copy_file(kScenarios / "otp_scam.json", tmp.path / "otp_scam.json");
  auto doc = json::parse(readAll(kScenarios / "old_phone.json"));
  doc["checks"][0]["kind"] = "residnet";
  std::ofstream(tmp.path / "old_phone.json") << doc.dump();
  auto other = json::parse(readAll(kScenarios / "otp_scam.json"));
  other["id"] = "copy";
  other["checks"][0]["correct"] = "not_a_choice";
  std::ofstream(tmp.path / "copy.json") << other.dump();
  std::ofstream(tmp.path / "broken.json") << "{";
  const auto set = training::loadScenarios(tmp.path);
  REQUIRE(set.scenarios.size() == 1);
  CHECK(set.scenarios[0].id == "otp_scam");
  REQUIRE(set.problems.size() == 3);
  std::map<std::string, std::string> where;
  for (const auto& p : set.problems) where[p.field] = p.detail;
  CHECK(where["old_phone.json"] == ".checks[0].kind");
  CHECK(where["copy.json"] == ".checks[0].correct");
  CHECK(where.count("broken.json"));
}

TEST_CASE("scenarios: scores per trainee and scenario, a retry replaces the score, reset clears them") {
  TempDir tmp;
  auto u = createUnlocked(tmp.path / "ws", true);
  training::Judgement half{{{"a", true}, {"b", false}}};
  training::Judgement all{{{"a", true}, {"b", true}}};
  REQUIRE(training::recordScore(*u.s, "otp_scam", half, "2026-12-05T08:00:00Z").ok());
  REQUIRE(training::recordScore(*u.s, "old_phone", all, "2026-12-05T08:05:00Z").ok());
  REQUIRE(training::recordScore(*u.s, "otp_scam", all, "2026-12-05T08:10:00Z").ok());
  auto scores = training::loadScores(*u.s);
  REQUIRE(scores.ok());
  REQUIRE(scores->size() == 2);
  CHECK((*scores)[1].scenario == "otp_scam");
  CHECK((*scores)[1].trainee == "Lan");
  CHECK((*scores)[1].passed == 2);
  CHECK((*scores)[1].attempts == 2);
  REQUIRE(training::resetScores(*u.s).ok());
  scores = training::loadScores(*u.s);
  REQUIRE(scores.ok());
  CHECK(scores->empty());
}

TEST_CASE("scenarios: every ID number and phone in the files is in a synthetic pattern") {
  // 12-digit ID numbers have 000 at the start of the serial (digits 7-9), 10-digit phones 000 at
  // digits 4-6 and old 11-digit phones at digits 5-7: none of these is anyone's real number here.
  const std::regex digits("[0-9]{9,}");
  int seen = 0;
  for (const auto& entry : fs::directory_iterator(kScenarios)) {
    const std::string text = readAll(entry.path());
    for (auto it = std::sregex_iterator(text.begin(), text.end(), digits); it != std::sregex_iterator(); ++it) {
      const std::string n = it->str();
      CAPTURE(entry.path().filename().string());
      CAPTURE(n);
      ++seen;
      if (n.size() == 12)
        CHECK(n.substr(6, 3) == "000");
      else if (n.size() == 10)
        CHECK(n.substr(3, 3) == "000");
      else if (n.size() == 11)
        CHECK(n.substr(4, 3) == "000");
      else
        FAIL("a number of unexpected length");
    }
  }
  CHECK(seen > 10);
}
