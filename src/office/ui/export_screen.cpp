// Xuất danh sách: which records (every one, or one procedure's applications and a decision), the
// file format in words, the folder, then the export with its progress bar.
#include <imgui.h>

#include <algorithm>

#include "core/date.h"
#include "core/i18n.h"
#include "office/ui/filter_combo.h"
#include "office/ui/office_app.h"
#include "ui/folder_picker_widget.h"
#include "ui/widgets.h"

namespace gocua::office::window {

namespace {

using namespace gocua::ui::panels;

struct FormatChoice {
  hub::ExportFormat format;
  const char* id;
  const char* key;  // office.export.format.<key> and .._help
};
constexpr FormatChoice kFormats[] = {{hub::ExportFormat::Xlsx, "export.format.xlsx", "xlsx"},
                                     {hub::ExportFormat::Csv, "export.format.csv", "csv"},
                                     {hub::ExportFormat::Jsonl, "export.format.jsonl", "jsonl"}};

void whatCard(OfficeApp& app) {
  auto& m = app.exports;
  beginCard("export-what");
  heading(i18n::tr("office.export.what"));
  std::vector<std::pair<std::string, std::string>> options{{"", i18n::tr("office.export.everything")}};
  options.insert(options.end(), m.procedures().begin(), m.procedures().end());
  const float width = std::min(availableWidth(), ImGui::GetFontSize() * 30);
  if (filterCombo("export.procedure", i18n::tr("office.queue.procedure"), width, options, m.procedure) &&
      m.procedure.empty())
    m.status.clear();  // a decision belongs to applications of one procedure
  if (!m.procedure.empty()) {
    ImGui::TextUnformatted(i18n::tr("office.queue.status").c_str());
    for (const auto& status : queueStatuses()) {
      const std::string label = statusLabel(status);
      if (status != queueStatuses().front()) sameLineIfFits(buttonWidthFor(label));
      if (button(label, "export.status." + (status.empty() ? std::string("all") : status),
                 m.status == status ? ButtonKind::Primary : ButtonKind::Normal))
        m.status = status;
    }
  }
  endCard();
}

void formatCard(OfficeApp& app) {
  auto& m = app.exports;
  beginCard("export-format");
  heading(i18n::tr("office.export.format"));
  for (const auto& f : kFormats) {
    const std::string label = i18n::tr(std::string("office.export.format.") + f.key);
    if (f.format != kFormats[0].format) sameLineIfFits(buttonWidthFor(label));
    if (button(label, f.id, m.format == f.format ? ButtonKind::Primary : ButtonKind::Normal)) m.format = f.format;
  }
  for (const auto& f : kFormats)
    if (f.format == m.format) mutedText(i18n::tr(std::string("office.export.format.") + f.key + "_help"));
  endCard();
}

void whereCard(OfficeApp& app) {
  auto& m = app.exports;
  beginCard("export-where");
  heading(i18n::tr("office.export.where"));
  warningText(i18n::tr("office.export.private"));
  drawFolderPicker(m.folder, "export.folder", app.now);
  const std::string iso = core::formatIsoDay(core::today());
  mutedText(i18n::tr("office.export.file_name", {{"name", m.fileStem(iso) + exportExtension(m.format)}}));
  if (m.busy()) {
    const auto [done, total] = m.progress();
    progress(total ? static_cast<float>(done) / static_cast<float>(total) : 0.0f, m.progressCaption());
  } else {
    ImGui::BeginDisabled(!m.canStart() || app.appointments.busy());
    if (button(i18n::tr("office.export.start"), "export.start", ButtonKind::Primary, -1)) m.start(app.model, app.wake);
    ImGui::EndDisabled();
  }
  if (!m.error().empty()) errorText(m.error());
  endCard();
}

// The police's VNeID level-2 list of one village, into the same folder.
void appointmentsCard(OfficeApp& app) {
  auto& m = app.appointments;
  beginCard("export-appointments");
  heading(i18n::tr("office.appointments.title"));
  mutedText(i18n::tr("office.appointments.explain"));
  std::vector<std::pair<std::string, std::string>> options;
  for (const auto& v : m.villages()) options.emplace_back(v, v);
  const float width = std::min(availableWidth(), ImGui::GetFontSize() * 30);
  filterCombo("appointments.village", i18n::tr("office.queue.village"), width, options, m.village);
  const auto folder = app.exports.folder.folder();
  mutedText(i18n::tr("office.export.file_name", {{"name", m.fileStem(core::formatIsoDay(core::today())) + ".pdf"}}));
  if (m.busy()) {
    mutedText(i18n::tr("office.appointments.busy"));
  } else {
    ImGui::BeginDisabled(!m.canPrint(folder) || app.exports.busy());
    if (button(i18n::tr("office.appointments.print"), "appointments.print", ButtonKind::Primary, -1))
      m.print(app.model, folder, app.wake);
    ImGui::EndDisabled();
  }
  if (!m.error().empty()) errorText(m.error());
  endCard();
}

}  // namespace

void drawExport(OfficeApp& app) {
  app.exports.poll(app.model);
  app.appointments.poll(app.model);
  heading(i18n::tr("office.export.title"));
  ImGui::BeginChild("export-all", ImVec2(0, ImGui::GetContentRegionAvail().y));
  whatCard(app);
  formatCard(app);
  whereCard(app);
  appointmentsCard(app);
  ImGui::EndChild();
}

}  // namespace gocua::office::window
