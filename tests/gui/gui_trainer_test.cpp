// A trainer's evening, by X events only: log a skills session (an impossible count refused in
// words, then fixed and saved; gocuactl reads it back), a trainee runs a practice scenario, misses
// a check, fixes it and passes; then a guide is presented, its pages turned with the arrow keys.
#include <doctest/doctest.h>

#include "gui_session.h"

TEST_CASE("gui: a trainer logs a session, a trainee fails then passes a scenario, a guide is presented") {
  gui::Session s("trainer");
  s.sandbox.init("Lan", true);
  REQUIRE(s.sandbox.ctl({"demo-data", "--residents", "40", "--seed", "5"}).exitCode == 0);
  REQUIRE_MESSAGE(s.start(), it::readFile(s.log()));
  auto& d = *s.driver;
  REQUIRE_MESSAGE(d.waitScreen("unlock"), d.lastError());
  REQUIRE(d.fill("unlock.passphrase", s.sandbox.passphrase));
  d.key("Return");
  REQUIRE_MESSAGE(d.waitScreen("home", 30), d.failure());

  // The session: more people helped to install VNeID than attended is refused, then fixed.
  REQUIRE(d.click("home.sessions"));
  REQUIRE(d.waitScreen("sessions"));
  REQUIRE_MESSAGE(d.fill("sessions.village", "Thôn Đông"), d.failure());
  REQUIRE_MESSAGE(d.fill("sessions.place", "Nhà văn hoá thôn"), d.failure());
  REQUIRE_MESSAGE(d.click("sessions.topic.scam_awareness"), d.failure());
  REQUIRE_MESSAGE(d.fillKeys("sessions.attendees.female.60_plus", "5"), d.failure());
  REQUIRE_MESSAGE(d.fillKeys("sessions.helped.vneid_installed", "9"), d.failure());
  d.key("Tab");
  REQUIRE(d.click("sessions.save"));
  d.settle(1.0);
  CHECK_FALSE(d.screenshot().empty());
  REQUIRE_MESSAGE(d.fillKeys("sessions.helped.vneid_installed", "4"), d.failure());
  d.key("Tab");
  REQUIRE(d.click("sessions.save"));
  d.settle(1.0);
  CHECK_FALSE(d.screenshot().empty());

  // Practice: the OTP call answered wrongly, checked, answered rightly, checked again.
  REQUIRE(d.click("nav.home"));
  REQUIRE(d.waitScreen("home"));
  REQUIRE(d.click("home.scenarios"));
  REQUIRE(d.waitScreen("scenarios"));
  REQUIRE_MESSAGE(d.click("scenarios.item.otp_scam"), d.failure());
  REQUIRE_MESSAGE(d.click("scenarios.answer.never_share_otp.read_code"), d.failure());
  REQUIRE_MESSAGE(d.click("scenarios.answer.no_links.ignore"), d.failure());
  REQUIRE(d.click("scenarios.check"));
  // The feedback shows under the answers: scrolled to when the check left it below the fold.
  REQUIRE_MESSAGE(d.reveal("scenarios.outcome.never_share_otp.missed"), d.failure());
  CHECK(d.reveal("scenarios.outcome.no_links.passed"));
  CHECK_FALSE(d.screenshot().empty());
  REQUIRE_MESSAGE(d.click("scenarios.answer.never_share_otp.hang_up"), d.failure());
  REQUIRE(d.click("scenarios.check"));
  REQUIRE_MESSAGE(d.reveal("scenarios.outcome.never_share_otp.passed"), d.failure());
  CHECK(d.reveal("scenarios.outcome.no_links.passed"));
  CHECK_FALSE(d.screenshot().empty());

  // Presentation: the anti-scam card, its first warning after the cover, to its last page.
  REQUIRE(d.click("nav.home"));
  REQUIRE(d.waitScreen("home"));
  REQUIRE(d.click("home.present"));
  REQUIRE(d.waitScreen("presentation"));
  REQUIRE_MESSAGE(d.click("present.guide.anti_scam"), d.failure());
  REQUIRE(d.waitItem("present.page.1"));
  CHECK_FALSE(d.has("nav.home"));  // the page fills the window
  d.key("Right");
  REQUIRE_MESSAGE(d.waitItem("present.page.2"), d.failure());
  CHECK_FALSE(d.screenshot().empty());
  d.key("End");
  d.key("Left");
  d.key("Right");
  // The card's pages: its cover, each warning, each step, then who to tell.
  const auto card = nlohmann::json::parse(it::readFile(it::sourceDir() / "forms" / "guides" / "anti_scam.json"));
  const std::size_t lastPage = 1 + card["warnings"].size() + card["steps"].size() + 1;
  CHECK_MESSAGE(d.waitItem("present.page." + std::to_string(lastPage)), d.failure());
  d.key("Escape");
  REQUIRE_MESSAGE(d.waitItem("present.guide.anti_scam"), d.failure());
  REQUIRE(d.click("nav.home"));
  REQUIRE(d.waitScreen("home"));
  s.app->stop();

  // The saved session, read back through the CLI: the fixed count, the right village.
  auto listed = s.sandbox.ctl({"session", "list"});
  REQUIRE_MESSAGE(listed.exitCode == 0, listed.describe());
  const auto sessions = listed.parsed();
  REQUIRE_MESSAGE(sessions.size() == 1, sessions.dump());
  CHECK(sessions[0]["village"] == "Thôn Đông");
  CHECK(sessions[0]["helped"]["vneid_installed"] == 4);
  CHECK(sessions[0]["attended"] == 5);
}
