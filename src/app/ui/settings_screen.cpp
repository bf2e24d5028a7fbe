// Settings: language, text size, contrast, idle lock, Vietnamese typing. Applied with one button.
#include <imgui.h>

#include "app/ui/screens.h"
#include "core/i18n.h"
#include "ui/settings_panel.h"
#include "ui/widgets.h"

namespace gocua::app::ui {

void drawSettings(App& app) {
  auto& d = app.settings.draft;
  heading(i18n::tr("app.settings.title"));
  drawDisplaySettings(d);
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
