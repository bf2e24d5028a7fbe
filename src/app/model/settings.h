// The desktop app's preferences: language, font scale, contrast, idle lock, Vietnamese typing, automatic sync. Kept
// in a small JSON file in the user's config directory; it never holds residents' data, so it is not encrypted.
#pragma once

#include <filesystem>
#include <string_view>

#include "core/result.h"
#include "ui/model/display_settings.h"

namespace gocua::app {

// The display settings both programs share (ui/model/display_settings.h), and the app's own.
struct Settings : ui::DisplaySettings {
  bool languageChosen = false;  // first run asks once
  // Sync with the commune hub by itself once the workspace knows the hub's address.
  bool autoSync = true;

  // Values out of range are pulled back in (a hand-edited file never breaks the app).
  void clamp() { clampDisplay(); }  // into range; text size in steps of 25 %
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
