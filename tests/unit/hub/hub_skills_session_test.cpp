// The hub judges a skills-session record with the laptop's own check: a good session is accepted
// and listed; impossible counts, a future date or an unknown topic are rejected alone with the
// reason the laptop would have given.
#include "hub_fixture.h"

using namespace hubtest;

namespace {

std::string sessionLine(int n, const json& patch = json::object()) {
  json body = {{"date", "20/11/2026"},
               {"village", "Thôn 1"},
               {"place", "Nhà văn hoá thôn"},
               {"topics", {"vneid_install", "scam_awareness"}},
               {"trainers", {"Lan"}},
               {"attendees", {{"female", {{"under_18", 0}, {"18_59", 12}, {"60_plus", 5}}}}},
               {"helped", {{"vneid_installed", 9}, {"vneid_activated", 7}, {"platform_enrolled", 4}}},
               {"notes", ""},
               {"created_at", "2026-11-20T10:00:00Z"},
               {"created_by", "Lan"}};
  body.merge_patch(patch);
  json line = {{"type", "record"},
               {"id", uuid(n)},
               {"kind", "skills_session"},
               {"revision", 1},
               {"form_id", nullptr},
               {"form_version", nullptr},
               {"created_at", "2026-11-20T10:00:00Z"},
               {"updated_at", "2026-11-20T10:00:00Z"},
               {"volunteer", "Lan"},
               {"body", body}};
  return line.dump();
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
