// The settings screen: a draft of the settings the volunteer edits, applied in one go so a
// half-moved slider never rebuilds the fonts on every frame.
#pragma once

#include "app/model/app_model.h"

namespace gocua::app {

class SettingsModel {
 public:
  void open(AppModel& app) { draft = app.settings(); }
  Settings draft;
  // Writes the draft to the app (and the settings file). True when the font scale or contrast
  // changed, so the window rebuilds the font atlas and the theme.
  bool apply(AppModel& app);
  void reset() { draft = Settings{}; }
};

}  // namespace gocua::app
