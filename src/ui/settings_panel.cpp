#include "ui/settings_panel.h"

#include <imgui.h>

#include "core/i18n.h"
#include "ui/typing_input.h"
#include "ui/widgets.h"

namespace gocua::ui {

void drawDisplaySettings(DisplaySettings& d) {
  ImGui::TextUnformatted(i18n::tr("app.settings.language").c_str());
  if (ImGui::RadioButton((i18n::tr("app.lang.vi") + "##lang-vi").c_str(), d.lang == i18n::Lang::Vi))
    d.lang = i18n::Lang::Vi;
  mark("settings.lang.vi");
  ImGui::SameLine();
  if (ImGui::RadioButton((i18n::tr("app.lang.en") + "##lang-en").c_str(), d.lang == i18n::Lang::En))
    d.lang = i18n::Lang::En;
  mark("settings.lang.en");
  ImGui::Spacing();
  ImGui::TextUnformatted(i18n::tr("app.settings.font_scale").c_str());
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  ImGui::SliderInt("##font-scale", &d.fontScalePercent, 100, 250, "%d %%");
  mark("settings.font_scale");
  d.clampDisplay();
  ImGui::Spacing();
  ImGui::Checkbox(i18n::tr("app.settings.high_contrast").c_str(), &d.highContrast);
  mark("settings.high_contrast");
  ImGui::Spacing();
  ImGui::TextUnformatted(i18n::tr("app.settings.idle_lock").c_str());
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  ImGui::SliderInt("##idle-lock", &d.idleLockMinutes, 1, 60);
  mark("settings.idle_lock");
  ImGui::Spacing();
  ImGui::TextUnformatted(i18n::tr("app.settings.typing").c_str());
  for (const auto method : {core::TypingMethod::Off, core::TypingMethod::Telex, core::TypingMethod::Vni}) {
    const std::string name(core::typingMethodName(method));
    if (method != core::TypingMethod::Off) ImGui::SameLine();
    if (ImGui::RadioButton((typingMethodLabel(method) + "##typing-" + name).c_str(), d.typing == method))
      d.typing = method;
    mark("settings.typing." + name);
  }
  mutedText(i18n::tr("app.settings.typing_explain"));
  ImGui::Spacing();
}

}  // namespace gocua::ui
