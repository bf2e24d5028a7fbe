// One draw function per screen (one file each): widgets mapped to the screen's view-model
// fields and commands. No SQL, no crypto, no validation rules here.
#pragma once

#include "app/ui/app.h"

namespace gocua::app::ui {

void drawFirstRun(App& app);
void drawUnlock(App& app);
void drawHome(App& app);
void drawResident(App& app);
void drawApplication(App& app);
void drawSync(App& app);
void drawJoin(App& app);
void drawSettings(App& app);
void drawSessions(App& app);
void drawScenarios(App& app);
void drawPresentation(App& app);  // the guide chooser, or the guide full window

// Navigation helpers shared by screens: each opens its target's view-model, then switches.
void goHome(App& app);
void goSync(App& app);
void goSettings(App& app);
void goSessions(App& app);
void goScenarios(App& app);
void goPresentation(App& app);
// The window on the whole screen (presentation mode) or back; nothing without a platform.
void showFullscreen(App& app, bool on);
// One of the above by screen (Home for any other).
void goTo(App& app, Screen s);

}  // namespace gocua::app::ui
