// The review queue: filters (procedure and village as drop-downs, status as big buttons), then
// the applications oldest first; one click on a row opens it.
#include <imgui.h>

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "core/i18n.h"
#include "office/ui/decision_widget.h"
#include "office/ui/filter_combo.h"
#include "office/ui/office_app.h"
#include "ui/scroll_chain.h"
#include "ui/theme.h"
#include "ui/ui_map.h"
#include "ui/widgets.h"

namespace gocua::office::window {

namespace {

// text, cut at a character boundary and ended with "..." when wider than width.
std::string fitToWidth(const std::string& text, float width) {
  if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
  const float dots = ImGui::CalcTextSize("...").x;
  std::size_t end = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t next = i + 1;
    while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;  // UTF-8 tail
    if (ImGui::CalcTextSize(text.data(), text.data() + next).x + dots > width) break;
    end = i = next;
  }
  return text.substr(0, end) + "...";
}

// One drop-down filter of the grid: its map id, label, choices ("" first) and the field it sets.
struct FilterSlot {
  const char* id;
  std::string label;
  std::vector<std::pair<std::string, std::string>> options;
  std::string* value;
};

// As many drop-downs per row as fit at 11 em or wider (all five on a wide window at 100 %, so the
// list below keeps its room).
int filtersPerRow(int count) {
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  return std::clamp(static_cast<int>((availableWidth() + spacing) / (ImGui::GetFontSize() * 11 + spacing)), 1, count);
}

// The drop-downs in rows of filtersPerRow, each row's labels on one line.
// Not SameLine: that lines a label up with the combo's text, lower.
bool filterGrid(std::vector<FilterSlot>& slots) {
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float avail = availableWidth();
  const int perRow = filtersPerRow(static_cast<int>(slots.size()));
  const float width = (avail - spacing * static_cast<float>(perRow - 1)) / static_cast<float>(perRow);
  bool changed = false;
  ImVec2 rowStart = ImGui::GetCursorPos();
  for (std::size_t i = 0; i < slots.size(); ++i) {
    const int column = static_cast<int>(i) % perRow;
    if (column == 0)
      rowStart = ImGui::GetCursorPos();
    else
      ImGui::SetCursorPos(ImVec2(rowStart.x + static_cast<float>(column) * (width + spacing), rowStart.y));
    changed |= filterCombo(slots[i].id, slots[i].label, width, slots[i].options, *slots[i].value);
  }
  return changed;
}

// (value, label) choices from a list of values, "" (allLabel) first.
std::vector<std::pair<std::string, std::string>> choices(const std::string& allLabel,
                                                         const std::vector<std::string>& values) {
  std::vector<std::pair<std::string, std::string>> out{{"", allLabel}};
  for (const auto& v : values) out.emplace_back(v, v);
  return out;
}

// (value, catalog label) choices: prefix + value, "any" for "".
std::vector<std::pair<std::string, std::string>> labelled(const std::string& prefix,
                                                          const std::vector<std::string>& values) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& v : values) out.emplace_back(v, i18n::tr(prefix + (v.empty() ? std::string("any") : v)));
  return out;
}

