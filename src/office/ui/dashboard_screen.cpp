// The overview: the last 8 weeks as bars (a bar opens the queue on its week), the applications by
// procedure and decision (a count opens the queue on them), one month's figures per village and
// per volunteer with the skills sessions, and the monthly report as Excel.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "core/i18n.h"
#include "office/ui/office_app.h"
#include "ui/folder_picker_widget.h"
#include "ui/theme.h"
#include "ui/ui_map.h"
#include "ui/widgets.h"

namespace gocua::office::window {

namespace {

using namespace gocua::ui::panels;
using hub::ReportFigures;
using hub::ReportRow;

// A colour per decision, in StatusCounts order (new, needs documents, returned, accepted). Not the
// queue's text colours: there "new" is the brand red, next to "returned" in red; bars side by side
// must differ, so "new" is the muted grey.
const float* statusColour(std::size_t i) {
  const auto& p = palette();
  const float* colours[] = {p.muted, p.warning, p.error, p.ok};
  return colours[i];
}

ImU32 toU32(const float* c) { return ImGui::ColorConvertFloat4ToU32(ImVec4(c[0], c[1], c[2], c[3])); }

std::string dayMonth(const core::Date& d) {
  char text[8];
  std::snprintf(text, sizeof text, "%02d/%02d", d.day, d.month);
  return text;
}

void legend() {
  const auto& statuses = queueStatuses();
  for (std::size_t i = 0; i + 1 < statuses.size(); ++i) {
    const std::string label = statusLabel(statuses[i + 1]);
    const float box = ImGui::GetFontSize() * 0.8f;
    const float w = box + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label.c_str()).x;
    if (i > 0) sameLineIfFits(w);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float top = at.y + (ImGui::GetTextLineHeight() - box) / 2;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x, top), ImVec2(at.x + box, top + box), toU32(statusColour(i)));
    ImGui::Dummy(ImVec2(box, ImGui::GetTextLineHeight()));
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::TextUnformatted(label.c_str());
  }
}

// Stacked bars drawn with ImDrawList, each an invisible button "dashboard.week.<i>".
void weekBars(OfficeApp& app) {
  auto& m = app.dashboard;
  if (m.weeks().empty()) return;
  const float font = ImGui::GetFontSize();
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const int n = static_cast<int>(m.weeks().size());
  const float barWidth =
      std::min(font * 5, (availableWidth() - spacing * static_cast<float>(n - 1)) / static_cast<float>(n));
  const float chart = font * 7;  // the tallest bar
  const float line = ImGui::GetTextLineHeight();
  const float tallest = static_cast<float>(m.tallestWeek());
  auto* draw = ImGui::GetWindowDrawList();
  std::optional<core::Date> chosen;
  for (int i = 0; i < n; ++i) {
    const WeekBar& week = m.weeks()[static_cast<std::size_t>(i)];
    if (i > 0) ImGui::SameLine(0, spacing);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const std::string id = "dashboard.week." + std::to_string(i);
    if (ImGui::InvisibleButton(("##" + id).c_str(), ImVec2(barWidth, line + chart + line))) chosen = week.monday;
    mark(id);
    const bool hovered = ImGui::IsItemHovered();
    if (hovered)
      draw->AddRectFilled(at, ImVec2(at.x + barWidth, at.y + line + chart + line),
                          ImGui::GetColorU32(ImGuiCol_FrameBgHovered));
    float bottom = at.y + line + chart;
    for (std::size_t s = 0; s < week.counts.size(); ++s) {
      const float h = chart * static_cast<float>(week.counts[s]) / tallest;
      if (h <= 0) continue;
      draw->AddRectFilled(ImVec2(at.x + barWidth * 0.15f, bottom - h), ImVec2(at.x + barWidth * 0.85f, bottom),
                          toU32(statusColour(s)));
      bottom -= h;
    }
    const std::string count = i18n::formatCount(static_cast<std::size_t>(total(week.counts)));
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    draw->AddText(ImVec2(at.x + (barWidth - ImGui::CalcTextSize(count.c_str()).x) / 2, bottom - line), text,
                  count.c_str());
    const std::string day = dayMonth(week.monday);
    draw->AddText(ImVec2(at.x + (barWidth - ImGui::CalcTextSize(day.c_str()).x) / 2, at.y + line + chart), text,
                  day.c_str());
  }
  if (chosen) app.showWeekInQueue(*chosen);
}

