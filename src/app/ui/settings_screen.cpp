// Settings: language, text size, contrast, idle lock, Vietnamese typing. Applied with one button.
#include <imgui.h>

#include "app/ui/screens.h"
#include "app/ui/typing_input.h"
#include "app/ui/widgets.h"
#include "core/i18n.h"

namespace gocua::app::ui {

void drawSettings(App& app) {
  auto& d = app.settings.draft;
  heading(i18n::tr("app.settings.title"));
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
  d.clamp();
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
  if (!app.model.training()) {  // a training copy never syncs: nothing to switch
    ImGui::Checkbox(i18n::tr("app.settings.auto_sync").c_str(), &d.autoSync);
    mark("settings.auto_sync");
    ImGui::Spacing();
  }
  if (button(i18n::tr("app.settings.apply"), "settings.apply", ButtonKind::Primary)) {
    app.looksChanged = app.settings.apply(app.model) || app.looksChanged;
    app.autoSync.open(app.model);  // switched on or off
  }

  if (!app.model.training()) return;
  ImGui::Spacing();
  ImGui::Separator();
  heading(i18n::tr("app.settings.training_title"));
  mutedText(i18n::tr("app.settings.training_explain", {{"count", std::to_string(SettingsModel::kTrainingResidents)}}));
  if (!app.settings.confirmingTrainingReset) {
    if (button(i18n::tr("app.settings.training_reset"), "settings.training_reset"))
      app.settings.confirmingTrainingReset = true;
    return;
  }
  warningText(i18n::tr("app.settings.training_reset_confirm"));
  if (button(i18n::tr("app.settings.training_reset_yes"), "settings.training_reset.yes", ButtonKind::Primary) &&
      app.settings.resetTraining(app.model))
    goHome(app);
  ImGui::SameLine();
  if (button(i18n::tr("app.settings.training_reset_no"), "settings.training_reset.no"))
    app.settings.confirmingTrainingReset = false;
}

}  // namespace gocua::app::ui
