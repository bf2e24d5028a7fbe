// Buổi tập huấn: the trainer's form for one digital-skills session (one column, so it reads at any
// text size), the save bar that stays at the bottom, and the sessions already logged.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/ui/screens.h"
#include "core/i18n.h"
#include "ui/page.h"
#include "ui/typing_input.h"
#include "ui/widgets.h"

namespace gocua::app::ui {

namespace {

void fieldMessage(SkillsSessionModel& m, const std::string& field) {
  const auto text = m.message(field);
  if (text.empty()) return;
  errorText(text);
  if (m.takeScrollToProblem()) ImGui::SetScrollHereY(0.5f);  // the first problem, after a refused save
}

// A whole number from 0 up, typed or stepped. The field and its - and + buttons are separate
// items so the map publishes each where it is (id, id.minus, id.plus): InputInt's own step
// buttons would make the field's published rectangle the whole group.
void countInput(const std::string& id, int* value) {
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4);  // room for 4 digits
  ImGui::InputInt(("##" + id).c_str(), value, 0, 0);
  mark(id);
  const float gap = ImGui::GetStyle().ItemInnerSpacing.x;
  const ImVec2 square(ImGui::GetFrameHeight(), ImGui::GetFrameHeight());
  ImGui::SameLine(0, gap);
  if (ImGui::Button(("-##" + id).c_str(), square)) --*value;
  mark(id + ".minus");
  ImGui::SameLine(0, gap);
  if (ImGui::Button(("+##" + id).c_str(), square)) ++*value;
  mark(id + ".plus");
  *value = std::max(0, *value);
}

float countInputWidth() {
  return ImGui::GetFontSize() * 4 + 2 * (ImGui::GetStyle().ItemInnerSpacing.x + ImGui::GetFrameHeight());
}

std::string attendeeId(std::size_t sex, std::size_t band) {
  return std::string("sessions.attendees.") + SkillsSessionModel::kSexes[sex] + "." +
         SkillsSessionModel::kAgeBands[band];
}

void attendeesTable(SkillsSessionModel& m) {
  ImGui::TextUnformatted(i18n::tr("app.sessions.attendees").c_str());
  const char* bandKeys[] = {"app.sessions.band.under_18", "app.sessions.band.18_59", "app.sessions.band.60_plus"};
  const char* sexKeys[] = {"app.sessions.sex.female", "app.sessions.sex.male"};
  // A grid (sex × age band) where it fits; at large text on a small screen one band per line
  // under each sex instead, so no - or + button falls off the window.
  const float cellPadding = ImGui::GetStyle().CellPadding.x * 2;
  float grid = 0;
  for (const char* sex : sexKeys) grid = std::max(grid, ImGui::CalcTextSize(i18n::tr(sex).c_str()).x);
  for (const char* band : bandKeys)
    grid += std::max(countInputWidth(), ImGui::CalcTextSize(i18n::tr(band).c_str()).x) + cellPadding;
  if (grid + cellPadding > ImGui::GetContentRegionAvail().x) {
    if (ImGui::BeginTable("sessions-attendees-stacked", 2, ImGuiTableFlags_SizingFixedFit)) {
      for (std::size_t sex = 0; sex < 2; ++sex) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(i18n::tr(sexKeys[sex]).c_str());
        for (std::size_t band = 0; band < 3; ++band) {
          ImGui::TableNextRow();
          ImGui::TableNextColumn();
          ImGui::AlignTextToFramePadding();
          ImGui::TextUnformatted(i18n::tr(bandKeys[band]).c_str());
          ImGui::TableNextColumn();
          countInput(attendeeId(sex, band), &m.attendees[sex][band]);
        }
      }
      ImGui::EndTable();
    }
  } else if (ImGui::BeginTable("sessions-attendees", 4, ImGuiTableFlags_SizingFixedFit)) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    for (const char* band : bandKeys) {
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(i18n::tr(band).c_str());
    }
    for (std::size_t sex = 0; sex < 2; ++sex) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(i18n::tr(sexKeys[sex]).c_str());
      for (std::size_t band = 0; band < 3; ++band) {
        ImGui::TableNextColumn();
        countInput(attendeeId(sex, band), &m.attendees[sex][band]);
      }
    }
    ImGui::EndTable();
  }
  mutedText(i18n::tr("app.sessions.total", {{"count", std::to_string(m.attendance())}}));
  fieldMessage(m, "attendees");
}

void helpedInputs(SkillsSessionModel& m) {
  for (std::size_t i = 0; i < SkillsSessionModel::kHelped.size(); ++i) {
    const std::string key = SkillsSessionModel::kHelped[i];
    countInput("sessions.helped." + key, &m.helped[i]);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::PushTextWrapPos(0);  // a long line wraps beside its counter at large text
    ImGui::TextUnformatted(i18n::tr("app.sessions.helped." + key).c_str());
    ImGui::PopTextWrapPos();
    fieldMessage(m, "helped." + key);
  }
}

