// The contract every hub store backend meets (sync/hub/hub_store.h), run against each backend in
// backends(): every one compiled in. A second backend (PostgreSQL) is a folder implementing
// HubStore and an entry in hubStoreBackends(); these tests then check it unchanged. Each case
// gets a fresh, empty store per backend, and covers every method of the interface.
#include <stdexcept>

#include "hub_fixture.h"
#include "sync/hub/hub_store.h"

using namespace hubtest;

namespace {

using hub::Blob;
using hub::DeviceKey;
using hub::HubStore;
using hub::HubStoreBackend;
using RecordKey = std::array<std::uint8_t, 16>;

std::span<const HubStoreBackend> backends() { return hub::hubStoreBackends(); }

DeviceKey deviceKey(std::uint8_t n) {
  DeviceKey k{};
  k.fill(n);
  return k;
}

RecordKey recordKey(std::uint8_t n) {
  RecordKey k{};
  k.fill(0xA0);
  k[15] = n;
  return k;
}

Blob blob(std::string_view s) { return Blob(s.begin(), s.end()); }

hub::DeviceRow deviceRow(std::uint8_t n, std::string enrolledAt = "2026-11-23T10:00:00Z") {
  hub::DeviceRow r;
  r.id = deviceKey(n);
  r.boxPublic = deviceKey(static_cast<std::uint8_t>(n + 100));
  r.volunteers = R"(["Lan"])";
  r.workspaceId = "ws-" + std::to_string(n);
  r.enrolledAt = std::move(enrolledAt);
  return r;
}

hub::StoredRecord recordRow(std::uint8_t n, std::uint8_t device, std::int64_t revision, std::string procedure = "") {
  hub::StoredRecord r;
  r.id = recordKey(n);
  r.kind = procedure.empty() ? "resident" : "application";
  r.procedure = std::move(procedure);
  r.formVersion = r.procedure.empty() ? 0 : 2;
  r.device = deviceKey(device);
  r.revision = revision;
  r.receivedAt = "2026-11-23T10:0" + std::to_string(revision) + ":00Z";
  r.sealed = blob("sealed " + std::to_string(n) + "/" + std::to_string(revision));
  return r;
}

std::vector<hub::StoredRecord> allRecords(HubStore& s, const std::optional<std::string>& procedure, bool bodies) {
  std::vector<hub::StoredRecord> out;
  auto st = s.forEachRecord(procedure, bodies, [&](hub::StoredRecord& r) -> Status {
    out.push_back(r);
    return {};
  });
  REQUIRE_MESSAGE(st.ok(), st.error().code);
  return out;
}

std::optional<Blob> metaOf(HubStore& s, std::string_view key) {
  auto v = s.meta(key);
  REQUIRE_MESSAGE(v.ok(), v.error().code);
  return *v;
}

// Runs check once per backend on a fresh store in its own temp dir.
template <class Check>
void forEachBackend(Check check) {
  REQUIRE_FALSE(backends().empty());
  for (const auto& backend : backends()) {
    INFO("backend " << std::string(backend.name));
    TempDir tmp;
    auto store = backend.open(tmp.path, true);
    REQUIRE_MESSAGE(store.ok(), store.error().code);
    check(**store, backend, tmp.path);
  }
}

}  // namespace

TEST_CASE("hub store: a data dir holds a store only once made; what is written outlives the store") {
  for (const auto& backend : backends()) {
    INFO("backend " << std::string(backend.name));
    TempDir tmp;
    CHECK_FALSE(backend.holds(tmp.path));
    auto missing = backend.open(tmp.path, false);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == "store.not_found");
    CHECK_FALSE(backend.holds(tmp.path));
    {
      auto made = backend.open(tmp.path, true);
      REQUIRE_MESSAGE(made.ok(), made.error().code);
      CHECK(backend.holds(tmp.path));
      auto& s = **made;
      CHECK_FALSE(metaOf(s, "commune_code").has_value());
      CHECK(s.devices()->empty());
      CHECK(*s.recordCount() == 0);
      CHECK(s.quarantined()->empty());
      CHECK(*s.maxDeviceFormPack() == 0);
      CHECK(*s.maxSequence(deviceKey(1)) == 0);
      REQUIRE(s.setMeta("commune_code", "27001").ok());  // outside a transaction: commits alone
      REQUIRE(s.insertDevice(deviceRow(1)).ok());
    }
    auto again = backend.open(tmp.path, false);
    REQUIRE_MESSAGE(again.ok(), again.error().code);
    CHECK(metaOf(**again, "commune_code") == blob("27001"));
    CHECK((*again)->devices()->size() == 1);
  }
}

