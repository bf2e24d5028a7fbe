#include "ui/widgets.h"

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include "core/i18n.h"
#include "core/text.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/typing_input.h"
#include "ui/ui_map.h"

namespace gocua::ui {

namespace {
ImVec4 vec(const float (&c)[4]) { return ImVec4(c[0], c[1], c[2], c[3]); }

// Hovered as a click would find it: a text field still being edited or a disabled look does not
// keep a button from taking the click.
constexpr ImGuiHoveredFlags kClickHover =
    ImGuiHoveredFlags_AllowWhenBlockedByActiveItem | ImGuiHoveredFlags_AllowWhenDisabled;
}  // namespace

void mark(const std::string& id) {
  // Only the part inside the clip rectangle can be clicked; a widget scrolled out of view is left
  // out, which tells the GUI test to scroll.
  if (!uiMap().enabled()) return;
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  const ImGuiViewport* view = ImGui::GetMainViewport();
  if (a.x < view->Pos.x - 0.5f || b.x > view->Pos.x + view->Size.x + 0.5f) uiMap().cut(id);
  if (!ImGui::IsItemVisible()) return;
  auto* draw = ImGui::GetWindowDrawList();
  const ImVec2 c0 = draw->GetClipRectMin(), c1 = draw->GetClipRectMax();
  if (const auto part = clickablePart({a.x, a.y, b.x, b.y}, {c0.x, c0.y, c1.x, c1.y})) markPart(id, *part);
  if ((GImGui->CurrentItemFlags & ImGuiItemFlags_Disabled) != 0) uiMap().disabled(id);
}

void markPart(const std::string& id, const UiRect& part) {
  if (!uiMap().enabled()) return;
  uiMap().add(id, part[0], part[1], part[2], part[3]);
  if (ImGui::IsItemHovered(kClickHover)) uiMap().hovered(id);
}

void markRect(const std::string& id, float x0, float y0, float x1, float y1) {
  if (!uiMap().enabled()) return;
  auto* draw = ImGui::GetWindowDrawList();
  const ImVec2 c0 = draw->GetClipRectMin(), c1 = draw->GetClipRectMax();
  if (const auto part = clickablePart({x0, y0, x1, y1}, {c0.x, c0.y, c1.x, c1.y})) {
    uiMap().add(id, (*part)[0], (*part)[1], (*part)[2], (*part)[3]);
    // Called before its widget: the window and the rectangle say whether the pointer is on it.
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
        ImGui::IsMouseHoveringRect(ImVec2((*part)[0], (*part)[1]), ImVec2((*part)[2], (*part)[3])))
      uiMap().hovered(id);
  }
  if ((GImGui->CurrentItemFlags & ImGuiItemFlags_Disabled) != 0) uiMap().disabled(id);
}

float availableWidth() { return ImGui::GetContentRegionAvail().x; }

bool button(const std::string& label, const std::string& id, ButtonKind kind, float width) {
  const float height = ImGui::GetFontSize() * 2.2f;
  const std::string full = label + "##" + id;
  int pushed = 0;
  // Inside BeginDisabled ImGui only fades the colours, and a faded primary button still reads as
  // the thing to press: a disabled button is flat, without the primary colour, its label muted.
  if ((GImGui->CurrentItemFlags & ImGuiItemFlags_Disabled) != 0) {
    const ImVec4 flat = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    ImGui::PushStyleColor(ImGuiCol_Button, flat);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, flat);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, flat);
    ImGui::PushStyleColor(ImGuiCol_Text, vec(palette().muted));
    pushed = 4;
  } else if (kind == ButtonKind::Primary) {
    const auto& p = palette();
    const ImVec4 base = vec(p.primary);
    ImGui::PushStyleColor(ImGuiCol_Button, base);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(base.x * 0.9f, base.y * 0.9f, base.z * 0.9f, 1));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(base.x * 0.8f, base.y * 0.8f, base.z * 0.8f, 1));
    ImGui::PushStyleColor(ImGuiCol_Text, vec(p.primaryText));
    pushed = 4;
  }
  if (width == 0) width = buttonWidthFor(label);
  if (width < 0) width = availableWidth();
  const bool clicked = ImGui::Button(full.c_str(), ImVec2(width, height));
  ImGui::PopStyleColor(pushed);
  mark(id);
  return clicked;
}

