// The import pipeline: good batches, bad records rejected alone, duplicates and new heads, replay,
// sequence reuse and revocation (quarantine), and refused files that leave nothing behind.
#include "core/i18n.h"
#include "hub_fixture.h"
#include "sync/hub/hub_store.h"

using namespace hubtest;

namespace {

// Rows the hub keeps, read through its store. The ledger rows counted are the fixture device's:
// no other device gets a batch past the device check in these tests.
std::int64_t count(Fixture& f, std::string_view rows) {
  auto& store = f.hub->store();
  if (rows == "record") {
    auto n = store.recordCount();
    REQUIRE(n.ok());
    return *n;
  }
  if (rows == "quarantine") {
    auto q = store.quarantined();
    REQUIRE(q.ok());
    return static_cast<std::int64_t>(q->size());
  }
  REQUIRE(rows == "ledger");
  const auto& device = f.device.keys.publicKey;
  auto last = store.maxSequence(device);
  REQUIRE(last.ok());
  std::int64_t n = 0;
  for (std::int64_t seq = 1; seq <= *last; ++seq) {
    auto row = store.ledger(device, seq);
    REQUIRE(row.ok());
    n += row->has_value() ? 1 : 0;
  }
  return n;
}

std::size_t quarantineFiles(Fixture& f) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(f.tmp.path / "hub" / "quarantine")) ++n;
  return n;
}

std::string applicationLine(int n, const std::string& formId, int formVersion) {
  json body = {{"form_id", formId},
               {"form_version", formVersion},
               {"resident_id", uuid(1)},
               {"answers", json::object()},
               {"status", "draft"}};
  return json({{"type", "record"},
               {"id", uuid(n)},
               {"kind", "application"},
               {"revision", 1},
               {"form_id", formId},
               {"form_version", formVersion},
               {"created_at", "2026-11-20T10:00:00Z"},
               {"updated_at", "2026-11-20T10:00:00Z"},
               {"volunteer", "Lan"},
               {"body", body}})
      .dump();
}

}  // namespace

TEST_CASE("a good batch imports and the receipt acknowledges every record") {
  Fixture f;
  auto r = f.import(makeBatch(f.device, 1, {residentLine(1), residentLine(2, 3, "Trần Thị Bình")}, f.hubBox()));
  CHECK(name(r.status) == name(sync::BatchStatus::Imported));
  CHECK(r.accepted == 2);
  CHECK(r.nextSequence == 2);
  auto receipt = f.receipt(r.receipt, f.device);
  CHECK(name(receipt.batchStatus) == name(sync::BatchStatus::Imported));
  CHECK(receipt.sequence == 1);
  CHECK(receipt.nextSequence == 2);
  REQUIRE(receipt.records.size() == 2);
  CHECK(receipt.records[0].id == uuid(1));
  CHECK(receipt.records[0].revision == 1);
  CHECK(name(receipt.records[0].outcome) == name(sync::Outcome::Accepted));
  CHECK(receipt.records[1].revision == 3);
  CHECK(f.recordCount() == 2);
  CHECK(count(f, "ledger") == 1);
}

