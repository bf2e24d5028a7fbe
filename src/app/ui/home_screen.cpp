// Home: the search box (focused, results as you type), the counters, villages and households on
// the left, the resident list (clipped, so 100,000 rows cost what 20 do) and the actions for the
// chosen resident at the bottom. Everything shown comes from HomeModel.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "app/ui/screens.h"
#include "core/i18n.h"
#include "ui/scroll_chain.h"
#include "ui/theme.h"
#include "ui/ui_map.h"
#include "ui/widgets.h"
#include "vault/secret.h"

namespace gocua::app::ui {
namespace {

std::string count(std::size_t n) { return i18n::formatCount(n); }

ImVec4 colour(const float (&c)[4]) { return ImVec4(c[0], c[1], c[2], c[3]); }

void openResident(App& app, const std::string& id) {
  app.resident.openExisting(app.model, id);
  app.model.go(Screen::Resident);
}

void newApplication(App& app, const std::string& id) {
  app.wizard.start(app.model, id);
  app.model.go(Screen::Application);
}

// A line in the village panel: name on the left, count on the right.
bool panelEntry(const std::string& label, std::size_t n, bool chosen, const std::string& id, float indent = 0) {
  const float h = ImGui::GetFontSize() * 1.9f;
  const float width = ImGui::GetContentRegionAvail().x;
  ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0, 0.5f));
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const bool clicked = ImGui::Selectable(("##" + id).c_str(), chosen, 0, ImVec2(width, h));
  mark(id);
  ImGui::PopStyleVar();
  const float textY = start.y + (h - ImGui::GetFontSize()) / 2;
  auto* draw = ImGui::GetWindowDrawList();
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  draw->PushClipRect(start, ImVec2(start.x + width - ImGui::GetFontSize() * 3.2f, start.y + h), true);
  draw->AddText(ImVec2(start.x + indent + ImGui::GetStyle().FramePadding.x, textY), text, label.c_str());
  draw->PopClipRect();
  const std::string c = count(n);
  const float cw = ImGui::CalcTextSize(c.c_str()).x;
  draw->AddText(ImVec2(start.x + width - cw - ImGui::GetStyle().FramePadding.x, textY),
                ImGui::GetColorU32(colour(palette().muted)), c.c_str());
  return clicked;
}

void villagePanel(HomeModel& m) {
  mutedText(i18n::tr("app.home.villages"));
  if (panelEntry(i18n::tr("app.home.all_villages"), m.searching() ? m.allMatches() : m.totalResidents(),
                 m.selectedVillage() < 0, "home.village.all"))
    m.selectVillage(-1);
  const auto& villages = m.villages();
  for (std::size_t i = 0; i < villages.size(); ++i) {
    const int v = static_cast<int>(i);
    const std::string name = villages[i].name.empty() ? i18n::tr("app.home.no_village") : villages[i].name;
    // While searching, each village counts the people the search finds there.
    const std::size_t shown = m.searching() ? villages[i].matches : villages[i].residents;
    if (panelEntry(name, shown, m.selectedVillage() == v, "home.village." + std::to_string(i)))
      m.selectVillage(m.selectedVillage() == v ? -1 : v);
  }
  const auto& households = m.households();
  if (m.selectedVillage() < 0 || households.empty()) return;
  ImGui::Spacing();
  ImGui::Separator();
  mutedText(i18n::tr("app.home.households"));
  const auto& village = villages[static_cast<std::size_t>(m.selectedVillage())];
  if (panelEntry(i18n::tr("app.home.whole_village"), village.residents, m.selectedHousehold() < 0,
                 "home.household.all"))
    m.selectHousehold(-1);
  for (std::size_t i = 0; i < households.size(); ++i) {
    const int h = static_cast<int>(i);
    if (panelEntry(households[i].label, households[i].members, m.selectedHousehold() == h,
                   "home.household." + std::to_string(i), ImGui::GetFontSize() * 0.5f))
      m.selectHousehold(m.selectedHousehold() == h ? -1 : h);
  }
}

