// The hub judges a skills-session record with the laptop's own check: a good session is accepted
// and listed; impossible counts, a future date or an unknown topic are rejected alone with the
// reason the laptop would have given. The monthly report counts sessions with the team's other
// work, per village and per volunteer.
#include "hub_fixture.h"
#include "sync/hub/monthly_report.h"

using namespace hubtest;

namespace {

std::string applicationFor(int n, int residentN, const std::string& formId, const std::string& createdAt) {
  json body = {{"form_id", formId}, {"form_version", 1}, {"resident_id", uuid(residentN)}, {"answers", json::object()}};
  return json({{"type", "record"},
               {"id", uuid(n)},
               {"kind", "application"},
               {"revision", 1},
               {"form_id", formId},
               {"form_version", 1},
               {"created_at", createdAt},
               {"updated_at", createdAt},
               {"volunteer", "Minh"},
               {"body", body}})
      .dump();
}

}  // namespace

TEST_CASE("skills sessions: the laptop's check decides at the hub, each bad session rejected alone") {
  Fixture f;
  std::vector<std::string> lines = {
      sessionLine(1),
      sessionLine(2, {{"helped", {{"vneid_installed", 18}}}}),
      sessionLine(3, {{"date", "01/01/2099"}}),
      sessionLine(4, {{"topics", json::array({"crypto_trading"})}}),
      sessionLine(5, {{"attendees", {{"male", {{"60_plus", -2}}}}}}),
  };
  auto r = f.import(makeBatch(f.device, 1, lines, f.hubBox()));
  CHECK(name(r.status) == name(sync::BatchStatus::Imported));
  CHECK(r.accepted == 1);
  CHECK(r.rejectedRecords == 4);
  auto receipt = f.receipt(r.receipt, f.device);
  std::map<std::string, sync::RecordOutcome> by;
  for (const auto& o : receipt.records) by[o.id] = o;
  CHECK(name(by[uuid(1)].outcome) == name(sync::Outcome::Accepted));
  CHECK(by[uuid(2)].reason == "skills.helped_more_than_attended");
  CHECK(by[uuid(3)].reason == "date.future");
  CHECK(by[uuid(4)].reason == "skills.unknown_topic");
  CHECK(by[uuid(5)].reason == "skills.bad_count");

  auto listed = f.hub->records(hub::RecordFilter{});
  REQUIRE(listed.ok());
  REQUIRE(listed->size() == 1);
  CHECK((*listed)[0].kind == "skills_session");
  CHECK((*listed)[0].id == uuid(1));
}

TEST_CASE("monthly report: per village and per volunteer, the month's work and the people trained") {
  Fixture f;
  // November 2026 (residentLine and sessionLine are dated 20/11/2026): two residents in two
  // villages, a VNeID level-2 application and a birth registration for the Thôn 2 resident (made
  // by Minh), a session in Thôn 1. December: one more application and one session.
  std::vector<std::string> lines = {
      residentLine(1),
      residentLine(2, 1, "Bùi Thị Lan", {{"village", "Thôn 2"}}),
      applicationFor(3, 2, "vneid_level2", "2026-11-21T09:00:00Z"),
      applicationFor(4, 2, "birth_registration", "2026-11-22T09:00:00Z"),
      applicationFor(5, 1, "vneid_level2", "2026-12-02T09:00:00Z"),
      sessionLine(6, {{"attendees", {{"male", {{"60_plus", 3}}}}}}),
      sessionLine(7, {{"date", "01/12/2026"}}),
  };
  auto imported = f.import(makeBatch(f.device, 1, lines, f.hubBox()));
  REQUIRE(imported.accepted == 7);
  REQUIRE(f.session->setReview(uuid(3), "accepted", "").ok());
  REQUIRE(f.session->setReview(uuid(4), "needs_documents", "Thiếu giấy chứng sinh").ok());

  auto nov = hub::monthlyReport(*f.session, 2026, 11);
  REQUIRE(nov.ok());
  const auto& t = nov->total;
  CHECK(t.residents == 2);
  CHECK(t.vneidLevel2 == 1);
  CHECK(t.applications == 1);
  CHECK(t.accepted == 1);
  CHECK(t.needsDocuments == 1);
  CHECK(t.undecided == 0);
  CHECK(t.sessions == 1);
  CHECK(t.trained == std::array<int, 6>{0, 12, 5, 0, 0, 3});
  CHECK(t.trainedTotal() == 20);
  CHECK(t.vneidInstalled == 9);
  CHECK(t.platformEnrolled == 4);

  std::map<std::string, hub::ReportFigures> village, volunteer;
  for (const auto& r : nov->rows) (r.group == hub::ReportRow::Group::Village ? village : volunteer)[r.name] = r.figures;
  REQUIRE(village.size() == 2);
  CHECK(village["Thôn 1"].residents == 1);
  CHECK(village["Thôn 1"].sessions == 1);
  CHECK(village["Thôn 1"].vneidLevel2 == 0);
  CHECK(village["Thôn 2"].residents == 1);
  CHECK(village["Thôn 2"].vneidLevel2 == 1);  // the application counts where its resident lives
  CHECK(village["Thôn 2"].applications == 1);
  CHECK(volunteer["Minh"].vneidLevel2 == 1);
  CHECK(volunteer["Lan"].residents == 2);
  CHECK(volunteer["Lan"].sessions == 1);

  auto dec = hub::monthlyReport(*f.session, 2026, 12);
  REQUIRE(dec.ok());
  CHECK(dec->total.residents == 0);
  CHECK(dec->total.vneidLevel2 == 1);
  CHECK(dec->total.undecided == 1);
  CHECK(dec->total.sessions == 1);

  auto out = f.tmp.path / "report.xlsx";
  REQUIRE(hub::writeMonthlyReportXlsx(*nov, out).ok());
  CHECK(fs::file_size(out) > 1000);
  CHECK(readAll(out).substr(0, 2) == "PK");  // a zip, as every XLSX

  for (const char* bad : {"2026-13", "11/2026", "2026-1", "2026-11x", ""}) {
    CAPTURE(bad);
    auto m = hub::parseReportMonth(bad);
    REQUIRE_FALSE(m.ok());
    CHECK(m.error().code == "hub.bad_month");
  }
  CHECK(*hub::parseReportMonth("2026-02") == std::pair{2026, 2});
}
