#include "app/model/settings.h"

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "core/json_read.h"
#include "workspace/durable_file.h"

namespace gocua::app {

namespace {
Settings fromObject(const nlohmann::json& j) {
  Settings s;
  ui::readDisplaySettings(j, s);
  s.languageChosen = jsonValue(j, "language_chosen", s.languageChosen);
  s.autoSync = jsonValue(j, "auto_sync", s.autoSync);
  return s;
}
}  // namespace

std::filesystem::path defaultSettingsFile() {
  if (const char* p = std::getenv("GOCUA_CONFIG"); p && *p) return p;
  return ui::configFile("settings.json");
}

Result<Settings> parseSettings(std::string_view text) {
  auto j = ui::parseSettingsObject(text);
  if (!j) return j.error();
  return fromObject(*j);
}

Result<Settings> loadSettings(const std::filesystem::path& file) {
  auto j = ui::readSettingsFile(file);
  if (!j) return j.error();
  return fromObject(*j);
}

Status saveSettings(const std::filesystem::path& file, const Settings& s) {
  nlohmann::json j = nlohmann::json::object();
  ui::writeDisplaySettings(s, j);
  j["language_chosen"] = s.languageChosen;
  j["auto_sync"] = s.autoSync;
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  const std::string text = j.dump(2) + "\n";
  return workspace::writeFileDurably(file, text);
}

}  // namespace gocua::app