void searchBar(App& app) {
  auto& m = app.home;
  const std::string add = i18n::tr("app.home.add_resident");
  const float addWidth = ImGui::CalcTextSize(add.c_str()).x + ImGui::GetStyle().FramePadding.x * 4;
  const float buttonHeight = ImGui::GetFontSize() * 2.2f;
  // The search box as tall as the buttons beside it: the first thing a volunteer uses.
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                      ImVec2(ImGui::GetFontSize() * 0.6f, (buttonHeight - ImGui::GetFontSize()) / 2));
  if (m.takeFocusRequest()) ImGui::SetKeyboardFocusHere();
  const bool hasQuery = !m.query.empty();
  const std::string clear = i18n::tr("app.home.clear_search");
  const float clearWidth = hasQuery ? ImGui::CalcTextSize(clear.c_str()).x + ImGui::GetStyle().FramePadding.x * 4 : 0;
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - addWidth - clearWidth -
                          ImGui::GetStyle().ItemSpacing.x * (hasQuery ? 2 : 1));
  // Arrow keys move through the list (the history callback keeps them from ImGui's navigation),
  // Enter opens the chosen person, Escape clears the box.
  int arrow = 0;
  auto history = [](ImGuiInputTextCallbackData* data) {
    *static_cast<int*>(data->UserData) = data->EventKey == ImGuiKey_UpArrow ? -1 : 1;
    return 0;
  };
  std::string before = m.query;
  const bool enter = ImGui::InputTextWithHint(
      "##home.search", i18n::tr("app.home.search_hint").c_str(), &m.query,
      ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackHistory, history, &arrow);
  mark("home.search");
  if (ImGui::IsItemActive()) uiMap().active("home.search", &m.query);
  const bool escape =
      (ImGui::IsItemActive() || ImGui::IsItemDeactivated()) && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
  ImGui::PopStyleVar();
  if (m.query != before) m.queryChanged();
  vault::wipe(before);
  if (arrow != 0) m.moveSelection(arrow);
  if (enter && m.rowCount() > 0) {
    if (!m.selectedRow()) m.select(0);
    openResident(app, m.selectedId());
  }
  if (escape) {
    m.clearQuery();
    m.focusSearch();
  }

  if (hasQuery) {
    ImGui::SameLine();
    if (button(clear, "home.clear_search")) {
      m.clearQuery();
      m.focusSearch();
    }
  }
  ImGui::SameLine();
  if (button(add, "home.add_resident", ButtonKind::Primary, addWidth)) {
    app.resident.openNew(app.model);
    if (m.selectedVillage() >= 0)
      app.resident.presetVillage(m.villages()[static_cast<std::size_t>(m.selectedVillage())].name);
    app.model.go(Screen::Resident);
  }
}

void counters(App& app) {
  auto& m = app.home;
  ImGui::AlignTextToFramePadding();
  std::string total;
  if (!m.query.empty()) {
    total = i18n::tr("app.home.count_found", {{"count", count(m.rowCount())}});
  } else if (m.selectedVillage() >= 0) {
    const auto& v = m.villages()[static_cast<std::size_t>(m.selectedVillage())];
    total = i18n::tr(
        "app.home.count_village",
        {{"count", count(m.rowCount())}, {"village", v.name.empty() ? i18n::tr("app.home.no_village") : v.name}});
  } else {
    total = i18n::tr("app.home.count_all", {{"count", count(m.totalResidents())}});
  }
  largeText(total);
  // The two things to act on; each opens the sync screen, where they are listed.
  const auto& p = palette();
  auto counter = [&](const std::string& text, bool attention, const std::string& id) {
    sameLineIfFits(ImGui::CalcTextSize(text.c_str()).x + ImGui::GetStyle().FramePadding.x * 2);
    ImGui::PushStyleColor(ImGuiCol_Text, attention ? colour(p.warning) : colour(p.ok));
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    const bool clicked = ImGui::Button((text + "##" + id).c_str());
    ImGui::PopStyleColor(2);
    mark(id);
    if (clicked) goSync(app);
  };
  counter(m.syncCounterText(), m.syncNeedsAttention(), "home.unsynced");
  counter(m.needsDocuments() > 0 ? i18n::tr("app.home.needs_documents", {{"count", count(m.needsDocuments())}})
                                 : i18n::tr("app.home.no_documents_needed"),
          m.needsDocuments() > 0, "home.needs_documents");
  const std::string sessions = i18n::tr("app.home.sessions"), scenarios = i18n::tr("app.home.scenarios");
  sameLineIfFits(buttonWidthFor(sessions));
  if (button(sessions, "home.sessions")) goSessions(app);  // trainers log a session
  const std::string present = i18n::tr("app.home.present");
  sameLineIfFits(buttonWidthFor(present));
  if (button(present, "home.present")) goPresentation(app);  // a guide on the projector
  if (app.model.training()) {                                // practice happens in training workspaces only
    sameLineIfFits(buttonWidthFor(scenarios));
    if (button(scenarios, "home.scenarios")) goScenarios(app);
  }
  if (m.truncated())
    mutedText(i18n::tr("app.home.truncated", {{"count", count(m.matchCount())}, {"shown", count(m.rowCount())}}));
}

