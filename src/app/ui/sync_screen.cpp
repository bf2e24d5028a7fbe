// Sync: where this laptop stands (commune, counters, last sync), then two panels side by side —
// by USB stick (folder, export, receipts) and over the network (hub address, upload) — then what
// the last run did and the records the commune returned for more documents. While a task runs a
// modal shows its progress: nothing else can be clicked, so nothing touches the Session meanwhile.
#include <imgui.h>

#include <algorithm>

#include "app/ui/screens.h"
#include "core/i18n.h"
#include "ui/folder_picker_widget.h"
#include "ui/fonts.h"
#include "ui/widgets.h"

namespace gocua::app::ui {

namespace {

using namespace gocua::ui::panels;

void subheading(const std::string& text) {
  ImGui::PushFont(fonts().heading);
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopFont();
}

void statusCard(App& app) {
  auto& m = app.sync;
  beginCard("sync-status");
  // Where this laptop stands, and the way to join (or load a new profile) on the right.
  const std::string label = i18n::tr(m.enrolled() ? "app.sync.new_profile" : "app.sync.join");
  const float bw = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 4;
  if (ImGui::BeginTable("sync-status-row", 2)) {
    ImGui::TableSetupColumn("text", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("action", ImGuiTableColumnFlags_WidthFixed, m.training() ? 1.0f : bw);
    ImGui::TableNextColumn();
    if (m.enrolled()) {
      ImGui::PushFont(fonts().heading);
      okText(i18n::tr("app.sync.enrolled", {{"commune", m.communeName()}}));
      ImGui::PopFont();
    } else if (m.training()) {
      ImGui::PushFont(fonts().heading);
      warningText(i18n::tr("app.sync.training"));
      ImGui::PopFont();
    } else {
      largeText(i18n::tr("app.sync.not_enrolled"));
    }
    mutedText(m.lastSync().empty() ? i18n::tr("app.sync.never")
                                   : i18n::tr("app.sync.last_sync", {{"when", m.lastSync()}}));
    ImGui::TableNextColumn();
    if (!m.training() && button(label, "sync.join", m.enrolled() ? ButtonKind::Normal : ButtonKind::Primary, bw)) {
      app.join.open(app.model);
      app.model.go(Screen::Join);
    }
    ImGui::EndTable();
  }
  ImGui::Spacing();
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float w = (ImGui::GetContentRegionAvail().x - gap * 3) / 4;
  struct Stat {
    const char* state;
    int tone;
  };
  const Stat stats[] = {{"unsynced", 1}, {"sent", 0}, {"synced", 2}, {"rejected", 3}};
  for (int i = 0; i < 4; ++i) {
    if (i) ImGui::SameLine();
    statBox(std::string("sync.count.") + stats[i].state, m.count(stats[i].state),
            i18n::tr(std::string("app.sync.count.") + stats[i].state), w, stats[i].tone);
  }
  if (!m.needsDocuments().empty())
    warningText(i18n::tr("app.sync.needs_count", {{"count", std::to_string(m.needsDocuments().size())}}));
  if (!m.statusError().empty()) errorText(m.statusError());
  endCard();
}

void usbCard(App& app) {
  auto& m = app.sync;
  beginCard("sync-usb");
  subheading(i18n::tr("app.sync.usb_title"));
  mutedText(i18n::tr("app.sync.usb_hint"));
  drawFolderPicker(m.folder, "sync.folder", app.now);
  ImGui::Spacing();
  const std::string blocked = m.exportBlocked();
  ImGui::BeginDisabled(!blocked.empty());
  if (button(i18n::tr("app.sync.export"), "sync.export", ButtonKind::Primary, -1))
    m.exportToFolder(app.model, app.wake);
  ImGui::EndDisabled();
  if (!blocked.empty() && m.folder.exists()) mutedText(blocked);

  endCard();
}

void receiptsCard(App& app) {
  auto& m = app.sync;
  beginCard("sync-receipts");
  subheading(i18n::tr("app.sync.receipts_title"));
  mutedText(i18n::tr("app.sync.receipts_hint"));
  const auto receipts = m.receipts();  // a copy: toggling does not rescan, but applying does
  if (receipts.empty()) mutedText(i18n::tr("app.sync.no_receipts"));
  for (std::size_t i = 0; i < receipts.size(); ++i) {
    bool chosen = m.receiptChosen(receipts[i].name);
    const std::string id = "sync.receipt." + std::to_string(i);
    const std::string text = i18n::tr("app.folder.file_row", {{"name", receipts[i].name},
                                                              {"date", localDateTime(receipts[i].modified)},
                                                              {"size", formatBytes(receipts[i].bytes)}});
    if (ImGui::Checkbox((text + "##" + id).c_str(), &chosen)) m.toggleReceipt(receipts[i].name);
    mark(id);
  }
  if (!receipts.empty()) {
    ImGui::BeginDisabled(!m.canApplyReceipts());
    if (button(i18n::tr("app.sync.apply_receipts"), "sync.apply_receipts", ButtonKind::Normal, -1))
      m.applyReceipts(app.model, app.wake);
    ImGui::EndDisabled();
  }
  endCard();
}

void networkCard(App& app) {
  auto& m = app.sync;
  beginCard("sync-net");
  subheading(i18n::tr("app.sync.net_title"));
  const std::string hint =
      m.profileHubUrl().empty() ? std::string() : i18n::tr("app.sync.hub_url_hint", {{"url", m.profileHubUrl()}});
  ImGui::BeginDisabled(m.training() || !m.enrolled());
  textField(i18n::tr("app.sync.hub_url"), "sync.hub_url", &m.hubUrl, 0, hint);
  ImGui::EndDisabled();
  ImGui::Spacing();
  const std::string blocked = m.uploadBlocked();
  ImGui::BeginDisabled(!blocked.empty());
  if (button(i18n::tr("app.sync.upload"), "sync.upload", ButtonKind::Primary, -1)) m.upload(app.model, app.wake);
  ImGui::EndDisabled();
  if (!blocked.empty() && !m.training()) mutedText(blocked);
  endCard();
}

void summaryCard(App& app) {
  const auto& s = app.sync.summary();
  if (s.kind == SyncSummary::Kind::None) return;
  beginCard("sync-summary");
  ImGui::PushFont(fonts().heading);
  if (!s.ok)
    errorText(s.headline);
  else if (s.nothingToSend)
    ImGui::TextWrapped("%s", s.headline.c_str());
  else
    okText(s.headline);
  ImGui::PopFont();
  for (const auto& d : s.details) ImGui::TextWrapped("%s", d.c_str());
  for (const auto& w : s.warnings) warningText(w);
  if (!s.rejected.empty()) {
    ImGui::Spacing();
    ImGui::TextUnformatted(i18n::tr("app.sync.rejected_title").c_str());
    for (const auto& r : s.rejected)
      ImGui::BulletText("%s", i18n::tr("app.sync.rejected_row", {{"name", r.name}, {"reason", r.reason}}).c_str());
  }
  endCard();
  ImGui::Spacing();
}

void needsCard(App& app) {
  const auto& needs = app.sync.needsDocuments();
  if (needs.empty()) return;
  beginCard("sync-needs");
  subheading(i18n::tr("app.sync.needs_title"));
  for (std::size_t i = 0; i < needs.size(); ++i) {
    ImGui::PushFont(fonts().large);
    ImGui::TextWrapped("%s", needs[i].name.empty() ? needs[i].id.c_str() : needs[i].name.c_str());
    ImGui::PopFont();
    mark("sync.needs." + std::to_string(i));
    if (!needs[i].procedure.empty())
      ImGui::TextWrapped("%s", i18n::tr("app.sync.needs_procedure", {{"procedure", needs[i].procedure}}).c_str());
    if (needs[i].note.empty())
      mutedText(i18n::tr("app.sync.needs_no_note"));
    else
      warningText(i18n::tr("app.sync.needs_note", {{"note", needs[i].note}}));
    ImGui::Spacing();
  }
  endCard();
}

void busyModal(App& app) {
  auto& m = app.sync;
  const char* title = "##sync-busy";
  if (m.busy() && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 2),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(vp->WorkSize.x * 0.8f, ImGui::GetFontSize() * 34), 0));
  if (!ImGui::BeginPopupModal(
          title, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize))
    return;
  if (!m.busy()) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  subheading(i18n::tr("app.sync.busy_title"));
  ImGui::Spacing();
  const float f = m.fraction();
  const std::string text = m.progressText();
  if (f >= 0)
    progress(f, text);
  else
    largeText(text);
  ImGui::Spacing();
  if (m.activity() == SyncSummary::Kind::Upload && button(i18n::tr("app.sync.cancel"), "sync.cancel")) m.cancel();
  ImGui::EndPopup();
}

}  // namespace

void drawSync(App& app) {
  auto& m = app.sync;
  m.poll(app.model);
  statusCard(app);
  ImGui::Spacing();
  summaryCard(app);  // right under the counters: the answer to what was just clicked
  // Automatic sync works on the same outbox and Session: the buttons wait until it is done.
  const bool autoRunning = app.autoSync.running();
  if (autoRunning) mutedText(i18n::tr("app.autosync.manual_refused"));
  ImGui::BeginDisabled(autoRunning);
  if (ImGui::BeginTable("sync-columns", 2, ImGuiTableFlags_SizingStretchSame)) {
    ImGui::TableNextColumn();
    usbCard(app);
    ImGui::TableNextColumn();
    networkCard(app);
    ImGui::Spacing();
    receiptsCard(app);
    ImGui::EndTable();
  }
  ImGui::EndDisabled();
  ImGui::Spacing();
  needsCard(app);
  busyModal(app);
}

}  // namespace gocua::app::ui
