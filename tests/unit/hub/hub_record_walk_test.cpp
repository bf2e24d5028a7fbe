// HubSession::forEachRecord over a real hub, as the export, the report and the duplicates search
// use it: many records come back in the order received with their own plaintext, reading only some
// fields leaves the rest out, and a damaged record stops the walk with hub.damaged.
#include "core/json_read.h"
#include "core/record_id.h"
#include "hub_fixture.h"
#include "sync/hub/hub_store.h"

using namespace hubtest;

namespace {

// Flips one byte of the record's sealed body through the store, as a disk fault or an edit would.
void damage(Fixture& f, int n) {
  auto id = core::parseRecordId(uuid(n));
  REQUIRE(id);
  auto row = f.hub->store().recordWithBody(*id);
  REQUIRE(row.ok());
  REQUIRE(row->has_value());
  hub::StoredRecord r = **row;
  r.sealed[r.sealed.size() / 2] ^= 1;
  REQUIRE(f.hub->store().upsertRecord(r).ok());
}

}  // namespace

const char* const kNames[] = {"Đặng Thị Hoa", "Bùi Văn Nam", "Lê Thị Hồng", "Trần Văn Bình", "Phạm Thị Mai"};

TEST_CASE("forEachRecord: hundreds of records come back in the order received, each with its own body") {
  Fixture f;
  std::vector<std::string> lines;
  for (int n = 1; n <= 700; ++n) lines.push_back(residentLine(n, 1, kNames[n % 5]));
  REQUIRE(f.import(makeBatch(f.device, 1, lines, f.hubBox())).accepted == 700);

  int next = 1;
  bool allOwn = true;
  auto st = f.session->forEachRecord({}, [&](const hub::OpenRecord& r) -> Status {
    allOwn = allOwn && r.info.id == uuid(next) && jsonValue(r.plain["body"], "full_name", "") == kNames[next % 5];
    ++next;
    return {};
  });
  REQUIRE(st.ok());
  CHECK(next == 701);
  CHECK(allOwn);

  // A walk within a walk (hub_print does one) opens on its own.
  int inner = 0, outer = 0;
  st = f.session->forEachRecord({}, [&](const hub::OpenRecord&) -> Status {
    if (++outer == 1)
      return f.session->forEachRecord({}, [&](const hub::OpenRecord&) -> Status {
        ++inner;
        return {};
      });
    return {};
  });
  REQUIRE(st.ok());
  CHECK(inner == 700);
  CHECK(outer == 700);
}

TEST_CASE("forEachRecord with fields: only the members named, and the village filter still applies") {
  Fixture f;
  REQUIRE(f.import(makeBatch(f.device, 1,
                             {residentLine(1, 1, "Đặng Thị Hoa", {{"personal_id", "001090012345"}}),
                              residentLine(2, 1, "Bùi Văn Nam", {{"village", "Thôn 2"}}), sessionLine(3)},
                             f.hubBox()))
              .accepted == 3);
  const hub::RecordFields fields{{"volunteer"}, {"full_name"}};
  std::vector<json> seen;
  auto st = f.session->forEachRecord({}, fields, [&](const hub::OpenRecord& r) -> Status {
    seen.push_back(r.plain);
    return {};
  });
  REQUIRE(st.ok());
  REQUIRE(seen.size() == 3);
  CHECK(seen[0] == json{{"volunteer", "Lan"}, {"body", {{"full_name", "Đặng Thị Hoa"}}}});
  CHECK(seen[1] == json{{"volunteer", "Lan"}, {"body", {{"full_name", "Bùi Văn Nam"}}}});
  CHECK(seen[2] == json{{"volunteer", "Lan"}, {"body", json::object()}});

  std::vector<std::string> ids;
  st = f.session->forEachRecord({.village = "Thôn 2"}, fields, [&](const hub::OpenRecord& r) -> Status {
    ids.push_back(r.info.id);
    CHECK(jsonValue(r.plain["body"], "full_name", "") == "Bùi Văn Nam");
    return {};
  });
  REQUIRE(st.ok());
  CHECK(ids == std::vector<std::string>{uuid(2)});
}

TEST_CASE("forEachRecord: a damaged record stops the walk with hub.damaged after the records before it") {
  Fixture f;
  std::vector<std::string> lines;
  for (int n = 1; n <= 300; ++n) lines.push_back(residentLine(n));
  REQUIRE(f.import(makeBatch(f.device, 1, lines, f.hubBox())).accepted == 300);
  damage(f, 200);

  for (const bool withFields : {false, true}) {
    CAPTURE(withFields);
    int heard = 0;
    auto count = [&](const hub::OpenRecord&) -> Status {
      ++heard;
      return {};
    };
    auto st = withFields ? f.session->forEachRecord({}, hub::RecordFields{{"volunteer"}, {}}, count)
                         : f.session->forEachRecord({}, count);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().code == "hub.damaged");
    CHECK(heard == 199);
  }
  auto one = f.session->withRecord(uuid(200), [](const hub::OpenRecord&) -> Status { return {}; });
  REQUIRE_FALSE(one.ok());
  CHECK(one.error().code == "hub.damaged");
  CHECK(f.session->withRecord(uuid(199), [](const hub::OpenRecord&) -> Status { return {}; }).ok());
}

TEST_CASE("exportRecords: a spreadsheet of hundreds of records, and none when a record is damaged") {
  Fixture f;
  std::vector<std::string> lines;
  for (int n = 1; n <= 600; ++n) lines.push_back(residentLine(n, 1, kNames[n % 5]));
  REQUIRE(f.import(makeBatch(f.device, 1, lines, f.hubBox())).accepted == 600);
  const auto out = f.tmp.path / "all.xlsx";
  std::size_t last = 0;
  auto n = f.session->exportRecords(hub::ExportFormat::Xlsx, out, {}, [&](std::size_t count) { last = count; });
  REQUIRE(n.ok());
  CHECK(*n == 600);
  CHECK(last == 600);
  CHECK(readAll(out).substr(0, 2) == "PK");

  damage(f, 450);
  const auto broken = f.tmp.path / "broken.xlsx";
  auto failed = f.session->exportRecords(hub::ExportFormat::Xlsx, broken);
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.error().code == "hub.damaged");
  CHECK_FALSE(fs::exists(broken));
}
