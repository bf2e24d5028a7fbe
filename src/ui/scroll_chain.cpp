#include "ui/scroll_chain.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace gocua::ui {

float wheelPastListEnd() {
  const float wheel = ImGui::GetIO().MouseWheel;
  if (wheel == 0 || ImGui::GetScrollMaxY() <= 0 || !ImGui::IsWindowHovered()) return 0;
  const bool atTop = ImGui::GetScrollY() <= 0, atBottom = ImGui::GetScrollY() >= ImGui::GetScrollMaxY();
  return (wheel > 0 && atTop) || (wheel < 0 && atBottom) ? wheel : 0;
}

void scrollPageBy(float wheel) {
  if (wheel == 0 || ImGui::GetScrollMaxY() <= 0) return;
  // ImGui's own step for one notch (imgui.cpp, UpdateMouseWheel).
  const float step = std::floor(std::min(5 * ImGui::GetFontSize(), ImGui::GetWindowHeight() * 0.67f));
  ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() - wheel * step, 0.0f, ImGui::GetScrollMaxY()));
}

}  // namespace gocua::ui
