// The desk's settings screen: a draft of the display settings (language, text size 100–250 %,
// high contrast, idle lock, Vietnamese typing), applied in one go so a half-moved slider never
// rebuilds the fonts on every frame.
#pragma once

#include "office/model/office_model.h"

namespace gocua::office {

class SettingsModel {
 public:
  void open(OfficeModel& office) { draft = office.settings(); }
  ui::DisplaySettings draft;
  // Writes the draft to the office (and its settings file). True when the text size or contrast
  // changed: the window rebuilds its fonts and theme.
  bool apply(OfficeModel& office);
  void reset() { draft = {}; }
  bool holdsPlaintext() const { return false; }
};

}  // namespace gocua::office
