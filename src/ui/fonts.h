// Noto Sans at three sizes (body, heading, large read-back text), with glyph ranges built from the
// catalogs (glyph_ranges.h). Rebuilt when the font scale changes, so text stays crisp at 250 %.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"

struct ImFont;

namespace gocua::ui {

struct Fonts {
  ImFont* body = nullptr;
  ImFont* heading = nullptr;
  ImFont* large = nullptr;
  ImFont* present = nullptr;  // bold, for a room reading a projector (the app's presentation mode)
};

// $GOCUA_FONT_DIR, the installed share/gocua/fonts, assets/fonts of the source tree, then
// Debian's fonts-noto-core. Error "ui.font_missing" (detail: where it looked) when none has
// NotoSans-Regular.ttf.
Result<std::filesystem::path> findFontDir();

// Clears and rebuilds the ImGui font atlas at scale (1.0 .. 2.5). The caller re-uploads the
// texture (Platform::reloadFontTexture) when a frame is not in progress.
Fonts buildFonts(const std::filesystem::path& dir, float scale, const std::vector<std::uint16_t>& ranges);

Fonts& fonts();  // the current set, for screens

}  // namespace gocua::ui
