#include "app/model/settings_model.h"

#include <ctime>

#include "core/i18n.h"

namespace gocua::app {

bool SettingsModel::apply(AppModel& app) {
  draft.clamp();
  draft.languageChosen = true;
  Settings& live = app.settings();
  const bool looks = live.fontScalePercent != draft.fontScalePercent || live.highContrast != draft.highContrast;
  live = draft;
  if (live.typing != core::TypingMethod::Off) lastTyping_ = live.typing;
  app.commitSettings();
  app.notify(i18n::tr("app.settings.saved"));
  return looks;
}

void SettingsModel::toggleTyping(AppModel& app) {
  Settings& live = app.settings();
  if (live.typing != core::TypingMethod::Off) lastTyping_ = live.typing;
  live.typing = live.typing == core::TypingMethod::Off ? lastTyping_ : core::TypingMethod::Off;
  draft.typing = live.typing;
  app.commitSettings();
}

bool SettingsModel::stepTextSize(AppModel& app, int steps) {
  Settings& live = app.settings();
  const int before = live.fontScalePercent;
  live.fontScalePercent += steps * kTextSizeStep;
  live.clamp();
  draft.fontScalePercent = live.fontScalePercent;
  if (live.fontScalePercent == before) return false;
  app.commitSettings();
  const i18n::Args percent{{"percent", std::to_string(live.fontScalePercent)}};
  // The new size is there to see: the notice only names it, and goes by itself.
  app.notifyBriefly(i18n::tr("app.settings.text_size", percent), i18n::tr("app.settings.text_size_brief", percent),
                    kTextSizeNoticeSeconds);
  return true;
}

bool SettingsModel::resetTextSize(AppModel& app) {
  return stepTextSize(app, (100 - app.settings().fontScalePercent) / kTextSizeStep);
}

bool SettingsModel::resetTraining(AppModel& app) {
  confirmingTrainingReset = false;
  auto* session = app.session();
  if (!session || !app.training()) return false;
  auto made = session->resetTraining(kTrainingResidents, static_cast<std::uint64_t>(std::time(nullptr)));
  if (!made) {
    app.notify(i18n::message(made.error()), true);
    return false;
  }
  app.notify(i18n::tr("app.settings.training_reset_done", {{"count", std::to_string(*made)}}));
  return true;
}

}  // namespace gocua::app
