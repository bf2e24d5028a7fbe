// First run: two big language buttons, then the workspace form (name, passphrase twice with a
// strength meter, training checkbox) and one button. Everything it shows comes from FirstRunModel.
#include <imgui.h>

#include <algorithm>

#include "app/ui/screens.h"
#include "core/i18n.h"
#include "ui/fonts.h"
#include "ui/strength_meter.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace gocua::app::ui {

namespace {

void centredColumn(float width) {
  ImGui::SetCursorPosX(std::max(0.0f, (ImGui::GetContentRegionAvail().x - width) / 2));
}

void languageStep(App& app, float width) {
  auto& m = app.firstRun;
  ImGui::Dummy(ImVec2(width, ImGui::GetFontSize() * 2));
  heading(i18n::tr(i18n::Lang::Vi, "app.first_run.welcome"));
  mutedText(i18n::tr(i18n::Lang::En, "app.first_run.welcome"));
  ImGui::Spacing();
  ImGui::Spacing();
  largeText(i18n::tr(i18n::Lang::Vi, "app.first_run.title_language") + " / " +
            i18n::tr(i18n::Lang::En, "app.first_run.title_language"));
  ImGui::Spacing();
  const i18n::Lang current = m.language(app.model);
  ImGui::PushFont(fonts().large);
  if (button(i18n::tr(i18n::Lang::Vi, "app.first_run.lang_vi"), "first_run.lang.vi",
             current == i18n::Lang::Vi ? ButtonKind::Primary : ButtonKind::Normal, width))
    m.chooseLanguage(app.model, i18n::Lang::Vi);
  ImGui::Spacing();
  if (button(i18n::tr(i18n::Lang::En, "app.first_run.lang_en"), "first_run.lang.en",
             current == i18n::Lang::En ? ButtonKind::Primary : ButtonKind::Normal, width))
    m.chooseLanguage(app.model, i18n::Lang::En);
  ImGui::PopFont();
  ImGui::Spacing();
  mutedText(i18n::tr("app.first_run.language_hint"));
  ImGui::Spacing();
  ImGui::Spacing();
  if (button(i18n::tr("app.first_run.next"), "first_run.next", ButtonKind::Primary, width)) m.next(app.model);
}

void workspaceStep(App& app) {
  auto& m = app.firstRun;
  ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 0.5f));
  mutedText(i18n::tr("app.first_run.step", {{"n", "2"}}));
  heading(i18n::tr("app.first_run.title_workspace"));
  mutedText(i18n::tr("app.first_run.intro"));
  ImGui::Spacing();
  ImGui::BeginDisabled(m.busy());
  if (textField(i18n::tr("app.first_run.volunteer"), "first_run.volunteer", &m.volunteer, 0,
                i18n::tr("app.first_run.volunteer_hint"), TextKind::Words))
    m.volunteerLeft();
  if (!m.volunteerError().empty()) errorText(m.volunteerError());
  ImGui::Spacing();

  passwordField(i18n::tr("app.first_run.passphrase"), "first_run.passphrase", &m.passphrase, nullptr);
  if (m.passphrase.empty()) {
    mutedText(i18n::tr("app.first_run.passphrase_tip"));
  } else if (const std::string err = m.passphraseError(); !err.empty()) {
    errorText(err);
  } else {
    strengthMeter(m.strength());
  }
  ImGui::Spacing();
  bool enter = false;
  passwordField(i18n::tr("app.first_run.confirm"), "first_run.confirm", &m.confirm, &enter);
  if (const std::string err = m.confirmError(); !err.empty())
    errorText(err);
  else if (!m.confirm.empty() && m.confirm == m.passphrase)
    okText(i18n::tr("app.first_run.match"));
  ImGui::Spacing();
  ImGui::Checkbox(i18n::tr("app.first_run.training").c_str(), &m.training);
  mark("first_run.training");
  mutedText(i18n::tr("app.first_run.training_hint"));
  ImGui::EndDisabled();
  ImGui::Spacing();
  warningText(i18n::tr("app.first_run.remember"));
  ImGui::Spacing();
  if (!m.error().empty()) errorText(m.error());
  if (m.busy()) {
    largeText(i18n::tr("app.first_run.creating"));
  } else {
    const float back =
        ImGui::CalcTextSize(i18n::tr("app.first_run.back").c_str()).x + ImGui::GetStyle().FramePadding.x * 4;
    if (button(i18n::tr("app.first_run.back"), "first_run.back", ButtonKind::Normal, back)) m.back();
    ImGui::SameLine();
    ImGui::BeginDisabled(!m.canCreate());
    if (button(i18n::tr("app.first_run.create"), "first_run.create", ButtonKind::Primary, -1) ||
        (enter && m.canCreate()))
      m.create(app.model, app.wake);
    ImGui::EndDisabled();
  }
}

}  // namespace

void drawFirstRun(App& app) {
  auto& m = app.firstRun;
  m.poll(app.model, app.now);
  if (app.model.screen() == Screen::Home) {
    goHome(app);
    return;
  }
  if (app.model.screen() == Screen::Unlock) {  // created, but the unlock did not follow
    app.unlock.load(app.model);
    return;
  }
  const float width = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 32);
  centredColumn(width);
  // A child of the column's width: full-width fields and wrapped text stay inside the column.
  ImGui::BeginChild("first-run-column", ImVec2(width, 0), false);
  const float inner = ImGui::GetContentRegionAvail().x;
  if (m.step() == FirstRunModel::Step::Language)
    languageStep(app, inner);
  else
    workspaceStep(app);
  ImGui::EndChild();
}

}  // namespace gocua::app::ui