TEST_CASE("hub store: meta values are bytes, replaced by key") {
  forEachBackend([](HubStore& s, const HubStoreBackend&, const fs::path&) {
    const Blob bytes = {0x00, 0xFF, 0x10, 0x00};
    REQUIRE(s.setMeta("secrets", std::span<const std::uint8_t>(bytes)).ok());
    REQUIRE(s.setMeta("commune_name", "Xã Thử Nghiệm").ok());
    CHECK(metaOf(s, "secrets") == bytes);
    CHECK(metaOf(s, "commune_name") == blob("Xã Thử Nghiệm"));
    REQUIRE(s.setMeta("commune_name", "").ok());
    CHECK(metaOf(s, "commune_name") == Blob{});
    CHECK_FALSE(metaOf(s, "nothing").has_value());
  });
}

TEST_CASE("hub store: devices are enrolled once, listed in enrolment order, revoked once") {
  forEachBackend([](HubStore& s, const HubStoreBackend&, const fs::path&) {
    auto later = deviceRow(2, "2026-11-23T11:00:00Z");
    later.revokedAt = "ignored";  // only enrolment columns are stored
    later.recoverySlot = blob("ignored");
    later.formPack = 9;
    REQUIRE(s.insertDevice(later).ok());
    REQUIRE(s.insertDevice(deviceRow(3, "2026-11-23T09:00:00Z")).ok());
    REQUIRE(s.insertDevice(deviceRow(1, "2026-11-23T11:00:00Z")).ok());
    auto twice = s.insertDevice(deviceRow(1));
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error().code == "store.constraint");

    auto list = s.devices();
    REQUIRE(list.ok());
    REQUIRE(list->size() == 3);
    CHECK((*list)[0].id == deviceKey(3));
    CHECK((*list)[1].id == deviceKey(1));  // same time: by id
    CHECK((*list)[2].id == deviceKey(2));

    auto d = s.device(deviceKey(2));
    REQUIRE(d.ok());
    REQUIRE(d->has_value());
    CHECK((*d)->boxPublic == deviceKey(102));
    CHECK((*d)->volunteers == R"(["Lan"])");
    CHECK((*d)->workspaceId == "ws-2");
    CHECK((*d)->enrolledAt == "2026-11-23T11:00:00Z");
    CHECK_FALSE((*d)->revokedAt.has_value());
    CHECK_FALSE((*d)->lastSeqAtRevoke.has_value());
    CHECK((*d)->recoverySlot.empty());
    CHECK((*d)->formPack == 0);
    CHECK_FALSE(s.device(deviceKey(9))->has_value());

    REQUIRE(s.updateVolunteers(deviceKey(2), R"(["Lan","Minh"])").ok());
    REQUIRE(s.setRecoverySlot(deviceKey(2), blob("slot")).ok());
    REQUIRE(s.setDeviceFormPack(deviceKey(2), 5).ok());
    REQUIRE(s.setDeviceFormPack(deviceKey(3), 2).ok());
    CHECK(*s.maxDeviceFormPack() == 5);
    REQUIRE(s.revoke(deviceKey(2), "2026-11-24T08:00:00Z", 4).ok());
    REQUIRE(s.revoke(deviceKey(2), "2026-11-25T08:00:00Z", 7).ok());  // the first cut-off stays
    d = s.device(deviceKey(2));
    REQUIRE(d.ok());
    REQUIRE(d->has_value());
    CHECK((*d)->volunteers == R"(["Lan","Minh"])");
    CHECK((*d)->recoverySlot == blob("slot"));
    CHECK((*d)->formPack == 5);
    CHECK((*d)->revokedAt == "2026-11-24T08:00:00Z");
    CHECK((*d)->lastSeqAtRevoke == 4);
    CHECK_FALSE((*s.device(deviceKey(3)))->revokedAt.has_value());
  });
}

