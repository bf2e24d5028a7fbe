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

void batchCard(const BatchSummary& s, std::size_t i) {
  beginCard("inbox-result-" + std::to_string(i));
  ImGui::TextUnformatted(s.file.c_str());
  mark("inbox.result." + std::to_string(i));
  const bool bad = s.status == sync::BatchStatus::Rejected || s.status == sync::BatchStatus::Quarantined;
  if (bad)
    errorText(s.headline);
  else if (s.rejected > 0)
    warningText(s.headline);
  else
    okText(s.headline);
  for (const auto& reason : s.reasons) mutedText("• " + reason);
  if (!s.receiptProblem.empty()) errorText(i18n::tr("office.inbox.receipt_problem", {{"reason", s.receiptProblem}}));
  endCard();
}

}  // namespace

void drawInbox(OfficeApp& app) {
  auto& m = app.inbox;
  m.poll(app.model);
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
