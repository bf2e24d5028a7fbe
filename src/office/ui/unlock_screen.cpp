// Unlock: who is at the desk today, their passphrase, one big button. The passphrase box keeps
// focus so staff can type and press Enter.
#include <imgui.h>

#include <algorithm>

#include "core/i18n.h"
#include "office/ui/office_app.h"
#include "ui/widgets.h"

namespace gocua::office::window {

void drawUnlock(OfficeApp& app) {
  auto& m = app.unlock;
  app.pollUnlock(app.now);
  if (app.model.screen() != Screen::Unlock) return;
  const float width = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 28);
  ImGui::SetCursorPosX((ImGui::GetContentRegionAvail().x - width) / 2);
  ImGui::BeginGroup();
  ImGui::Dummy(ImVec2(width, ImGui::GetFontSize()));
  heading(i18n::tr("office.unlock.title"));
  const auto& names = m.staff();
  if (names.empty()) {
    errorText(m.error().empty() ? i18n::tr("office.unlock.no_staff") : m.error());
    ImGui::EndGroup();
    return;
  }
  ImGui::TextUnformatted(i18n::tr("office.unlock.staff").c_str());
  for (int i = 0; i < static_cast<int>(names.size()); ++i) {
    if (ImGui::Selectable((names[i] + "##staff" + std::to_string(i)).c_str(), m.selected == i, 0,
                          ImVec2(width, ImGui::GetFontSize() * 1.6f)))
      m.selected = i;
    mark("unlock.staff." + std::to_string(i));
  }
  ImGui::Spacing();
  bool enter = false;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));  // part of the page, not a panel
  ImGui::BeginChild("unlock-fields", ImVec2(width, ImGui::GetFontSize() * 7), false, ImGuiWindowFlags_NoScrollbar);
  ImGui::PopStyleColor();
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere(1);
  passwordField(i18n::tr("office.unlock.passphrase"), "unlock.passphrase", &m.passphrase, &enter);
  if (!m.error().empty()) errorText(m.error());
  ImGui::EndChild();
  if (m.busy()) {
    ImGui::TextUnformatted(i18n::tr("office.unlock.busy").c_str());
  } else {
    ImGui::BeginDisabled(!m.canSubmit());
    if (button(i18n::tr("office.unlock.submit"), "unlock.submit", ButtonKind::Primary, width) ||
        (enter && m.canSubmit()))
      m.submit(app.model, app.wake);
    ImGui::EndDisabled();
  }
  ImGui::Spacing();
  mutedText(i18n::tr("office.unlock.forgot"));
  if (app.receive.running()) {
    // Locked, still receiving: say so, and let anyone passing stop it without the passphrase.
    ImGui::Spacing();
    const auto& addresses = app.receive.addresses();
    const std::string where = addresses.empty() ? app.receive.boundAddress() : addresses.front();
    warningText(i18n::tr("office.receive.while_locked", {{"address", where}}));
    if (button(i18n::tr("office.receive.stop"), "unlock.receive_stop")) app.receive.switchOff();
  }
  ImGui::EndGroup();
}

}  // namespace gocua::office::window
