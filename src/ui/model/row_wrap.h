// Rows of buttons without a window: how many rows a run of widths takes when wrapped greedily
// into a width, as widgets.h's sameLineIfFits wraps them. The top bars fold their screen buttons
// into one drop-down when these rows would take the screen's room.
#pragma once

#include <vector>

namespace gocua::ui {

int wrappedRows(const std::vector<float>& widths, float avail, float spacing);

}  // namespace gocua::ui
