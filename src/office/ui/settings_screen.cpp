// Settings: the display settings both programs share, applied with one button; then the staff
// who may unlock the desk, adding a colleague and removing one (asked twice).
#include <imgui.h>

#include <algorithm>

#include "core/i18n.h"
#include "office/ui/office_app.h"
#include "ui/folder_picker_widget.h"
#include "ui/settings_panel.h"
#include "ui/strength_meter.h"
#include "ui/widgets.h"

namespace gocua::office::window {

namespace {

using namespace gocua::ui::panels;

void staffRow(OfficeApp& app, std::size_t i) {
  auto& m = app.staff;
  const auto& row = m.rows()[i];
  const std::string id = std::to_string(i);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(row.name.c_str());
  mark("staff.row." + id);
  std::string about = row.addedBy.empty()
                          ? i18n::tr("office.staff.first", {{"day", row.added}})
                          : i18n::tr("office.staff.added_on", {{"day", row.added}, {"by", row.addedBy}});
  if (row.me) about += " " + i18n::tr("office.staff.me");
  sameLineIfFits(ImGui::CalcTextSize(about.c_str()).x);
  mutedText(about);
  if (row.me) return;
  if (m.removing() == i) {
    warningText(i18n::tr("office.staff.remove_confirm", {{"name", row.name}}));
    if (button(i18n::tr("office.staff.remove_yes"), "staff.remove_yes." + id, ButtonKind::Primary))
      m.confirmRemove(app.model);
    ImGui::SameLine();
    if (button(i18n::tr("office.staff.remove_no"), "staff.remove_no." + id)) m.cancelRemove();
    return;
  }
  const std::string remove = i18n::tr("office.staff.remove");
  sameLineIfFits(buttonWidthFor(remove));
  if (button(remove, "staff.remove." + id)) m.askRemove(i);
}

void staffCard(OfficeApp& app) {
  auto& m = app.staff;
  m.poll(app.model);
  beginCard("settings-staff");
  heading(i18n::tr("office.staff.title"));
  mutedText(i18n::tr("office.staff.explain"));
  for (std::size_t i = 0; i < m.rows().size(); ++i) staffRow(app, i);
  ImGui::Spacing();
  ImGui::TextUnformatted(i18n::tr("office.staff.add_title").c_str());
  ImGui::BeginDisabled(m.busy());
  textField(i18n::tr("office.staff.name"), "staff.name", &m.name, 0, i18n::tr("office.staff.name_hint"),
            TextKind::Words);
  passwordField(i18n::tr("office.staff.passphrase"), "staff.passphrase", &m.passphrase, nullptr);
  if (!m.passphrase.empty()) strengthMeter(m.strength());
  bool enter = false;
  passwordField(i18n::tr("office.setup.confirm"), "staff.confirm", &m.confirm, &enter);
  ImGui::EndDisabled();
  if (!m.error().empty()) errorText(m.error());
  if (m.busy()) {
    mutedText(i18n::tr("office.staff.adding"));
  } else {
    const std::string problem = m.problem();
    if (!problem.empty() && m.error().empty() && !(m.name.empty() && m.passphrase.empty())) mutedText(problem);
    ImGui::BeginDisabled(!problem.empty());
    if (button(i18n::tr("office.staff.add"), "staff.add", ButtonKind::Primary) || (enter && problem.empty()))
      m.add(app.model, app.wake);
    ImGui::EndDisabled();
  }
  endCard();
}

}  // namespace

void drawSettings(OfficeApp& app) {
  heading(i18n::tr("office.settings.title"));
  ImGui::BeginChild("settings-all", ImVec2(0, ImGui::GetContentRegionAvail().y));
  drawDisplaySettings(app.settings.draft);
  if (button(i18n::tr("app.settings.apply"), "settings.apply", ButtonKind::Primary))
    app.looksChanged = app.settings.apply(app.model) || app.looksChanged;
  ImGui::Spacing();
  staffCard(app);
  ImGui::EndChild();
}

}  // namespace gocua::office::window