TEST_CASE("hub store: the ledger keeps one receipt per device and sequence") {
  forEachBackend([](HubStore& s, const HubStoreBackend&, const fs::path&) {
    const std::array<std::uint8_t, 16> batch{7};
    std::array<std::uint8_t, 32> hash{};
    hash.fill(0x5A);
    const std::string receipt = "GOCUA-RECEIPT 1\n{\"format\":1}\nabc\n";
    REQUIRE(s.insertLedger(deviceKey(1), 1, batch, hash, "2026-11-23T10:00:00Z", receipt).ok());
    REQUIRE(s.insertLedger(deviceKey(1), 3, batch, hash, "2026-11-23T10:00:00Z", "r3").ok());
    REQUIRE(s.insertLedger(deviceKey(2), 8, batch, hash, "2026-11-23T10:00:00Z", "r8").ok());
    auto used = s.insertLedger(deviceKey(1), 1, batch, hash, "2026-11-23T10:00:00Z", "again");
    REQUIRE_FALSE(used.ok());
    CHECK(used.error().code == "store.constraint");

    CHECK(*s.maxSequence(deviceKey(1)) == 3);
    CHECK(*s.maxSequence(deviceKey(2)) == 8);
    CHECK(*s.maxSequence(deviceKey(3)) == 0);
    auto row = s.ledger(deviceKey(1), 1);
    REQUIRE(row.ok());
    REQUIRE(row->has_value());
    CHECK((*row)->fileHash == hash);
    CHECK((*row)->receipt == receipt);
    CHECK_FALSE(s.ledger(deviceKey(1), 2)->has_value());
    CHECK_FALSE(s.ledger(deviceKey(2), 1)->has_value());
  });
}

TEST_CASE("hub store: quarantine keeps files in arrival order, an identical one once") {
  forEachBackend([](HubStore& s, const HubStoreBackend&, const fs::path&) {
    hub::QuarantineRow a;
    a.device = deviceKey(1);
    a.sequence = 4;
    a.batchId.fill(4);
    a.fileHash.fill(0x44);
    a.reason = "hub.sequence_used";
    a.fileName = "a.gcb";
    a.receivedAt = "2026-11-23T10:00:00Z";
    auto b = a;
    b.fileHash.fill(0x45);  // another file under the same sequence
    b.reason = "hub.revoked";
    b.fileName = "b.gcb";
    REQUIRE(s.insertQuarantine(a).ok());
    REQUIRE(s.insertQuarantine(b).ok());
    REQUIRE(s.insertQuarantine(a).ok());  // the same file again: ignored
    auto rows = s.quarantined();
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 2);
    const auto& first = (*rows)[0];
    CHECK(first.device == a.device);
    CHECK(first.sequence == 4);
    CHECK(first.batchId == a.batchId);
    CHECK(first.fileHash == a.fileHash);
    CHECK(first.reason == "hub.sequence_used");
    CHECK(first.fileName == "a.gcb");
    CHECK(first.receivedAt == a.receivedAt);
    CHECK((*rows)[1].fileName == "b.gcb");
    CHECK((*rows)[1].reason == "hub.revoked");
  });
}

