// No hub in the data dir: say so plainly and what the person in charge does about it.
#include <imgui.h>

#include "core/i18n.h"
#include "office/ui/office_app.h"
#include "ui/widgets.h"

namespace gocua::office::window {

void drawNoHub(OfficeApp& app) {
  heading(i18n::tr("office.no_hub.title"));
  if (!app.model.openError().empty()) errorText(app.model.openError());
  mutedText(i18n::tr("office.no_hub.explain", {{"dir", app.model.options().dataDir.string()}}));
}

}  // namespace gocua::office::window
