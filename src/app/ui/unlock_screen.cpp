// Unlock: who is working today, their passphrase, one big button. The passphrase box keeps
// focus so a volunteer can type and press Enter.
#include <imgui.h>

#include <algorithm>

#include "app/ui/screens.h"
#include "core/i18n.h"
#include "ui/folder_picker_widget.h"
#include "ui/strength_meter.h"
#include "ui/widgets.h"

namespace gocua::app::ui {

namespace {

// "Quên mật khẩu?": the recovery file from the commune office, its code, a new passphrase twice.
void drawRecovery(App& app, float width) {
  auto& m = app.unlock;
  auto& r = m.recovery;
  r.poll(app.model, app.now);
  if (app.model.screen() != Screen::Unlock) {
    m.recovering = false;
    returnAfterUnlock(app.model, app);
    return;
  }
  const auto& names = m.volunteers();
  const std::string who = names.empty() ? std::string() : names[static_cast<std::size_t>(m.selected)];
  // The form scrolls inside the column; the two buttons stay below it, always in view.
  const float barHeight = ImGui::GetFrameHeightWithSpacing() * 2.4f + ImGui::GetFontSize();
  ImGui::BeginChild("recovery-form",
                    ImVec2(width, std::max(ImGui::GetContentRegionAvail().y - barHeight, ImGui::GetFontSize() * 8)));
  heading(i18n::tr("app.recovery.title", {{"name", who}}));
  mutedText(i18n::tr("app.recovery.explain"));
  panels::drawFolderPicker(r.folder, "recovery.folder", app.now);
  const auto& files = r.files();
  if (files.empty()) mutedText(i18n::tr("app.recovery.no_file"));
  for (std::size_t i = 0; i < files.size(); ++i)
    if (panels::fileRow(files[i], "recovery.file." + std::to_string(i), r.chosen == files[i].path))
      r.chosen = files[i].path;
  ImGui::Spacing();
  textField(i18n::tr("app.recovery.code"), "recovery.code", &r.code, 0, i18n::tr("app.recovery.code_hint"));
  bool enter = false;
  passwordField(i18n::tr("app.recovery.new_passphrase"), "recovery.passphrase", &r.passphrase, &enter);
  if (!r.passphrase.empty()) strengthMeter(r.strength(who));
  // A weak meter already says why; otherwise the vault's own refusal, if any, in words.
  if (const auto e = r.passphraseError(); !e.empty() && r.strength(who).level != Strength::Weak) errorText(e);
  passwordField(i18n::tr("app.recovery.confirm"), "recovery.confirm", &r.confirm, &enter);
  if (const auto e = r.confirmError(); !e.empty()) errorText(e);
  ImGui::EndChild();
  if (!r.error().empty()) errorText(r.error());  // under the form, next to the button that failed
  if (r.busy()) {
    ImGui::TextUnformatted(i18n::tr("app.recovery.busy").c_str());
    return;
  }
  ImGui::BeginDisabled(!r.canSubmit());
  if (button(i18n::tr("app.recovery.submit"), "recovery.submit", ButtonKind::Primary, width) ||
      (enter && r.canSubmit()))
    r.submit(app.model, who, app.wake);
  ImGui::EndDisabled();
  if (button(i18n::tr("app.recovery.back"), "recovery.back")) {
    r.reset();
    m.recovering = false;
  }
}

}  // namespace

void drawUnlock(App& app) {
  auto& m = app.unlock;
  m.poll(app.model, app.now);
  if (app.model.screen() != Screen::Unlock) {  // the unlock just finished: back where the volunteer was
    returnAfterUnlock(app.model, app);
    return;
  }
  const float width = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 28);
  ImGui::SetCursorPosX((ImGui::GetContentRegionAvail().x - width) / 2);
  ImGui::BeginGroup();
  ImGui::Dummy(ImVec2(width, ImGui::GetFontSize()));
  heading(i18n::tr("app.unlock.title"));
  if (!app.model.workspace()) {
    errorText(m.error().empty() ? i18n::tr("app.unlock.no_workspace") : m.error());
    ImGui::EndGroup();
    return;
  }
  ImGui::PushItemWidth(width);
  if (m.recovering) {
    drawRecovery(app, width);
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    return;
  }
  ImGui::TextUnformatted(i18n::tr("app.unlock.volunteer").c_str());
  const auto& names = m.volunteers();
  for (int i = 0; i < static_cast<int>(names.size()); ++i) {
    const bool chosen = m.selected == i;
    if (ImGui::Selectable((names[i] + "##vol" + std::to_string(i)).c_str(), chosen, 0,
                          ImVec2(width, ImGui::GetFontSize() * 1.6f)))
      m.selected = i;
    mark("unlock.volunteer." + std::to_string(i));
  }
  ImGui::Spacing();
  bool enter = false;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));  // part of the page, not a panel
  ImGui::BeginChild("unlock-fields", ImVec2(width, ImGui::GetFontSize() * 9), false, ImGuiWindowFlags_NoScrollbar);
  ImGui::PopStyleColor();
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere(1);
  passwordField(i18n::tr("app.unlock.passphrase"), "unlock.passphrase", &m.passphrase, &enter);
  if (!m.hint.empty()) mutedText(m.hint);
  if (!m.error().empty()) errorText(m.error());
  ImGui::EndChild();
  if (m.busy()) {
    ImGui::TextUnformatted(i18n::tr("app.unlock.busy").c_str());
  } else {
    ImGui::BeginDisabled(!m.canSubmit());
    if (button(i18n::tr("app.unlock.submit"), "unlock.submit", ButtonKind::Primary, width) || (enter && m.canSubmit()))
      m.submit(app.model, app.wake);
    ImGui::EndDisabled();
  }
  ImGui::Spacing();
  if (button(i18n::tr("app.unlock.forgot"), "unlock.forgot")) {  // reset with the commune's recovery file
    m.recovering = true;
    m.recovery.open();
  }
  ImGui::PopItemWidth();
  ImGui::EndGroup();
}

}  // namespace gocua::app::ui
