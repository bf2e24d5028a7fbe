// First run (Tạo dữ liệu xã), three steps in one column: the commune from the 2025 list, the
// villages and the first staff member with their passphrase, then the commune's key code in large
// type with its poster. Everything shown comes from SetupModel.
#include <imgui.h>

#include <algorithm>

#include "core/i18n.h"
#include "office/ui/filter_combo.h"
#include "office/ui/office_app.h"
#include "ui/folder_picker_widget.h"
#include "ui/fonts.h"
#include "ui/strength_meter.h"
#include "ui/widgets.h"

namespace gocua::office::window {

namespace {

using namespace gocua::ui::panels;

void stepLine(int n, const char* titleKey) {
  mutedText(i18n::tr("office.setup.step", {{"n", std::to_string(n)}}));
  heading(i18n::tr(titleKey));
}

std::string communeLine(const hub::AdminUnit& u) { return u.name + " — " + u.provinceName + " (" + u.code + ")"; }

void communeStep(OfficeApp& app, float width) {
  auto& m = app.setup;
  stepLine(1, "office.setup.title_commune");
  mutedText(i18n::tr("office.setup.intro"));
  std::vector<std::pair<std::string, std::string>> provinces{{"", i18n::tr("office.setup.any_province")}};
  for (const auto& p : m.provinces()) provinces.emplace_back(p, p);
  filterCombo("setup.province", i18n::tr("office.setup.province"), width, provinces, m.province);
  textField(i18n::tr("office.setup.search"), "setup.search", &m.query, 0, i18n::tr("office.setup.search_hint"),
            TextKind::Words);
  const auto& found = m.matches();
  const float rows = std::clamp(static_cast<float>(found.size()), 3.0f, 8.0f);
  ImGui::BeginChild("setup-communes", ImVec2(width, rows * ImGui::GetFrameHeightWithSpacing()), true);
  if (found.empty()) mutedText(i18n::tr("office.setup.no_match"));
  for (std::size_t i = 0; i < found.size(); ++i) {
    const bool chosen = m.chosen() && m.chosen()->code == found[i].code;
    if (ImGui::Selectable((communeLine(found[i]) + "##commune" + std::to_string(i)).c_str(), chosen))
      m.choose(found[i]);
    mark("setup.commune." + std::to_string(i));
  }
  ImGui::EndChild();
  if (m.matchCount() > found.size())
    mutedText(i18n::tr("office.setup.more", {{"count", std::to_string(m.matchCount() - found.size())}}));
  if (m.chosen()) okText(i18n::tr("office.setup.chosen", {{"commune", communeLine(*m.chosen())}}));
  ImGui::Spacing();
  ImGui::BeginDisabled(!m.chosen());
  if (button(i18n::tr("office.setup.next"), "setup.next", ButtonKind::Primary, width)) m.toPeople();
  ImGui::EndDisabled();
}

void villagesPart(SetupModel& m) {
  ImGui::TextUnformatted(i18n::tr("office.setup.villages").c_str());
  for (std::size_t i = 0; i < m.villages.size(); ++i) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(m.villages[i].c_str());
    const std::string remove = i18n::tr("office.setup.village_remove");
    sameLineIfFits(buttonWidthFor(remove));
    if (button(remove, "setup.village_remove." + std::to_string(i))) {
      m.removeVillage(i);
      break;
    }
  }
  textField(i18n::tr("office.setup.village"), "setup.village", &m.villageDraft, 0,
            i18n::tr("office.setup.village_hint"), TextKind::Words);
  const bool enter = ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter));
  if (button(i18n::tr("office.setup.village_add"), "setup.village_add") || (enter && !m.villageDraft.empty()))
    m.addVillage();
}

void peopleStep(OfficeApp& app, float width) {
  auto& m = app.setup;
  stepLine(2, "office.setup.title_people");
  if (m.chosen()) okText(communeLine(*m.chosen()));
  ImGui::BeginDisabled(m.busy());
  villagesPart(m);
  ImGui::Spacing();
  textField(i18n::tr("office.setup.staff"), "setup.staff", &m.staffName, 0, i18n::tr("office.setup.staff_hint"),
            TextKind::Words);
  passwordField(i18n::tr("office.setup.passphrase"), "setup.passphrase", &m.passphrase, nullptr);
  if (m.passphrase.empty())
    mutedText(i18n::tr("office.setup.passphrase_tip"));
  else
    strengthMeter(m.strength());
  bool enter = false;
  passwordField(i18n::tr("office.setup.confirm"), "setup.confirm", &m.confirm, &enter);
  ImGui::EndDisabled();
  warningText(i18n::tr("office.setup.remember"));
  if (!m.error().empty()) errorText(m.error());
  if (m.busy()) {
    largeText(i18n::tr("office.setup.creating"));
    return;
  }
  const std::string problem = m.problem();
  if (!problem.empty() && m.error().empty()) mutedText(problem);
  const std::string back = i18n::tr("office.setup.back");
  if (button(back, "setup.back")) m.back();
  ImGui::SameLine();
  ImGui::BeginDisabled(!problem.empty());
  if (button(i18n::tr("office.setup.create"), "setup.create", ButtonKind::Primary,
             width - buttonWidthFor(back) - ImGui::GetStyle().ItemSpacing.x) ||
      (enter && problem.empty()))
    m.create(app.model, app.wake);
  ImGui::EndDisabled();
}

void keyStep(OfficeApp& app, float width) {
  auto& m = app.setup;
  stepLine(3, "office.setup.title_key");
  if (m.chosen()) okText(i18n::tr("office.setup.made", {{"commune", communeLine(*m.chosen())}}));
  // In large type, to be read aloud and compared group by group; wraps between groups at large text.
  ImGui::PushFont(fonts().large);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  ImGui::TextUnformatted(m.fingerprint().c_str());
  ImGui::PopTextWrapPos();
  mark("setup.fingerprint");
  ImGui::PopFont();
  mutedText(i18n::tr("office.laptops.key_help"));
  ImGui::Spacing();
  ImGui::TextUnformatted(i18n::tr("office.setup.poster").c_str());
  drawFolderPicker(m.folder, "setup.folder", app.now);
  if (button(i18n::tr("office.setup.print"), "setup.print")) m.printPoster(app.model);
  if (!m.lastPoster().empty()) okText(i18n::tr("office.setup.poster_written", {{"file", m.lastPoster().string()}}));
  if (!m.error().empty()) errorText(m.error());
  ImGui::Spacing();
  if (button(i18n::tr("office.setup.done"), "setup.done", ButtonKind::Primary, width)) app.finishSetup();
}

}  // namespace

void drawSetup(OfficeApp& app) {
  app.pollSetup(app.now);
  if (!app.setup.error().empty() && app.setup.provinces().empty()) {  // the 2025 list did not read
    errorText(app.setup.error());
    return;
  }
  const float width = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 36);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ImGui::GetContentRegionAvail().x - width) / 2);
  // A child the column's width: the fields take its width, not the window's. One per step, so each
  // step opens at its top (the fingerprint, not the previous step's scroll position at large text).
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
  const std::string column = "setup-column-" + std::to_string(static_cast<int>(app.setup.step()));
  ImGui::BeginChild(column.c_str(), ImVec2(width, 0));
  ImGui::PopStyleColor();
  switch (app.setup.step()) {
    case SetupModel::Step::Commune:
      communeStep(app, width);
      break;
    case SetupModel::Step::People:
      peopleStep(app, width);
      break;
    case SetupModel::Step::Key:
      keyStep(app, width);
      break;
  }
  ImGui::EndChild();
}

}  // namespace gocua::office::window
