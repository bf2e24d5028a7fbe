// Bài tập thực hành: the list of scenarios, the chosen one's situation, task, start and check, its
// questions, what was missed, and the trainer's table of scores.
#include <imgui.h>

#include <string>

#include "app/ui/screens.h"
#include "core/i18n.h"
#include "ui/page.h"
#include "ui/widgets.h"

namespace gocua::app::ui {

namespace {

void scenarioList(ScenarioModel& m, float height) {
  ImGui::BeginChild("scenario-list", ImVec2(0, height), true);
  for (std::size_t i = 0; i < m.entries().size(); ++i) {
    const auto& e = m.entries()[i];
    const std::string label = std::to_string(i + 1) + ". " + e.title + (e.score.empty() ? "" : "  (" + e.score + ")");
    if (ImGui::Selectable((label + "##scenario-" + e.id).c_str(), m.chosen() == static_cast<int>(i)))
      m.choose(static_cast<int>(i));
    mark("scenarios.item." + e.id);
  }
  ImGui::EndChild();
}

void questions(ScenarioModel& m, const training::Scenario& s) {
  for (const auto& c : s.checks) {
    if (c.kind != training::CheckKind::Question) continue;
    ImGui::Spacing();
    ImGui::TextWrapped("%s", c.question.in(i18n::lang()).c_str());
    for (const auto& choice : c.choices) {
      const bool on = m.answers[c.id] == choice.value;
      if (ImGui::RadioButton((choice.label.in(i18n::lang()) + "##" + c.id + "-" + choice.value).c_str(), on))
        m.answers[c.id] = choice.value;
      mark("scenarios.answer." + c.id + "." + choice.value);
    }
  }
}

void details(ScenarioModel& m) {
  const auto* s = m.scenario();
  if (!s) {
    mutedText(i18n::tr("app.scenarios.pick"));
    return;
  }
  heading(s->title.in(i18n::lang()));
  ImGui::TextWrapped("%s", s->situation.in(i18n::lang()).c_str());
  ImGui::Spacing();
  largeText(i18n::tr("app.scenarios.task"));
  ImGui::TextWrapped("%s", s->task.in(i18n::lang()).c_str());
  questions(m, *s);
  ImGui::Spacing();
  if (m.started()) mutedText(i18n::tr("app.scenarios.work_hint"));
  if (!m.summary().empty()) largeText(m.summary());
  if (m.takeScrollToOutcome()) ImGui::SetScrollHereY(0.3f);  // just checked: show the result
  for (std::size_t i = 0; i < m.outcomes().size(); ++i) {
    const auto& o = m.outcomes()[i];
    const std::string n = std::to_string(i + 1);
    if (o.passed)
      okText(i18n::tr("app.scenarios.passed", {{"n", n}}));
    else
      errorText(i18n::tr("app.scenarios.missed", {{"n", n}, {"text", o.missed}}));
    mark("scenarios.outcome." + o.id + (o.passed ? ".passed" : ".missed"));  // for the GUI test
  }
}

// Start and Kiểm tra stay at the bottom of the window, whatever the text size.
void actionBar(App& app, ScenarioModel& m) {
  const auto* s = m.scenario();
  if (!s) return;
  if (!s->residents.empty() && !m.started()) {
    if (button(i18n::tr("app.scenarios.start"), "scenarios.start", ButtonKind::Primary) && m.start(app.model))
      app.home.open(app.model);  // the new residents are on Home at once
    ImGui::SameLine();
  }
  if (button(i18n::tr("app.scenarios.check"), "scenarios.check",
             s->residents.empty() || m.started() ? ButtonKind::Primary : ButtonKind::Normal))
    m.check(app.model);
  if (!m.summary().empty()) {
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    largeText(m.summary());
  }
}

void scoreTable(ScenarioModel& m, AppModel& model) {
  heading(i18n::tr("app.scenarios.scores"));
  if (m.scores().empty()) {
    mutedText(i18n::tr("app.scenarios.no_scores"));
    return;
  }
  if (ImGui::BeginTable("scenario-scores", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    for (const char* key : {"app.scenarios.col.trainee", "app.scenarios.col.scenario", "app.scenarios.col.score",
                            "app.scenarios.col.attempts"})
      ImGui::TableSetupColumn(i18n::tr(key).c_str());
    ImGui::TableHeadersRow();
    for (const auto& s : m.scores()) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(s.trainee.c_str());
      ImGui::TableNextColumn();
      std::string title = s.scenario;
      for (const auto& e : m.entries())
        if (e.id == s.scenario) title = e.title;
      ImGui::TextUnformatted(title.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%d/%d", s.passed, s.total);
      ImGui::TableNextColumn();
      ImGui::Text("%d", s.attempts);
    }
    ImGui::EndTable();
  }
  if (!m.confirmingReset) {
    if (button(i18n::tr("app.scenarios.reset"), "scenarios.reset")) m.confirmingReset = true;
    return;
  }
  warningText(i18n::tr("app.scenarios.reset_confirm"));
  if (button(i18n::tr("app.scenarios.reset_yes"), "scenarios.reset.yes", ButtonKind::Primary)) m.resetScores(model);
  ImGui::SameLine();
  if (button(i18n::tr("app.scenarios.reset_no"), "scenarios.reset.no")) m.confirmingReset = false;
}

}  // namespace

void drawScenarios(App& app) {
  auto& m = app.scenarios;
  heading(i18n::tr("app.scenarios.title"));
  if (m.blocked()) {
    mutedText(i18n::tr("app.scenarios.blocked"));
    return;
  }
  for (const auto& p : m.loadProblems()) errorText(p);
  if (!m.error().empty()) errorText(m.error());
  const float barHeight = m.scenario() ? ImGui::GetFrameHeightWithSpacing() * 1.6f + ImGui::GetFontSize() : 0.0f;
  const bool boxed = beginBodyAboveBar("scenarios-body", barHeight);
  scenarioList(m, std::min(ImGui::GetTextLineHeightWithSpacing() * (static_cast<float>(m.entries().size()) + 1.0f),
                           ImGui::GetContentRegionAvail().y * 0.35f));
  ImGui::Spacing();
  details(m);
  ImGui::Spacing();
  ImGui::Separator();
  scoreTable(m, app.model);
  endBodyAboveBar(boxed);
  if (m.scenario()) {
    ImGui::Separator();
    actionBar(app, m);
  }
}

}  // namespace gocua::app::ui
