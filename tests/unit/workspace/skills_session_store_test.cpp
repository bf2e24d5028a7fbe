// A trainer's skills-session log is a record like the others: sealed on disk (the village is not
// in the file in clear), listed back normalised, refused with every problem when the hub would
// reject it (nothing stored then). Real workspace, real forms.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

#include "forms/registry.h"
#include "forms/skills_session.h"
#include "workspace/workspace.h"
#include "workspace_fixture.h"

using namespace wstest;

namespace {

json sessionOn(const std::string& date) {
  return {{"date", date},
          {"village", "Thôn Xuân Đài"},
          {"topics", {"vneid_install", "scam_awareness"}},
          {"trainers", {"Lan"}},
          {"attendees", {{"female", {{"60_plus", 5}}}, {"male", {{"18_59", 3}}}}},
          {"helped", {{"vneid_installed", 4}}}};
}

}  // namespace

TEST_CASE("skills sessions: stored sealed, listed back normalised, a bad one refused and not stored") {
  TempDir t;
  auto [ws, s] = createUnlocked(t.path / "ws");
  const auto& forms = shippedForms();
  const auto* topics = forms.list(forms::kTrainingTopicsList);
  REQUIRE(topics != nullptr);

  const std::string today = core::formatDate(core::today());
  Errors problems;
  auto id = s->addSkillsSession(sessionOn(today), topics, &problems);
  REQUIRE_MESSAGE(id.ok(), (problems.empty() ? "" : problems.front().code));

  json tomorrow = sessionOn(core::formatDate(core::dateFromDays(core::daysSinceEpoch(core::today()) + 1)));
  tomorrow["helped"]["vneid_activated"] = 99;
  auto refused = s->addSkillsSession(tomorrow, topics, &problems);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().kind == ErrorKind::Invalid);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].code == "date.future");
  CHECK(problems[1].code == "skills.helped_more_than_attended");

  auto listed = s->skillsSessions();
  REQUIRE(listed.ok());
  REQUIRE(listed->size() == 1);
  const json& got = (*listed)[0].get();
  CHECK(got["id"] == *id);
  CHECK(got["village"] == "Thôn Xuân Đài");
  CHECK(got["date"] == today);
  CHECK(got["created_by"] == "Lan");
  CHECK(got["sync_state"] == "unsynced");
  CHECK(got["attendees"]["female"]["under_18"] == 0);
  CHECK(forms::sessionAttendance(got) == 8);

  s->lock();
  int files = 0;
  for (const auto& f : std::filesystem::recursive_directory_iterator(t.path / "ws")) {
    if (!f.is_regular_file()) continue;
    ++files;
    CAPTURE(f.path().string());
    CHECK(readAll(f.path()).find("Xuân Đài") == std::string::npos);
  }
  CHECK(files > 0);
}

TEST_CASE("skills sessions: a named attendee is a resident of this laptop who consented") {
  TempDir t;
  auto [ws, s] = createUnlocked(t.path / "ws");
  const auto* topics = shippedForms().list(forms::kTrainingTopicsList);
  const std::string today = core::formatDate(core::today());
  Errors problems;
  auto consented = s->addResident({{"full_name", "Lò Thị Mai"},
                                   {"date_of_birth", "1958"},
                                   {"sex", "female"},
                                   {"consent", {{"given_by", "Lò Thị Mai"}, {"method", "spoken"}, {"date", today}}}},
                                  &problems);
  REQUIRE(consented.ok());
  auto silent = s->addResident({{"full_name", "Vi Văn Tùng"}, {"date_of_birth", "1950"}, {"sex", "male"}}, &problems);
  REQUIRE(silent.ok());

  json named = sessionOn(today);
  named["participants"] = {consented->id};
  auto id = s->addSkillsSession(named, topics, &problems);
  REQUIRE(id.ok());
  auto listed = s->skillsSessions();
  REQUIRE(listed.ok());
  CHECK((*listed)[0].get()["participants"] == json::array({consented->id}));

  named["participants"] = {consented->id, silent->id};
  auto refused = s->addSkillsSession(named, topics, &problems);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "skills.participant_no_consent");
  CHECK(refused.error().field == "participants[1]");

  named["participants"] = {"00000000-0000-4000-8000-000000000000"};
  refused = s->addSkillsSession(named, topics, &problems);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "skills.participant_unknown");
  CHECK(s->skillsSessions()->size() == 1);  // neither refused one was stored
}
