// The frame both programs draw every screen in: one full-window ImGui window, the screen's area,
// and the notice line at the bottom (a message in the ok or error colour, wrapped left of its
// dismiss button, id "notice.dismiss").
#pragma once

#include <string>

namespace gocua::ui {

// The full-window page (transparent: Platform::endFrame clears to the page colour, which on
// software GL is cheaper than a full-window rectangle).
void beginPage(const char* name);
void endPage();

// The screen's area: what is left above a notice line holding text (none when empty).
void beginScreenArea(const std::string& notice);
void endScreenArea();

// A screen's body above its action bar (barHeight tall): the body scrolls in a box of its own and
// the bar stays in view. When the screen cannot give that box a few lines (large text on a small
// screen) there is no box: the body and the bar after it scroll with the screen as one, so no
// field is squeezed to nothing. Returns whether the box was opened; pass it to endBodyAboveBar.
bool beginBodyAboveBar(const char* id, float barHeight);
void endBodyAboveBar(bool boxed);

// The notice line (nothing when text is empty); true when the dismiss button was pressed. A
// brief, when given, is shown instead of a text that would wrap.
bool noticeLine(const std::string& text, bool error, const std::string& dismissLabel, const std::string& brief = {});

}  // namespace gocua::ui
