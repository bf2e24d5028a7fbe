// Everything the window draws from: the app model, each screen's view-model (ScreenModels, the
// screen registry of app/model/screen_registry.h), and the few window-side flags. One instance
// lives in main(); draw functions (screens.h) take it.
#pragma once

#include <functional>

#include "app/model/app_model.h"
#include "app/model/auto_sync.h"
#include "app/model/screen_registry.h"
#include "app/model/session_gate.h"

namespace gocua::app::ui {

// The app's screens draw with the shared widgets (src/ui) as if they were their own.
using namespace gocua::ui;

struct App : ScreenModels {
  explicit App(AppOptions options) : model(std::move(options)) {
    model.onLock([this] { autoSync.reset(); });  // first: no attempt outlives the Session
    wipeScreensOnLock(model, *this);
  }
  App(const App&) = delete;
  App& operator=(const App&) = delete;
  AppModel model;

  std::function<void()> wake;  // wakes the event loop from a worker thread
  // Puts the window on the whole screen (a projector) or back; main() connects it to the platform.
  // Returns whether the window now fills the screen.
  std::function<bool(bool)> setFullscreen;
  bool fullscreen = false;    // as setFullscreen last reported
  double now = 0;             // seconds, the platform clock at the start of this frame
  bool looksChanged = false;  // font scale or contrast changed: rebuild before the next frame

  // The Session's lock: the event loop holds it while a frame updates and draws, and lets go
  // while it sleeps; automatic sync takes it only for its short Session steps.
  SessionGate gate;
  AutoSync autoSync{gate};
  // Each frame (app_shell.cpp): opens automatic sync when a session appears or the Join screen
  // is left, runs its tick, and re-reads Home and the sync screen when an attempt brought news.
  void tickAutoSync();

 private:
  bool autoSyncOpened_ = false;
  Screen lastScreen_ = Screen::FirstRun;
};

}  // namespace gocua::app::ui