float buttonWidthFor(const std::string& label) {
  return ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 4;
}

void sameLineIfFits(float nextWidth) {
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + nextWidth <= right) ImGui::SameLine();
}

static bool normalizeOnLeave(std::string* value) {
  if (!ImGui::IsItemDeactivatedAfterEdit()) return false;
  // An input method may hand over decomposed Vietnamese; stored text is NFC.
  if (auto nfc = core::toNfc(*value); nfc.ok()) *value = *nfc;
  return true;
}

bool textField(const std::string& label, const std::string& id, std::string* value, int flags, const std::string& hint,
               TextKind kind) {
  if (!label.empty()) {
    ImGui::PushTextWrapPos(0);  // a long label wraps at large text instead of running off the window
    ImGui::TextUnformatted(label.c_str());
    ImGui::PopTextWrapPos();
    if (kind == TextKind::Words) typingNote(id + ".typing");
  }
  ImGui::SetNextItemWidth(-1);
  const std::string hidden = "##" + id;
  if (kind == TextKind::Words)
    typingInputText(hidden.c_str(), hint, value, flags);
  else if (hint.empty())
    ImGui::InputText(hidden.c_str(), value, flags);
  else
    ImGui::InputTextWithHint(hidden.c_str(), hint.c_str(), value, flags);
  mark(id);
  if (ImGui::IsItemActive()) uiMap().active(id, value);
  return normalizeOnLeave(value);
}

bool passwordField(const std::string& label, const std::string& id, std::string* value, bool* enterPressed) {
  if (!label.empty()) ImGui::TextUnformatted(label.c_str());
  ImGui::SetNextItemWidth(-1);
  const std::string hidden = "##" + id;
  const bool enter =
      ImGui::InputText(hidden.c_str(), value, ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
  mark(id);
  if (ImGui::IsItemActive()) uiMap().active(id, nullptr);
  if (enterPressed) *enterPressed = enter;
  return normalizeOnLeave(value);
}

void heading(const std::string& text) {
  ImGui::PushFont(fonts().heading);
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopFont();
  ImGui::Spacing();
}

void largeText(const std::string& text) {
  ImGui::PushFont(fonts().large);
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopFont();
}

static void coloured(const float (&c)[4], const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, vec(c));
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

void mutedText(const std::string& text) { coloured(palette().muted, text); }
void errorText(const std::string& text) { coloured(palette().error, text); }
void warningText(const std::string& text) { coloured(palette().warning, text); }
void okText(const std::string& text) { coloured(palette().ok, text); }

void trainingBanner() {
  const auto& p = palette();
  const float h = ImGui::GetFontSize() * 1.8f;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, vec(p.banner));
  ImGui::BeginChild("training-banner", ImVec2(0, h), false, ImGuiWindowFlags_NoScrollbar);
  const std::string text = i18n::tr("app.training_banner");
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  ImGui::SetCursorPos(ImVec2((ImGui::GetWindowWidth() - size.x) / 2, (h - size.y) / 2));
  ImGui::PushStyleColor(ImGuiCol_Text, vec(p.bannerText));
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopStyleColor();
  ImGui::EndChild();
  ImGui::PopStyleColor();
  mark("banner.training");
}

void progress(float fraction, const std::string& caption) {
  ImGui::ProgressBar(fraction, ImVec2(-1, ImGui::GetFontSize() * 1.6f), caption.c_str());
  mark("progress");
}

}  // namespace gocua::ui
