// Settings: the display settings both programs share, applied with one button.
#include "core/i18n.h"
#include "office/ui/office_app.h"
#include "ui/settings_panel.h"
#include "ui/widgets.h"

namespace gocua::office::window {

void drawSettings(OfficeApp& app) {
  heading(i18n::tr("office.settings.title"));
  drawDisplaySettings(app.settings.draft);
  if (button(i18n::tr("app.settings.apply"), "settings.apply", ButtonKind::Primary))
    app.looksChanged = app.settings.apply(app.model) || app.looksChanged;
}

}  // namespace gocua::office::window
