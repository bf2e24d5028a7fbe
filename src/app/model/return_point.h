// Where the volunteer was when the app locked (the Khoá button, the idle lock), so that unlocking
// again goes back there instead of Home: the resident editor with the typed text back, the
// wizard at its step. Only for the same volunteer; everyone else starts Home. Held in memory
// only: record ids and a screen, never what was typed (the screens' drafts are sealed in the
// workspace, draft_autosave.h).
#pragma once

#include <string>

#include "app/model/app_model.h"

namespace gocua::app {

struct ScreenModels;  // screen_registry.h

struct ReturnPoint {
  Screen screen = Screen::Home;
  std::string volunteer;   // who was working; empty: nowhere to return to
  std::string residentId;  // the resident editor's ("" for a new resident) or the wizard's
  bool offer = false;      // the editor was offering its draft rather than editing it
};

// Called at lock, before the screens are wiped.
ReturnPoint returnPointOf(AppModel& app, const ScreenModels& models);
// After unlock: reopens the screen of models.returnPoint when the same volunteer unlocked (the
// editor's or the wizard's draft resumed), else Home; the point is used once.
void returnAfterUnlock(AppModel& app, ScreenModels& models);

}  // namespace gocua::app
