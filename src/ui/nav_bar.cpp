#include "ui/nav_bar.h"

#include <imgui.h>

#include <algorithm>

#include "ui/widgets.h"

namespace gocua::ui {

std::optional<std::size_t> navButtons(const std::vector<NavItem>& items) {
  std::optional<std::size_t> clicked;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) sameLineIfFits(buttonWidthFor(items[i].label));  // a narrow window wraps the row
    if (button(items[i].label, items[i].id, items[i].current ? ButtonKind::Primary : ButtonKind::Normal)) clicked = i;
  }
  return clicked;
}

std::optional<std::size_t> navMenu(const std::string& goLabel, const std::vector<NavItem>& items, float width) {
  std::string current = items.empty() ? std::string() : items.front().label;
  for (const auto& item : items)
    if (item.current) current = item.label;
  // "Đi tới" before the drop-down when there is room for both; at the largest text on a small
  // screen the drop-down alone, showing the current screen, so the lock button stays on the row.
  const float minCombo = ImGui::GetFontSize() * 6;
  const float labelWidth = ImGui::CalcTextSize(goLabel.c_str()).x + ImGui::GetStyle().ItemSpacing.x;
  float comboWidth = std::max(width, minCombo);
  if (width - labelWidth >= minCombo) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(goLabel.c_str());
    ImGui::SameLine();
    comboWidth = width - labelWidth;
  }
  ImGui::SetNextItemWidth(comboWidth);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  markRect("nav.menu", pos.x, pos.y, pos.x + comboWidth, pos.y + ImGui::GetFrameHeight());  // before the popup
  std::optional<std::size_t> chosen;
  if (ImGui::BeginCombo("##nav", current.c_str(), ImGuiComboFlags_HeightLargest)) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (ImGui::Selectable(items[i].label.c_str(), items[i].current, 0, ImVec2(0, ImGui::GetFrameHeight())))
        chosen = i;
      mark(items[i].id);
    }
    ImGui::EndCombo();
  }
  return chosen;
}

}  // namespace gocua::ui
