// What both desktop programs let a person set about the window: language, text size 100–250 %,
// high contrast, the idle lock and the Vietnamese typing method. Each program keeps them in its
// own small JSON file (no residents' data, so not encrypted) with its own extra fields; the
// fields below read and write the same way in both.
#pragma once

#include <filesystem>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/i18n.h"
#include "core/result.h"
#include "core/vietnamese_typing.h"

namespace gocua::ui {

struct DisplaySettings {
  i18n::Lang lang = i18n::Lang::Vi;
  int fontScalePercent = 100;  // 100..250
  bool highContrast = false;
  int idleLockMinutes = 10;  // 1..120
  // The program's own Telex/VNI in name, address and note fields: borrowed laptops often have no
  // Vietnamese input method, and GLFW shows none of the pre-edit text of one that exists.
  core::TypingMethod typing = core::TypingMethod::Telex;

  // Values out of range are pulled back in (a hand-edited file never breaks the window); text
  // size in steps of 25 %.
  void clampDisplay();
};

// The fields of a settings file's object: one of the wrong type keeps its default. Never throws.
void readDisplaySettings(const nlohmann::json& object, DisplaySettings& s);
void writeDisplaySettings(const DisplaySettings& s, nlohmann::json& object);

// The object a settings file holds: "settings.malformed" when the text is not a JSON object.
Result<nlohmann::json> parseSettingsObject(std::string_view text);
// A missing file is an empty object; one that is not a JSON object is "settings.malformed"
// (detail: the file name).
Result<nlohmann::json> readSettingsFile(const std::filesystem::path& file);

// $XDG_CONFIG_HOME/gocua/<name>, else ~/.config/gocua/<name>.
std::filesystem::path configFile(std::string_view name);

}  // namespace gocua::ui
