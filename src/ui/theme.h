// Colours, spacing and sizes: big targets and calm colours for an elderly resident reading beside
// the volunteer, or white on black for sunlight (high contrast). Scaled with the font scale.
#pragma once

namespace gocua::ui {

void applyTheme(bool highContrast, float scale);

// Colours screens use for meaning, matching the theme.
struct Palette {
  float error[4], warning[4], ok[4], muted[4], banner[4], bannerText[4], primary[4], primaryText[4];
};
const Palette& palette();

}  // namespace gocua::ui