void filters(OfficeApp& app) {
  auto& m = app.queue;
  std::vector<std::pair<std::string, std::string>> procedures{{"", i18n::tr("office.queue.all_procedures")}};
  procedures.insert(procedures.end(), m.procedures().begin(), m.procedures().end());
  std::vector<FilterSlot> slots;
  slots.push_back({"queue.filter.procedure", i18n::tr("office.queue.procedure"), std::move(procedures), &m.procedure});
  slots.push_back({"queue.filter.village", i18n::tr("office.queue.village"),
                   choices(i18n::tr("office.queue.all_villages"), m.villages()), &m.village});
  slots.push_back({"queue.filter.volunteer", i18n::tr("office.queue.volunteer"),
                   choices(i18n::tr("office.queue.all_volunteers"), m.volunteers()), &m.volunteer});
  slots.push_back({"queue.filter.received", i18n::tr("office.queue.received"),
                   labelled("office.queue.received.", receivedRanges()), &m.received});
  slots.push_back({"queue.filter.deadline", i18n::tr("office.queue.deadline"),
                   labelled("office.queue.deadline.", deadlineFilters()), &m.deadline});
  // On a short window (1024×600, or large text) the grid would push the list below the fold: it
  // folds behind one button that says how many drop-downs are in use.
  const int perRow = filtersPerRow(static_cast<int>(slots.size()));
  const int gridRows = (static_cast<int>(slots.size()) + perRow - 1) / perRow;
  const float gridHeight =
      static_cast<float>(gridRows) * (ImGui::GetTextLineHeightWithSpacing() + ImGui::GetFrameHeightWithSpacing());
  const bool fold = gridHeight > ImGui::GetMainViewport()->Size.y * 0.2f;
  if (fold) {
    const int inUse = m.dropDownsInUse();
    const std::string label = m.filtersShown ? i18n::tr("office.queue.filters.hide")
                              : inUse > 0
                                  ? i18n::tr("office.queue.filters.show_active", {{"count", std::to_string(inUse)}})
                                  : i18n::tr("office.queue.filters.show");
    if (button(label, "queue.filters", inUse > 0 && !m.filtersShown ? ButtonKind::Primary : ButtonKind::Normal))
      m.filtersShown = !m.filtersShown;
  }
  bool changed = !fold || m.filtersShown ? filterGrid(slots) : false;
  // "Tình trạng" beside its buttons when they fit on the rest of that line, else above them.
  const std::string statusTitle = i18n::tr("office.queue.status");
  float rowWidth = ImGui::CalcTextSize(statusTitle.c_str()).x;
  for (const auto& status : queueStatuses())
    rowWidth += ImGui::GetStyle().ItemSpacing.x + buttonWidthFor(statusLabel(status));
  const bool titleBeside = rowWidth <= availableWidth();
  const float rowTop = ImGui::GetCursorPosY();
  if (titleBeside)  // centred on the buttons' height (widgets.cpp: 2.2 em)
    ImGui::SetCursorPosY(rowTop + (ImGui::GetFontSize() * 2.2f - ImGui::GetTextLineHeight()) / 2);
  ImGui::TextUnformatted(statusTitle.c_str());
  for (const auto& status : queueStatuses()) {
    const std::string label = statusLabel(status);
    if (status != queueStatuses().front() || titleBeside) sameLineIfFits(buttonWidthFor(label));
    if (status == queueStatuses().front() && titleBeside) ImGui::SetCursorPosY(rowTop);
    if (button(label, "queue.status." + (status.empty() ? std::string("all") : status),
               m.status == status ? ButtonKind::Primary : ButtonKind::Normal)) {
      changed |= m.status != status;
      m.status = status;
    }
  }
  if (m.week) {  // set from the overview's bars
    const core::Date sunday = core::dateFromDays(core::daysSinceEpoch(*m.week) + 6);
    ImGui::AlignTextToFramePadding();
    mutedText(i18n::tr("office.queue.week", {{"from", core::formatDate(*m.week)}, {"to", core::formatDate(sunday)}}));
    const std::string clear = i18n::tr("office.queue.week_clear");
    sameLineIfFits(buttonWidthFor(clear));
    if (button(clear, "queue.week.clear")) {
      m.week.reset();
      changed = true;
    }
  }
  if (changed) m.apply();
}

