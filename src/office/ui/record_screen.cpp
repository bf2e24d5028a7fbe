// One application: the resident and the declaration's answers section by section on the left;
// the decision (accepted / needs documents / returned, with the note) and printing on the right
// (one column under the other when the text is large).
#include <imgui.h>

#include <algorithm>

#include "core/i18n.h"
#include "office/ui/decision_widget.h"
#include "office/ui/office_app.h"
#include "ui/folder_picker_widget.h"
#include "ui/fonts.h"
#include "ui/widgets.h"

namespace gocua::office::window {

namespace {

using namespace gocua::ui::panels;

// "Label" in muted text, the value beside it; a value wraps in its own column.
void labelled(const std::string& id, const std::vector<std::pair<std::string, std::string>>& rows, float indent = 0) {
  if (!ImGui::BeginTable(id.c_str(), 2, ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch, 1.4f);
  for (const auto& [label, value] : rows) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (indent > 0) ImGui::Indent(indent);
    mutedText(label);
    if (indent > 0) ImGui::Unindent(indent);
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", value.c_str());
  }
  ImGui::EndTable();
}

void residentCard(const RecordModel& m) {
  beginCard("record-resident");
  heading(i18n::tr("office.record.resident"));
  const auto& r = m.resident();
  if (!r.found) {
    warningText(i18n::tr("office.record.resident_missing"));
  } else {
    largeText(r.name);
    labelled("resident", {{i18n::tr("office.record.date_of_birth"), r.dateOfBirth},
                          {i18n::tr("office.record.sex"), r.sex},
                          {i18n::tr("office.record.personal_id"), r.personalId},
                          {i18n::tr("office.record.phone"), r.phone},
                          {i18n::tr("office.record.village"), r.village}});
  }
  endCard();
  mark("record.resident");
}

void answersCard(const RecordModel& m) {
  beginCard("record-answers");
  heading(i18n::tr("office.record.answers"));
  for (std::size_t s = 0; s < m.sections().size(); ++s) {
    const auto& section = m.sections()[s];
    ImGui::PushFont(fonts().heading);
    ImGui::TextWrapped("%s", section.title.c_str());
    ImGui::PopFont();
    // Lines of one indent level go into one table; a deeper level starts a new one.
    std::size_t i = 0;
    while (i < section.lines.size()) {
      const int indent = section.lines[i].indent;
      std::vector<std::pair<std::string, std::string>> rows;
      for (; i < section.lines.size() && section.lines[i].indent == indent; ++i)
        rows.emplace_back(section.lines[i].label, section.lines[i].value);
      labelled("answers-" + std::to_string(s) + "-" + std::to_string(i), rows, ImGui::GetFontSize() * indent);
    }
    ImGui::Spacing();
  }
  endCard();
}

// Giấy tờ: each document with what the answers show, what must be brought, what helps if there.
void documentsCard(const RecordModel& m) {
  if (m.documents().empty()) return;
  beginCard("record-documents");
  heading(i18n::tr("office.record.documents"));
  for (const auto& d : m.documents()) {
    const std::string state = d.has        ? i18n::tr("office.record.document_has")
                              : d.required ? i18n::tr("office.record.document_bring")
                                           : i18n::tr("office.record.document_optional");
    if (d.has)
      okText(state + ": " + d.label);
    else if (d.required)
      warningText(state + ": " + d.label);
    else
      mutedText(state + ": " + d.label);
  }
  endCard();
  mark("record.documents");
}

// Lịch sử: received, then each decision and print, with the staff member's name.
void historyCard(const RecordModel& m) {
  beginCard("record-history");
  heading(i18n::tr("office.record.history"));
  std::vector<std::pair<std::string, std::string>> rows;
  for (const auto& h : m.history()) rows.emplace_back(h.when, h.what);
  labelled("history", rows);
  endCard();
  mark("record.history");
}

void decisionCard(OfficeApp& app) {
  auto& m = app.record;
  beginCard("record-decision");
  heading(i18n::tr("office.record.decide"));
  if (!m.delivery().empty()) {
    mutedText(m.delivery());
    mark("record.delivery");
  }
  drawDecisionDraft(m.draft, "record");
  if (!m.error().empty()) errorText(m.error());
  ImGui::BeginDisabled(!m.draft.canDecide());
  if (button(i18n::tr("office.record.confirm"), "record.confirm", ButtonKind::Primary, -1)) m.decide(app.model);
  ImGui::EndDisabled();
  drawNoteTemplates(m.draft, "record");
  endCard();
}

void printCard(OfficeApp& app) {
  auto& m = app.record;
  beginCard("record-print");
  heading(i18n::tr("office.record.print"));
  mutedText(i18n::tr("office.record.print_to"));
  drawFolderPicker(m.printFolder, "record.print_folder", app.now);
  ImGui::BeginDisabled(!m.printFolder.exists());
  if (button(i18n::tr("office.record.print"), "record.print", ButtonKind::Normal, -1)) m.print(app.model);
  ImGui::EndDisabled();
  endCard();
}

}  // namespace

void drawRecord(OfficeApp& app) {
  auto& m = app.record;
  if (button(i18n::tr("office.record.back"), "record.back")) {
    app.backToQueue();
    return;
  }
  heading(m.procedureTitle());
  mutedText(i18n::tr("office.record.received",
                     {{"day", m.receivedDay()}, {"volunteer", m.volunteer()}, {"status", statusLabel(m.status())}}));
  const float avail = ImGui::GetContentRegionAvail().x;
  const bool twoColumns = avail > ImGui::GetFontSize() * 48;
  const float height = ImGui::GetContentRegionAvail().y;
  if (!twoColumns) {
    ImGui::BeginChild("record-all", ImVec2(0, height));
    decisionCard(app);
    residentCard(m);
    documentsCard(m);
    answersCard(m);
    historyCard(m);
    printCard(app);
    ImGui::EndChild();
    return;
  }
  const float right = avail * 0.4f;
  ImGui::BeginChild("record-left", ImVec2(avail - right - ImGui::GetStyle().ItemSpacing.x, height));
  residentCard(m);
  answersCard(m);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("record-right", ImVec2(right, height));
  decisionCard(app);
  documentsCard(m);
  historyCard(m);
  printCard(app);
  ImGui::EndChild();
}

}  // namespace gocua::office::window
