// Máy tình nguyện viên: the commune's key fingerprint, joining a laptop from the request on a
// stick, the laptops with their figures, revoking (asked twice) and a recovery file with its
// one-time code shown large until staff say it was read out.
#include <imgui.h>

#include "core/i18n.h"
#include "office/ui/office_app.h"
#include "ui/folder_picker_widget.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace gocua::office::window {

namespace {

using namespace gocua::ui::panels;

void keyCard(OfficeApp& app) {
  beginCard("laptops-key");
  heading(i18n::tr("office.laptops.key"));
  ImGui::PushFont(fonts().heading);
  ImGui::TextUnformatted(app.laptops.fingerprint().c_str());
  ImGui::PopFont();
  mutedText(i18n::tr("office.laptops.key_help"));
  endCard();
}

void joinCard(OfficeApp& app) {
  auto& m = app.laptops;
  beginCard("laptops-join");
  heading(i18n::tr("office.laptops.join"));
  mutedText(i18n::tr("office.laptops.join_help"));
  drawFolderPicker(m.folder, "laptops.folder", app.now);
  const auto& requests = m.requests();
  if (requests.empty()) mutedText(i18n::tr("office.laptops.no_requests"));
  std::optional<std::size_t> chosen;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(requests[i].name.c_str());
    const std::string label = i18n::tr("office.laptops.enroll");
    sameLineIfFits(buttonWidthFor(label));
    if (button(label, "laptops.enroll." + std::to_string(i), ButtonKind::Primary)) chosen = i;
  }
  if (chosen) m.enroll(app.model, *chosen);
  if (!m.lastProfile().empty())
    okText(i18n::tr("office.laptops.profile_written", {{"file", m.lastProfile().string()}}));
  endCard();
}

void recoveryCard(OfficeApp& app) {
  auto& m = app.laptops;
  if (m.recoveryCode().empty()) return;
  beginCard("laptops-recovery");
  heading(i18n::tr("office.laptops.recovery_title"));
  mutedText(i18n::tr("office.laptops.recovery_help", {{"file", m.recoveryFile().string()}}));
  ImGui::PushFont(fonts().heading);
  ImGui::TextUnformatted(m.recoveryCode().c_str());
  ImGui::PopFont();
  if (button(i18n::tr("office.laptops.recovery_done"), "laptops.recovery_done")) m.forgetRecovery();
  endCard();
}

void laptopRow(OfficeApp& app, std::size_t i, std::optional<std::size_t>& recover) {
  auto& m = app.laptops;
  const LaptopRow& row = m.laptops()[i];
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(row.volunteers.c_str());
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(row.shortId.c_str());
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(row.joined.c_str());
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(row.lastBatch ? std::to_string(row.lastBatch).c_str() : "—");
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(i18n::formatCount(row.records).c_str());
  ImGui::TableNextColumn();
  const std::string id = std::to_string(i);
  if (!row.revoked.empty()) {
    errorText(i18n::tr("office.laptops.revoked_on", {{"day", row.revoked}}));
    return;
  }
  if (m.confirmingRevoke == i) {
    warningText(i18n::tr("office.laptops.revoke_confirm"));
    if (button(i18n::tr("office.laptops.revoke_yes"), "laptops.revoke_yes." + id, ButtonKind::Primary))
      m.confirmRevoke(app.model);
    ImGui::SameLine();
    if (button(i18n::tr("office.laptops.revoke_no"), "laptops.revoke_no." + id)) m.confirmingRevoke.reset();
    return;
  }
  if (button(i18n::tr("office.laptops.revoke"), "laptops.revoke." + id)) m.askRevoke(i);
  if (row.canRecover) {
    const std::string label = i18n::tr("office.laptops.recovery");
    sameLineIfFits(buttonWidthFor(label));
    if (button(label, "laptops.recovery." + id)) recover = i;
  }
}

void listCard(OfficeApp& app) {
  auto& m = app.laptops;
  beginCard("laptops-list");
  heading(i18n::tr("office.laptops.list"));
  if (m.laptops().empty()) {
    mutedText(i18n::tr("office.laptops.none"));
    endCard();
    return;
  }
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  std::optional<std::size_t> recover;
  if (ImGui::BeginTable("laptops", 6, flags)) {
    for (const char* key : {"volunteers", "id", "joined", "last_batch", "records", "action"})
      ImGui::TableSetupColumn(i18n::tr(std::string("office.laptops.col.") + key).c_str(),
                              ImGuiTableColumnFlags_WidthStretch, std::string(key) == "action" ? 3.0f : 1.0f);
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < m.laptops().size(); ++i) laptopRow(app, i, recover);
    ImGui::EndTable();
  }
  if (recover) m.makeRecovery(app.model, *recover);
  endCard();
}

}  // namespace

void drawLaptops(OfficeApp& app) {
  heading(i18n::tr("office.laptops.title"));
  if (!app.laptops.error().empty()) errorText(app.laptops.error());
  ImGui::BeginChild("laptops-all", ImVec2(0, ImGui::GetContentRegionAvail().y));
  recoveryCard(app);
  listCard(app);
  joinCard(app);
  keyCard(app);
  ImGui::EndChild();
}

}  // namespace gocua::office::window
