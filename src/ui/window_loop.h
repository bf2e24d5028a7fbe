// The event loop's pieces both desktop programs share: sleep until input or a wake, the few
// frames each change buys (model/frame_budget.h), and per frame: draw, a screenshot when a new
// screen has settled or F12 is pressed (GOCUA_SCREENSHOT_DIR), the frame time (GOCUA_FRAME_LOG),
// present. The program keeps its own loop around it: what to do between frames is its business.
#pragma once

#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "ui/model/display_settings.h"
#include "ui/model/frame_budget.h"
#include "ui/platform.h"

namespace gocua::ui {

// GOCUA_UI_MAP=FILE (and GOCUA_UI_MAP_KEY, 32 bytes in hex) turn on the GUI test's map (ui_map.h).
void enableUiMapFromEnvironment();

// Fonts and theme for these display settings (text size, contrast). platform: re-upload the
// font texture (not before the first frame).
void applyLooks(const DisplaySettings& settings, const std::filesystem::path& fontDir,
                const std::vector<std::uint16_t>& ranges, Platform* platform);

class WindowLoop {
 public:
  explicit WindowLoop(Platform& window);
  ~WindowLoop();
  WindowLoop(const WindowLoop&) = delete;
  WindowLoop& operator=(const WindowLoop&) = delete;

  // Sleeps until input or a wake arrives, or timeoutSeconds pass (0.05 .. 60); at once while
  // frames are owed. True when input arrived: the person's activity, for the idle lock.
  bool wait(double timeoutSeconds);
  // Something changed outside a frame (rebuilt fonts): draw a few frames.
  void changed() { frames_.changed(); }
  // One frame: draw() lays out the window and returns the name of the screen it shows after
  // drawing (a screen change inside the frame buys frames too).
  void frame(const std::string& screenBefore, const std::function<std::string()>& draw);

 private:
  void screenshot(const std::string& screen, bool f12);
  Platform& window_;
  FrameBudget frames_;
  // Screenshots: NN-<screen>.png each time a new screen has settled.
  std::filesystem::path shotsDir_;
  int shotCounter_ = 0;
  std::string lastScreen_;
  int settleFrames_ = -2;  // -2: the first screen has not been shot yet
  std::FILE* frameLog_ = nullptr;
};

}  // namespace gocua::ui
