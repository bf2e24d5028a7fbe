// Where each named widget was drawn, for the GUI test: with GOCUA_UI_MAP=FILE the app writes
// {"screen": "...", "items": {"unlock.passphrase": [x0, y0, x1, y1], ...}} whenever it changes,
// so the test can click a button by name through real X events. Only widget names and
// rectangles, never what a field holds.
#pragma once

#include <array>
#include <filesystem>
#include <map>
#include <string>

namespace gocua::app::ui {

class UiMap {
 public:
  void enable(std::filesystem::path file) { file_ = std::move(file); }
  bool enabled() const { return !file_.empty(); }
  void beginFrame(const std::string& screen);
  void add(const std::string& id, float x0, float y0, float x1, float y1);
  void endFrame();  // writes the file if the map changed

 private:
  std::filesystem::path file_;
  std::string screen_;
  std::map<std::string, std::array<int, 4>> items_;
  std::string lastWritten_;
};

UiMap& uiMap();

}  // namespace gocua::app::ui
