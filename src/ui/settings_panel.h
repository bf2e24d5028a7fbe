// The display settings both programs offer, drawn the same way in each: language, text size
// (100–250 %), high contrast, idle lock minutes and Vietnamese typing. Ids "settings.lang.vi",
// "settings.font_scale", "settings.high_contrast", "settings.idle_lock", "settings.typing.<method>".
#pragma once

#include "ui/model/display_settings.h"

namespace gocua::ui {

void drawDisplaySettings(DisplaySettings& draft);

}  // namespace gocua::ui