TEST_CASE("hub store: records keep their head revision, in the order first received") {
  forEachBackend([](HubStore& s, const HubStoreBackend&, const fs::path&) {
    REQUIRE(s.upsertRecord(recordRow(1, 1, 1, "birth_registration")).ok());
    REQUIRE(s.upsertRecord(recordRow(2, 1, 1)).ok());
    REQUIRE(s.upsertRecord(recordRow(3, 2, 1, "health_insurance")).ok());
    auto head = recordRow(1, 9, 2, "birth_registration");  // device 9: not stored over device 1
    head.formVersion = 3;
    REQUIRE(s.upsertRecord(head).ok());
    CHECK(*s.recordCount() == 3);

    auto one = s.record(recordKey(1));
    REQUIRE(one.ok());
    REQUIRE(one->has_value());
    CHECK((*one)->id == recordKey(1));
    CHECK((*one)->kind == "application");
    CHECK((*one)->device == deviceKey(1));
    CHECK((*one)->revision == 2);
    CHECK((*one)->sealed.empty());
    CHECK_FALSE(s.record(recordKey(7))->has_value());

    auto opened = s.recordWithBody(recordKey(1));  // one row by its key, as forEachRecord gives it
    REQUIRE(opened.ok());
    REQUIRE(opened->has_value());
    CHECK((*opened)->revision == 2);
    CHECK((*opened)->procedure == "birth_registration");
    CHECK((*opened)->formVersion == 3);
    CHECK((*opened)->sealed == head.sealed);
    CHECK_FALSE((*opened)->reviewStatus.has_value());
    auto unknown = s.recordWithBody(recordKey(7));
    REQUIRE(unknown.ok());
    CHECK_FALSE(unknown->has_value());

    auto all = allRecords(s, std::nullopt, false);
    REQUIRE(all.size() == 3);
    CHECK(all[0].id == recordKey(1));
    CHECK(all[0].revision == 2);
    CHECK(all[0].procedure == "birth_registration");
    CHECK(all[0].formVersion == 3);
    CHECK(all[0].receivedAt == head.receivedAt);
    CHECK(all[0].sealed.empty());
    CHECK_FALSE(all[0].reviewStatus.has_value());
    CHECK(all[1].id == recordKey(2));
    CHECK(all[1].kind == "resident");
    CHECK(all[1].procedure.empty());
    CHECK(all[1].formVersion == 0);
    CHECK(all[2].id == recordKey(3));
    CHECK(all[2].device == deviceKey(2));

    auto births = allRecords(s, std::string("birth_registration"), true);
    REQUIRE(births.size() == 1);
    CHECK(births[0].sealed == head.sealed);
    CHECK(allRecords(s, std::string("none"), true).empty());

    int calls = 0;
    auto stopped = s.forEachRecord(std::nullopt, true, [&](hub::StoredRecord&) -> Status {
      ++calls;
      return Error::fromText("test.stop");
    });
    REQUIRE_FALSE(stopped.ok());
    CHECK(stopped.error().code == "test.stop");
    CHECK(calls == 1);
  });
}

TEST_CASE("hub store: one review per record, listed per device in record order") {
  forEachBackend([](HubStore& s, const HubStoreBackend&, const fs::path&) {
    REQUIRE(s.upsertRecord(recordRow(1, 1, 1)).ok());
    REQUIRE(s.upsertRecord(recordRow(2, 2, 1)).ok());
    REQUIRE(s.upsertRecord(recordRow(3, 1, 4)).ok());
    hub::ReviewRow third{recordKey(3), 4, "accepted", {}, "2026-11-24T08:00:00Z"};
    hub::ReviewRow first{recordKey(1), 1, "needs_documents", blob("sealed note"), "2026-11-24T09:00:00Z"};
    hub::ReviewRow other{recordKey(2), 1, "returned", {}, "2026-11-24T09:00:00Z"};
    REQUIRE(s.setReview(third).ok());
    REQUIRE(s.setReview(first).ok());
    REQUIRE(s.setReview(other).ok());

    auto mine = s.reviewsForDevice(deviceKey(1));
    REQUIRE(mine.ok());
    REQUIRE(mine->size() == 2);
    CHECK((*mine)[0].recordId == recordKey(1));
    CHECK((*mine)[0].revision == 1);
    CHECK((*mine)[0].status == "needs_documents");
    CHECK((*mine)[0].note == blob("sealed note"));
    CHECK((*mine)[0].at == "2026-11-24T09:00:00Z");
    CHECK((*mine)[1].recordId == recordKey(3));
    CHECK((*mine)[1].note.empty());
    CHECK(s.reviewsForDevice(deviceKey(5))->empty());
    CHECK((*mine)[0].decision == 1);  // at least 1

    first.status = "accepted";
    first.note.clear();
    first.decision = 0;                // a clock that went back: the store still numbers it above the last
    REQUIRE(s.setReview(first).ok());  // the latest decision replaces
    mine = s.reviewsForDevice(deviceKey(1));
    REQUIRE(mine.ok());
    REQUIRE(mine->size() == 2);
    CHECK((*mine)[0].status == "accepted");
    CHECK((*mine)[0].note.empty());
    CHECK((*mine)[0].decision == 2);
    first.decision = 1'800'000'000'000;
    REQUIRE(s.setReview(first).ok());
    CHECK(s.reviewsForDevice(deviceKey(1))->front().decision == 1'800'000'000'000);

    auto all = allRecords(s, std::nullopt, false);
    REQUIRE(all.size() == 3);
    CHECK(all[0].reviewStatus == "accepted");
    CHECK(all[1].reviewStatus == "returned");
    CHECK(all[2].reviewStatus == "accepted");
  });
}

