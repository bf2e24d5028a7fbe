// The desk's overview on a real hub: the 8 weekly bars by the day the volunteer saved each
// application, the counts by procedure and decision, one month's figures per village and per
// volunteer with the skills sessions, month paging, the queue opened from a bar or a count, and the
// monthly report written as Excel and audited as `gocua-hub report` is.
#include "office_fixture.h"

using namespace officetest;

namespace {

// "Today" for these tests: Thursday 03/12/2026, in the week from Monday 30/11.
const core::Date kToday{2026, 12, 3};

std::string createdAt(std::string line, const std::string& when) {
  json j = json::parse(line);
  j["created_at"] = when;
  j["updated_at"] = when;
  return j.dump();
}

// Thôn 1: Bình (December) with a birth registration this week; Thôn 2: Pấng (November) with a
// residence registration saved 18/11 (accepted) and one from September (outside the 8 weeks).
// A skills session in Thôn 1 on 01/12.
void receiveWork(DeskFixture& f) {
  const auto birth = sampleAnswers("birth_registration");
  const auto ct01 = sampleAnswers("residence_ct01");
  f.import(makeBatch(f.device, 1,
                     {createdAt(residentLine(1, 1, "Trần Thị Bình"), "2026-12-01T04:00:00Z"),
                      createdAt(residentLine(2, 1, "Lò Văn Pấng", {{"village", "Thôn 2"}}), "2026-11-18T04:00:00Z"),
                      applicationLine(10, "birth_registration", birth, 1, "2026-12-01T04:00:00Z"),
                      applicationLine(11, "residence_ct01", ct01, 2, "2026-11-18T04:00:00Z"),
                      applicationLine(12, "residence_ct01", ct01, 2, "2026-09-01T04:00:00Z"),
                      sessionLine(20, {{"date", "01/12/2026"}})},
                     f.hubBox()));
  REQUIRE(f.session->setReview(uuid(11), "accepted", "").ok());
}

const hub::ReportRow* rowNamed(const hub::MonthlyReport& report, hub::ReportRow::Group group, const std::string& name) {
  for (const auto& r : report.rows)
    if (r.group == group && r.name == name) return &r;
  return nullptr;
}

}  // namespace

TEST_CASE("mondayOf: the Monday of the week, across a month and a year") {
  CHECK(mondayOf({2026, 12, 3}) == core::Date{2026, 11, 30});
  CHECK(mondayOf({2026, 11, 30}) == core::Date{2026, 11, 30});
  CHECK(mondayOf({2026, 12, 6}) == core::Date{2026, 11, 30});  // Sunday
  CHECK(mondayOf({2027, 1, 1}) == core::Date{2026, 12, 28});
  CHECK(mondayOf({1970, 1, 1}) == core::Date{1969, 12, 29});
}

