// Review decisions reach the laptop (status-out and the next import receipt) with notes only its
// box key opens; record listing and exports; bodies sealed at rest; recovery; the HTTP endpoint.
#include "hub_fixture.h"
#include "store/db.h"
#include "sync/hub/endpoint.h"

using namespace hubtest;

TEST_CASE("review set: status-out and the next receipt carry the update, note sealed to the device") {
  Fixture f;
  REQUIRE(f.import(makeBatch(f.device, 1, {residentLine(1, 2), residentLine(2)}, f.hubBox())).accepted == 2);
  REQUIRE(f.session->setReview(uuid(1), "needs_documents", "Thiếu giấy khai sinh").ok());
  REQUIRE(f.session->setReview(uuid(2), "accepted", "").ok());

  auto status = f.session->statusReceipt(f.device.keys.publicKey);
  REQUIRE(status.ok());
  auto r = f.receipt(*status, f.device);
  CHECK(name(r.batchStatus) == name(sync::BatchStatus::Status));
  CHECK(r.nextSequence == 2);
  REQUIRE(r.updates.size() == 2);
  CHECK(r.updates[0].id == uuid(1));
  CHECK(r.updates[0].revision == 2);
  CHECK(name(r.updates[0].status) == name(sync::ReviewStatus::NeedsDocuments));
  auto note = sync::openNote(r.updates[0].sealedNote, f.device.box);
  REQUIRE(note.ok());
  CHECK(*note == "Thiếu giấy khai sinh");
  CHECK(r.updates[1].sealedNote.empty());
  // Another key does not open it.
  CHECK_FALSE(sync::openNote(r.updates[0].sealedNote, Device(2).box).ok());

  auto next = f.import(makeBatch(f.device, 2, {residentLine(3)}, f.hubBox()));
  auto nr = f.receipt(next.receipt, f.device);
  REQUIRE(nr.updates.size() == 2);
  CHECK(name(nr.updates[0].status) == name(sync::ReviewStatus::NeedsDocuments));

  // Another device sees none of this device's decisions.
  Device other(2);
  REQUIRE(f.session->enroll(other.request()).ok());
  auto os = f.session->statusReceipt(other.keys.publicKey);
  REQUIRE(os.ok());
  CHECK(f.receipt(*os, other).updates.empty());

  CHECK(f.session->setReview(uuid(99), "accepted", "").error().code == "hub.record_not_found");
  CHECK(f.session->setReview(uuid(1), "maybe", "").error().code == "hub.bad_status");
  CHECK(f.session->setReview("nope", "accepted", "").error().code == "hub.bad_record_id");
  CHECK(f.session->setReview(uuid(1), "accepted", std::string(2001, 'a')).error().code != "");
  auto list = f.hub->records(std::nullopt);
  REQUIRE(list.ok());
  CHECK((*list)[0].reviewStatus == std::optional<std::string>("needs_documents"));
  CHECK_FALSE((*list)[2].reviewStatus);
}

TEST_CASE("review set: decisions made before schema v5 still reach their device's receipts") {
  Fixture f;
  REQUIRE(f.import(makeBatch(f.device, 1, {residentLine(1), residentLine(2)}, f.hubBox())).accepted == 2);
  REQUIRE(f.session->setReview(uuid(2), "returned", "Sai tên").ok());
  f.session.reset();
  f.hub.reset();
  {
    // Back to schema v4: no device on review rows, the old indexes on record.
    auto db = store::Db::open(f.tmp.path / "hub" / "hub.db", false);
    REQUIRE(db.ok());
    REQUIRE(db->exec(kBackToSchemaV4).ok());
    REQUIRE(db->setUserVersion(4).ok());
  }
  auto h = hub::Hub::open(f.tmp.path / "hub");
  REQUIRE(h.ok());
  f.hub = std::move(*h);
  auto s = f.hub->unlock(kPassphrase);
  REQUIRE(s.ok());
  f.session = std::move(*s);
  auto status = f.session->statusReceipt(f.device.keys.publicKey);
  REQUIRE(status.ok());
  auto r = f.receipt(*status, f.device);
  REQUIRE(r.updates.size() == 1);
  CHECK(r.updates[0].id == uuid(2));
  CHECK(name(r.updates[0].status) == name(sync::ReviewStatus::Returned));
}

