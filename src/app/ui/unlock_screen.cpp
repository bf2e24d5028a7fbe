// Unlock: who is working today, their passphrase, one big button. The passphrase box keeps
// focus so a volunteer can type and press Enter.
#include <imgui.h>

#include "app/ui/screens.h"
#include "core/i18n.h"
#include "ui/widgets.h"

namespace gocua::app::ui {

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
  mutedText(i18n::tr("app.unlock.forgot"));
  ImGui::PopItemWidth();
  ImGui::EndGroup();
}

}  // namespace gocua::app::ui
