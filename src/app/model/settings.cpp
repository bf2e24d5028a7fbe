#include "app/model/settings.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "app/model/errors.h"
#include "core/json_read.h"
#include "workspace/durable_file.h"

namespace gocua::app {

void Settings::clamp() {
  // Steps of 25 %: the font atlas is rebuilt per size, and finer steps read no differently.
  fontScalePercent = (std::clamp(fontScalePercent, 100, 250) + 12) / 25 * 25;
  idleLockMinutes = std::clamp(idleLockMinutes, 1, 120);
}

std::filesystem::path defaultSettingsFile() {
  if (const char* p = std::getenv("GOCUA_CONFIG"); p && *p) return p;
  if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x)
    return std::filesystem::path(x) / "gocua" / "settings.json";
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home ? home : ".") / ".config" / "gocua" / "settings.json";
}

Result<Settings> parseSettings(std::string_view text) {
  Settings s;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return Error::make(err::kSettingsMalformed);
  s.lang = jsonValue(j, "lang", "vi") == "en" ? i18n::Lang::En : i18n::Lang::Vi;
  s.fontScalePercent = jsonValue(j, "font_scale_percent", s.fontScalePercent);
  s.highContrast = jsonValue(j, "high_contrast", s.highContrast);
  s.idleLockMinutes = jsonValue(j, "idle_lock_minutes", s.idleLockMinutes);
  s.languageChosen = jsonValue(j, "language_chosen", s.languageChosen);
  s.typing = core::typingMethodFromName(jsonValue(j, "typing", "telex")).value_or(s.typing);
  s.autoSync = jsonValue(j, "auto_sync", s.autoSync);
  s.clamp();
  return s;
}

Result<Settings> loadSettings(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return Settings{};
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto s = parseSettings(text);
  if (!s) return Error::make(err::kSettingsMalformed, "", file.filename().string());
  return s;
}

Status saveSettings(const std::filesystem::path& file, const Settings& s) {
  nlohmann::json j = {{"lang", s.lang == i18n::Lang::En ? "en" : "vi"},
                      {"font_scale_percent", s.fontScalePercent},
                      {"high_contrast", s.highContrast},
                      {"idle_lock_minutes", s.idleLockMinutes},
                      {"language_chosen", s.languageChosen},
                      {"typing", std::string(core::typingMethodName(s.typing))},
                      {"auto_sync", s.autoSync}};
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  const std::string text = j.dump(2) + "\n";
  return workspace::writeFileDurably(file, text);
}

}  // namespace gocua::app
