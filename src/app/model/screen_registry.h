// Every screen of the desktop app in one table: its id, its name (screenshots, the GUI test's
// map), and how its view-model forgets residents' data when the app locks. The lock wipe walks
// the table, so a screen cannot be left out of it: a new Screen value without its row here fails
// the static_asserts below, and tests/unit/app/screen_registry_test.cpp fills every screen's
// view-model, locks, and checks that none still holds plaintext.
//
// Adding a screen: a Screen value (app_model.h), its view-model in ScreenModels, its row in
// kScreens, and its draw function in the draw table of ui/app_shell.cpp (asserted the same way).
#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <optional>

#include "app/model/app_model.h"
#include "app/model/first_run_model.h"
#include "app/model/home_model.h"
#include "app/model/join_model.h"
#include "app/model/presentation_model.h"
#include "app/model/resident_model.h"
#include "app/model/return_point.h"
#include "app/model/scenario_model.h"
#include "app/model/settings_model.h"
#include "app/model/skills_session_model.h"
#include "app/model/sync_model.h"
#include "app/model/unlock_model.h"
#include "app/model/wizard_model.h"

namespace gocua::app {

// One view-model per screen.
struct ScreenModels {
  FirstRunModel firstRun;
  UnlockModel unlock;
  HomeModel home;
  ResidentModel resident;
  WizardModel wizard;
  SyncModel sync;
  JoinModel join;
  SettingsModel settings;
  SkillsSessionModel sessions;
  ScenarioModel scenarios;
  PresentationModel presentation;

  // Where the volunteer was when the app last locked (return_point.h).
  ReturnPoint returnPoint;

  // Work that is due at a time rather than on input (the wizard's and the resident editor's
  // autosave): the event loop calls tick on every wake and sleeps no longer than nextDeadline
  // (app clock, seconds).
  void tick(double now) {
    wizard.tick(now);
    resident.tick(now);
  }
  std::optional<double> nextDeadline() const {
    const auto w = wizard.nextDeadline(), r = resident.nextDeadline();
    if (w && r) return std::min(*w, *r);
    return w ? w : r;
  }
};

struct ScreenInfo {
  Screen id;
  const char* name;                             // "home": screenshots, the GUI test's map
  void (*wipe)(ScreenModels&);                  // at lock: save drafts, then forget residents' data
  bool (*holdsPlaintext)(const ScreenModels&);  // residents' data or a passphrase still in memory
};

inline constexpr ScreenInfo kScreens[] = {
    {Screen::FirstRun, "first_run", [](ScreenModels& m) { m.firstRun.reset(); },
     [](const ScreenModels& m) { return m.firstRun.holdsPlaintext(); }},
    {Screen::Unlock, "unlock", [](ScreenModels& m) { m.unlock.reset(); },
     [](const ScreenModels& m) { return m.unlock.holdsPlaintext(); }},
    {Screen::Home, "home", [](ScreenModels& m) { m.home.reset(); },
     [](const ScreenModels& m) { return m.home.holdsPlaintext(); }},
    {Screen::Resident, "resident", [](ScreenModels& m) { m.resident.reset(); },
     [](const ScreenModels& m) { return m.resident.holdsPlaintext(); }},
    {Screen::Application, "application", [](ScreenModels& m) { m.wizard.reset(); },
     [](const ScreenModels& m) { return m.wizard.holdsPlaintext(); }},
    {Screen::Sync, "sync", [](ScreenModels& m) { m.sync.reset(); },
     [](const ScreenModels& m) { return m.sync.holdsPlaintext(); }},
    {Screen::Join, "join", [](ScreenModels& m) { m.join.reset(); },
     [](const ScreenModels& m) { return m.join.holdsPlaintext(); }},
    {Screen::Settings, "settings", [](ScreenModels& m) { m.settings.reset(); },
     [](const ScreenModels& m) { return m.settings.holdsPlaintext(); }},
    {Screen::Sessions, "sessions", [](ScreenModels& m) { m.sessions.reset(); },
     [](const ScreenModels& m) { return m.sessions.holdsPlaintext(); }},
    {Screen::Scenarios, "scenarios", [](ScreenModels& m) { m.scenarios.reset(); },
     [](const ScreenModels& m) { return m.scenarios.holdsPlaintext(); }},
    {Screen::Presentation, "presentation", [](ScreenModels& m) { m.presentation.reset(); },
     [](const ScreenModels& m) { return m.presentation.holdsPlaintext(); }},
};

inline constexpr std::size_t kScreenCount = static_cast<std::size_t>(Screen::Count);
static_assert(std::size(kScreens) == kScreenCount, "every Screen needs its row in kScreens");
constexpr bool screensInEnumOrder() {
  for (std::size_t i = 0; i < std::size(kScreens); ++i)
    if (kScreens[i].id != static_cast<Screen>(i)) return false;
  return true;
}
static_assert(screensInEnumOrder(), "kScreens rows must follow the order of enum Screen");

inline const ScreenInfo& screenInfo(Screen s) {
  const auto i = static_cast<std::size_t>(s);
  return kScreens[i < kScreenCount ? i : 0];
}

// Every screen's wipe, in table order (drafts are saved before the session locks).
void wipeScreens(ScreenModels& models);
// Registers with app's lock (once, when the window's models are made): note where the volunteer
// was (models.returnPoint, for returnAfterUnlock), then wipeScreens.
void wipeScreensOnLock(AppModel& app, ScreenModels& models);

}  // namespace gocua::app
