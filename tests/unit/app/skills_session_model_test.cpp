// The trainers' screen model on a real workspace: a fresh form, a session saved and listed, the
// hub's own check refusing impossible counts next to the right field, and nothing kept at lock.
#include "app/model/skills_session_model.h"

#include "app_fixture.h"
#include "core/i18n.h"

using namespace apptest;
using gocua::app::SkillsSessionModel;

namespace {

const core::Date kToday{2026, 12, 5};

void fillValid(SkillsSessionModel& m) {
  m.village = "Thôn Đông";
  m.place = "Nhà văn hoá thôn";
  m.topicChosen.at(0) = true;
  m.topicChosen.at(4) = true;
  m.attendees[0][2] = 12;  // women 60 and over
  m.attendees[1][1] = 5;   // men 18–59
  m.helped[0] = 9;
}

}  // namespace

TEST_CASE("sessions: a fresh form has today, the volunteer as trainer and the topics of the form pack") {
  UnlockedApp a;
  SkillsSessionModel m;
  m.open(a.model, kToday, {"Thôn Đông", "", "Thôn Tây"});
  CHECK(m.date == "05/12/2026");
  CHECK(m.trainers == "Lan");
  REQUIRE(m.topics().size() >= 7);
  CHECK(m.topicChosen.size() == m.topics().size());
  CHECK(m.villages() == std::vector<std::string>{"Thôn Đông", "Thôn Tây"});  // the unnamed village is no choice
  CHECK(m.logged().empty());
  CHECK(m.attendance() == 0);
}

TEST_CASE("sessions: a valid session is stored as a record, listed newest first, and the form starts again") {
  UnlockedApp a;
  SkillsSessionModel m;
  m.open(a.model, kToday, {});
  fillValid(m);
  m.trainers = "Lan,  Nguyễn Văn Bình , ";
  CHECK(m.attendance() == 17);
  const auto before = a.model.recordsSaved();
  REQUIRE(m.save(a.model));
  CHECK(a.model.recordsSaved() == before + 1);  // automatic sync hears of it
  CHECK(m.saved().find("05/12/2026") != std::string::npos);
  REQUIRE(m.logged().size() == 1);
  CHECK(m.logged()[0].village == "Thôn Đông");
  CHECK(m.logged()[0].attended == 17);
  CHECK(!m.logged()[0].synced);
  CHECK(m.logged()[0].topics.find(m.topics()[4].label) != std::string::npos);
  CHECK(m.village.empty());  // ready for the next one
  CHECK(m.trainers == "Lan");

  auto stored = a.session().skillsSessions();
  REQUIRE(stored.ok());
  REQUIRE(stored->size() == 1);
  const auto& body = (*stored)[0].get();
  CHECK(body["trainers"] == nlohmann::json::array({"Lan", "Nguyễn Văn Bình"}));
  CHECK(body["attendees"]["female"]["60_plus"] == 12);
  CHECK(body["helped"]["vneid_installed"] == 9);

  m.date = "04/12/2026";
  fillValid(m);
  m.village = "Thôn Tây";
  REQUIRE(m.save(a.model));
  REQUIRE(m.logged().size() == 2);
  CHECK(m.logged()[0].village == "Thôn Tây");  // the newest on top
}

TEST_CASE("sessions: impossible counts, a future date and no topic are refused next to their field") {
  UnlockedApp a;
  SkillsSessionModel m;
  m.open(a.model, kToday, {});
  fillValid(m);
  m.helped[2] = 40;  // more enrolled on the platform than attended
  m.topicChosen.assign(m.topicChosen.size(), false);
  m.date = "01/01/2099";
  m.trainers = " , ";
  CHECK_FALSE(m.save(a.model));
  CHECK(m.refused());
  CHECK(m.takeScrollToProblem());
  CHECK_FALSE(m.takeScrollToProblem());  // once
  CHECK(!m.message("topics").empty());
  CHECK(!m.message("date").empty());
  CHECK(!m.message("trainers").empty());
  CHECK(m.message("topics").find("topics") == std::string::npos);  // said in words, not as a key
  CHECK(m.logged().empty());
  auto stored = a.session().skillsSessions();
  REQUIRE(stored.ok());
  CHECK(stored->empty());  // nothing half-stored

  m.date = "05/12/2026";
  m.trainers = "Lan";
  m.topicChosen.at(1) = true;
  CHECK_FALSE(m.save(a.model));
  CHECK(!m.message("helped.platform_enrolled").empty());  // only the count is left
  CHECK(m.message("date").empty());
  m.helped[2] = 3;
  m.attendees = {};
  m.village.clear();
  CHECK_FALSE(m.save(a.model));
  CHECK(m.message("village") == i18n::tr("error.field.required", {{"field", i18n::tr("app.sessions.village")}}));
  m.village = "Thôn Đông";
  CHECK(!m.message("attendees").empty());  // nobody attended
  m.attendees[0][0] = 10;                  // as many as were helped
  CHECK(m.save(a.model));
  CHECK_FALSE(m.refused());
}

TEST_CASE("sessions: attendees named from the search are stored by record, once each") {
  UnlockedApp a(true);
  Errors problems;
  std::vector<std::string> ids;
  for (const char* name : {"Lò Thị Mai", "Lò Thị Mại"}) {  // namesakes but for a tone mark
    auto added =
        a.session().addResident({{"full_name", name},
                                 {"date_of_birth", "1958"},
                                 {"sex", "female"},
                                 {"consent", {{"given_by", name}, {"method", "spoken"}, {"date", "01/12/2026"}}}},
                                &problems);
    REQUIRE(added.ok());
    ids.push_back(added->id);
  }
  SkillsSessionModel m;
  m.open(a.model, kToday, {});
  fillValid(m);
  const auto someone = a.session().searchResidents("Lò Thị Mai", 2);
  REQUIRE(someone.size() == 2);
  m.participantQuery = someone[0]["full_name"].get<std::string>();
  m.searchParticipants(a.model);
  REQUIRE(!m.found().empty());
  CHECK(m.found()[0].id == someone[0]["id"]);
  m.addParticipant(0);
  CHECK(m.participantQuery.empty());
  REQUIRE(m.participants().size() == 1);
  m.participantQuery = m.participants()[0].name;
  m.searchParticipants(a.model);
  for (const auto& f : m.found()) CHECK(f.id != m.participants()[0].id);  // not offered twice
  REQUIRE(m.save(a.model));
  auto stored = a.session().skillsSessions();
  REQUIRE(stored.ok());
  CHECK((*stored)[0].get()["participants"] == nlohmann::json::array({someone[0]["id"]}));
  CHECK(m.participants().empty());  // the next session starts without names
}

TEST_CASE("sessions: the lock forgets the form and the list") {
  UnlockedApp a;
  SkillsSessionModel m;
  m.open(a.model, kToday, {"Thôn Đông"});
  fillValid(m);
  REQUIRE(m.save(a.model));
  m.notes = "bà Tư cần hướng dẫn thêm";
  CHECK(m.holdsPlaintext());
  m.reset();
  CHECK_FALSE(m.holdsPlaintext());
  CHECK(m.logged().empty());
}
