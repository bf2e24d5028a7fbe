// A digital-skills session log: the one check the laptop and the hub both run. Each case changes
// one thing in a valid session and names the problem it must produce, against its field.
#include "forms/skills_session.h"

#include <doctest/doctest.h>

#include "shipped_forms.h"

using namespace gocua;
using namespace gocua::forms;
using nlohmann::json;

namespace {

const ChoiceList* topics() { return testing::shipped().list(kTrainingTopicsList); }

json validSession() {
  return json::parse(R"({"date":"14/11/2025","village":"Thôn Đông","place":"Nhà văn hoá thôn",
    "topics":["vneid_install","scam_awareness"],"trainers":["Lan"],
    "attendees":{"female":{"under_18":0,"18_59":12,"60_plus":5},"male":{"under_18":1,"18_59":8,"60_plus":3}},
    "helped":{"vneid_installed":9,"vneid_activated":7,"platform_enrolled":4},"notes":""})");
}

std::string codes(const Errors& problems) {
  std::string out;
  for (const auto& p : problems) out += p.field + " " + p.code + "; ";
  return out;
}

}  // namespace

TEST_CASE("skills session: the issue's example is accepted and stored normalised") {
  REQUIRE(topics() != nullptr);
  json s = validSession();
  s["village"] = "  Tho\u0302n Đông ";  // decomposed ô, spaces around
  s["trainers"] = json::array({"Lan", "Lan"});
  s["topics"] = json::array({"vneid_install", "vneid_install"});
  s.erase("notes");
  Errors problems;
  auto out = parseSkillsSession(s, testing::kToday, topics(), problems);
  REQUIRE_MESSAGE(out.has_value(), codes(problems));
  CHECK((*out)["village"] == "Thôn Đông");
  CHECK((*out)["topics"] == json::array({"vneid_install"}));
  CHECK((*out)["notes"] == "");
  CHECK((*out)["date"] == "14/11/2025");
  CHECK(sessionAttendance(*out) == 29);

  json today = validSession();
  today["date"] = "2025-11-15";  // the day itself, written the ISO way, is stored dd/mm/yyyy
  auto sameDay = parseSkillsSession(today, testing::kToday, topics(), problems);
  REQUIRE_MESSAGE(sameDay.has_value(), codes(problems));
  CHECK((*sameDay)["date"] == "15/11/2025");
}

TEST_CASE("skills session: what the hub would reject is refused with the field and the reason") {
  struct Case {
    const char* what;
    json patch;  // merged into a valid session (null removes the key)
    const char* field;
    const char* code;
  };
  const std::vector<Case> cases = {
      {"a future date", {{"date", "16/11/2025"}}, "date", "date.future"},
      {"no date", {{"date", nullptr}}, "date", "field.required"},
      {"a date that does not exist", {{"date", "31/02/2025"}}, "date", "date.invalid"},
      {"no village", {{"village", " "}}, "village", "field.required"},
      {"no topic", {{"topics", json::array()}}, "topics", "skills.no_topic"},
      {"an unknown topic", {{"topics", {"vneid_install", "crypto_trading"}}}, "topics[1]", "skills.unknown_topic"},
      {"no trainer", {{"trainers", json::array()}}, "trainers", "field.required"},
      {"a negative count", {{"attendees", {{"male", {{"18_59", -1}}}}}}, "attendees.male.18_59", "skills.bad_count"},
      {"a count in words",
       {{"attendees", {{"female", {{"60_plus", "năm"}}}}}},
       "attendees.female.60_plus",
       "skills.bad_count"},
      {"a fractional count", {{"helped", {{"vneid_installed", 2.5}}}}, "helped.vneid_installed", "skills.bad_count"},
      {"an absurd count", {{"helped", {{"platform_enrolled", 10001}}}}, "helped.platform_enrolled", "skills.bad_count"},
      {"more helped than attended",
       {{"helped", {{"vneid_activated", 30}}}},
       "helped.vneid_activated",
       "skills.helped_more_than_attended"},
      {"an unknown age band",
       {{"attendees", {{"female", {{"over_90", 1}}}}}},
       "attendees.female.over_90",
       "field.unknown"},
      {"an unknown key", {{"attendee_names", {"A"}}}, "attendee_names", "field.unknown"},
      {"notes with a bidi override", {{"notes", "ok\u202Eevil"}}, "notes", "text.bidi_override"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    json s = validSession();
    s.merge_patch(c.patch);
    if (c.patch.contains("date") && c.patch["date"].is_null()) s.erase("date");
    Errors problems;
    CHECK_FALSE(parseSkillsSession(s, testing::kToday, topics(), problems).has_value());
    bool found = false;
    for (const auto& p : problems) found = found || (p.field == c.field && p.code == c.code);
    CHECK_MESSAGE(found, codes(problems));
  }
}

TEST_CASE("skills session: nobody attending, a missing topic list, and not an object") {
  json empty = validSession();
  empty.erase("attendees");
  empty["helped"] = json::object();
  Errors problems;
  CHECK_FALSE(parseSkillsSession(empty, testing::kToday, topics(), problems).has_value());
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].code == "skills.no_attendees");

  CHECK_FALSE(parseSkillsSession(validSession(), testing::kToday, nullptr, problems).has_value());
  CHECK(codes(problems).find("skills.unknown_topic") != std::string::npos);

  CHECK_FALSE(parseSkillsSession(json::array(), testing::kToday, topics(), problems).has_value());
  CHECK(problems.at(0).code == "field.type");
}

TEST_CASE("skills session: named participants are record ids, each once, never more than attended") {
  json s = validSession();
  const std::string a = "0d6b1c8e-1f2a-4b3c-8d9e-0a1b2c3d4e5f", b = "1d6b1c8e-1f2a-4b3c-8d9e-0a1b2c3d4e5f";
  s["participants"] = {a, b, a};
  Errors problems;
  auto ok = parseSkillsSession(s, testing::kToday, topics(), problems);
  REQUIRE_MESSAGE(ok.has_value(), codes(problems));
  CHECK((*ok)["participants"] == json::array({a, b}));  // named twice counts once
  CHECK(parseSkillsSession(validSession(), testing::kToday, topics(), problems)->at("participants").empty());

  s["participants"] = {a, "Nguyễn Văn An"};  // a name is not a record
  CHECK_FALSE(parseSkillsSession(s, testing::kToday, topics(), problems).has_value());
  CHECK(codes(problems) == "participants[1] field.type; ");

  json few = validSession();
  few["attendees"] = {{"female", {{"60_plus", 1}}}};
  few["helped"] = json::object();
  few["participants"] = {a, b};
  CHECK_FALSE(parseSkillsSession(few, testing::kToday, topics(), problems).has_value());
  CHECK(codes(problems) == "participants skills.named_more_than_attended; ");
}
