// Everything the window draws from: the app model, each screen's view-model (ScreenModels, the
// screen registry of app/model/screen_registry.h), and the few window-side flags. One instance
// lives in main(); draw functions (screens.h) take it.
#pragma once

#include <functional>

#include "app/model/app_model.h"
#include "app/model/screen_registry.h"

namespace gocua::app::ui {

struct App : ScreenModels {
  explicit App(AppOptions options) : model(std::move(options)) { wipeScreensOnLock(model, *this); }
  App(const App&) = delete;
  App& operator=(const App&) = delete;
  AppModel model;

  std::function<void()> wake;  // wakes the event loop from a worker thread
  double now = 0;              // seconds, the platform clock at the start of this frame
  bool looksChanged = false;   // font scale or contrast changed: rebuild before the next frame
};

}  // namespace gocua::app::ui
