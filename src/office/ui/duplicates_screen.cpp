// Người đăng ký trùng: a button to search, then each pair side by side, the lines where the two
// records differ in the warning colour.
#include <imgui.h>

#include "core/i18n.h"
#include "office/ui/office_app.h"
#include "ui/folder_picker_widget.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace gocua::office::window {

namespace {

using namespace gocua::ui::panels;

void pairCard(const DuplicateView& pair, std::size_t i) {
  beginCard("duplicates-pair-" + std::to_string(i));
  heading(pair.reason);
  const std::string id = "duplicates.pair." + std::to_string(i);
  if (ImGui::BeginTable(id.c_str(), 3, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(i18n::tr("office.duplicates.first").c_str(), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn(i18n::tr("office.duplicates.second").c_str(), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableHeadersRow();
    const std::pair<const char*, std::string ResidentView::*> kRows[] = {
        {"office.record.name", &ResidentView::name},
        {"office.record.date_of_birth", &ResidentView::dateOfBirth},
        {"office.record.sex", &ResidentView::sex},
        {"office.record.personal_id", &ResidentView::personalId},
        {"office.record.phone", &ResidentView::phone},
        {"office.record.village", &ResidentView::village},
        {"office.duplicates.volunteer", &ResidentView::volunteer},
        {"office.duplicates.laptop", &ResidentView::laptop},
        {"office.duplicates.received", &ResidentView::receivedDay},
    };
    const auto& warning = palette().warning;
    for (const auto& [key, field] : kRows) {
      const std::string& a = pair.a.*field;
      const std::string& b = pair.b.*field;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      mutedText(i18n::tr(key));
      const bool differs = a != b;
      if (differs) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(warning[0], warning[1], warning[2], warning[3]));
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", a.empty() ? "—" : a.c_str());
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", b.empty() ? "—" : b.c_str());
      if (differs) ImGui::PopStyleColor();
    }
    ImGui::EndTable();
  }
  endCard();
}

}  // namespace

void drawDuplicates(OfficeApp& app) {
  auto& m = app.duplicates;
  m.poll(app.model);
  heading(i18n::tr("office.duplicates.title"));
  mutedText(i18n::tr("office.duplicates.help"));
  if (m.busy()) {
    mutedText(i18n::tr("office.duplicates.searching"));
    return;
  }
  if (button(i18n::tr(m.searched() ? "office.duplicates.search_again" : "office.duplicates.search"),
             "duplicates.search", ButtonKind::Primary))
    m.find(app.model, app.wake);
  if (!m.error().empty()) errorText(m.error());
  if (!m.searched()) return;
  if (m.pairs().empty()) {
    okText(i18n::tr("office.duplicates.none"));
    return;
  }
  warningText(i18n::tr("office.duplicates.found", {{"count", i18n::formatCount(m.pairs().size())}}));
  ImGui::BeginChild("duplicates-all", ImVec2(0, ImGui::GetContentRegionAvail().y));
  for (std::size_t i = 0; i < m.pairs().size(); ++i) pairCard(m.pairs()[i], i);
  ImGui::EndChild();
}

}  // namespace gocua::office::window