void table(OfficeApp& app, float height) {
  auto& m = app.queue;
  const float rowHeight = ImGui::GetFontSize() * 2.2f;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("queue", 5, flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(i18n::tr("office.queue.col.received").c_str(), ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn(i18n::tr("office.queue.col.name").c_str(), ImGuiTableColumnFlags_WidthStretch, 2.4f);
  ImGui::TableSetupColumn(i18n::tr("office.queue.col.procedure").c_str(), ImGuiTableColumnFlags_WidthStretch, 2.6f);
  ImGui::TableSetupColumn(i18n::tr("office.queue.col.village").c_str(), ImGuiTableColumnFlags_WidthStretch, 1.4f);
  ImGui::TableSetupColumn(i18n::tr("office.queue.col.status").c_str(), ImGuiTableColumnFlags_WidthStretch, 1.3f);
  ImGui::TableHeadersRow();
  const float bodyTop = ImGui::GetItemRectMax().y;
  const float textOffset = (rowHeight - ImGui::GetFontSize()) / 2;
  auto cell = [&](const std::string& text, const float* colour = nullptr) {
    ImGui::TableNextColumn();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + textOffset);
    if (colour) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(colour[0], colour[1], colour[2], colour[3]));
    // A long procedure title on a narrow screen ends in "..." instead of running into the next column.
    ImGui::TextUnformatted(fitToWidth(text, ImGui::GetContentRegionAvail().x).c_str());
    if (colour) ImGui::PopStyleColor();
  };
  int visibleIndex = 0;
  std::optional<std::string> open;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(m.rows().size()), rowHeight);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const QueueRow& r = m.rows()[static_cast<std::size_t>(i)];
      ImGui::TableNextRow(0, rowHeight);
      ImGui::TableNextColumn();
      ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0, 0.5f));
      if (ImGui::Selectable((r.receivedDay + "##row" + std::to_string(i)).c_str(), false,
                            ImGuiSelectableFlags_SpanAllColumns, ImVec2(0, rowHeight)))
        open = r.id;
      ImGui::PopStyleVar();
      // Rows numbered from the first one mostly below the frozen header (ui_map.h, rowCounts).
      const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
      const ImVec2 c0 = ImGui::GetWindowDrawList()->GetClipRectMin(), c1 = ImGui::GetWindowDrawList()->GetClipRectMax();
      const UiRect body{c0.x, std::max(c0.y, bodyTop), c1.x, c1.y};
      if (rowCounts({a.x, a.y, b.x, b.y}, body)) {
        markPart("queue.row." + std::to_string(visibleIndex++), *clickablePart({a.x, a.y, b.x, b.y}, body));
      }
      if (r.name.empty())
        cell(i18n::tr("office.queue.no_name"), palette().muted);
      else
        cell(r.name);
      cell(r.procedureTitle);
      cell(r.village);
      const auto& p = palette();
      // A birth or death near or past its deadline says so beside its status, in the warning's colour.
      if (const std::string late = deadlineLabel(r); !late.empty())
        cell(statusLabel(r.status) + " · " + late, r.deadline->passed ? p.error : p.warning);
      else
        cell(statusLabel(r.status), r.status == "new"               ? p.primary
                                    : r.status == "accepted"        ? p.ok
                                    : r.status == "needs_documents" ? p.warning
                                                                    : p.error);
    }
  }
  const float passedOn = wheelPastListEnd();
  ImGui::EndTable();
  scrollPageBy(passedOn);  // at the list's end the wheel moves the page (the filters above it)
  if (open) app.openRecord(*open);
}

// One decision for exactly the rows shown, asked twice with their count.
void bulkDecision(OfficeApp& app) {
  auto& m = app.queue;
  const bool open = ImGui::CollapsingHeader(i18n::tr("office.queue.bulk").c_str());
  mark("queue.bulk");
  if (!open) {
    m.cancelBulk();
    return;
  }
  mutedText(i18n::tr("office.queue.bulk_help", {{"count", i18n::formatCount(m.rows().size())}}));
  drawDecisionDraft(m.bulk, "queue.bulk");
  if (m.confirmingBulk()) {
    warningText(i18n::tr("office.queue.bulk_confirm",
                         {{"count", i18n::formatCount(m.bulkCount())}, {"status", statusLabel(m.bulk.decision)}}));
    if (button(i18n::tr("office.queue.bulk_yes", {{"count", i18n::formatCount(m.bulkCount())}}), "queue.bulk.yes",
               ButtonKind::Primary))
      m.applyBulk(app.model);
    ImGui::SameLine();
    if (button(i18n::tr("office.queue.bulk_no"), "queue.bulk.no")) m.cancelBulk();
    return;
  }
  ImGui::BeginDisabled(!m.bulk.canDecide() || m.rows().empty());
  if (button(i18n::tr("office.queue.bulk_ask", {{"count", i18n::formatCount(m.rows().size())}}), "queue.bulk.ask"))
    m.askBulk();
  ImGui::EndDisabled();
  drawNoteTemplates(m.bulk, "queue.bulk");
}

}  // namespace

void drawQueue(OfficeApp& app) {
  auto& m = app.queue;
  heading(i18n::tr("office.queue.title"));
  if (const auto received = app.receive.uploadCount(); received > m.uploadsAtOpen) {
    ImGui::AlignTextToFramePadding();
    warningText(i18n::tr("office.queue.new_uploads", {{"count", i18n::formatCount(received - m.uploadsAtOpen)}}));
    ImGui::SameLine();
    if (button(i18n::tr("office.queue.reload"), "queue.reload")) app.goQueue();
  }
  filters(app);
  ImGui::Spacing();
  ImGui::AlignTextToFramePadding();
  mutedText(i18n::tr("office.queue.count",
                     {{"shown", i18n::formatCount(m.rows().size())}, {"total", i18n::formatCount(m.total())}}));
  if (!m.error().empty()) errorText(m.error());
  if (m.rows().empty()) {
    mutedText(i18n::tr("office.queue.empty"));
    return;
  }
  bulkDecision(app);
  const float height = std::max(ImGui::GetContentRegionAvail().y, ImGui::GetFontSize() * 8);
  table(app, height);
}

}  // namespace gocua::office::window
