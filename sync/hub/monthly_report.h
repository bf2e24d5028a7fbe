// The team's monthly report: for one calendar month (local time of the hub's PC), per village and
// per volunteer, what the team did — residents registered, VNeID level-2 applications prepared,
// other applications and how the office decided them, digital-skills sessions and the people
// trained by sex and age band, and how many were helped to install/activate VNeID and to enrol
// on the learning platform. Figures only: no name or number of a resident is in the report.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"
#include "sync/hub/hub.h"

namespace gocua::hub {

struct ReportFigures {
  int residents = 0;     // resident records created in the month
  int vneidLevel2 = 0;   // VNeID level-2 applications created in the month
  int applications = 0;  // applications for the other procedures
  // The office's decision on those applications (both kinds), as it stands now.
  int accepted = 0, needsDocuments = 0, returned = 0, undecided = 0;
  int sessions = 0;              // skills sessions held in the month
  std::array<int, 6> trained{};  // female under 18, 18–59, 60+, then male the same
  int vneidInstalled = 0, vneidActivated = 0, platformEnrolled = 0;

  int trainedTotal() const;
  void add(const ReportFigures& other);
};

struct ReportRow {
  enum class Group { Village, Volunteer } group = Group::Village;
  std::string name;  // empty: records that name no village (or no volunteer)
  ReportFigures figures;
};

struct MonthlyReport {
  int year = 0, month = 0;
  std::vector<ReportRow> rows;  // villages by name, then volunteers by name
  ReportFigures total;          // each record once (the village rows add up to it)
};

// "YYYY-MM" → {year, month}; "hub.bad_month" otherwise.
Result<std::pair<int, int>> parseReportMonth(std::string_view text);

// Opens every record once (HubSession::forEachRecord). "hub.damaged" when one does not open.
Result<MonthlyReport> monthlyReport(HubSession& session, int year, int month);

// One sheet, a row per village and per volunteer and a total row, Vietnamese headers
// (xlsx_sheet.h: temp beside, renamed when complete).
Status writeMonthlyReportXlsx(const MonthlyReport& report, const std::filesystem::path& out);

}  // namespace gocua::hub
