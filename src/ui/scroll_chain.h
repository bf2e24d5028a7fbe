// Wheel chaining for a scrolling list inside a scrolling page (Home and the desk's queue at large
// text): a wheel turned over the list once it is at its end in that direction scrolls the page, as
// in a web browser. Without it, the buttons above the list cannot be reached with the wheel while
// the pointer is over the list. ImGui passes the wheel on only when the list cannot scroll at all.
#pragma once

namespace gocua::ui {

// Call inside the list (between BeginTable and EndTable of a ScrollY table, or in a child window):
// the wheel amount it could not take, 0 when none.
float wheelPastListEnd();

// Call after the list, in the page: scrolls it by what the list passed on.
void scrollPageBy(float wheel);

}  // namespace gocua::ui
