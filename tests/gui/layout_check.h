// The layout walks' check (gui_layout_test for the app, gui_office_layout_test for the desk): on
// the screen now showing, no published widget rectangle (the clickable parts, ui_map.h) may
// overlap another or leave the window, and none may be cut by its edge. A screenshot of each
// screen at each size lands in the session's screenshot dir as <percent>-<screen>.png.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "gui_session.h"

namespace gui {

// "home.add_resident overlaps home.search", "nav.lock outside the window": what is wrong here.
inline std::vector<std::string> layoutFaults(const nlohmann::json& map, int width, int height) {
  std::vector<std::pair<std::string, std::array<float, 4>>> items;
  if (map.contains("items"))
    for (const auto& [id, r] : map["items"].items())
      items.push_back({id, {r[0].get<float>(), r[1].get<float>(), r[2].get<float>(), r[3].get<float>()}});
  std::vector<std::string> faults;
  if (map.contains("cut"))
    for (const auto& id : map["cut"]) faults.push_back(id.get<std::string>() + " runs past the window's edge");
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& [id, a] = items[i];
    if (a[0] < -0.5f || a[1] < -0.5f || a[2] > static_cast<float>(width) + 0.5f ||
        a[3] > static_cast<float>(height) + 0.5f)
      faults.push_back(id + " outside the window");
    for (std::size_t j = i + 1; j < items.size(); ++j) {
      const auto& b = items[j].second;
      const float w = std::min(a[2], b[2]) - std::max(a[0], b[0]), h = std::min(a[3], b[3]) - std::max(a[1], b[1]);
      if (w > 1 && h > 1) faults.push_back(id + " overlaps " + items[j].first);
    }
  }
  return faults;
}

// The suite holds 100 % to it; GOCUA_LAYOUT_MAX_PERCENT=250 (scripts/bench.sh) walks the larger
// sizes too, for screenshots and the faults list, which takes a few minutes more.
inline int maxPercent() {
  const char* env = std::getenv("GOCUA_LAYOUT_MAX_PERCENT");
  return env ? std::clamp(std::atoi(env), 100, 250) : 100;
}

struct Grid {
  Session& s;
  int width, height;
  std::vector<std::string> faults;

  // The screen now showing: its screenshot under the percent (and name, when one screen has
  // several looks), and what overlaps on it.
  void look(int percent, const std::string& screen, const std::string& name = {}) {
    auto& d = *s.driver;
    REQUIRE_MESSAGE(d.waitScreen(screen), d.failure());
    d.settle(0.6);  // the map is written after the frame that drew it
    const auto shot = d.screenshot();
    if (!shot.empty())
      fs::rename(shot, shot.parent_path() / (std::to_string(percent) + "-" + (name.empty() ? screen : name) + ".png"));
    for (const auto& f : layoutFaults(d.map(), width, height))
      faults.push_back(std::to_string(width) + "x" + std::to_string(height) + " " + std::to_string(percent) + " % " +
                       (name.empty() ? screen : name) + ": " + f);
  }
  // False (and noted) when the button cannot be reached at this size, after the driver's wheel
  // has had time for its single notches (a short view at large text).
  bool go(const std::string& button, const std::string& screen, int percent) {
    auto& d = *s.driver;
    if (!d.click(button, 20)) {
      faults.push_back(std::to_string(width) + "x" + std::to_string(height) + " " + std::to_string(percent) +
                       " %: cannot reach " + button);
      return false;
    }
    look(percent, screen);
    return true;
  }
  // The faults into <build>/gui-screenshots/<file> (started afresh, or added to).
  void report(const std::string& file, bool fresh) const {
    std::ofstream out(fs::path(GOCUA_BINARY_DIR) / "gui-screenshots" / file, fresh ? std::ios::trunc : std::ios::app);
    for (const auto& f : faults) out << f << "\n";
    MESSAGE(faults.size(), " layout faults at ", width, "x", height, " (gui-screenshots/", file, ")");
  }
};

}  // namespace gui
