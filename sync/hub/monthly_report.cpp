// The team's monthly report; see monthly_report.h. One walk over the records collects a few
// facts per record (no names, no numbers); the figures are added up after it, because an
// application's village is its resident's, and the resident may have arrived later.
#include "sync/hub/monthly_report.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <unordered_map>

#include "core/date.h"
#include "core/i18n.h"
#include "core/json_read.h"
#include "forms/skills_session.h"
#include "sync/hub/errors.h"
#include "sync/hub/xlsx_sheet.h"

namespace gocua::hub {
namespace {

using nlohmann::json;

constexpr const char* kVneidProcedure = "vneid_level2";
constexpr std::array<const char*, 2> kSexes = {"female", "male"};
constexpr std::array<const char*, 3> kAgeBands = {"under_18", "18_59", "60_plus"};

struct Facts {
  ReportFigures figures;  // this record's own contribution (one 1 somewhere, or a session's counts)
  std::string village;    // a session's or resident's own; an application's is looked up later
  std::string residentId;
  std::string volunteer;
};

bool inMonth(const core::Date& d, int year, int month) { return d.year == year && d.month == month; }

// A decided application counts under its decision; "new" until the office decides.
void countDecision(const std::optional<std::string>& status, ReportFigures& f) {
  if (!status)
    ++f.undecided;
  else if (*status == "accepted")
    ++f.accepted;
  else if (*status == "needs_documents")
    ++f.needsDocuments;
  else if (*status == "returned")
    ++f.returned;
}

void countSession(const json& body, ReportFigures& f) {
  ++f.sessions;
  const json noGroup = json::object();
  const auto attendees = body.find("attendees");
  for (std::size_t s = 0; s < kSexes.size(); ++s) {
    const json* group = &noGroup;
    if (attendees != body.end() && attendees->is_object())
      if (auto g = attendees->find(kSexes[s]); g != attendees->end() && g->is_object()) group = &*g;
    for (std::size_t b = 0; b < kAgeBands.size(); ++b) f.trained[s * 3 + b] += jsonValue(*group, kAgeBands[b], 0);
  }
  const auto helped = body.find("helped");
  if (helped == body.end() || !helped->is_object()) return;
  f.vneidInstalled += jsonValue(*helped, "vneid_installed", 0);
  f.vneidActivated += jsonValue(*helped, "vneid_activated", 0);
  f.platformEnrolled += jsonValue(*helped, "platform_enrolled", 0);
}

}  // namespace

int ReportFigures::trainedTotal() const {
  int n = 0;
  for (int t : trained) n += t;
  return n;
}

void ReportFigures::add(const ReportFigures& o) {
  residents += o.residents;
  vneidLevel2 += o.vneidLevel2;
  applications += o.applications;
  accepted += o.accepted;
  needsDocuments += o.needsDocuments;
  returned += o.returned;
  undecided += o.undecided;
  sessions += o.sessions;
  for (std::size_t i = 0; i < trained.size(); ++i) trained[i] += o.trained[i];
  vneidInstalled += o.vneidInstalled;
  vneidActivated += o.vneidActivated;
  platformEnrolled += o.platformEnrolled;
}

Result<std::pair<int, int>> parseReportMonth(std::string_view text) {
  int year = 0, month = 0;
  char tail = 0;
  const std::string s(text);
  if (s.size() != 7 || s[4] != '-' || std::sscanf(s.c_str(), "%4d-%2d%c", &year, &month, &tail) != 2 || year < 2000 ||
      month < 1 || month > 12)
    return Error::make(err::kHubBadMonth, "month", s);
  return std::pair{year, month};
}

Result<MonthlyReport> monthlyReport(HubSession& session, int year, int month) {
  std::unordered_map<std::string, std::string> villageOfResident;
  std::vector<Facts> facts;
  // What the figures read of a record; the rest of each line (an application's answers) is skipped.
  static const RecordFields kFields{{"volunteer", "created_at"},
                                    {"village", "resident_id", "date", "attendees", "helped"}};
  auto st = session.forEachRecord({}, kFields, [&](const OpenRecord& r) -> Status {
    const json& rec = r.plain;
    static const json kNoBody = json::object();
    const auto bodyIt = rec.find("body");
    const json& body = bodyIt != rec.end() && bodyIt->is_object() ? *bodyIt : kNoBody;
    const std::string kind = r.info.kind;
    if (kind == "resident") villageOfResident[r.info.id] = jsonValue(body, "village", "");

    Facts f;
    f.volunteer = jsonValue(rec, "volunteer", "");
    if (kind == "skills_session") {
      auto held = core::parseDate(jsonValue(body, "date", ""));  // the day of the session itself
      if (!held || !inMonth(*held, year, month)) return {};
      countSession(body, f.figures);
      f.village = jsonValue(body, "village", "");
    } else {
      auto created = core::localDayOfUtc(jsonValue(rec, "created_at", ""));  // when the volunteer saved it
      if (!created || !inMonth(*created, year, month)) return {};
      if (kind == "resident") {
        ++f.figures.residents;
        f.village = jsonValue(body, "village", "");
      } else if (kind == "application") {
        ++(r.info.procedure == kVneidProcedure ? f.figures.vneidLevel2 : f.figures.applications);
        countDecision(r.info.reviewStatus, f.figures);
        f.residentId = jsonValue(body, "resident_id", "");
      } else {
        return {};  // households: counted through their members
      }
    }
    facts.push_back(std::move(f));
    return {};
  });
  if (!st) return st.error();

  MonthlyReport report;
  report.year = year;
  report.month = month;
  std::map<std::string, ReportFigures> byVillage, byVolunteer;
  for (auto& f : facts) {
    if (!f.residentId.empty())
      if (auto it = villageOfResident.find(f.residentId); it != villageOfResident.end()) f.village = it->second;
    byVillage[f.village].add(f.figures);
    byVolunteer[f.volunteer].add(f.figures);
    report.total.add(f.figures);
  }
  for (auto& [name, figures] : byVillage) report.rows.push_back({ReportRow::Group::Village, name, figures});
  for (auto& [name, figures] : byVolunteer) report.rows.push_back({ReportRow::Group::Volunteer, name, figures});
  return report;
}

Status writeMonthlyReportXlsx(const MonthlyReport& report, const std::filesystem::path& out) {
  static constexpr const char* kColumns[] = {"group",           "name",
                                             "residents",       "vneid_level2",
                                             "applications",    "accepted",
                                             "needs_documents", "returned",
                                             "undecided",       "sessions",
                                             "trained",         "female_under_18",
                                             "female_18_59",    "female_60_plus",
                                             "male_under_18",   "male_18_59",
                                             "male_60_plus",    "vneid_installed",
                                             "vneid_activated", "platform_enrolled"};
  std::vector<std::string> headers;
  for (const char* c : kColumns) headers.push_back(i18n::tr(std::string("hub.report.col.") + c));
  char title[32];
  std::snprintf(title, sizeof title, "%02d-%04d", report.month, report.year);
  auto sheet = XlsxSheet::create(out, i18n::tr("hub.report.sheet") + " " + title, headers);
  if (!sheet) return sheet.error();
  auto writeRow = [&](const std::string& group, const std::string& name, const ReportFigures& f) {
    std::vector<XlsxCell> cells = {group, name};
    for (int v : {f.residents, f.vneidLevel2, f.applications, f.accepted, f.needsDocuments, f.returned, f.undecided,
                  f.sessions, f.trainedTotal()})
      cells.emplace_back(static_cast<double>(v));
    for (int t : f.trained) cells.emplace_back(static_cast<double>(t));
    for (int v : {f.vneidInstalled, f.vneidActivated, f.platformEnrolled}) cells.emplace_back(static_cast<double>(v));
    return (*sheet)->row(cells);
  };
  for (const auto& row : report.rows) {
    const bool village = row.group == ReportRow::Group::Village;
    const std::string name = row.name.empty() ? i18n::tr("hub.report.unnamed") : row.name;
    GOCUA_TRY(writeRow(i18n::tr(village ? "hub.report.by_village" : "hub.report.by_volunteer"), name, row.figures));
  }
  GOCUA_TRY(writeRow(i18n::tr("hub.report.total"), "", report.total));
  return (*sheet)->commit();
}

}  // namespace gocua::hub