void emptyList(HomeModel& m) {
  ImGui::Dummy(ImVec2(0, ImGui::GetFontSize()));
  if (m.totalResidents() == 0) {
    largeText(i18n::tr("app.home.empty"));
    return;
  }
  if (m.selectedVillage() >= 0 && !m.query.empty()) {
    const auto& v = m.villages()[static_cast<std::size_t>(m.selectedVillage())];
    largeText(i18n::tr("app.home.no_match_village",
                       {{"village", v.name.empty() ? i18n::tr("app.home.no_village") : v.name}, {"query", m.query}}));
    if (button(i18n::tr("app.home.search_everywhere"), "home.search_everywhere", ButtonKind::Primary))
      m.selectVillage(-1);
    return;
  }
  largeText(i18n::tr("app.home.no_match", {{"query", m.query}}));
}

void residentList(App& app, float height) {
  auto& m = app.home;
  if (m.rowCount() == 0) {
    ImGui::BeginChild("home-empty", ImVec2(0, height));
    emptyList(m);
    ImGui::EndChild();
    return;
  }
  const float rowHeight = ImGui::GetFontSize() * 2.4f;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("home-residents", 5, flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(i18n::tr("app.home.col.name").c_str(), ImGuiTableColumnFlags_WidthStretch, 3.0f);
  ImGui::TableSetupColumn(i18n::tr("app.home.col.birth").c_str(), ImGuiTableColumnFlags_WidthStretch, 1.4f);
  ImGui::TableSetupColumn(i18n::tr("app.home.col.village").c_str(), ImGuiTableColumnFlags_WidthStretch, 1.8f);
  ImGui::TableSetupColumn(i18n::tr("app.home.col.id").c_str(), ImGuiTableColumnFlags_WidthStretch, 1.3f);
  ImGui::TableSetupColumn(i18n::tr("app.home.col.phone").c_str(), ImGuiTableColumnFlags_WidthStretch, 1.6f);
  ImGui::TableHeadersRow();
  const float bodyTop = ImGui::GetItemRectMax().y;

  const float visibleHeight = height - rowHeight;
  if (auto row = m.takeScrollRequest()) {
    const float y = static_cast<float>(*row) * rowHeight;
    if (y < ImGui::GetScrollY())
      ImGui::SetScrollY(y);
    else if (y + rowHeight > ImGui::GetScrollY() + visibleHeight - ImGui::GetFontSize())
      ImGui::SetScrollY(y + rowHeight * 2 - visibleHeight);
  }

  const float textOffset = (rowHeight - ImGui::GetFontSize()) / 2;
  auto cell = [&](const std::string& text, bool muted = false, bool matched = false) {
    ImGui::TableNextColumn();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + textOffset);
    const bool coloured = muted || matched;
    if (coloured) ImGui::PushStyleColor(ImGuiCol_Text, colour(matched ? palette().primary : palette().muted));
    ImGui::TextUnformatted(text.c_str());
    if (coloured) ImGui::PopStyleColor();
  };

  int visibleIndex = 0;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(m.rowCount()), rowHeight);
  std::optional<std::string> open;
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const HomeRow r = m.row(static_cast<std::size_t>(i));
      ImGui::TableNextRow(0, rowHeight);
      ImGui::TableNextColumn();
      ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0, 0.5f));
      const std::string label = r.name + "##row" + std::to_string(i);
      if (ImGui::Selectable(label.c_str(), r.selected,
                            ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick,
                            ImVec2(0, rowHeight))) {
        m.select(static_cast<std::size_t>(i));
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) open = r.id;
      }
      ImGui::PopStyleVar();
      // Rows numbered from the first one mostly below the frozen header (ui_map.h, rowCounts),
      // each published as the part of it that is not under the header.
      // A selectable reaches half the item spacing into the rows above and below (no gaps to
      // click between rows); the part that is this row's alone is what gets published.
      const float shared = ImGui::GetStyle().ItemSpacing.y * 0.5f;
      const ImVec2 a(ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y + shared),
          b(ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y - shared);
      const ImVec2 c0 = ImGui::GetWindowDrawList()->GetClipRectMin(), c1 = ImGui::GetWindowDrawList()->GetClipRectMax();
      const UiRect body{c0.x, std::max(c0.y, bodyTop), c1.x, c1.y};
      if (rowCounts({a.x, a.y, b.x, b.y}, body)) {
        markPart("home.row." + std::to_string(visibleIndex++), *clickablePart({a.x, a.y, b.x, b.y}, body));
      }
      if (!r.matchedBy.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", r.matchedBy.c_str());
      // The cell the search matched, when not the name, stands out: the volunteer sees why.
      cell(r.dateOfBirth, false, r.matchedBirth);
      cell(r.village);
      cell(r.maskedId, true, r.matchedId);
      cell(r.phone, false, r.matchedPhone);
    }
  }
  const float passedOn = wheelPastListEnd();
  ImGui::EndTable();
  scrollPageBy(passedOn);  // at the list's end the wheel moves the page (the buttons above it)
  if (open) openResident(app, *open);
}

