// Joining a commune: the folder (USB stick) first, then the two steps side by side — write the
// request, load the commune's answer. A loaded answer takes the whole screen: the key code in
// large type to compare with the office's poster, and two buttons, "identical" or "not the same".
#include <imgui.h>

#include "app/ui/screens.h"
#include "core/i18n.h"
#include "ui/folder_picker_widget.h"
#include "ui/fonts.h"
#include "ui/widgets.h"

namespace gocua::app::ui {

namespace {

using namespace gocua::ui::panels;

void previewCard(App& app) {
  auto& m = app.join;
  const auto& p = *m.shown();
  beginCard("join-preview");
  largeText(i18n::tr("app.join.compare"));
  ImGui::Spacing();
  mutedText(i18n::tr("app.join.fingerprint"));
  // The key code in groups of four, four groups a line, as large as the screen allows.
  ImGui::PushFont(fonts().large);
  ImGui::SetWindowFontScale(1.35f);
  std::string line;
  int groups = 0;
  std::size_t start = 0;
  while (start < p.fingerprint.size()) {
    std::size_t end = p.fingerprint.find(' ', start);
    if (end == std::string::npos) end = p.fingerprint.size();
    line += (line.empty() ? "" : "   ") + p.fingerprint.substr(start, end - start);
    start = end + 1;
    if (++groups % 4 == 0 || start >= p.fingerprint.size()) {
      ImGui::TextUnformatted(line.c_str());
      line.clear();
    }
  }
  ImGui::SetWindowFontScale(1.0f);
  ImGui::PopFont();
  mark("join.fingerprint");
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::Spacing();
  ImGui::PushFont(fonts().heading);
  ImGui::TextWrapped("%s", i18n::tr("app.join.commune", {{"name", p.communeName}, {"code", p.communeCode}}).c_str());
  ImGui::PopFont();
  std::string villages;
  for (const auto& v : p.villages) villages += (villages.empty() ? "" : ", ") + v;
  if (!villages.empty()) ImGui::TextWrapped("%s", i18n::tr("app.join.villages", {{"list", villages}}).c_str());
  if (p.hubUrl.empty())
    mutedText(i18n::tr("app.join.usb_only"));
  else
    mutedText(i18n::tr("app.join.hub_url", {{"url", p.hubUrl}}));
  mutedText(i18n::tr("app.join.file", {{"file", p.fileName}}));
  ImGui::Spacing();
  const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  ImGui::PushFont(fonts().large);
  const bool yes = button(i18n::tr("app.join.confirm"), "join.confirm", ButtonKind::Primary, half);
  ImGui::SameLine();
  const bool no = button(i18n::tr("app.join.reject"), "join.reject", ButtonKind::Normal, half);
  ImGui::PopFont();
  endCard();
  if (yes)
    m.confirm(app.model);
  else if (no)
    m.reject();
}

void stepsTable(App& app) {
  auto& m = app.join;
  if (!ImGui::BeginTable("join-steps", 2, ImGuiTableFlags_SizingStretchSame)) return;
  ImGui::TableNextColumn();
  beginCard("join-step1");
  ImGui::PushFont(fonts().heading);
  ImGui::TextWrapped("%s", i18n::tr("app.join.step1").c_str());
  ImGui::PopFont();
  mutedText(i18n::tr("app.join.step1_hint"));
  ImGui::Spacing();
  ImGui::BeginDisabled(!m.folder.exists());
  if (button(i18n::tr("app.join.write_request"), "join.write_request", ButtonKind::Primary, -1))
    m.writeRequest(app.model);
  ImGui::EndDisabled();
  if (!m.requestFile().empty()) {
    ImGui::PushFont(fonts().heading);
    okText(m.message().empty() ? m.requestFile() : m.message());
    ImGui::PopFont();
  }
  endCard();

  ImGui::TableNextColumn();
  beginCard("join-step2");
  ImGui::PushFont(fonts().heading);
  ImGui::TextWrapped("%s", i18n::tr("app.join.step2").c_str());
  ImGui::PopFont();
  const auto files = m.profiles();  // a copy: preview() may rescan
  if (files.empty()) {
    mutedText(i18n::tr("app.join.no_profiles"));
  } else {
    mutedText(i18n::tr("app.join.pick_profile"));
    for (std::size_t i = 0; i < files.size(); ++i)
      if (fileRow(files[i], "join.profile." + std::to_string(i), false)) m.preview(files[i].path);
  }
  endCard();
  ImGui::EndTable();
}

}  // namespace

void drawJoin(App& app) {
  auto& m = app.join;
  heading(i18n::tr("app.join.title"));
  if (m.blocked()) {
    warningText(i18n::tr("app.join.training"));
    ImGui::Spacing();
    if (button(i18n::tr("app.join.back"), "join.back")) goSync(app);
    return;
  }
  mutedText(i18n::tr("app.join.intro"));
  if (!m.enrolledCommune().empty() && !m.done())
    okText(i18n::tr("app.join.already", {{"commune", m.enrolledCommune()}}));
  ImGui::Spacing();

  if (m.done()) {
    beginCard("join-done");
    ImGui::PushFont(fonts().large);
    okText(m.message());
    ImGui::PopFont();
    ImGui::Spacing();
    if (button(i18n::tr("app.join.back"), "join.back", ButtonKind::Primary)) goSync(app);
    endCard();
    return;
  }
  if (!m.error().empty()) {
    errorText(m.error());
    ImGui::Spacing();
  }
  if (m.shown()) {
    previewCard(app);
    return;
  }
  beginCard("join-folder");
  ImGui::TextUnformatted(i18n::tr("app.folder.label").c_str());
  drawFolderPicker(m.folder, "join.folder", app.now);
  endCard();
  ImGui::Spacing();
  stepsTable(app);
  ImGui::Spacing();
  if (button(i18n::tr("app.join.back"), "join.back")) goSync(app);
}

}  // namespace gocua::app::ui
