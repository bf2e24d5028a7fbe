#include "office/model/export_model.h"

#include <algorithm>
#include <map>

#include "core/date.h"
#include "core/i18n.h"
#include "ui/model/errors.h"

namespace gocua::office {

const char* exportExtension(hub::ExportFormat format) {
  switch (format) {
    case hub::ExportFormat::Xlsx:
      return ".xlsx";
    case hub::ExportFormat::Csv:
      return ".csv";
    case hub::ExportFormat::Jsonl:
      return ".jsonl";
  }
  return ".xlsx";
}

void ExportModel::open(OfficeModel& office) {
  error_.clear();
  procedures_.clear();
  auto* session = office.session();
  if (!session) return;
  auto records = office.hub()->records(hub::RecordFilter{});
  if (!records) {
    error_ = i18n::message(records.error());
    return;
  }
  std::map<std::string, std::string> titles;
  for (const auto& r : *records) {
    if (r.procedure.empty() || titles.count(r.procedure)) continue;
    const auto* form = session->form(r.procedure);
    titles[r.procedure] = form ? form->title(i18n::lang()) : r.procedure;
  }
  procedures_.assign(titles.begin(), titles.end());
  std::sort(procedures_.begin(), procedures_.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  // A procedure chosen earlier that has no application any more falls back to everything.
  if (!procedure.empty() && !titles.count(procedure)) procedure.clear(), status.clear();
}

std::string ExportModel::fileStem(const std::string& isoDay) const {
  std::string stem = "danh-sach-" + (procedure.empty() ? std::string("tat-ca") : procedure);
  if (!procedure.empty() && !status.empty()) stem += "-" + status;
  return stem + "-" + isoDay;
}

void ExportModel::start(OfficeModel& office, std::function<void()> wake) {
  error_.clear();
  auto* session = office.session();
  if (!session || busy()) return;
  if (!folder.exists()) {
    error_ = i18n::message(Error::make(err::kFolderMissing));
    return;
  }
  hub::RecordFilter filter;
  if (!procedure.empty()) filter.procedure = procedure;
  if (!procedure.empty() && !status.empty()) filter.status = status;
  auto matching = office.hub()->records(filter);  // ids and decisions only: no record is opened
  if (!matching) {
    error_ = i18n::message(matching.error());
    return;
  }
  const auto out =
      ui::uniqueFileIn(folder.folder(), fileStem(core::formatIsoDay(core::today())), exportExtension(format));
  const std::size_t total = matching->size();
  office.setBusy(true);
  office.clearNotice();
  task_.start(
      [session, filter, out, total, format = format, wake](ui::TaskProgress& p) {
        p.total = total;
        Run run;
        run.file = out;
        auto written = session->exportRecords(format, out, filter, [&p, &wake](std::size_t n) {
          p.done = n;
          if (wake && n % 500 == 0) wake();  // the bar moves on, without a redraw per record
        });
        if (!written) {
          run.error = i18n::message(written.error());
          return run;
        }
        run.records = *written;
        // As `gocua-hub records export` does: who exported what, never what was in it.
        if (auto st = session->audit("records.export", out.filename().string()); !st)
          run.error = i18n::message(st.error());
        return run;
      },
      std::move(wake));
}

std::pair<std::size_t, std::size_t> ExportModel::progress() {
  const auto& p = task_.progress();
  return {static_cast<std::size_t>(p.done.load()), static_cast<std::size_t>(p.total.load())};
}

std::string ExportModel::progressCaption() {
  const auto [done, total] = progress();
  return i18n::tr("office.export.progress", {{"done", i18n::formatCount(done)}, {"total", i18n::formatCount(total)}});
}

void ExportModel::poll(OfficeModel& office) {
  if (auto run = task_.take()) collect(office, std::move(*run));
}

void ExportModel::finish(OfficeModel& office) {
  if (auto run = task_.wait()) collect(office, std::move(*run));
}

void ExportModel::collect(OfficeModel& office, Run run) {
  office.setBusy(false);
  folder.rescan();
  if (!run.error.empty()) {
    error_ = run.error;
    office.notify(run.error, true);
    return;
  }
  lastFile_ = run.file;
  lastCount_ = run.records;
  office.notify(
      i18n::tr("office.export.done", {{"count", i18n::formatCount(run.records)}, {"file", run.file.string()}}));
}

void ExportModel::reset() {
  task_.wait();
  procedures_.clear();
  procedure.clear();
  status.clear();
  format = hub::ExportFormat::Xlsx;
  lastFile_.clear();
  lastCount_ = 0;
  error_.clear();
}

}  // namespace gocua::office