TEST_CASE("a bad record is rejected alone with its reason; the rest import") {
  Fixture f;
  std::vector<std::string> lines = {
      residentLine(1),
      "{not json",
      residentLine(2, 1, "Lê Văn Cường", {{"personal_id", "123"}}),
      residentLine(3, 1, "Phạm Thị Dung", {{"notes", std::string(5000, 'a')}}),
      json({{"type", "record"}, {"id", uuid(4)}, {"kind", "pet"}, {"revision", 1}, {"body", json::object()}}).dump(),
      applicationLine(5, "no_such_form", 1),
      residentLine(6, 1, "Võ 123"),
      residentLine(7),
  };
  auto r = f.import(makeBatch(f.device, 1, lines, f.hubBox()));
  CHECK(name(r.status) == name(sync::BatchStatus::Imported));
  CHECK(r.accepted == 2);
  CHECK(r.rejectedRecords == 6);
  CHECK(r.unreadableLines == 1);
  auto receipt = f.receipt(r.receipt, f.device);
  std::map<std::string, sync::RecordOutcome> by;
  for (const auto& o : receipt.records) by[o.id] = o;
  CHECK(name(by[uuid(1)].outcome) == name(sync::Outcome::Accepted));
  CHECK(name(by[uuid(7)].outcome) == name(sync::Outcome::Accepted));
  CHECK(name(by[uuid(2)].outcome) == name(sync::Outcome::Rejected));
  CHECK(by[uuid(2)].reason.rfind("personal_id.", 0) == 0);
  CHECK(by[uuid(3)].reason == "hub.field_too_long");
  CHECK(by[uuid(4)].reason == "hub.unknown_kind");
  CHECK(by[uuid(5)].reason == "hub.unknown_form");
  CHECK(by[uuid(6)].reason == "name.invalid_char");
  CHECK(f.recordCount() == 2);
}

TEST_CASE("a batch of several check blocks: every verdict comes back in file order, each for its own line") {
  // 2,600 lines are three blocks of the check pool (checked_records.cpp); rejected lines sit in
  // each, and the last line repeats the fifth, which is a duplicate only if the fifth was stored
  // first.
  Fixture f;
  constexpr int kLines = 2600;
  std::vector<std::string> lines;
  for (int n = 1; n <= kLines; ++n) lines.push_back(n % 400 == 7 ? residentLine(n, 1, "Võ 123") : residentLine(n));
  lines.push_back(residentLine(5));
  auto r = f.import(makeBatch(f.device, 1, lines, f.hubBox()));
  CHECK(name(r.status) == name(sync::BatchStatus::Imported));
  CHECK(r.rejectedRecords == 7);
  CHECK(r.duplicates == 1);
  CHECK(r.accepted == kLines - 7);
  auto receipt = f.receipt(r.receipt, f.device);
  REQUIRE(receipt.records.size() == kLines + 1);
  for (int n = 1; n <= kLines; ++n) {
    const auto& o = receipt.records[static_cast<std::size_t>(n - 1)];
    INFO(n);
    REQUIRE(o.id == uuid(n));
    if (n % 400 == 7) {
      CHECK(name(o.outcome) == name(sync::Outcome::Rejected));
      CHECK(o.reason == "name.invalid_char");
    } else {
      CHECK(name(o.outcome) == name(sync::Outcome::Accepted));
    }
  }
  CHECK(receipt.records.back().id == uuid(5));
  CHECK(name(receipt.records.back().outcome) == name(sync::Outcome::Duplicate));
  CHECK(f.recordCount() == kLines - 7);
}

TEST_CASE("a record line with an unusable revision is rejected alone; the batch still gets its receipt") {
  Fixture f;
  // 2^64 is no integer JSON can hold in 64 bits; 2^64-1 does not fit a signed revision either.
  std::string huge = residentLine(4, 7), widest = residentLine(5, 7);
  huge.replace(huge.find("\"revision\":7"), 12, "\"revision\":18446744073709551616");
  widest.replace(widest.find("\"revision\":7"), 12, "\"revision\":18446744073709551615");
  std::vector<std::string> lines = {residentLine(1), residentLine(2, 0), residentLine(3, -1), huge,
                                    widest,          residentLine(6)};
  auto imported = f.session->importFile(f.file(makeBatch(f.device, 1, lines, f.hubBox())));
  REQUIRE_MESSAGE(imported.ok(), imported.error().code);
  CHECK(name(imported->status) == name(sync::BatchStatus::Imported));
  CHECK(imported->accepted == 2);
  CHECK(imported->rejectedRecords == 4);
  auto receipt = f.receipt(imported->receipt, f.device);
  std::map<std::string, sync::RecordOutcome> by;
  for (const auto& o : receipt.records) by[o.id] = o;
  CHECK(name(by[uuid(1)].outcome) == name(sync::Outcome::Accepted));
  CHECK(name(by[uuid(6)].outcome) == name(sync::Outcome::Accepted));
  for (int n : {2, 3, 4, 5}) {
    INFO("record " << n);
    CHECK(name(by[uuid(n)].outcome) == name(sync::Outcome::Rejected));
    CHECK(by[uuid(n)].reason == "hub.bad_revision");
  }
  CHECK(f.recordCount() == 2);
}

