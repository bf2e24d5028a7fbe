// HubSession::forEachRecord, the one place records are opened: each filter keeps exactly the
// records it names, and the plaintext handed out is the record's own.
#include "core/json_read.h"
#include "hub_fixture.h"
#include "sync/hub/errors.h"

using namespace hubtest;

namespace {

std::vector<std::string> idsMatching(Fixture& f, const hub::RecordFilter& filter) {
  std::vector<std::string> ids;
  auto st = f.session->forEachRecord(filter, [&](const hub::OpenRecord& r) -> Status {
    ids.push_back(r.info.id);
    return {};
  });
  REQUIRE(st.ok());
  return ids;
}

core::Date receivedDay() {
  auto d = core::parseDate(core::nowIso().substr(0, 10));
  REQUIRE(d.ok());
  return *d;
}

}  // namespace

TEST_CASE("forEachRecord: status, village and received-since filters") {
  Fixture f;
  REQUIRE(f.import(makeBatch(f.device, 1,
                             {residentLine(1, 1, "Đặng Thị Hoa"),
                              residentLine(2, 1, "Bùi Văn Nam", {{"village", "Thôn 2"}}), residentLine(3)},
                             f.hubBox()))
              .accepted == 3);
  REQUIRE(f.session->setReview(uuid(1), "accepted", "").ok());
  REQUIRE(f.session->setReview(uuid(2), "needs_documents", "Thiếu giấy chứng sinh").ok());

  CHECK(idsMatching(f, {}) == std::vector<std::string>{uuid(1), uuid(2), uuid(3)});
  CHECK(idsMatching(f, {.status = "new"}) == std::vector<std::string>{uuid(3)});
  CHECK(idsMatching(f, {.status = "accepted"}) == std::vector<std::string>{uuid(1)});
  CHECK(idsMatching(f, {.status = "returned"}).empty());
  CHECK(idsMatching(f, {.village = "Thôn 2"}) == std::vector<std::string>{uuid(2)});
  CHECK(idsMatching(f, {.village = "Thôn 1"}).size() == 2);
  CHECK(idsMatching(f, {.status = "new", .village = "Thôn 1"}) == std::vector<std::string>{uuid(3)});
  CHECK(idsMatching(f, {.procedure = "birth_registration"}).empty());

  const auto today = receivedDay();
  CHECK(idsMatching(f, {.since = today}).size() == 3);
  CHECK(idsMatching(f, {.since = core::dateFromDays(core::daysSinceEpoch(today) + 1)}).empty());

  auto bad = f.session->forEachRecord({.status = "maybe"}, [](const hub::OpenRecord&) -> Status { return {}; });
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code == "hub.bad_status");
}

TEST_CASE("forEachRecord: hands out each record's decrypted line and stops at the caller's error") {
  Fixture f;
  REQUIRE(
      f.import(makeBatch(f.device, 1, {residentLine(1, 2, "Đặng Thị Hoa"), residentLine(2)}, f.hubBox())).accepted ==
      2);
  std::vector<std::string> names;
  auto st = f.session->forEachRecord({}, [&](const hub::OpenRecord& r) -> Status {
    names.push_back(jsonValue(r.plain["body"], "full_name", ""));
    CHECK(r.plain["volunteer"] == "Lan");
    CHECK(r.receivedAt.size() == 20);
    return Error::make(err::kHubIo, "stop");
  });
  REQUIRE_FALSE(st.ok());
  CHECK(st.error().code == "hub.io");
  CHECK(names == std::vector<std::string>{"Đặng Thị Hoa"});
}
