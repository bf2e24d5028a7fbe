// The desktop app's preferences: language, font scale, contrast, idle lock, Vietnamese typing. Kept in a small JSON
// file in the user's config directory; it never holds residents' data, so it is not encrypted.
#pragma once

#include <filesystem>
#include <string_view>

#include "core/i18n.h"
#include "core/result.h"
#include "core/vietnamese_typing.h"

namespace gocua::app {

struct Settings {
  i18n::Lang lang = i18n::Lang::Vi;
  int fontScalePercent = 100;  // 100..250
  bool highContrast = false;
  int idleLockMinutes = 10;     // 1..120
  bool languageChosen = false;  // first run asks once
  // The app's own Telex/VNI in name, address and note fields: borrowed laptops often have no
  // Vietnamese input method, and GLFW shows none of the pre-edit text of one that exists.
  core::TypingMethod typing = core::TypingMethod::Telex;
  // Sync with the commune hub by itself once the workspace knows the hub's address.
  bool autoSync = true;

  // Values out of range are pulled back in (a hand-edited file never breaks the app).
  void clamp();  // into range; text size in steps of 25 %
};

// $GOCUA_CONFIG, else $XDG_CONFIG_HOME/gocua/settings.json, else ~/.config/gocua/settings.json.
std::filesystem::path defaultSettingsFile();

// A missing file gives the defaults; an unreadable or malformed one too (the error says why).
Result<Settings> loadSettings(const std::filesystem::path& file);
// The file's text: "settings.malformed" when it is not a JSON object; a field of the wrong type
// ({"idle_lock_minutes":"10"}) keeps its default, values out of range are clamped. Never throws.
Result<Settings> parseSettings(std::string_view text);
Status saveSettings(const std::filesystem::path& file, const Settings& s);

}  // namespace gocua::app