TEST_CASE("hub store: staff keyslots by unique name in the order added; removal by name") {
  forEachBackend([](HubStore& s, const HubStoreBackend&, const fs::path&) {
    CHECK(s.staff()->empty());
    REQUIRE(s.insertStaff({"Cán bộ 1", blob("slot 1"), "2026-11-23T10:00:00Z", ""}).ok());
    REQUIRE(s.insertStaff({"Chị Lan", blob("slot 2"), "2026-11-24T10:00:00Z", "Cán bộ 1"}).ok());
    auto taken = s.insertStaff({"Chị Lan", blob("slot 3"), "2026-11-25T10:00:00Z", "Cán bộ 1"});
    REQUIRE_FALSE(taken.ok());
    CHECK(taken.error().code == "store.constraint");
    auto staff = s.staff();
    REQUIRE(staff.ok());
    REQUIRE(staff->size() == 2);
    CHECK((*staff)[0].name == "Cán bộ 1");
    CHECK((*staff)[0].addedBy.empty());
    CHECK((*staff)[1].keyslot == blob("slot 2"));
    CHECK((*staff)[1].addedAt == "2026-11-24T10:00:00Z");
    CHECK((*staff)[1].addedBy == "Cán bộ 1");
    REQUIRE(s.removeStaff("Cán bộ 1").ok());
    REQUIRE(s.removeStaff("Không có").ok());
    REQUIRE(s.staff()->size() == 1);
    CHECK(s.staff()->front().name == "Chị Lan");
  });
}

TEST_CASE("hub store: the audit log lists rows in the order appended, from a time on, or by target") {
  forEachBackend([](HubStore& s, const HubStoreBackend&, const fs::path&) {
    CHECK(s.audit("")->empty());
    REQUIRE(s.appendAudit({"2026-11-24T10:00:00Z", "Chị Lan", "review.accepted", "r1"}).ok());
    REQUIRE(s.appendAudit({"2026-11-23T09:00:00Z", "Cán bộ 1", "device.enroll", "d1"}).ok());  // clock back
    REQUIRE(s.appendAudit({"2026-11-25T08:00:00Z", "Cán bộ 1", "staff.add", "Anh Tuấn"}).ok());
    auto all = s.audit("");
    REQUIRE(all.ok());
    REQUIRE(all->size() == 3);
    CHECK((*all)[0].staff == "Chị Lan");
    CHECK((*all)[0].action == "review.accepted");
    CHECK((*all)[0].target == "r1");
    CHECK((*all)[1].at == "2026-11-23T09:00:00Z");
    CHECK((*all)[2].target == "Anh Tuấn");
    auto since = s.audit("2026-11-24");
    REQUIRE(since.ok());
    REQUIRE(since->size() == 2);
    CHECK((*since)[0].target == "r1");
    CHECK((*since)[1].target == "Anh Tuấn");
    // By what they name: one record's rows only, in the order appended; a prefix is not a match.
    REQUIRE(s.appendAudit({"2026-11-25T09:00:00Z", "Chị Lan", "print", "r1"}).ok());
    REQUIRE(s.appendAudit({"2026-11-25T09:30:00Z", "Chị Lan", "print", "r10"}).ok());
    auto ofR1 = s.auditOf("r1");
    REQUIRE(ofR1.ok());
    REQUIRE(ofR1->size() == 2);
    CHECK((*ofR1)[0].action == "review.accepted");
    CHECK((*ofR1)[1].action == "print");
    CHECK(s.auditOf("nothing")->empty());
  });
}

