// The app's few building blocks on top of ImGui, so every screen looks the same: big buttons,
// labelled fields that normalise to NFC when left, headings, messages, the training banner.
// Each takes a stable id (also the GUI test's name for it, see ui_map.h).
#pragma once

#include <string>

#include "ui/ui_map.h"

namespace gocua::ui {

// Records the last item's rectangle under id for the GUI test.
void mark(const std::string& id);
// The same for the clickable part of the last item, already clipped (a list row under a frozen
// header).
void markPart(const std::string& id, const UiRect& part);
// The same for a rectangle about to be drawn (a combo, whose popup replaces the last item): call
// it before the widget, so the clip rectangle is the one the frame is drawn under.
void markRect(const std::string& id, float x0, float y0, float x1, float y1);

enum class ButtonKind { Primary, Normal };
// A button at least 48 px (scaled) tall. width 0 = fit the label; -1 = the rest of the line.
bool button(const std::string& label, const std::string& id, ButtonKind kind = ButtonKind::Normal, float width = 0);

// What a text field holds. Words (names, addresses, notes) get the app's own Telex/VNI typing
// (typing_input.h) and show the method by the label; Plain (ID numbers, phones, dates, paths,
// addresses of servers) take keys as typed.
enum class TextKind { Plain, Words };

// A label above a full-width text box. Returns true once when the volunteer leaves the field
// after editing it (the moment to validate); the text is then NFC. Flags as ImGuiInputTextFlags.
bool textField(const std::string& label, const std::string& id, std::string* value, int flags = 0,
               const std::string& hint = {}, TextKind kind = TextKind::Plain);
bool passwordField(const std::string& label, const std::string& id, std::string* value, bool* enterPressed);

void heading(const std::string& text);
void largeText(const std::string& text);
void mutedText(const std::string& text);
void errorText(const std::string& text);
void warningText(const std::string& text);
void okText(const std::string& text);

// The permanent strip on every screen of a training workspace.
void trainingBanner();
// A progress bar with a caption ("Đang tải lên… 3,2 / 10 MB").
void progress(float fraction, const std::string& caption);
// Horizontal space the rest of the line has.
float availableWidth();
// The width button() gives a label (width 0).
float buttonWidthFor(const std::string& label);
// Puts the next item of this width beside the last one when it fits in the window, else on the
// next line: rows of buttons wrap instead of running off the edge at large text sizes.
void sameLineIfFits(float nextWidth);

}  // namespace gocua::ui
