#include "ui/folder_picker_widget.h"

#include <imgui.h>

#include <unordered_map>
#include <vector>

#include "core/i18n.h"
#include "ui/fonts.h"
#include "ui/model/errors.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace gocua::ui::panels {

namespace {
std::unordered_map<ImGuiID, float> cardHeights;
// Each open card, and whether ImGui draws it: a card scrolled fully out of view skips its
// content, and its height measured then would be that of an empty card.
struct OpenCard {
  ImGuiID key;
  bool drawn;
};
std::vector<OpenCard> cardStack;

ImVec4 vec(const float (&c)[4], float alpha = 1) { return ImVec4(c[0], c[1], c[2], alpha); }
}  // namespace

void drawFolderPicker(FolderPicker& picker, const std::string& idPrefix, double now) {
  picker.tick(now);
  const auto& places = picker.places();
  bool anyStick = false;
  for (std::size_t i = 0; i < places.size(); ++i) {
    const auto& place = places[i];
    const bool chosen = picker.folder() == place.path;
    const std::string label =
        place.removable ? i18n::tr("app.folder.usb", {{"name", place.name}}) : i18n::tr("app.folder.home");
    const std::string id = place.removable ? idPrefix + ".mount." + std::to_string(i) : idPrefix + ".home";
    anyStick = anyStick || place.removable;
    if (i > 0) {
      const float w = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 4;
      if (w < ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) ImGui::SameLine();
    }
    // The chosen place looks selected (the list's highlight), not like the screen's main action.
    if (chosen) {
      ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_HeaderActive));
      ImGui::PushStyleColor(ImGuiCol_Border, ImGui::GetStyleColorVec4(ImGuiCol_CheckMark));
    }
    if (button(label, id, ButtonKind::Normal)) picker.choose(i);
    if (chosen) ImGui::PopStyleColor(2);
  }
  ImGui::SameLine();
  if (button(i18n::tr("app.folder.refresh"), idPrefix + ".refresh")) {
    picker.refresh();
    picker.rescan();
  }
  if (!anyStick) mutedText(i18n::tr("app.folder.no_usb"));
  if (textField(i18n::tr("app.folder.path"), idPrefix, &picker.path)) picker.edited();
  if (ImGui::IsItemEdited()) picker.edited();
  if (!picker.path.empty() && !picker.exists()) errorText(i18n::message(Error::make(err::kFolderMissing)));
}

bool fileRow(const FolderFile& file, const std::string& id, bool selected) {
  const std::string text =
      i18n::tr("app.folder.file_row",
               {{"name", file.name}, {"date", localDateTime(file.modified)}, {"size", formatBytes(file.bytes)}});
  const bool clicked =
      ImGui::Selectable((text + "##" + id).c_str(), selected, 0, ImVec2(0, ImGui::GetFontSize() * 1.8f));
  mark(id);
  return clicked;
}

void beginCard(const std::string& id, float width) {
  const ImGuiID key = ImGui::GetID(id.c_str());
  const auto it = cardHeights.find(key);
  const float height = it == cardHeights.end() ? ImGui::GetFontSize() * 3 : it->second;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(ImGuiCol_WindowBg));
  ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 10);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(18, 14));
  const bool drawn = ImGui::BeginChild(
      key, ImVec2(width, height), true,
      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_AlwaysUseWindowPadding);
  cardStack.push_back({key, drawn});
}

void endCard() {
  const float content = ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + ImGui::GetStyle().WindowPadding.y;
  if (!cardStack.empty()) {
    // Keep the height of a card out of view: shrunk, it would shorten the list it is in, and
    // the list's scroll position would jump back towards the top.
    if (cardStack.back().drawn) cardHeights[cardStack.back().key] = content;
    cardStack.pop_back();
  }
  ImGui::EndChild();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor();
}

void statBox(const std::string& id, long long value, const std::string& label, float width, int tone) {
  const auto& p = palette();
  const float pad = 12;
  const float height = ImGui::GetFontSize() * 1.2f + fonts().large->FontSize + pad * 2.5f;
  const ImVec2 a = ImGui::GetCursorScreenPos();
  const ImVec2 b(a.x + width, a.y + height);
  const ImVec4 colour = tone == 1 ? vec(p.warning) : tone == 2 ? vec(p.ok) : tone == 3 ? vec(p.error) : vec(p.muted);
  auto* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(a, b, ImGui::GetColorU32(ImVec4(colour.x, colour.y, colour.z, 0.10f)), 10);
  draw->AddRect(a, b, ImGui::GetColorU32(ImVec4(colour.x, colour.y, colour.z, 0.45f)), 10, 0, 1.5f);
  // Explicit positions: on a line shared with other boxes ImGui's line height would push text down.
  const float numberY = a.y + pad * 0.8f;
  ImGui::SetCursorScreenPos(ImVec2(a.x + pad, numberY));
  ImGui::PushFont(fonts().large);
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::Text("%lld", value);
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ImGui::SetCursorScreenPos(ImVec2(a.x + pad, numberY + fonts().large->FontSize + pad * 0.3f));
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - pad * 2);
  ImGui::TextUnformatted(label.c_str());
  ImGui::PopTextWrapPos();
  ImGui::SetCursorScreenPos(a);
  ImGui::Dummy(ImVec2(width, height));
  mark(id);
}

}  // namespace gocua::ui::panels