TEST_CASE("same id: revision at or below the stored one is a duplicate, higher is the new head") {
  Fixture f;
  REQUIRE(f.import(makeBatch(f.device, 1, {residentLine(1, 2)}, f.hubBox())).accepted == 1);
  auto r = f.import(makeBatch(f.device, 2, {residentLine(1, 1), residentLine(1, 2), residentLine(1, 3)}, f.hubBox()));
  auto receipt = f.receipt(r.receipt, f.device);
  REQUIRE(receipt.records.size() == 3);
  CHECK(name(receipt.records[0].outcome) == name(sync::Outcome::Duplicate));
  CHECK(name(receipt.records[1].outcome) == name(sync::Outcome::Duplicate));
  CHECK(name(receipt.records[2].outcome) == name(sync::Outcome::Accepted));
  auto list = f.hub->records(std::nullopt);
  REQUIRE(list.ok());
  REQUIRE(list->size() == 1);
  CHECK((*list)[0].revision == 3);

  // Another device may not overwrite this device's record.
  Device other(2);
  REQUIRE(f.session->enroll(other.request()).ok());
  auto o = f.import(makeBatch(other, 1, {residentLine(1, 9)}, f.hubBox()));
  auto orec = f.receipt(o.receipt, other);
  REQUIRE(orec.records.size() == 1);
  CHECK(orec.records[0].reason == "hub.foreign_record");
}

TEST_CASE("applications made with older form versions are accepted and listed by procedure") {
  Fixture f;
  auto r = f.import(makeBatch(f.device, 1, {residentLine(1), applicationLine(2, "birth_registration", 1)}, f.hubBox()));
  CHECK(r.accepted == 2);
  auto apps = f.hub->records(std::string("birth_registration"));
  REQUIRE(apps.ok());
  REQUIRE(apps->size() == 1);
  CHECK((*apps)[0].id == uuid(2));
  CHECK((*apps)[0].kind == "application");
  CHECK((*apps)[0].procedure == "birth_registration");
}

TEST_CASE("an identical replay returns the stored receipt and changes nothing") {
  Fixture f;
  auto bytes = makeBatch(f.device, 1, {residentLine(1), residentLine(2)}, f.hubBox());
  auto first = f.import(bytes);
  REQUIRE(name(first.status) == name(sync::BatchStatus::Imported));
  auto records = count(f, "record"), ledger = count(f, "ledger");
  auto again = f.import(bytes);
  CHECK(name(again.status) == name(sync::BatchStatus::Replay));
  CHECK(again.receipt == first.receipt);
  CHECK(count(f, "record") == records);
  CHECK(count(f, "ledger") == ledger);
  CHECK(count(f, "quarantine") == 0);
}

