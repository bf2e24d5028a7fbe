// The inbox: every batch on the stick received, a receipt beside each, a summary in words per
// batch (with the reasons records were refused), the batches kept aside listed with their reason.
#include "core/errors.h"
#include "office_fixture.h"

using namespace officetest;

TEST_CASE("inbox: a stick with two batches, one record refused; receipts beside; a replay says so") {
  DeskFixture f;
  f.unlock();
  const auto answers = sampleAnswers("birth_registration");
  f.onStick("a-lan-1.gcb",
            makeBatch(f.device, 1,
                      {residentLine(1, 1, "Trần Thị Bình"), applicationLine(2, "birth_registration", answers, 1)},
                      f.hubBox()));
  f.onStick("a-lan-2.gcb",
            makeBatch(f.device, 2,
                      {residentLine(3, 1, "Lò Văn Pấng"), residentLine(4, 1, "Vì Thị Hoa", {{"personal_id", "12"}})},
                      f.hubBox()));
  f.receiveStick();
  CHECK_FALSE(f.desk.model.busy());
  const auto& s = f.desk.inbox.summaries();
  REQUIRE(s.size() == 2);
  CHECK(s[0].file == "a-lan-1.gcb");
  CHECK(s[0].accepted == 2);
  CHECK(s[0].headline ==
        i18n::tr("office.inbox.batch.imported", {{"accepted", "2"}, {"duplicates", "0"}, {"rejected", "0"}}));
  CHECK(s[0].reasons.empty());
  CHECK(s[1].accepted == 1);
  CHECK(s[1].rejected == 1);
  REQUIRE(s[1].reasons.size() == 1);
  CHECK(s[1].reasons[0] == i18n::tr("office.inbox.records_rejected",
                                    {{"count", "1"}, {"reason", i18n::message(Error::make(err::kPersonalIdFormat))}}));
  for (const char* receipt : {"a-lan-1.gcr", "a-lan-2.gcr"}) {
    INFO(receipt);
    CHECK(fs::exists(f.stick / receipt));
    // The receipt is the hub's signed answer to that laptop, readable by it.
    f.receipt(readAll(f.stick / receipt), f.device);
  }
  CHECK(f.recordCount() == 3);
  CHECK(f.desk.model.notice().text == i18n::tr("office.inbox.done", {{"batches", "2"}, {"records", "4"}}));

  // The same stick again: nothing new, each batch said to be a replay, receipts written again.
  fs::remove(f.stick / "a-lan-1.gcr");
  f.receiveStick();
  REQUIRE(f.desk.inbox.summaries().size() == 2);
  CHECK((f.desk.inbox.summaries()[0].status == sync::BatchStatus::Replay));
  CHECK(f.desk.inbox.summaries()[0].headline == i18n::tr("office.inbox.batch.replay"));
  CHECK(fs::exists(f.stick / "a-lan-1.gcr"));
  CHECK(f.recordCount() == 3);
}

TEST_CASE("inbox: a revoked laptop's batch is kept aside and listed with its reason in words") {
  DeskFixture f;
  f.unlock();
  REQUIRE(f.session->revoke(f.device.keys.publicKey).ok());
  f.onStick("lan.gcb", makeBatch(f.device, 1, {residentLine(1)}, f.hubBox()));
  f.receiveStick();
  REQUIRE(f.desk.inbox.summaries().size() == 1);
  const auto& s = f.desk.inbox.summaries()[0];
  CHECK((s.status == sync::BatchStatus::Quarantined));
  CHECK(s.headline == i18n::tr("office.inbox.batch.quarantined"));
  REQUIRE_FALSE(s.reasons.empty());
  CHECK(s.reasons[0] == i18n::message(Error::fromText("hub.revoked")));
  REQUIRE(f.desk.inbox.quarantine().size() == 1);
  const auto& q = f.desk.inbox.quarantine()[0];
  CHECK(q.reason == i18n::message(Error::fromText("hub.revoked")));
  CHECK(q.device == hub::deviceHex(f.device.keys.publicKey).substr(0, 12));
  CHECK(q.received.size() == std::string("23/11/2026 17:05").size());
}

TEST_CASE("inbox: progress counts batches, records and bytes; a folder without batches offers nothing") {
  DeskFixture f;
  f.unlock();
  f.desk.goInbox();
  f.desk.inbox.folder.path = f.stick.string();
  f.desk.inbox.folder.rescan();
  CHECK_FALSE(f.desk.inbox.canImport());
  f.onStick("1.gcb", makeBatch(f.device, 1, {residentLine(1), residentLine(2)}, f.hubBox()));
  f.onStick("2.gcb", makeBatch(f.device, 2, {residentLine(3)}, f.hubBox()));
  f.desk.inbox.folder.rescan();
  REQUIRE(f.desk.inbox.canImport());
  f.desk.inbox.importAll(f.desk.model);
  CHECK(f.desk.model.busy());
  f.desk.inbox.finish(f.desk.model);
  CHECK_FALSE(f.desk.model.busy());
  const auto p = f.desk.inbox.progress();
  CHECK(p.filesDone == 2);
  CHECK(p.filesTotal == 2);
  CHECK(p.records == 3);
  CHECK(p.fraction == doctest::Approx(1.0));
  REQUIRE(p.secondsLeft);
  CHECK(*p.secondsLeft == doctest::Approx(0.0));
  CHECK(p.recordsPerSecond > 0);
  CHECK(f.desk.inbox.progressCaption().find(i18n::formatCount(3)) != std::string::npos);
}