void actionBar(App& app) {
  auto& m = app.home;
  const bool chosen = !m.selectedId().empty();
  const std::string view = i18n::tr("app.home.open_resident"), apply = i18n::tr("app.home.new_application"),
                    finish = i18n::tr("app.home.finish_draft");
  const bool draft = chosen && !m.selectedDraft().empty();
  const float pad = ImGui::GetStyle().FramePadding.x * 4;
  float buttonsWidth = ImGui::CalcTextSize(view.c_str()).x + ImGui::CalcTextSize(apply.c_str()).x + pad * 2 +
                       ImGui::GetStyle().ItemSpacing.x;
  if (draft) buttonsWidth += ImGui::CalcTextSize(finish.c_str()).x + pad + ImGui::GetStyle().ItemSpacing.x;
  ImGui::BeginGroup();
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetFontSize() * 0.4f);
  if (chosen) {
    std::string text = i18n::tr("app.home.selected", {{"name", m.selectedName()}});
    largeText(text);
    if (m.selectedApplications() > 0)
      mutedText(i18n::tr("app.home.applications", {{"count", count(m.selectedApplications())}}));
  } else {
    mutedText(i18n::tr("app.home.pick_hint"));
  }
  ImGui::EndGroup();
  // Beside the name when both fit; at a large text size the buttons go under it, never over it.
  const float right = ImGui::GetWindowContentRegionMax().x - buttonsWidth;
  if (ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetStyle().ItemSpacing.x <= right)
    ImGui::SameLine(right);
  ImGui::BeginDisabled(!chosen);
  if (button(view, "home.open_resident")) openResident(app, m.selectedId());
  ImGui::SameLine();
  if (draft) {
    if (button(finish, "home.finish_draft")) {
      app.wizard.openDraft(app.model, m.selectedDraft());
      app.model.go(Screen::Application);
    }
    ImGui::SameLine();
  }
  if (button(apply, "home.new_application", ButtonKind::Primary)) newApplication(app, m.selectedId());
  ImGui::EndDisabled();
}

}  // namespace

void drawHome(App& app) {
  if (!app.model.session()) return;
  app.home.refreshIfStale();
  searchBar(app);
  counters(app);
  ImGui::Spacing();

  // The action bar stays in view below the list: the list gets what the bar (as tall as it was
  // last frame: one row, or two when its buttons wrap under the name) leaves, down to a few rows.
  static float barHeight = 0;
  if (barHeight == 0) barHeight = ImGui::GetFontSize() * 2.2f + ImGui::GetStyle().ItemSpacing.y * 3;
  const float listHeight = std::max(ImGui::GetContentRegionAvail().y - barHeight, ImGui::GetFontSize() * 5);
  const float panelWidth = std::min(ImGui::GetFontSize() * 15, ImGui::GetContentRegionAvail().x * 0.3f);
  ImGui::BeginChild("home-villages", ImVec2(panelWidth, listHeight), false);
  villagePanel(app.home);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginGroup();
  residentList(app, listHeight);
  ImGui::EndGroup();
  const float barTop = ImGui::GetCursorPosY();
  ImGui::Separator();
  actionBar(app);
  barHeight = ImGui::GetCursorPosY() - barTop;
}

}  // namespace gocua::app::ui
