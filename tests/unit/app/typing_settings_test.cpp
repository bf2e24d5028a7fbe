// The Vietnamese typing setting: kept in the settings file, Telex when absent or unreadable, and
// the one key (F2) that turns it off and back on with the method last chosen.
#include <doctest/doctest.h>

#include <fstream>

#include "app/model/settings_model.h"
#include "app_fixture.h"

using namespace apptest;
using gocua::core::TypingMethod;

TEST_CASE("settings: typing is Telex by default, kept in the file, and a bad value falls back to Telex") {
  TempDir t;
  const auto file = t.path / "settings.json";
  CHECK(app::Settings{}.typing == TypingMethod::Telex);
  CHECK(app::loadSettings(t.path / "missing.json")->typing == TypingMethod::Telex);

  app::Settings s;
  s.typing = TypingMethod::Vni;
  REQUIRE(app::saveSettings(file, s).ok());
  CHECK(readAll(file).find(R"("typing": "vni")") != std::string::npos);
  CHECK(app::loadSettings(file)->typing == TypingMethod::Vni);
  s.typing = TypingMethod::Off;
  REQUIRE(app::saveSettings(file, s).ok());
  CHECK(app::loadSettings(file)->typing == TypingMethod::Off);

  for (const char* bad : {R"({"typing":"Telex"})", R"({"typing":3})", R"({"typing":["vni"]})", R"({"typing":null})"}) {
    INFO(bad);
    std::ofstream(file) << bad;
    auto back = app::loadSettings(file);
    REQUIRE(back.ok());
    CHECK(back->typing == TypingMethod::Telex);
  }
}

TEST_CASE("settings: F2 turns typing off and back on with the method last chosen, and saves it") {
  TempDir t;
  app::AppModel m(optionsIn(t.path));
  m.start();
  app::SettingsModel sm;
  sm.open(m);
  sm.toggleTyping(m);
  CHECK(m.settings().typing == TypingMethod::Off);
  CHECK(sm.draft.typing == TypingMethod::Off);  // an open settings screen shows it
  CHECK(app::loadSettings(t.path / "settings.json")->typing == TypingMethod::Off);
  sm.toggleTyping(m);
  CHECK(m.settings().typing == TypingMethod::Telex);

  sm.draft.typing = TypingMethod::Vni;
  sm.apply(m);
  sm.toggleTyping(m);
  CHECK(m.settings().typing == TypingMethod::Off);
  sm.toggleTyping(m);
  CHECK(m.settings().typing == TypingMethod::Vni);
  CHECK(app::loadSettings(t.path / "settings.json")->typing == TypingMethod::Vni);
}
