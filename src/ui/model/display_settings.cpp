#include "ui/model/display_settings.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>

#include "core/json_read.h"
#include "ui/model/errors.h"

namespace gocua::ui {

void DisplaySettings::clampDisplay() {
  // Steps of 25 %: the font atlas is rebuilt per size, and finer steps read no differently.
  fontScalePercent = (std::clamp(fontScalePercent, 100, 250) + 12) / 25 * 25;
  idleLockMinutes = std::clamp(idleLockMinutes, 1, 120);
}

void readDisplaySettings(const nlohmann::json& j, DisplaySettings& s) {
  s.lang = jsonValue(j, "lang", "vi") == "en" ? i18n::Lang::En : i18n::Lang::Vi;
  s.fontScalePercent = jsonValue(j, "font_scale_percent", s.fontScalePercent);
  s.highContrast = jsonValue(j, "high_contrast", s.highContrast);
  s.idleLockMinutes = jsonValue(j, "idle_lock_minutes", s.idleLockMinutes);
  s.typing = core::typingMethodFromName(jsonValue(j, "typing", "telex")).value_or(s.typing);
  s.clampDisplay();
}

void writeDisplaySettings(const DisplaySettings& s, nlohmann::json& j) {
  j["lang"] = s.lang == i18n::Lang::En ? "en" : "vi";
  j["font_scale_percent"] = s.fontScalePercent;
  j["high_contrast"] = s.highContrast;
  j["idle_lock_minutes"] = s.idleLockMinutes;
  j["typing"] = std::string(core::typingMethodName(s.typing));
}

Result<nlohmann::json> parseSettingsObject(std::string_view text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return Error::make(err::kSettingsMalformed);
  return j;
}

Result<nlohmann::json> readSettingsFile(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return nlohmann::json::object();
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto j = parseSettingsObject(text);
  if (!j) return Error::make(err::kSettingsMalformed, "", file.filename().string());
  return j;
}

std::filesystem::path configFile(std::string_view name) {
  if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) return std::filesystem::path(x) / "gocua" / name;
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home ? home : ".") / ".config" / "gocua" / name;
}

}  // namespace gocua::ui
