// The app's own Vietnamese typing inside ImGui text fields: typed keys are held back from ImGui
// and run through the Telex/VNI engine (core/vietnamese_typing.h) on the word before the cursor.
// Only the fields that hold words (names, addresses, notes) use it; see widgets.h TextKind.
#pragma once

#include <string>

#include "core/vietnamese_typing.h"

namespace gocua::ui {

// The method for this frame, from the settings (main sets it before drawing).
void setTypingMethod(core::TypingMethod method);
core::TypingMethod typingMethod();

// "Telex", "VNI" (names, the same in every language), or "Tắt" / "Off".
std::string typingMethodLabel(core::TypingMethod method);

// ImGui::InputText / InputTextWithHint (hint may be empty) with the typing method applied to
// keys typed on the keyboard; pasted text goes in as it is. Returns what ImGui returns.
bool typingInputText(const char* label, const std::string& hint, std::string* value, int flags);

// "Gõ: Telex · F2" at the right end of the current line (after a field's label); in the UI map
// as id + ".telex" / ".vni" / ".off".
void typingNote(const std::string& id);

}  // namespace gocua::ui
