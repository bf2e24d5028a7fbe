// strengthMeter: a coloured bar (weak red, medium amber, strong green) and the hint's words.
#include "ui/strength_meter.h"

#include <imgui.h>

#include <algorithm>

#include "core/i18n.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace gocua::ui {

void strengthMeter(const StrengthHint& hint) {
  const auto& p = palette();
  const float* c = hint.level == Strength::Strong ? p.ok : hint.level == Strength::Medium ? p.warning : p.error;
  ImGui::PushStyleColor(ImGuiCol_PlotHistogram, ImVec4(c[0], c[1], c[2], 1));
  ImGui::ProgressBar(std::max(0.08f, hint.score / 5.0f), ImVec2(-1, ImGui::GetFontSize() * 0.5f), "");
  ImGui::PopStyleColor();
  const std::string label = i18n::tr("ui.strength", {{"label", i18n::tr(hint.labelKey)}});
  if (hint.level == Strength::Strong)
    okText(label);
  else if (hint.level == Strength::Medium)
    warningText(label);
  else
    errorText(label);
  if (!hint.reasonKey.empty()) {
    ImGui::SameLine();
    mutedText(i18n::tr(hint.reasonKey));
  }
}

}  // namespace gocua::ui
