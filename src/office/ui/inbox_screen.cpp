// Inbox: the folder (USB stick) to read, the batches found, one button to receive them all, the
// progress bar while it runs, then one card per batch and the batches kept aside.
#include <imgui.h>

#include "core/i18n.h"
#include "office/ui/office_app.h"
#include "ui/folder_picker_widget.h"
#include "ui/widgets.h"

namespace gocua::office::window {

namespace {

using namespace gocua::ui::panels;

// The headline coloured by outcome, then each reason.
void summaryLines(const BatchSummary& s) {
  const bool bad = s.status == sync::BatchStatus::Rejected || s.status == sync::BatchStatus::Quarantined;
  if (bad)
    errorText(s.headline);
  else if (s.rejected > 0)
    warningText(s.headline);
  else
    okText(s.headline);
  for (const auto& reason : s.reasons) mutedText("• " + reason);
}

void batchCard(const BatchSummary& s, std::size_t i) {
  beginCard("inbox-result-" + std::to_string(i));
  ImGui::TextUnformatted(s.file.c_str());
  mark("inbox.result." + std::to_string(i));
  summaryLines(s);
  if (!s.receiptProblem.empty()) errorText(i18n::tr("office.inbox.receipt_problem", {{"reason", s.receiptProblem}}));
  endCard();
}

// The switch, the address volunteers type, and what came in lately.
void networkCard(OfficeApp& app) {
  auto& r = app.receive;
  beginCard("inbox-network");
  heading(i18n::tr("office.receive.title"));
  bool on = r.running();
  if (ImGui::Checkbox((i18n::tr("office.receive.switch") + "##receive").c_str(), &on)) {
    if (on)
      r.switchOn(app.model);
    else
      r.switchOff();
  }
  mark("inbox.network");
  if (r.running()) {
    okText(i18n::tr("office.receive.on"));
    for (const auto& address : r.addresses()) largeText(address);
    mutedText(i18n::tr("office.receive.locked_note"));
  } else {
    mutedText(i18n::tr("office.receive.off"));
  }
  if (!r.problem().empty()) errorText(r.problem());
  const auto latest = r.latest();
  if (r.running() || !latest.empty()) {
    ImGui::Spacing();
    ImGui::TextUnformatted(i18n::tr("office.receive.latest").c_str());
    if (latest.empty()) mutedText(i18n::tr("office.receive.none_yet"));
    for (std::size_t i = 0; i < latest.size(); ++i) {
      const auto& u = latest[i];
      ImGui::TextUnformatted(
          i18n::tr("office.receive.row", {{"at", u.at}, {"volunteers", u.volunteers}, {"batch", u.summary.file}})
              .c_str());
      mark("inbox.upload." + std::to_string(i));
      summaryLines(u.summary);
    }
  }
  endCard();
}

}  // namespace

void drawInbox(OfficeApp& app) {
  auto& m = app.inbox;
  m.poll(app.model);
  networkCard(app);
  ImGui::Spacing();
  heading(i18n::tr("office.inbox.title"));
  mutedText(i18n::tr("office.inbox.explain"));
  ImGui::BeginDisabled(m.busy());
  drawFolderPicker(m.folder, "inbox.folder", app.now);
  ImGui::EndDisabled();
  const auto& batches = m.batches();
  if (batches.empty()) {
    if (m.folder.exists()) mutedText(i18n::tr("office.inbox.none"));
  } else {
    ImGui::TextUnformatted(i18n::tr("office.inbox.found", {{"count", i18n::formatCount(batches.size())}}).c_str());
  }
  if (m.busy()) {
    const auto p = m.progress();
    progress(static_cast<float>(p.fraction), m.progressCaption());
  } else {
    ImGui::BeginDisabled(!m.canImport());
    if (button(i18n::tr("office.inbox.import"), "inbox.import", ButtonKind::Primary)) m.importAll(app.model, app.wake);
    ImGui::EndDisabled();
  }
  if (!m.summaries().empty()) {
    ImGui::Spacing();
    heading(i18n::tr("office.inbox.results"));
    for (std::size_t i = 0; i < m.summaries().size(); ++i) batchCard(m.summaries()[i], i);
  }
  ImGui::Spacing();
  heading(i18n::tr("office.inbox.quarantine"));
  if (m.quarantine().empty()) mutedText(i18n::tr("office.inbox.quarantine_none"));
  for (const auto& q : m.quarantine())
    warningText(i18n::tr("office.inbox.quarantine_row",
                         {{"file", q.file}, {"device", q.device}, {"received", q.received}, {"reason", q.reason}}));
}

}  // namespace gocua::office::window
