#include "office/model/settings_model.h"

#include "core/i18n.h"

namespace gocua::office {

bool SettingsModel::apply(OfficeModel& office) {
  draft.clampDisplay();
  auto& current = office.settings();
  const bool looks = draft.fontScalePercent != current.fontScalePercent || draft.highContrast != current.highContrast;
  current = draft;
  office.clearNotice();
  office.commitSettings();  // a failure to write the file becomes the notice
  if (office.notice().text.empty()) office.notify(i18n::tr("office.settings.saved"));
  return looks;
}

}  // namespace gocua::office
