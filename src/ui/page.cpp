#include "ui/page.h"

#include <algorithm>

#include <imgui.h>
#include <imgui_internal.h>

#include "ui/theme.h"
#include "ui/ui_map.h"
#include "ui/widgets.h"

namespace gocua::ui {

void beginPage(const char* name) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0, 0, 0, 0));
  ImGui::Begin(name, nullptr, flags);
  ImGui::PopStyleColor();
}

void endPage() {
  ImGui::End();
  // Every area drawn this frame that scrolls up and down, so the GUI test wheels over the one
  // holding the widget it looks for (a screen may have two columns scrolling on their own).
  if (!uiMap().enabled()) return;
  for (const ImGuiWindow* w : GImGui->Windows)
    if (w->Active && !w->Hidden && w->ScrollMax.y > 0 && (w->Flags & ImGuiWindowFlags_NoScrollWithMouse) == 0)
      uiMap().scrollable(w->Name, w->InnerRect.Min.x, w->InnerRect.Min.y, w->InnerRect.Max.x, w->InnerRect.Max.y);
}

namespace {
// How tall the notice line was when last drawn: its text wraps to two lines or more at large text
// on a narrow window, and a reservation for one line cut the last one at the window's bottom.
float drawnNoticeHeight = 0;
}  // namespace

void beginScreenArea(const std::string& notice) {
  const float oneLine = ImGui::GetFontSize() * 2.2f + ImGui::GetStyle().ItemSpacing.y * 3;
  const float noticeHeight = notice.empty() ? 0 : std::max(oneLine, drawnNoticeHeight);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
  ImGui::BeginChild("screen", ImVec2(0, -noticeHeight), false);
  ImGui::PopStyleColor();
}

void endScreenArea() { ImGui::EndChild(); }

bool beginBodyAboveBar(const char* id, float barHeight) {
  constexpr float kMinBodyLines = 6;
  if (ImGui::GetContentRegionAvail().y - barHeight < ImGui::GetFontSize() * kMinBodyLines) return false;
  ImGui::BeginChild(id, ImVec2(0, -barHeight), false);
  return true;
}

void endBodyAboveBar(bool boxed) {
  if (boxed) ImGui::EndChild();
}

bool noticeLine(const std::string& text, bool error, const std::string& dismissLabel, const std::string& brief) {
  if (text.empty()) return false;
  const float top = ImGui::GetCursorPosY();
  ImGui::Separator();
  // The message wraps in the space left of the dismiss button.
  const float width = ImGui::CalcTextSize(dismissLabel.c_str()).x + ImGui::GetStyle().FramePadding.x * 4;
  const float textRight = ImGui::GetWindowContentRegionMax().x - width - ImGui::GetStyle().ItemSpacing.x;
  const auto& p = palette();
  const float* c = error ? p.error : p.ok;
  ImGui::AlignTextToFramePadding();
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(c[0], c[1], c[2], c[3]));
  // At large text on a small screen a second line takes room the screen above needs more.
  const bool wraps = ImGui::CalcTextSize(text.c_str()).x > textRight - ImGui::GetCursorPosX();
  const std::string& shown = wraps && !brief.empty() ? brief : text;
  ImGui::PushTextWrapPos(textRight);
  ImGui::TextUnformatted(shown.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - width);
  const bool dismissed = button(dismissLabel, "notice.dismiss", ButtonKind::Normal, width);
  drawnNoticeHeight = ImGui::GetCursorPosY() - top + ImGui::GetStyle().ItemSpacing.y;
  return dismissed;
}

}  // namespace gocua::ui
