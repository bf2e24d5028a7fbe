// --window-width / --window-height, the same for both windows: 1280×800 by default, 1024×600 for
// a small laptop (the GUI tests and the layout grid open the windows at both).
#pragma once

#include <CLI/CLI.hpp>

#include "core/i18n.h"

namespace gocua::ui {

struct WindowSize {
  int width = 1280, height = 800;
};

inline void addWindowSizeOptions(CLI::App& cli, WindowSize& size) {
  cli.add_option("--window-width", size.width, i18n::tr("ui.opt.window_width"))->check(CLI::Range(640, 7680));
  cli.add_option("--window-height", size.height, i18n::tr("ui.opt.window_height"))->check(CLI::Range(480, 4320));
}

}  // namespace gocua::ui
