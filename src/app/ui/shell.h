// The frame around the screens (app_shell.cpp).
#pragma once

#include "app/ui/app.h"

namespace gocua::app::ui {

// Draws one frame of the whole window: banner, top bar, the current screen, the notice line.
void drawFrame(App& app);
// "unlock", "home", ...: names for screenshots and the GUI test's map.
const char* screenName(Screen s);

}  // namespace gocua::app::ui