TEST_CASE("records list holds no personal data; export holds what was asked for") {
  Fixture f;
  REQUIRE(f.import(makeBatch(f.device, 1, {residentLine(1, 1, "Đặng Thị Hoa"), residentLine(2, 4, "Bùi Văn Nam")},
                             f.hubBox()))
              .accepted == 2);
  auto list = f.hub->records(std::nullopt);
  REQUIRE(list.ok());
  REQUIRE(list->size() == 2);
  CHECK((*list)[1].id == uuid(2));
  CHECK((*list)[1].kind == "resident");
  CHECK((*list)[1].revision == 4);
  CHECK((*list)[1].device == f.device.keys.publicKey);

  auto jsonl = f.tmp.path / "out.jsonl";
  auto n = f.session->exportRecords(hub::ExportFormat::Jsonl, jsonl);
  REQUIRE(n.ok());
  CHECK(*n == 2);
  std::istringstream lines(readAll(jsonl));
  std::string line;
  std::vector<json> rows;
  while (std::getline(lines, line)) rows.push_back(json::parse(line));
  REQUIRE(rows.size() == 2);
  CHECK(rows[0]["id"] == uuid(1));
  CHECK(rows[0]["body"]["full_name"] == "Đặng Thị Hoa");
  CHECK(rows[1]["revision"] == 4);

  auto csv = f.tmp.path / "out.csv";
  REQUIRE(f.session->exportRecords(hub::ExportFormat::Csv, csv).ok());
  auto text = readAll(csv);
  CHECK(text.rfind("\xEF\xBB\xBFid,kind,", 0) == 0);  // the byte-order mark Excel needs for UTF-8
  CHECK(text.find("\"Bùi Văn Nam\"") != std::string::npos);
  CHECK(std::count(text.begin(), text.end(), '\n') == 3);

  // Filters: by status ("new" = no decision yet), by procedure; unknown ones write nothing.
  REQUIRE(f.session->setReview(uuid(1), "accepted", "").ok());
  auto accepted = f.session->exportRecords(hub::ExportFormat::Jsonl, jsonl, {std::nullopt, "accepted"});
  REQUIRE(accepted.ok());
  CHECK(*accepted == 1);
  CHECK(readAll(jsonl).find(uuid(1)) != std::string::npos);
  auto fresh = f.session->exportRecords(hub::ExportFormat::Jsonl, jsonl, {std::nullopt, "new"});
  REQUIRE(fresh.ok());
  CHECK(*fresh == 1);
  CHECK(readAll(jsonl).find(uuid(2)) != std::string::npos);
  auto none = f.session->exportRecords(hub::ExportFormat::Jsonl, jsonl, {"birth_registration", std::nullopt});
  REQUIRE(none.ok());
  CHECK(*none == 0);  // residents only so far
  auto nowhere = f.tmp.path / "never.csv";
  auto badProcedure = f.session->exportRecords(hub::ExportFormat::Csv, nowhere, {"no_such_form", std::nullopt});
  REQUIRE_FALSE(badProcedure.ok());
  CHECK(badProcedure.error().code == "hub.unknown_procedure");
  auto badStatus = f.session->exportRecords(hub::ExportFormat::Csv, nowhere, {std::nullopt, "done"});
  REQUIRE_FALSE(badStatus.ok());
  CHECK(badStatus.error().code == "hub.bad_status");
  CHECK_FALSE(fs::exists(nowhere));
}

TEST_CASE("record bodies are sealed in the hub database") {
  Fixture f;
  const std::string name = "Hoàng Thị Xuyến";
  REQUIRE(
      f.import(makeBatch(f.device, 1, {residentLine(1, 1, name, {{"phone", "0912345678"}})}, f.hubBox())).accepted ==
      1);
  REQUIRE(f.session->setReview(uuid(1), "returned", "Ghi chú bí mật XYZ").ok());
  for (const auto& e : fs::directory_iterator(f.tmp.path / "hub")) {
    if (!e.is_regular_file()) continue;
    auto bytes = readAll(e.path());
    INFO(e.path().string());
    CHECK(bytes.find(name) == std::string::npos);
    CHECK(bytes.find("0912345678") == std::string::npos);
    CHECK(bytes.find("XYZ") == std::string::npos);
  }
}

