// Drawing pieces shared by the sync and join screens: the folder picker (sticks and home as big
// buttons, the path field), a clickable file row, and the card that frames each panel.
// Own namespace: other screens have helpers with the same short names (beginCard...).
#pragma once

#include <string>

#include "ui/model/folder_picker.h"

namespace gocua::ui::panels {

// Ids: <prefix> (the path field), <prefix>.mount.<i>, <prefix>.home, <prefix>.refresh.
void drawFolderPicker(FolderPicker& picker, const std::string& idPrefix, double now);
// One file of a picker listing as a full-width selectable row; true when clicked. Id: id.
bool fileRow(const FolderFile& file, const std::string& id, bool selected);

// A framed panel whose height follows its content (measured on the previous frame).
// width 0 = the rest of the line.
void beginCard(const std::string& id, float width = 0);
void endCard();

// A counter: a big number over a short label, in a tinted box of the given width.
void statBox(const std::string& id, long long value, const std::string& label, float width, int tone);

}  // namespace gocua::ui::panels
