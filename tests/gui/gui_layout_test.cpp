// Large text and small screens: on a 1280×800 and a 1024×600 display, at 100, 150, 200 and 250 %
// text (Ctrl + steps it, as a volunteer would), every screen a volunteer reaches is visited; no
// published widget rectangle (the clickable parts, ui_map.h) may overlap another or leave the
// window. A screenshot of each screen at each size lands in <build>/gui-screenshots/layout-WxH/
// named <percent>-<screen>.png, for a person to look at.
//
// Where it stands: 100 % is held to it on both screens. At 150-250 % the layout is not there yet
// (issue 16): what overlaps, and any screen that cannot be reached, is listed in
// <build>/gui-screenshots/layout-faults.txt and in the test's output instead of failing it.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fstream>

#include "gui_session.h"

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

// "home.add_resident overlaps home.search", "nav.lock outside the window": what is wrong here.
std::vector<std::string> layoutFaults(const json& map, int width, int height) {
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

struct Grid {
  gui::Session& s;
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
  // False (and noted) when the button cannot be reached at this size.
  bool go(const std::string& button, const std::string& screen, int percent) {
    auto& d = *s.driver;
    if (!d.click(button, 3)) {
      faults.push_back(std::to_string(width) + "x" + std::to_string(height) + " " + std::to_string(percent) +
                       " %: cannot reach " + button);
      return false;
    }
    look(percent, screen);
    return true;
  }
};

}  // namespace

// The suite holds 100 % to it; GOCUA_LAYOUT_MAX_PERCENT=250 (scripts/bench.sh) walks the larger
// sizes too, for screenshots and the faults list, which takes a few minutes more.
int maxPercent() {
  const char* env = std::getenv("GOCUA_LAYOUT_MAX_PERCENT");
  return env ? std::clamp(std::atoi(env), 100, 250) : 100;
}

TEST_CASE("gui: at 100-250 % text on 1280x800 and 1024x600, no widget overlaps another or leaves the window") {
  for (const auto& [width, height] : {std::pair{1280, 800}, std::pair{1024, 600}}) {
    const std::string size = std::to_string(width) + "x" + std::to_string(height);
    CAPTURE(size);
    gui::Session s("layout-" + size, width, height);
    s.sandbox.init("Lan", true);
    REQUIRE(s.sandbox.ctl({"demo-data", "--residents", "60", "--seed", "4"}).exitCode == 0);
    REQUIRE_MESSAGE(s.start({"--window-width", std::to_string(width), "--window-height", std::to_string(height)}),
                    it::readFile(s.log()));
    auto& d = *s.driver;
    REQUIRE_MESSAGE(d.waitScreen("unlock"), d.lastError());
    Grid grid{s, width, height, {}};
    grid.look(100, "unlock");
    REQUIRE(d.fill("unlock.passphrase", s.sandbox.passphrase));
    d.key("Return");
    REQUIRE_MESSAGE(d.waitScreen("home", 30), d.failure());
    for (int percent = 100; percent <= maxPercent(); percent += 50) {
      if (percent > 100) {
        d.key("ctrl+equal");  // one step larger, as a volunteer would
        d.settle(1.0);
      }
      const std::size_t before = grid.faults.size();
      grid.look(percent, "home");
      // Each trip starts from Home and goes back there; a trip that cannot start is noted.
      for (const auto& [button, screen] :
           {std::pair{"nav.sync", "sync"}, std::pair{"nav.settings", "settings"},
            std::pair{"home.sessions", "sessions"}, std::pair{"home.scenarios", "scenarios"},
            std::pair{"home.add_resident", "resident"}}) {
        if (grid.go(button, screen, percent)) REQUIRE_MESSAGE(d.click("nav.home"), d.failure());
        REQUIRE(d.waitScreen("home"));
      }
      if (d.click("home.row.0", 3) && grid.go("home.new_application", "application", percent))
        REQUIRE_MESSAGE(d.click("nav.home"), d.failure());
      // Presentation mode: the chooser, then a guide's first step full window; the right arrow
      // turns the page and Esc goes back to the chooser.
      if (grid.go("home.present", "presentation", percent)) {
        if (d.click("present.guide.birth_registration", 3)) {
          d.key("Right");
          d.settle(0.6);
          CHECK_MESSAGE(d.map()["items"].contains("present.page.2"), d.map().dump());
          grid.look(percent, "presentation", "presentation-step");
          d.key("Escape");
          d.settle(0.6);
        } else {
          grid.faults.push_back(size + " " + std::to_string(percent) + " %: cannot reach a guide to present");
        }
        REQUIRE_MESSAGE(d.click("nav.home"), d.failure());
        REQUIRE(d.waitScreen("home"));
      }
      if (percent == 100) {  // held to it
        std::string here;
        for (std::size_t i = before; i < grid.faults.size(); ++i) here += grid.faults[i] + "\n";
        CHECK_MESSAGE(grid.faults.size() == before, here);
      }
    }
    s.app->stop();
    std::ofstream report(fs::path(GOCUA_BINARY_DIR) / "gui-screenshots" / "layout-faults.txt",
                         size == "1280x800" ? std::ios::trunc : std::ios::app);
    for (const auto& f : grid.faults) report << f << "\n";
    MESSAGE(grid.faults.size(), " layout faults at ", size, " (gui-screenshots/layout-faults.txt)");
  }
}
