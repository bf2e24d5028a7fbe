// The row of screen buttons both programs put in their top bar, and what it becomes at a large
// text size on a small screen: one "Đi tới" drop-down of the same screens, its items published
// in the UI map under the buttons' ids so a test clicks the same names either way.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace gocua::ui {

struct NavItem {
  std::string label;
  std::string id;  // "nav.home"
  bool current = false;
};

// Buttons wrapped to the window's width; the index clicked, if any.
std::optional<std::size_t> navButtons(const std::vector<NavItem>& items);

// "Đi tới" and a drop-down of the items, width wide (label included; left out when only the
// drop-down fits); the index chosen, if any.
std::optional<std::size_t> navMenu(const std::string& goLabel, const std::vector<NavItem>& items, float width);

}  // namespace gocua::ui
