// Typed keys reach an ImGui text field as a character filter call each, in order, while ImGui's
// input queue holds them; the filter keeps them back, and the callback ImGui makes afterwards in
// the same frame (CallbackAlways) puts them in at the cursor: letters through the engine on the
// word before the cursor, anything else as it is. Holding back every key, not just the letters,
// keeps their order when several arrive in one frame ("Thij Hoaf" typed fast).
#include "ui/typing_input.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <vector>

#include "core/i18n.h"
#include "core/text.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace gocua::ui {

namespace {

core::TypingMethod g_method = core::TypingMethod::Telex;

struct HeldKeys {
  core::TypingMethod method;
  std::vector<ImWchar> keys;
};

bool isWordByte(char c) {
  const auto b = static_cast<unsigned char>(c);
  // Bytes of non-ASCII letters (ư, ễ, …) are all >= 0x80, so the word can be found bytewise.
  return b >= 0x80 || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
}

void insertAtCursor(ImGuiInputTextCallbackData* d, const std::string& text) {
  d->InsertChars(d->CursorPos, text.data(), text.data() + text.size());
}

void typeHeldKeys(ImGuiInputTextCallbackData* d, HeldKeys& held) {
  if (d->SelectionStart != d->SelectionEnd) {  // typing over a selection replaces it
    const int lo = std::min(d->SelectionStart, d->SelectionEnd), hi = std::max(d->SelectionStart, d->SelectionEnd);
    d->DeleteChars(lo, hi - lo);
    d->CursorPos = lo;
  }
  for (const ImWchar c : held.keys) {
    if (c >= 0x80 || !core::isTypingKey(static_cast<char>(c), held.method)) {
      insertAtCursor(d, std::string(core::encodeUtf8(c).view()));
      continue;
    }
    int start = d->CursorPos;
    while (start > 0 && isWordByte(d->Buf[start - 1])) --start;
    const std::string word(d->Buf + start, static_cast<std::size_t>(d->CursorPos - start));
    const std::string typed = core::typeKey(word, static_cast<char>(c), held.method);
    d->DeleteChars(start, d->CursorPos - start);
    insertAtCursor(d, typed);
  }
  held.keys.clear();
}

int typingCallback(ImGuiInputTextCallbackData* d) {
  auto& held = *static_cast<HeldKeys*>(d->UserData);
  if (d->EventFlag == ImGuiInputTextFlags_CallbackCharFilter) {
    // Pasted text is filtered after ImGui has emptied its queue of typed keys: let it through.
    if (ImGui::GetIO().InputQueueCharacters.Size == 0) return 0;
    held.keys.push_back(d->EventChar);
    return 1;
  }
  if (d->EventFlag == ImGuiInputTextFlags_CallbackAlways && !held.keys.empty()) typeHeldKeys(d, held);
  return 0;
}

}  // namespace

void setTypingMethod(core::TypingMethod method) { g_method = method; }
core::TypingMethod typingMethod() { return g_method; }

std::string typingMethodLabel(core::TypingMethod method) {
  switch (method) {
    case core::TypingMethod::Telex:
      return "Telex";
    case core::TypingMethod::Vni:
      return "VNI";
    case core::TypingMethod::Off:
      break;
  }
  return i18n::tr("app.typing.off");
}

bool typingInputText(const char* label, const std::string& hint, std::string* value, int flags) {
  HeldKeys held{g_method, {}};
  ImGuiInputTextCallback callback = nullptr;
  if (g_method != core::TypingMethod::Off) {
    flags |= ImGuiInputTextFlags_CallbackCharFilter | ImGuiInputTextFlags_CallbackAlways;
    callback = typingCallback;
  }
  if (hint.empty()) return ImGui::InputText(label, value, flags, callback, &held);
  return ImGui::InputTextWithHint(label, hint.c_str(), value, flags, callback, &held);
}

void typingNote(const std::string& id) {
  const std::string note = i18n::tr("app.typing.note", {{"method", typingMethodLabel(g_method)}});
  const float width = ImGui::CalcTextSize(note.c_str()).x;
  sameLineIfFits(width);  // beside the label, or under it when a long label at large text leaves no room
  const float avail = ImGui::GetContentRegionAvail().x;
  if (avail > width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - width);
  const auto& c = palette().muted;
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(c[0], c[1], c[2], c[3]));
  ImGui::TextUnformatted(note.c_str());
  ImGui::PopStyleColor();
  mark(id + "." + std::string(core::typingMethodName(g_method)));  // the GUI test reads the mode here
}

}  // namespace gocua::ui
