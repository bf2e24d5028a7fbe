#include "office/model/dashboard_model.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "core/i18n.h"
#include "core/json_read.h"
#include "ui/model/errors.h"
#include "vault/secret.h"

namespace gocua::office {

int total(const StatusCounts& counts) {
  int n = 0;
  for (int c : counts) n += c;
  return n;
}

int statusIndex(const std::optional<std::string>& reviewStatus) {
  if (!reviewStatus) return 0;
  if (*reviewStatus == "needs_documents") return 1;
  if (*reviewStatus == "returned") return 2;
  if (*reviewStatus == "accepted") return 3;
  return -1;
}

core::Date mondayOf(const core::Date& day) {
  const long days = core::daysSinceEpoch(day);
  const long sinceMonday = ((days % 7) + 7 + 3) % 7;  // 01/01/1970 was a Thursday
  return core::dateFromDays(days - sinceMonday);
}

int DashboardModel::tallestWeek() const {
  int tallest = 1;
  for (const auto& w : weeks_) tallest = std::max(tallest, total(w.counts));
  return tallest;
}

void DashboardModel::open(OfficeModel& office, const core::Date& today) {
  reset();
  today_ = today;
  readWeeksAndProcedures(office);
  if (error_.empty()) readMonth(office, today.year, today.month);
}

void DashboardModel::readWeeksAndProcedures(OfficeModel& office) {
  auto* session = office.session();
  if (!session) return;
  const long firstMonday = core::daysSinceEpoch(mondayOf(today_)) - 7L * (kWeeks - 1);
  weeks_.resize(kWeeks);
  for (int i = 0; i < kWeeks; ++i)
    weeks_[static_cast<std::size_t>(i)].monday = core::dateFromDays(firstMonday + 7L * i);
  std::map<std::string, ProcedureCounts> byProcedure;
  // The week is the day the volunteer saved the application (inside the sealed record), as the
  // monthly report counts it: the team's work, not the day the batch reached the hub.
  auto st = session->forEachRecord({}, [&](const hub::OpenRecord& r) -> Status {
    if (r.info.kind != "application" || r.info.procedure.empty()) return {};
    const int status = statusIndex(r.info.reviewStatus);
    if (status < 0) return {};
    auto& p = byProcedure[r.info.procedure];
    if (p.id.empty()) {
      p.id = r.info.procedure;
      const auto* form = session->form(r.info.procedure);
      p.title = form ? form->title(i18n::lang()) : r.info.procedure;
    }
    ++p.counts[static_cast<std::size_t>(status)];
    const auto created = core::localDayOfUtc(jsonField<std::string>(r.plain, "created_at").value_or(""));
    if (!created) return {};
    const long week = (core::daysSinceEpoch(*created) - firstMonday);
    if (week >= 0 && week < 7L * kWeeks)
      ++weeks_[static_cast<std::size_t>(week / 7)].counts[static_cast<std::size_t>(status)];
    return {};
  });
  if (!st) {
    error_ = i18n::message(st.error());
    weeks_.clear();
    return;
  }
  for (auto& [id, p] : byProcedure) procedures_.push_back(std::move(p));
  std::sort(procedures_.begin(), procedures_.end(), [](const auto& a, const auto& b) { return a.title < b.title; });
}

void DashboardModel::readMonth(OfficeModel& office, int year, int month) {
  auto* session = office.session();
  if (!session) return;
  forgetReport();
  auto report = hub::monthlyReport(*session, year, month);
  if (!report) {
    error_ = i18n::message(report.error());
    report_.year = year;
    report_.month = month;
    return;
  }
  error_.clear();
  report_ = std::move(*report);
}

bool DashboardModel::canGoNext() const {
  return report_.year < today_.year || (report_.year == today_.year && report_.month < today_.month);
}

void DashboardModel::previousMonth(OfficeModel& office) {
  if (report_.month == 0) return;  // not opened
  const int y = report_.month == 1 ? report_.year - 1 : report_.year;
  const int m = report_.month == 1 ? 12 : report_.month - 1;
  readMonth(office, y, m);
}

void DashboardModel::nextMonth(OfficeModel& office) {
  if (report_.month == 0 || !canGoNext()) return;
  const int y = report_.month == 12 ? report_.year + 1 : report_.year;
  const int m = report_.month == 12 ? 1 : report_.month + 1;
  readMonth(office, y, m);
}

std::string DashboardModel::monthText() const {
  char text[16];
  std::snprintf(text, sizeof text, "%02d/%04d", report_.month, report_.year);
  return text;
}

bool DashboardModel::exportReport(OfficeModel& office) {
  error_.clear();
  auto* session = office.session();
  if (!session || report_.month == 0) return false;
  if (!exportFolder.exists()) {
    error_ = i18n::message(Error::make(err::kFolderMissing));
    return false;
  }
  char stem[32];
  std::snprintf(stem, sizeof stem, "bao-cao-thang-%04d-%02d", report_.year, report_.month);
  const auto out = ui::uniqueFileIn(exportFolder.folder(), stem, ".xlsx");
  if (auto st = hub::writeMonthlyReportXlsx(report_, out); !st) {
    error_ = i18n::message(st.error());
    return false;
  }
  char month[8];
  std::snprintf(month, sizeof month, "%04d-%02d", report_.year, report_.month);
  if (auto st = session->audit("report", month); !st) {  // as `gocua-hub report` does
    error_ = i18n::message(st.error());
    return false;
  }
  lastExported_ = out;
  office.notify(i18n::tr("office.dashboard.exported", {{"file", out.string()}}));
  return true;
}

void DashboardModel::forgetReport() {
  for (auto& row : report_.rows) vault::wipe(row.name);
  report_ = {};
}

void DashboardModel::reset() {
  forgetReport();
  weeks_.clear();
  procedures_.clear();
  lastExported_.clear();
  error_.clear();
  today_ = {};
}

}  // namespace gocua::office