TEST_CASE("device recovery opens the latest slot from the manifest") {
  Fixture f;
  auto none = f.session->recovery(f.device.keys.publicKey);
  REQUIRE_FALSE(none.ok());
  CHECK(none.error().code == "hub.no_recovery_slot");

  auto dataKey = vault::newDataKey();
  auto slot = sync::sealRecoverySlot(dataKey, f.session->identity().recovery.publicKey);
  REQUIRE(slot.ok());
  REQUIRE(
      f.import(makeBatch(f.device, 1, {residentLine(1)}, f.hubBox(), kCommune, 0, manifestLine(1, vault::toHex(*slot))))
          .accepted == 1);
  auto made = f.session->recovery(f.device.keys.publicKey);
  REQUIRE_MESSAGE(made.ok(), made.error().code);
  auto audit = f.hub->auditLog("");
  REQUIRE(audit.ok());
  CHECK(audit->back().action == "device.recovery");  // who issued a data key's way out, on record
  CHECK(audit->back().target == hub::deviceHex(f.device.keys.publicKey));
  auto file = sync::readRecoveryFile(made->second, f.session->identity().signPublic, f.device.keys.publicKey);
  REQUIRE(file.ok());
  auto opened = sync::openRecoveryFile(*file, made->first.code);
  REQUIRE(opened.ok());
  CHECK(std::equal(opened->view().begin(), opened->view().end(), dataKey.view().begin()));
  CHECK(f.session->recovery(Device(8).keys.publicKey).error().code == "hub.unknown_device");

  // Once revoked (lost or stolen, perhaps), the hub issues it no file that would open its data.
  REQUIRE(f.hub->revoke(f.device.keys.publicKey).ok());
  auto revoked = f.session->recovery(f.device.keys.publicKey);
  REQUIRE_FALSE(revoked.ok());
  CHECK(revoked.error().code == "hub.recovery_revoked");
}

TEST_CASE("the HTTP endpoint imports uploads and answers status for known devices") {
  Fixture f;
  auto endpoint = hub::makeEndpoint(*f.session);
  CHECK(endpoint->deviceKnown(f.device.keys.publicKey));
  CHECK_FALSE(endpoint->deviceKnown(Device(4).keys.publicKey));
  auto path = f.file(makeBatch(f.device, 1, {residentLine(1)}, f.hubBox()));
  auto gcr = endpoint->importUploaded(f.device.keys.publicKey, path);
  REQUIRE(gcr.ok());
  CHECK(name(f.receipt(*gcr, f.device).batchStatus) == name(sync::BatchStatus::Imported));
  CHECK_FALSE(endpoint->importUploaded(f.device.keys.publicKey, f.file("GCB1 junk")).ok());
  auto cut = makeBatch(f.device, 2, {residentLine(2)}, f.hubBox());
  auto rej = endpoint->importUploaded(f.device.keys.publicKey, f.file(cut.substr(0, cut.size() - 10)));
  REQUIRE_MESSAGE(rej.ok(), rej.error().code);
  auto rr = f.receipt(*rej, f.device);
  CHECK(name(rr.batchStatus) == name(sync::BatchStatus::Rejected));
  CHECK(rr.reason == "batch.truncated");
  CHECK(rr.sequence == 2);
  // Someone else's batch uploaded by this device is not answered for the other device.
  Device other(3);
  REQUIRE(f.session->enroll(other.request()).ok());
  CHECK_FALSE(
      endpoint->importUploaded(f.device.keys.publicKey, f.file(makeBatch(other, 1, {residentLine(5)}, f.hubBox())))
          .ok());
  CHECK(f.recordCount() == 1);
  auto st = endpoint->statusReceipt(f.device.keys.publicKey);
  REQUIRE(st.ok());
  CHECK(f.receipt(*st, f.device).nextSequence == 2);
}