void weeksCard(OfficeApp& app) {
  beginCard("dashboard-weeks");
  heading(i18n::tr("office.dashboard.weeks"));
  mutedText(i18n::tr("office.dashboard.weeks_help"));
  weekBars(app);
  legend();
  endCard();
}

void proceduresCard(OfficeApp& app) {
  auto& m = app.dashboard;
  beginCard("dashboard-procedures");
  heading(i18n::tr("office.dashboard.procedures"));
  if (m.procedures().empty()) {
    mutedText(i18n::tr("office.dashboard.no_applications"));
    endCard();
    return;
  }
  mutedText(i18n::tr("office.dashboard.procedures_help"));
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  const auto& statuses = queueStatuses();
  std::optional<std::pair<std::string, int>> chosen;
  if (ImGui::BeginTable("dashboard-procedures-table", 5, flags)) {
    ImGui::TableSetupColumn(i18n::tr("office.queue.col.procedure").c_str(), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    for (std::size_t s = 1; s < statuses.size(); ++s)
      ImGui::TableSetupColumn(statusLabel(statuses[s]).c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();
    for (std::size_t p = 0; p < m.procedures().size(); ++p) {
      const auto& row = m.procedures()[p];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", row.title.c_str());
      for (std::size_t s = 0; s < row.counts.size(); ++s) {
        ImGui::TableNextColumn();
        const std::string id = "dashboard.procedure." + std::to_string(p) + "." + std::to_string(s);
        const std::string text = i18n::formatCount(static_cast<std::size_t>(row.counts[s]));
        if (ImGui::Selectable((text + "##" + id).c_str(), false)) chosen = std::pair{row.id, static_cast<int>(s)};
        mark(id);
      }
    }
    ImGui::EndTable();
  }
  if (chosen) app.showInQueue(chosen->first, chosen->second);
  endCard();
}

struct Column {
  const char* key;  // hub.report.col.<key>
  int (*of)(const ReportFigures&);
};
constexpr Column kWork[] = {
    {"residents", [](const ReportFigures& f) { return f.residents; }},
    {"vneid_level2", [](const ReportFigures& f) { return f.vneidLevel2; }},
    {"applications", [](const ReportFigures& f) { return f.applications; }},
    {"accepted", [](const ReportFigures& f) { return f.accepted; }},
    {"needs_documents", [](const ReportFigures& f) { return f.needsDocuments; }},
    {"returned", [](const ReportFigures& f) { return f.returned; }},
    {"undecided", [](const ReportFigures& f) { return f.undecided; }},
};
constexpr Column kTraining[] = {
    {"sessions", [](const ReportFigures& f) { return f.sessions; }},
    {"trained", [](const ReportFigures& f) { return f.trainedTotal(); }},
    {"female_under_18", [](const ReportFigures& f) { return f.trained[0]; }},
    {"female_18_59", [](const ReportFigures& f) { return f.trained[1]; }},
    {"female_60_plus", [](const ReportFigures& f) { return f.trained[2]; }},
    {"male_under_18", [](const ReportFigures& f) { return f.trained[3]; }},
    {"male_18_59", [](const ReportFigures& f) { return f.trained[4]; }},
    {"male_60_plus", [](const ReportFigures& f) { return f.trained[5]; }},
    {"vneid_installed", [](const ReportFigures& f) { return f.vneidInstalled; }},
    {"vneid_activated", [](const ReportFigures& f) { return f.vneidActivated; }},
    {"platform_enrolled", [](const ReportFigures& f) { return f.platformEnrolled; }},
};

// One row per village (or volunteer) and a total row; scrolls sideways on a narrow window.
// keep: which rows belong (training: the villages where a session was held).
template <std::size_t N>
void figuresTable(const char* id, const std::string& firstHeader, const hub::MonthlyReport& report,
                  ReportRow::Group group, const Column (&columns)[N], bool (*keep)(const ReportFigures&)) {
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit;
  int shown = 2;  // the header and the total
  for (const auto& r : report.rows) shown += r.group == group && keep(r.figures);
  // Tall enough for every row and the sideways scrollbar; long lists scroll inside.
  const auto& style = ImGui::GetStyle();
  const float rowHeight = ImGui::GetTextLineHeight() + style.CellPadding.y * 2;
  const float height = std::min(static_cast<float>(shown) * rowHeight + style.ScrollbarSize + style.CellPadding.y * 2,
                                ImGui::GetFontSize() * 24);
  if (!ImGui::BeginTable(id, static_cast<int>(N + 1), flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(1, 1);
  ImGui::TableSetupColumn(firstHeader.c_str());
  for (const auto& c : columns) ImGui::TableSetupColumn(i18n::tr(std::string("hub.report.col.") + c.key).c_str());
  ImGui::TableHeadersRow();
  auto row = [&](const std::string& name, const ReportFigures& f) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(name.c_str());
    for (const auto& c : columns) {
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(i18n::formatCount(static_cast<std::size_t>(c.of(f))).c_str());
    }
  };
  for (const auto& r : report.rows)
    if (r.group == group && keep(r.figures)) row(r.name.empty() ? i18n::tr("hub.report.unnamed") : r.name, r.figures);
  row(i18n::tr("hub.report.total"), report.total);
  ImGui::EndTable();
}

void monthCard(OfficeApp& app) {
  auto& m = app.dashboard;
  beginCard("dashboard-month");
  if (button(i18n::tr("office.dashboard.previous_month"), "dashboard.month.previous")) m.previousMonth(app.model);
  ImGui::SameLine();
  ImGui::BeginDisabled(!m.canGoNext());
  if (button(i18n::tr("office.dashboard.next_month"), "dashboard.month.next")) m.nextMonth(app.model);
  ImGui::EndDisabled();
  heading(i18n::tr("office.dashboard.month", {{"month", m.monthText()}}));
  const auto& report = m.report();
  const bool anyWork = report.total.residents + report.total.vneidLevel2 + report.total.applications > 0;
  ImGui::TextUnformatted(i18n::tr("office.dashboard.work").c_str());
  if (!anyWork) {
    mutedText(i18n::tr("office.dashboard.no_work"));
  } else {
    auto all = [](const ReportFigures&) { return true; };
    figuresTable("dashboard-villages", i18n::tr("hub.report.by_village"), report, ReportRow::Group::Village, kWork,
                 all);
    ImGui::Spacing();
    figuresTable("dashboard-volunteers", i18n::tr("hub.report.by_volunteer"), report, ReportRow::Group::Volunteer,
                 kWork, all);
  }
  ImGui::Spacing();
  ImGui::TextUnformatted(i18n::tr("office.dashboard.training").c_str());
  if (report.total.sessions == 0) {
    mutedText(i18n::tr("office.dashboard.no_sessions"));
  } else {
    figuresTable("dashboard-training", i18n::tr("hub.report.by_village"), report, ReportRow::Group::Village, kTraining,
                 [](const ReportFigures& f) { return f.sessions > 0; });
  }
  endCard();
}

void exportCard(OfficeApp& app) {
  auto& m = app.dashboard;
  beginCard("dashboard-export");
  heading(i18n::tr("office.dashboard.export", {{"month", m.monthText()}}));
  mutedText(i18n::tr("office.dashboard.export_to"));
  drawFolderPicker(m.exportFolder, "dashboard.export_folder", app.now);
  ImGui::BeginDisabled(!m.exportFolder.exists());
  if (button(i18n::tr("office.dashboard.export_button"), "dashboard.export", ButtonKind::Normal, -1))
    m.exportReport(app.model);
  ImGui::EndDisabled();
  endCard();
}

}  // namespace

void drawDashboard(OfficeApp& app) {
  heading(i18n::tr("office.dashboard.title"));
  if (!app.dashboard.error().empty()) errorText(app.dashboard.error());
  ImGui::BeginChild("dashboard-all", ImVec2(0, ImGui::GetContentRegionAvail().y));
  weeksCard(app);
  proceduresCard(app);
  monthCard(app);
  exportCard(app);
  ImGui::EndChild();
}

}  // namespace gocua::office::window