TEST_CASE("hub store: a transaction commits everything when fn succeeds, and fn reads its own writes") {
  forEachBackend([](HubStore& s, const HubStoreBackend& backend, const fs::path& dir) {
    auto st = s.transaction([&]() -> Status {
      GOCUA_TRY(s.insertDevice(deviceRow(1)));
      GOCUA_TRY(s.upsertRecord(recordRow(1, 1, 1)));
      auto seen = s.record(recordKey(1));
      if (!seen) return seen.error();
      CHECK(seen->has_value());
      return s.setMeta("form_pack", "1");
    });
    REQUIRE_MESSAGE(st.ok(), st.error().code);
    CHECK(*s.recordCount() == 1);
    // Committed means durable: another connection to the same dir sees it.
    auto other = backend.open(dir, false);
    REQUIRE(other.ok());
    CHECK((*other)->device(deviceKey(1))->has_value());
    CHECK(metaOf(**other, "form_pack") == blob("1"));
  });
}

TEST_CASE("hub store: a transaction whose fn fails or throws leaves nothing, and the store goes on") {
  forEachBackend([](HubStore& s, const HubStoreBackend&, const fs::path&) {
    REQUIRE(s.setMeta("form_pack", "1").ok());
    auto failed = s.transaction([&]() -> Status {
      GOCUA_TRY(s.setMeta("form_pack", "2"));
      GOCUA_TRY(s.upsertRecord(recordRow(1, 1, 1)));
      GOCUA_TRY(s.insertLedger(deviceKey(1), 1, RecordKey{}, std::array<std::uint8_t, 32>{}, "t", "r"));
      return Error::fromText("test.refused");
    });
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().code == "test.refused");
    CHECK(metaOf(s, "form_pack") == blob("1"));
    CHECK(*s.recordCount() == 0);
    CHECK(*s.maxSequence(deviceKey(1)) == 0);

    // A store error inside fn (a used ledger sequence) rolls back what came before it.
    REQUIRE(s.insertLedger(deviceKey(1), 1, RecordKey{}, std::array<std::uint8_t, 32>{}, "t", "r").ok());
    auto clash = s.transaction([&]() -> Status {
      GOCUA_TRY(s.upsertRecord(recordRow(2, 1, 1)));
      return s.insertLedger(deviceKey(1), 1, RecordKey{}, std::array<std::uint8_t, 32>{}, "t", "again");
    });
    REQUIRE_FALSE(clash.ok());
    CHECK(clash.error().code == "store.constraint");
    CHECK(*s.recordCount() == 0);

    bool rethrown = false;
    try {
      (void)s.transaction([&]() -> Status {
        REQUIRE(s.upsertRecord(recordRow(3, 1, 1)).ok());
        throw std::runtime_error("fn threw");
      });
    } catch (const std::runtime_error&) {
      rethrown = true;
    }
    CHECK(rethrown);
    CHECK(*s.recordCount() == 0);

    auto after = s.transaction([&]() -> Status { return s.upsertRecord(recordRow(4, 1, 1)); });
    REQUIRE_MESSAGE(after.ok(), after.error().code);
    CHECK(*s.recordCount() == 1);
  });
}

TEST_CASE("hub store: a transaction inside a transaction is refused and the outer one goes on") {
  forEachBackend([](HubStore& s, const HubStoreBackend&, const fs::path&) {
    bool innerRan = false;
    Status inner;
    auto outer = s.transaction([&]() -> Status {
      GOCUA_TRY(s.setMeta("a", "1"));
      inner = s.transaction([&]() -> Status {
        innerRan = true;
        return s.setMeta("inner", "1");
      });
      return s.setMeta("b", "2");
    });
    REQUIRE_MESSAGE(outer.ok(), outer.error().code);
    CHECK_FALSE(innerRan);
    REQUIRE_FALSE(inner.ok());
    CHECK(inner.error().code == "store.error");
    CHECK(metaOf(s, "a") == blob("1"));
    CHECK(metaOf(s, "b") == blob("2"));
    CHECK_FALSE(metaOf(s, "inner").has_value());
  });
}
