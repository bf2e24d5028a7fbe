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
#include "layout_check.h"

using gui::Grid;
using gui::maxPercent;

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
      if (!d.click("home.row.0", 20))  // a short view at large text: time to scroll
        grid.faults.push_back(size + " " + std::to_string(percent) + " %: cannot reach home.row.0");
      else if (grid.go("home.new_application", "application", percent))
        REQUIRE_MESSAGE(d.click("nav.home"), d.failure());
      // Presentation mode: the chooser, then a guide's first step full window; the right arrow
      // turns the page and Esc goes back to the chooser.
      if (grid.go("home.present", "presentation", percent)) {
        if (d.click("present.guide.birth_registration", 20)) {  // a short view at large text: time to scroll
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
    grid.report("layout-faults.txt", size == "1280x800");
  }
}