TEST_CASE("overview: 8 weeks of bars by the day saved, counts by procedure and decision, the month's figures") {
  DeskFixture f;
  f.unlock();
  receiveWork(f);
  auto& d = f.desk.dashboard;
  d.open(f.desk.model, kToday);
  CHECK(d.error().empty());

  REQUIRE(d.weeks().size() == 8);
  CHECK(d.weeks().front().monday == core::Date{2026, 10, 12});
  CHECK(d.weeks().back().monday == core::Date{2026, 11, 30});
  CHECK(d.weeks()[7].counts == StatusCounts{1, 0, 0, 0});  // the birth registration, new
  CHECK(d.weeks()[5].counts == StatusCounts{0, 0, 0, 1});  // 18/11, accepted
  int inBars = 0;
  for (const auto& w : d.weeks()) inBars += total(w.counts);
  CHECK(inBars == 2);  // September's is older than the 8 weeks
  CHECK(d.tallestWeek() == 1);

  REQUIRE(d.procedures().size() == 2);
  for (const auto& p : d.procedures()) {
    CHECK(p.title == f.session->form(p.id)->title(i18n::lang()));
    if (p.id == "residence_ct01")
      CHECK(p.counts == StatusCounts{1, 0, 0, 1});
    else
      CHECK(p.counts == StatusCounts{1, 0, 0, 0});
  }

  CHECK(d.monthText() == "12/2026");
  const auto& dec = d.report();
  CHECK(dec.total.residents == 1);
  CHECK(dec.total.applications == 1);
  CHECK(dec.total.sessions == 1);
  CHECK(dec.total.trainedTotal() == 17);
  const auto* thon1 = rowNamed(dec, hub::ReportRow::Group::Village, "Thôn 1");
  REQUIRE(thon1);
  CHECK(thon1->figures.sessions == 1);
  CHECK(thon1->figures.trained[2] == 5);  // women 60 and over
  CHECK(thon1->figures.vneidInstalled == 9);
  CHECK(rowNamed(dec, hub::ReportRow::Group::Volunteer, "Lan"));
  CHECK(f.desk.holdsPlaintext());

  CHECK_FALSE(d.canGoNext());
  d.nextMonth(f.desk.model);  // not past this month
  CHECK(d.monthText() == "12/2026");
  d.previousMonth(f.desk.model);
  CHECK(d.monthText() == "11/2026");
  CHECK(d.report().total.residents == 1);
  CHECK(d.report().total.applications == 1);
  CHECK(d.report().total.accepted == 1);
  CHECK(d.report().total.sessions == 0);
  CHECK(d.canGoNext());
  for (int i = 0; i < 11; ++i) d.previousMonth(f.desk.model);
  CHECK(d.monthText() == "12/2025");  // across the year
  CHECK(d.report().total.applications == 0);

  f.desk.lock();
  CHECK_FALSE(f.desk.holdsPlaintext());
  CHECK(d.report().rows.empty());
  CHECK(d.weeks().empty());
}

TEST_CASE("overview: a bar opens the queue on its week, a count on its procedure and decision") {
  DeskFixture f;
  f.unlock();
  receiveWork(f);
  f.desk.goDashboard();
  CHECK(f.desk.model.screen() == Screen::Dashboard);
  f.desk.dashboard.open(f.desk.model, kToday);

  f.desk.queue.village = "Thôn 1";  // an older filter does not hide the week's applications
  f.desk.showWeekInQueue(f.desk.dashboard.weeks()[5].monday);
  CHECK(f.desk.model.screen() == Screen::Queue);
  auto& q = f.desk.queue;
  REQUIRE(q.rows().size() == 1);
  CHECK(q.rows()[0].id == uuid(11));
  q.week.reset();
  q.apply();
  CHECK(q.rows().size() == 3);

  f.desk.showInQueue("residence_ct01", 0);
  CHECK(q.procedure == "residence_ct01");
  CHECK(q.status == "new");
  REQUIRE(q.rows().size() == 1);
  CHECK(q.rows()[0].id == uuid(12));
  f.desk.showInQueue("residence_ct01", 3);
  REQUIRE(q.rows().size() == 1);
  CHECK(q.rows()[0].id == uuid(11));
}

TEST_CASE("overview: the monthly report as Excel in the chosen folder, audited; a missing folder says so") {
  DeskFixture f;
  f.unlock();
  receiveWork(f);
  auto& d = f.desk.dashboard;
  d.open(f.desk.model, kToday);
  d.exportFolder.path = (f.home.path / "missing").string();
  CHECK_FALSE(d.exportReport(f.desk.model));
  CHECK(d.error() == i18n::message(Error::fromText("folder.missing")));
  d.exportFolder.path = f.stick.string();
  REQUIRE(d.exportReport(f.desk.model));
  CHECK(d.error().empty());
  CHECK(d.lastExported() == f.stick / "bao-cao-thang-2026-12.xlsx");
  CHECK(readAll(d.lastExported()).rfind("PK", 0) == 0);  // an xlsx is a zip
  REQUIRE(d.exportReport(f.desk.model));                 // again: a second file, the first kept
  CHECK(d.lastExported() == f.stick / "bao-cao-thang-2026-12-2.xlsx");
  CHECK(fs::exists(f.stick / "bao-cao-thang-2026-12.xlsx"));
  auto audit = f.hub->auditLog("");
  REQUIRE(audit.ok());
  CHECK(audit->back().action == "report");
  CHECK(audit->back().target == "2026-12");
  CHECK(f.desk.model.notice().text.find("bao-cao-thang-2026-12-2.xlsx") != std::string::npos);
}
