// Everything the window draws from: the app model, each screen's view-model, and the few
// window-side flags. One instance lives in main(); draw functions (screens.h) take it.
#pragma once

#include <functional>

#include "app/model/app_model.h"
#include "app/model/first_run_model.h"
#include "app/model/home_model.h"
#include "app/model/join_model.h"
#include "app/model/resident_model.h"
#include "app/model/settings_model.h"
#include "app/model/sync_model.h"
#include "app/model/unlock_model.h"
#include "app/model/wizard_model.h"

namespace gocua::app::ui {

struct App {
  explicit App(AppOptions options) : model(std::move(options)) {
    model.onLock([this] {
      wizard.reset();
      resident.reset();
      home.reset();
      sync.reset();
      join.reset();
      unlock.reset();
    });
  }
  AppModel model;
  UnlockModel unlock;
  FirstRunModel firstRun;
  HomeModel home;
  ResidentModel resident;
  WizardModel wizard;
  SyncModel sync;
  JoinModel join;
  SettingsModel settings;

  std::function<void()> wake;  // wakes the event loop from a worker thread
  double now = 0;              // seconds, the platform clock at the start of this frame
  bool looksChanged = false;   // font scale or contrast changed: rebuild before the next frame
};

}  // namespace gocua::app::ui