TEST_CASE("a different file under a used sequence is quarantined with the next free sequence") {
  Fixture f;
  REQUIRE(name(f.import(makeBatch(f.device, 1, {residentLine(1)}, f.hubBox())).status) ==
          name(sync::BatchStatus::Imported));
  REQUIRE(name(f.import(makeBatch(f.device, 2, {residentLine(2)}, f.hubBox())).status) ==
          name(sync::BatchStatus::Imported));
  auto r = f.import(makeBatch(f.device, 1, {residentLine(3)}, f.hubBox(), kCommune, 7));
  CHECK(name(r.status) == name(sync::BatchStatus::Quarantined));
  CHECK(r.reason == "hub.sequence_used");
  auto receipt = f.receipt(r.receipt, f.device);
  CHECK(name(receipt.batchStatus) == name(sync::BatchStatus::Quarantined));
  CHECK(receipt.nextSequence == 3);
  CHECK(receipt.records.empty());
  CHECK(f.recordCount() == 2);
  auto q = f.hub->quarantined();
  REQUIRE(q.ok());
  REQUIRE(q->size() == 1);
  CHECK((*q)[0].sequence == 1);
  CHECK(fs::exists(f.tmp.path / "hub" / "quarantine" / (*q)[0].fileName));
  // The laptop re-exports under the named sequence by itself.
  auto redo = f.import(makeBatch(f.device, receipt.nextSequence, {residentLine(3)}, f.hubBox()));
  CHECK(name(redo.status) == name(sync::BatchStatus::Imported));
  CHECK(f.recordCount() == 3);
}

TEST_CASE("revoked device: above the last accepted sequence quarantined, at or below imported") {
  Fixture f;
  REQUIRE(name(f.import(makeBatch(f.device, 1, {residentLine(1)}, f.hubBox())).status) ==
          name(sync::BatchStatus::Imported));
  REQUIRE(name(f.import(makeBatch(f.device, 3, {residentLine(3)}, f.hubBox())).status) ==
          name(sync::BatchStatus::Imported));
  REQUIRE(f.hub->revoke(f.device.keys.publicKey).ok());
  auto above = f.import(makeBatch(f.device, 4, {residentLine(4)}, f.hubBox()));
  CHECK(name(above.status) == name(sync::BatchStatus::Quarantined));
  CHECK(above.reason == "hub.revoked");
  auto below = f.import(makeBatch(f.device, 2, {residentLine(2)}, f.hubBox()));
  CHECK(name(below.status) == name(sync::BatchStatus::Imported));
  CHECK(f.recordCount() == 3);
  CHECK(quarantineFiles(f) == 1);
}

TEST_CASE("revoked device: one kept copy per batch, a few per device, the rest refused and not stored") {
  Fixture f;
  REQUIRE(f.hub->revoke(f.device.keys.publicKey).ok());
  auto first = f.import(makeBatch(f.device, 1, {residentLine(1)}, f.hubBox()));
  CHECK(name(first.status) == name(sync::BatchStatus::Quarantined));
  CHECK(first.reason == "hub.revoked");
  // The same batch again, even as other bytes (re-encrypted, other records): no second copy.
  auto again = f.import(makeBatch(f.device, 1, {residentLine(2)}, f.hubBox()));
  CHECK(name(again.status) == name(sync::BatchStatus::Quarantined));
  CHECK(again.reason == "hub.revoked");
  CHECK(f.receipt(again.receipt, f.device).reason == "hub.revoked");
  CHECK(count(f, "quarantine") == 1);
  CHECK(quarantineFiles(f) == 1);
  // New batches from the revoked laptop: kept up to the per-device cap, then refused unstored; the
  // refusal is still signed and says why, so the laptop learns it is revoked.
  const auto cap = static_cast<std::uint64_t>(hub::kMaxQuarantinedPerDevice);
  for (std::uint64_t seq = 2; seq <= cap + 3; ++seq) {
    auto r = f.import(makeBatch(f.device, seq, {residentLine(static_cast<int>(seq))}, f.hubBox()));
    CHECK(r.reason == "hub.revoked");
    CHECK(sync::saysRevoked(f.receipt(r.receipt, f.device)));
    if (seq <= cap)
      CHECK(name(r.status) == name(sync::BatchStatus::Quarantined));
    else
      CHECK(name(r.status) == name(sync::BatchStatus::Rejected));
  }
  CHECK(count(f, "quarantine") == static_cast<std::int64_t>(cap));
  CHECK(quarantineFiles(f) == cap);
  // Asking for its status tells it too.
  auto status = f.session->statusReceipt(f.device.keys.publicKey);
  REQUIRE(status.ok());
  CHECK(sync::saysRevoked(f.receipt(*status, f.device)));
  CHECK(f.recordCount() == 0);
}

