// The desk's overview (Tổng quan): what the team did, in figures only.
// - The last 8 weeks as bars: applications the volunteers prepared each week (Monday to Sunday,
//   local days), split by the office's decision; a bar opens the queue on that week.
// - Every application at the hub by procedure and decision; a count opens the queue on it.
// - One month (this one first) per village and per volunteer: the team's monthly report
//   (sync/hub/monthly_report.h), skills sessions and people trained included, and its Excel file
//   written into a chosen folder as `gocua-hub report` writes it.
// Village and volunteer names are wiped at lock with the rest.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "core/date.h"
#include "office/model/office_model.h"
#include "sync/hub/monthly_report.h"
#include "ui/model/folder_picker.h"

namespace gocua::office {

// Applications by the office's decision, in the order of queueStatuses() without "" (all):
// new, needs_documents, returned, accepted.
using StatusCounts = std::array<int, 4>;
int total(const StatusCounts& counts);
// The index in StatusCounts of a record's review status (nullopt: new); -1 for one unknown.
int statusIndex(const std::optional<std::string>& reviewStatus);

struct WeekBar {
  core::Date monday;  // the week runs from this Monday to the Sunday after it
  StatusCounts counts{};
};

struct ProcedureCounts {
  std::string id, title;  // form id, title in the current language
  StatusCounts counts{};
};

// The Monday of the week that holds day.
core::Date mondayOf(const core::Date& day);

class DashboardModel {
 public:
  explicit DashboardModel(ui::FolderPicker::Roots roots = ui::FolderPicker::systemRoots())
      : exportFolder(std::move(roots)) {}

  static constexpr int kWeeks = 8;

  // Reads the hub for the weeks up to today's and for today's month.
  void open(OfficeModel& office, const core::Date& today);

  // [SECTION] the weeks and the procedures
  const std::vector<WeekBar>& weeks() const { return weeks_; }                    // kWeeks, oldest first
  int tallestWeek() const;                                                        // the scale of the bars (at least 1)
  const std::vector<ProcedureCounts>& procedures() const { return procedures_; }  // by title

  // [SECTION] the month
  int year() const { return report_.year; }
  int month() const { return report_.month; }
  const hub::MonthlyReport& report() const { return report_; }
  bool canGoNext() const;  // not past the month of today
  void previousMonth(OfficeModel& office);
  void nextMonth(OfficeModel& office);
  // "12/2026"
  std::string monthText() const;

  // [SECTION] the monthly report as Excel
  ui::FolderPicker exportFolder;
  // bao-cao-thang-YYYY-MM.xlsx in the chosen folder (a new name when taken), audited as "report".
  bool exportReport(OfficeModel& office);
  const std::filesystem::path& lastExported() const { return lastExported_; }

  const std::string& error() const { return error_; }
  void reset();
  bool holdsPlaintext() const { return !report_.rows.empty(); }

 private:
  void readWeeksAndProcedures(OfficeModel& office);
  void readMonth(OfficeModel& office, int year, int month);
  void forgetReport();
  core::Date today_{};
  std::vector<WeekBar> weeks_;
  std::vector<ProcedureCounts> procedures_;
  hub::MonthlyReport report_;
  std::filesystem::path lastExported_;
  std::string error_;
};

}  // namespace gocua::office
