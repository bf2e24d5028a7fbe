#include "office/ui/filter_combo.h"

#include <imgui.h>

#include "ui/widgets.h"

namespace gocua::office::window {

using namespace gocua::ui;

bool filterCombo(const std::string& id, const std::string& label, float width,
                 const std::vector<std::pair<std::string, std::string>>& options, std::string& value) {
  ImGui::BeginGroup();
  ImGui::TextUnformatted(label.c_str());
  std::string preview = options.front().second;
  for (const auto& [v, text] : options)
    if (v == value) preview = text;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  markRect(id, pos.x, pos.y, pos.x + width, pos.y + ImGui::GetFrameHeight());
  ImGui::SetNextItemWidth(width);
  const bool open = ImGui::BeginCombo(("##" + id).c_str(), preview.c_str(), ImGuiComboFlags_HeightLarge);
  bool changed = false;
  if (open) {
    for (std::size_t i = 0; i < options.size(); ++i) {
      if (ImGui::Selectable((options[i].second + "##" + std::to_string(i)).c_str(), options[i].first == value, 0,
                            ImVec2(0, ImGui::GetFontSize() * 1.6f))) {
        changed = options[i].first != value;
        value = options[i].first;
      }
      mark(id + "." + std::to_string(i));
    }
    ImGui::EndCombo();
  }
  ImGui::EndGroup();
  return changed;
}

}  // namespace gocua::office::window