TEST_CASE("a batch numbered past the receipt bound is rejected unnamed; later batches import") {
  Fixture f;
  auto absurd = f.import(makeBatch(f.device, sync::kMaxSequence + 1, {residentLine(1)}, f.hubBox()));
  CHECK(name(absurd.status) == name(sync::BatchStatus::Rejected));
  CHECK(absurd.reason == "hub.bad_sequence");
  CHECK(absurd.sequence == 0);  // the HTTP endpoint answers it with an error, not a receipt
  CHECK(f.recordCount() == 0);
  CHECK(count(f, "ledger") == 0);
  auto next = f.import(makeBatch(f.device, 1, {residentLine(1)}, f.hubBox()));
  CHECK(name(next.status) == name(sync::BatchStatus::Imported));
  CHECK(next.nextSequence == 2);
}

TEST_CASE("foreign commune, unknown device, another hub's key: rejected, nothing kept") {
  Fixture f;
  auto foreign = f.import(makeBatch(f.device, 1, {residentLine(1)}, f.hubBox(), "27002"));
  CHECK(name(foreign.status) == name(sync::BatchStatus::Rejected));
  CHECK(foreign.reason == "hub.wrong_commune");
  auto unknown = f.import(makeBatch(Device(5), 1, {residentLine(1)}, f.hubBox()));
  CHECK(name(unknown.status) == name(sync::BatchStatus::Rejected));
  CHECK(unknown.reason == "hub.unknown_device");
  auto otherHub = sync::HubKeys::fromSeed(seed(77));
  auto notOurs = f.import(makeBatch(f.device, 1, {residentLine(1)}, otherHub.publicKey));
  CHECK(name(notOurs.status) == name(sync::BatchStatus::Rejected));
  CHECK(notOurs.reason == "batch.not_for_this_hub");
  auto junk = f.import("GCB1 this is not a batch at all");
  CHECK(name(junk.status) == name(sync::BatchStatus::Rejected));
  CHECK(f.recordCount() == 0);
  CHECK(count(f, "ledger") == 0);
  CHECK(count(f, "quarantine") == 0);
  CHECK(quarantineFiles(f) == 0);
}

TEST_CASE("every single-byte flip of a small batch is rejected and commits nothing") {
  Fixture f;
  const auto good = makeBatch(f.device, 1, {residentLine(1)}, f.hubBox());
  for (std::size_t i = 0; i < good.size(); ++i) {
    auto bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x01);
    auto r = f.session->importFile(f.file(bad));
    REQUIRE(r.ok());
    INFO("byte " << i);
    CHECK(name(r->status) == name(sync::BatchStatus::Rejected));
  }
  CHECK(f.recordCount() == 0);
  CHECK(count(f, "ledger") == 0);
  CHECK(count(f, "quarantine") == 0);
  CHECK(quarantineFiles(f) == 0);
  CHECK(name(f.import(good).status) == name(sync::BatchStatus::Imported));
}