// Named attendees: a search box, the residents it finds (one click adds), the names added.
void participants(App& app, SkillsSessionModel& m) {
  const std::string before = m.participantQuery;
  textField(i18n::tr("app.sessions.participants"), "sessions.participant_search", &m.participantQuery, 0,
            i18n::tr("app.sessions.participants_hint"), TextKind::Words);
  if (m.participantQuery != before) m.searchParticipants(app.model);
  for (std::size_t i = 0; i < m.found().size(); ++i) {
    const auto& p = m.found()[i];
    if (button(i18n::tr("app.sessions.participant_add", {{"name", p.name}, {"detail", p.detail}}),
               "sessions.found." + std::to_string(i))) {
      m.addParticipant(i);
      break;  // the list changed under the loop
    }
  }
  for (std::size_t i = 0; i < m.participants().size(); ++i) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted((m.participants()[i].name + "  ·  " + m.participants()[i].detail).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(
            (i18n::tr("app.sessions.participant_remove") + "##participant-" + std::to_string(i)).c_str())) {
      m.removeParticipant(i);
      break;
    }
    mark("sessions.participant_remove." + std::to_string(i));
  }
  fieldMessage(m, "participants");
}

void form(SkillsSessionModel& m) {
  textField(i18n::tr("app.sessions.date"), "sessions.date", &m.date, 0, "dd/mm/yyyy");
  fieldMessage(m, "date");
  textField(i18n::tr("app.sessions.village"), "sessions.village", &m.village, 0, {}, TextKind::Words);
  if (!m.villages().empty()) {  // the villages residents live in, one click each
    for (std::size_t i = 0; i < m.villages().size(); ++i) {
      const auto& v = m.villages()[i];
      if (i > 0) sameLineIfFits(ImGui::CalcTextSize(v.c_str()).x + ImGui::GetStyle().FramePadding.x * 2);
      if (ImGui::SmallButton((v + "##village-" + std::to_string(i)).c_str())) m.village = v;
      mark("sessions.village." + std::to_string(i));
    }
  }
  fieldMessage(m, "village");
  textField(i18n::tr("app.sessions.place"), "sessions.place", &m.place, 0, i18n::tr("app.sessions.place_hint"),
            TextKind::Words);
  fieldMessage(m, "place");
  ImGui::Spacing();
  ImGui::TextUnformatted(i18n::tr("app.sessions.topics").c_str());
  for (std::size_t i = 0; i < m.topics().size() && i < m.topicChosen.size(); ++i) {
    bool on = m.topicChosen[i];
    if (ImGui::Checkbox((m.topics()[i].label + "##topic-" + m.topics()[i].value).c_str(), &on)) m.topicChosen[i] = on;
    mark("sessions.topic." + m.topics()[i].value);
  }
  fieldMessage(m, "topics");
  textField(i18n::tr("app.sessions.trainers"), "sessions.trainers", &m.trainers, 0,
            i18n::tr("app.sessions.trainers_hint"), TextKind::Words);
  fieldMessage(m, "trainers");
  ImGui::Spacing();
  attendeesTable(m);
  ImGui::Spacing();
  helpedInputs(m);
  textField(i18n::tr("app.sessions.notes"), "sessions.notes", &m.notes, 0, {}, TextKind::Words);
  fieldMessage(m, "notes");
}

void loggedList(const SkillsSessionModel& m) {
  heading(i18n::tr("app.sessions.logged", {{"count", std::to_string(m.logged().size())}}));
  if (!m.loadError().empty()) errorText(m.loadError());
  if (m.logged().empty()) {
    mutedText(i18n::tr("app.sessions.none"));
    return;
  }
  for (const auto& s : m.logged()) {
    ImGui::TextWrapped("%s", i18n::tr("app.sessions.row",
                                      {{"date", s.date}, {"village", s.village}, {"count", std::to_string(s.attended)}})
                                 .c_str());
    mutedText(s.topics + " · " + i18n::tr(s.synced ? "app.sessions.synced" : "app.sessions.not_synced"));
  }
}

}  // namespace

void drawSessions(App& app) {
  auto& m = app.sessions;
  heading(i18n::tr("app.sessions.title"));
  mutedText(i18n::tr("app.sessions.explain"));
  const float barHeight = ImGui::GetFrameHeightWithSpacing() * 1.6f + ImGui::GetFontSize() * 1.5f;
  const bool boxed = beginBodyAboveBar("sessions-form", barHeight);
  form(m);
  participants(app, m);
  ImGui::Spacing();
  ImGui::Separator();
  loggedList(m);
  endBodyAboveBar(boxed);
  ImGui::Separator();
  if (button(i18n::tr("app.sessions.save"), "sessions.save", ButtonKind::Primary)) m.save(app.model);
  ImGui::SameLine();
  if (button(i18n::tr("app.sessions.back"), "sessions.back")) goHome(app);
  if (!m.saved().empty()) okText(m.saved());
  if (m.refused()) errorText(i18n::tr("app.sessions.refused"));
}

}  // namespace gocua::app::ui
