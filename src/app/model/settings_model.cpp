#include "app/model/settings_model.h"

#include "core/i18n.h"

namespace gocua::app {

bool SettingsModel::apply(AppModel& app) {
  draft.clamp();
  draft.languageChosen = true;
  Settings& live = app.settings();
  const bool looks = live.fontScalePercent != draft.fontScalePercent || live.highContrast != draft.highContrast;
  live = draft;
  app.commitSettings();
  app.notify(i18n::tr("app.settings.saved"));
  return looks;
}

}  // namespace gocua::app