TEST_CASE("truncation at each chunk boundary and trailing garbage are rejected") {
  Fixture f;
  // Random hex notes do not compress much, so the payload spans several 64 KiB chunks.
  std::vector<std::string> lines;
  for (int i = 0; i < 90; ++i) {
    std::array<std::uint8_t, 2000> noise{};
    vault::randomBytes(noise);
    lines.push_back(json({{"type", "record"},
                          {"id", uuid(i + 1)},
                          {"kind", "note"},
                          {"revision", 1},
                          {"body", {{"x", vault::toHex(noise)}}}})
                        .dump());
  }
  const auto good = makeBatch(f.device, 1, lines, f.hubBox());
  const std::size_t prefix = 67 + 64 + 80 + 24, chunk = 4 + 65536 + 17;
  REQUIRE(good.size() > prefix + 2 * chunk);
  std::vector<std::size_t> cuts = {good.size() - 1, good.size() - 64, good.size() - 65, good.size() - 63};
  for (std::size_t k = 0; prefix + k * chunk < good.size(); ++k)
    for (long d : {-1L, 0L, 1L}) cuts.push_back(prefix + k * chunk + static_cast<std::size_t>(d));
  for (auto cut : cuts) {
    INFO("cut at " << cut);
    auto r = f.session->importFile(f.file(good.substr(0, cut)));
    REQUIRE(r.ok());
    CHECK(name(r->status) == name(sync::BatchStatus::Rejected));
  }
  auto trailing = f.session->importFile(f.file(good + "x"));
  REQUIRE(trailing.ok());
  CHECK(name(trailing->status) == name(sync::BatchStatus::Rejected));
  CHECK(trailing->reason == "batch.trailing_data");
  CHECK(count(f, "ledger") == 0);
  auto whole = f.import(good);
  CHECK(name(whole.status) == name(sync::BatchStatus::Imported));
  CHECK(whole.rejectedRecords == 90);
}

TEST_CASE("a payload over the decompression cap is refused (zstd bomb guard)") {
  Fixture f;
  std::vector<std::string> lines(200, residentLine(1, 1, "Nguyễn Văn An", {{"notes", std::string(1500, 'a')}}));
  auto path = f.file(makeBatch(f.device, 1, lines, f.hubBox()));
  hub::ImportOptions small;
  small.maxDecompressedBytes = 64 << 10;
  auto r = f.session->importFile(path, small);
  REQUIRE(r.ok());
  CHECK(name(r->status) == name(sync::BatchStatus::Rejected));
  CHECK(r->reason == "batch.too_large");
  small.maxBatchBytes = 100;
  r = f.session->importFile(path, small);
  REQUIRE(r.ok());
  CHECK(r->reason == "hub.too_large");
  CHECK(f.recordCount() == 0);
}

TEST_CASE("a batch without a manifest is rejected") {
  Fixture f;
  auto r = f.import(makeBatch(f.device, 1, {}, f.hubBox(), kCommune, 0, residentLine(1)));
  CHECK(name(r.status) == name(sync::BatchStatus::Rejected));
  CHECK(r.reason == "hub.bad_manifest");
  CHECK(f.recordCount() == 0);
}

TEST_CASE("a batch whose manifest says training is refused whole, with its reason, and nothing is kept") {
  Fixture f;
  auto manifest = json::parse(manifestLine(2));
  manifest["training"] = true;
  auto r =
      f.import(makeBatch(f.device, 1, {residentLine(1), residentLine(2)}, f.hubBox(), kCommune, 0, manifest.dump()));
  CHECK(name(r.status) == name(sync::BatchStatus::Rejected));
  CHECK(r.reason == "hub.training_batch");
  CHECK(i18n::message(Error::fromText(r.reason)).find("tập huấn") != std::string::npos);
  CHECK(f.recordCount() == 0);
  CHECK(count(f, "ledger") == 0);
  CHECK(count(f, "quarantine") == 0);
  CHECK(quarantineFiles(f) == 0);

  // Not only the literal true: anything but false counts as training.
  manifest["training"] = "yes";
  auto odd = f.import(makeBatch(f.device, 1, {residentLine(1)}, f.hubBox(), kCommune, 1, manifest.dump()));
  CHECK(odd.reason == "hub.training_batch");
  CHECK(f.recordCount() == 0);

  // The same device's real batch, saying training false as every laptop now does, imports.
  manifest["training"] = false;
  auto real = f.import(makeBatch(f.device, 1, {residentLine(1)}, f.hubBox(), kCommune, 2, manifest.dump()));
  CHECK(name(real.status) == name(sync::BatchStatus::Imported));
  CHECK(f.recordCount() == 1);
}
