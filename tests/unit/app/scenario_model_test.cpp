// The practice screen's model on a real training workspace: the shipped scenarios listed, a
// scenario started (its residents on Home's search), checked before and after the right answers,
// the score kept per trainee and cleared by the trainer; a real workspace shows nothing to practise.
#include "app/model/scenario_model.h"

#include <algorithm>

#include "app_fixture.h"
#include "core/i18n.h"

using namespace apptest;
using gocua::app::ScenarioModel;

namespace {

int indexOf(const ScenarioModel& m, const std::string& id) {
  const auto& e = m.entries();
  const auto it = std::find_if(e.begin(), e.end(), [&](const ScenarioModel::Entry& x) { return x.id == id; });
  REQUIRE(it != e.end());
  return static_cast<int>(it - e.begin());
}

}  // namespace

TEST_CASE("practice: the scenarios are listed, a question scenario is checked, missed in words, then passed") {
  UnlockedApp a(true);
  ScenarioModel m;
  m.open(a.model);
  REQUIRE_FALSE(m.blocked());
  CHECK(m.loadProblems().empty());
  REQUIRE(m.entries().size() >= 10);
  m.choose(indexOf(m, "otp_scam"));
  REQUIRE(m.scenario() != nullptr);

  m.answers["never_share_otp"] = "read_code";
  CHECK_FALSE(m.check(a.model));
  REQUIRE(m.outcomes().size() == 2);
  CHECK_FALSE(m.outcomes()[0].passed);
  CHECK(m.outcomes()[0].missed.find("OTP") != std::string::npos);
  CHECK(m.entries()[static_cast<std::size_t>(m.chosen())].score == "0/2");

  m.answers["never_share_otp"] = "hang_up";
  m.answers["no_links"] = "ignore";
  CHECK(m.check(a.model));
  CHECK(m.outcomes()[0].missed.empty());
  CHECK(m.entries()[static_cast<std::size_t>(m.chosen())].score == "2/2");
  REQUIRE(m.scores().size() == 1);
  CHECK(m.scores()[0].trainee == "Lan");
  CHECK(m.scores()[0].attempts == 2);

  m.confirmingReset = true;
  REQUIRE(m.resetScores(a.model));
  CHECK(m.scores().empty());
  CHECK(m.entries()[static_cast<std::size_t>(m.chosen())].score.empty());
}

TEST_CASE("practice: starting a scenario puts its people on the laptop, once, and survives a trip to Home") {
  UnlockedApp a(true);
  ScenarioModel m;
  m.open(a.model);
  m.choose(indexOf(m, "old_phone"));
  CHECK_FALSE(m.started());
  REQUIRE(m.start(a.model));
  CHECK(m.started());
  CHECK(a.session().searchResidents("Vi Văn Tùng", 5).size() == 1);
  m.open(a.model);  // back from Home
  CHECK(m.started());
  CHECK(m.scenario()->id == "old_phone");
  REQUIRE(m.start(a.model));
  CHECK(a.session().searchResidents("Vi Văn Tùng", 5).size() == 1);
  CHECK_FALSE(m.check(a.model));  // the phone is not there yet
  CHECK(!m.outcomes()[0].missed.empty());
}

TEST_CASE("practice: a real workspace has nothing to practise and adds nobody") {
  UnlockedApp a(false);
  ScenarioModel m;
  m.open(a.model);
  CHECK(m.blocked());
  CHECK(m.entries().empty());
  CHECK_FALSE(m.start(a.model));
  CHECK(a.session().searchResidents("", 5).empty());
}
