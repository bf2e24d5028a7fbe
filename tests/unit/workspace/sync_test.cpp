// The laptop's side of sync, in-process against a hub identity made here: enrollment request and
// profile pinning, export into a batch only that hub opens, receipts (signed, per revision),
// review notes, the hub's next sequence, retention, and passphrase recovery.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/resource.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "../fixed_keys.h"
#include "../signed_file_edits.h"
#include "store/db.h"
#include "sync/batch/batch.h"
#include "sync/keys/keys.h"
#include "sync/receipt/receipt.h"
#include "vault/primitives.h"
#include "vault/secret.h"
#include "workspace/workspace.h"
#include "workspace_fixture.h"

using namespace wstest;

namespace {

using fixedkeys::seed;

sync::HubIdentity hubIdentity(std::uint8_t b = 1) {
  auto s1 = seed(b), s2 = seed(static_cast<std::uint8_t>(b + 1)), s3 = seed(static_cast<std::uint8_t>(b + 2));
  return sync::HubIdentity::fromSeed(s1, s2, s3);
}

std::string profileFor(const sync::HubIdentity& hub, std::string name = "Xã Tân Lập") {
  sync::CommuneProfile p;
  p.communeCode = "27001";
  p.communeName = std::move(name);
  p.villages = {"Thôn Đông", "Thôn Tây"};
  p.hubUrl = "http://127.0.0.1:8080";
  p.hubSignPublic = hub.signPublic;
  p.hubBoxPublic = hub.box.publicKey;
  p.recoveryPublic = hub.recovery.publicKey;
  p.issuedAt = "2026-11-20T08:00:00Z";
  auto file = sync::writeProfile(p, hub);
  REQUIRE(file.ok());
  return *file;
}

json resident(const std::string& name, const std::string& id, const std::string& dob, const std::string& sex) {
  return {{"full_name", name}, {"date_of_birth", dob}, {"sex", sex}, {"personal_id", id}, {"village", "Thôn Đông"}};
}

// A durable write leaves no temp file (".NAME.tmp-...", or the older "NAME.part") behind.
bool noTempFileBeside(const fs::path& file) {
  const std::string name = file.filename().string();
  for (const auto& entry : fs::directory_iterator(file.parent_path())) {
    const std::string other = entry.path().filename().string();
    if (other.rfind("." + name + ".tmp", 0) == 0 || other == name + ".part") return false;
  }
  return true;
}

struct BatchContent {
  sync::BatchHeader header;
  json manifest;
  std::vector<json> records;
};

BatchContent openBatch(const fs::path& file, const sync::HubIdentity& hub) {
  BatchContent out;
  std::ifstream in(file, std::ios::binary);
  auto header = sync::readBatchHeader(in);
  REQUIRE(header.ok());
  out.header = *header;
  in.seekg(0);
  auto st = sync::readBatch(in, hub.box, [&](std::string_view line) -> Status {
    auto j = json::parse(line);
    if (j["type"] == "manifest")
      out.manifest = j;
    else
      out.records.push_back(j);
    return {};
  });
  REQUIRE(st.ok());
  return out;
}

// A laptop enrolled with hub(), three residents added.
struct Enrolled {
  TempDir t;
  sync::HubIdentity hub = hubIdentity();
  std::unique_ptr<Workspace> ws;
  std::unique_ptr<Session> s;
  sync::EnrollmentRequest request;
  std::vector<std::string> ids;

  Enrolled() {
    auto created = Workspace::create(t.path / "ws", "Lan", kPass, false, kKdf);
    REQUIRE(created.ok());
    ws = std::move(*created);
    auto unlocked = ws->unlock("", kPass);
    REQUIRE(unlocked.ok());
    s = std::move(*unlocked);
    auto req = s->enrollmentRequest();
    REQUIRE(req.ok());
    auto parsed = sync::readEnrollmentRequest(*req);
    REQUIRE(parsed.ok());
    request = *parsed;
    REQUIRE(s->enroll(profileFor(hub)).ok());
    Errors problems;
    for (auto r : {resident("Nguyễn Văn An", "001090123456", "05/03/1990", "male"),
                   resident("Trần Thị Bình", "001190123457", "06/04/1990", "female"),
                   resident("Lê Văn Cường", "001085123458", "07/05/1985", "male")}) {
      auto added = s->addResident(r, &problems);
      REQUIRE(added.ok());
      ids.push_back(added->id);
    }
  }

  // What the hub learns from the laptop's first batch: the data key, from the manifest's recovery slot.
  std::optional<vault::SecretBytes> dataKeyFromFirstBatch() {
    auto file = t.path / "1.gcb";
    REQUIRE(s->exportBatch(file).ok());
    auto batch = openBatch(file, hub);
    auto slot = vault::fromHex(batch.manifest["recovery_slot"].get<std::string>());
    REQUIRE(slot.has_value());
    auto dataKey = sync::openRecoverySlot(*slot, hub.recovery);
    REQUIRE(dataKey.ok());
    return std::move(*dataKey);
  }

  std::string receipt(const sync::Receipt& r) {
    auto file = sync::writeReceipt(r, hub);
    REQUIRE(file.ok());
    return *file;
  }

  // A receipt with no batch (status-out), as the hub answers a USB-only laptop.
  sync::Receipt statusOnly(std::uint64_t nextSequence) {
    sync::Receipt r;
    r.communeCode = "27001";
    r.deviceId = request.deviceSignPublic;
    r.batchStatus = sync::BatchStatus::Status;
    r.hubTime = "2026-11-23T10:00:00Z";
    r.nextSequence = nextSequence;
    return r;
  }

  sync::Receipt receiptFor(const BatchContent& b, sync::BatchStatus status = sync::BatchStatus::Imported) {
    sync::Receipt r;
    r.communeCode = "27001";
    r.deviceId = request.deviceSignPublic;
    r.batchId = b.header.batchId;
    r.sequence = b.header.sequence;
    r.batchStatus = status;
    r.hubTime = "2026-11-23T10:00:00Z";
    r.nextSequence = b.header.sequence + 1;
    return r;
  }
};

std::int64_t count(Session& s, const std::string& state) { return s.syncStatus()->counts.at(state); }

}  // namespace

TEST_CASE("enrollment: the request carries the device keys and volunteers; the profile pins the hub key") {
  TempDir t;
  auto [ws, s] = createUnlocked(t.path / "ws");
  auto hub = hubIdentity();
  CHECK(s->enroll(profileFor(hub)).error().code == "sync.no_request");
  CHECK(s->exportBatch(t.path / "b.gcb").error().code == "sync.not_enrolled");

  auto first = s->enrollmentRequest();
  REQUIRE(first.ok());
  auto again = s->enrollmentRequest();
  REQUIRE(again.ok());
  auto a = sync::readEnrollmentRequest(*first), b = sync::readEnrollmentRequest(*again);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a->deviceSignPublic == b->deviceSignPublic);  // keys are made once, then kept
  CHECK(a->volunteers == std::vector<std::string>{"Lan"});

  auto info = s->enroll(profileFor(hub));
  REQUIRE(info.ok());
  CHECK(info->communeName == "Xã Tân Lập");
  CHECK(info->fingerprint == sync::fingerprint(hub.signPublic));
  // A new profile from the same hub is fine; one signed by another key is refused.
  CHECK(s->enroll(profileFor(hub, "Xã Tân Lập mới")).ok());
  auto other = hubIdentity(9);
  CHECK(s->enroll(profileFor(other)).error().code == "profile.key_changed");
  CHECK(s->hubUrl().value() == "http://127.0.0.1:8080");
}

TEST_CASE("training workspaces never sync") {
  TempDir t;
  auto [ws, s] = createUnlocked(t.path / "ws", true);
  CHECK(s->enrollmentRequest().error().code == "sync.training");
  CHECK(s->exportBatch(t.path / "b.gcb").error().code == "sync.training");
}

TEST_CASE("export: only the hub opens the batch; records go out until acknowledged") {
  Enrolled e;
  auto file = e.t.path / "1.gcb";
  auto info = e.s->exportBatch(file);
  REQUIRE(info.ok());
  CHECK(info->records == 3);
  CHECK(info->sequence == 1);
  CHECK(info->bytes == fs::file_size(file));
  CHECK(noTempFileBeside(file));
  // The resident's name is not in the file in clear.
  CHECK(readAll(file).find("Nguyễn Văn An") == std::string::npos);

  auto batch = openBatch(file, e.hub);
  CHECK(batch.header.communeCode == "27001");
  CHECK(batch.header.deviceId == e.request.deviceSignPublic);
  CHECK(batch.manifest["records"] == 3);
  CHECK(batch.manifest.contains("recovery_slot"));
  CHECK(batch.manifest["training"] == false);  // hubs refuse a batch whose manifest says otherwise
  REQUIRE(batch.records.size() == 3);
  CHECK(batch.records[0]["id"] == e.ids[0]);
  CHECK(batch.records[0]["kind"] == "resident");
  CHECK(batch.records[0]["revision"] == 1);
  CHECK(batch.records[0]["body"]["full_name"] == "Nguyễn Văn An");
  CHECK(count(*e.s, "sent") == 3);
  CHECK(e.s->getResident(e.ids[0])->get()["sync_state"] == "sent");

  // An edit after the export makes that head unsent again; the others stay sent.
  json edited = resident("Nguyễn Văn An", "001090123456", "05/03/1990", "male");
  edited["phone"] = "0912345678";
  REQUIRE(e.s->updateResident(e.ids[0], edited, 1, nullptr).ok());
  CHECK(count(*e.s, "sent") == 2);
  CHECK(count(*e.s, "unsynced") == 1);
  CHECK(e.s->getResident(e.ids[0])->get()["sync_state"] == "unsynced");
  CHECK(e.s->getResident(e.ids[1])->get()["sync_state"] == "sent");

  // Another hub cannot open it.
  std::ifstream in(file, std::ios::binary);
  auto foreign = hubIdentity(40);
  CHECK(sync::readBatch(in, foreign.box, [](std::string_view) -> Status { return {}; }).error().code ==
        "batch.not_for_this_hub");

  // No receipt yet: the next export carries them again, under the next sequence.
  auto second = e.s->exportBatch(e.t.path / "2.gcb");
  REQUIRE(second.ok());
  CHECK(second->records == 3);
  CHECK(second->sequence == 2);
}

TEST_CASE("export onto a full disk: a clear error, no file, nothing marked sent") {
  Enrolled e;
  // RLIMIT_FSIZE makes every write past 256 bytes fail with EFBIG, as a full stick would (the
  // export writes nothing else before the batch is safely on the stick).
  auto previous = ::signal(SIGXFSZ, SIG_IGN);
  rlimit old{};
  REQUIRE(::getrlimit(RLIMIT_FSIZE, &old) == 0);
  rlimit tiny = old;
  tiny.rlim_cur = 256;
  REQUIRE(::setrlimit(RLIMIT_FSIZE, &tiny) == 0);
  auto file = e.t.path / "full.gcb";
  auto info = e.s->exportBatch(file);
  REQUIRE(::setrlimit(RLIMIT_FSIZE, &old) == 0);
  ::signal(SIGXFSZ, previous);
  if (info.ok()) FAIL("a batch of " << info->bytes << " bytes fit under the limit");
  CHECK(info.error().code == "sync.io");
  CHECK_FALSE(fs::exists(file));
  CHECK(noTempFileBeside(file));
  CHECK(count(*e.s, "unsynced") == 3);
  auto retry = e.s->exportBatch(file);
  REQUIRE(retry.ok());
  CHECK(retry->sequence == 1);
}

TEST_CASE("receipt: synced only at the acknowledged revision; rejected keeps its reason") {
  Enrolled e;
  auto file = e.t.path / "1.gcb";
  REQUIRE(e.s->exportBatch(file).ok());
  auto batch = openBatch(file, e.hub);
  auto r = e.receiptFor(batch);
  r.records = {{e.ids[0], 1, sync::Outcome::Accepted, ""},
               {e.ids[1], 1, sync::Outcome::Rejected, "personal_id.checksum"},
               {e.ids[2], 1, sync::Outcome::Duplicate, ""}};
  // The third resident is edited after export: the hub acknowledged revision 1, not 2.
  auto third = e.s->getResident(e.ids[2]);
  REQUIRE(third.ok());
  json edited = resident("Lê Văn Cường", "001085123458", "07/05/1985", "male");
  edited["phone"] = "0912345678";
  REQUIRE(e.s->updateResident(e.ids[2], edited, 1, nullptr).ok());

  auto applied = e.s->applyReceipt(e.receipt(r));
  REQUIRE(applied.ok());
  CHECK(applied->synced == 1);
  REQUIRE(applied->rejected.size() == 1);
  CHECK(applied->rejected[0].id == e.ids[1]);
  CHECK(applied->rejected[0].reason == "personal_id.checksum");
  CHECK(applied->batchStatus == "imported");
  CHECK(count(*e.s, "synced") == 1);
  CHECK(count(*e.s, "rejected") == 1);
  CHECK(count(*e.s, "unsynced") == 1);  // the edited one travels again
  CHECK_FALSE(e.s->syncStatus()->lastSync.empty());

  // Applying the same receipt twice changes nothing more.
  auto twice = e.s->applyReceipt(e.receipt(r));
  REQUIRE(twice.ok());
  CHECK(twice->synced == 0);
  CHECK(count(*e.s, "synced") == 1);

  auto next = e.s->exportBatch(e.t.path / "2.gcb");
  REQUIRE(next.ok());
  CHECK(next->records == 1);
}

TEST_CASE("receipt: only records this laptop sent in that batch are acknowledged") {
  Enrolled e;
  auto file = e.t.path / "1.gcb";
  REQUIRE(e.s->exportBatch(file).ok());
  auto batch = openBatch(file, e.hub);
  Errors problems;
  auto later = e.s->addResident(resident("Đỗ Thị Én", "001190123459", "08/06/1990", "female"), &problems);
  REQUIRE(later.ok());  // written after the export: in no batch yet

  // A hub-signed receipt for a batch this laptop never sent acknowledges nothing.
  auto stranger = e.receiptFor(batch);
  stranger.batchId[5] ^= 0x40;
  for (const auto& id : e.ids) stranger.records.push_back({id, 1, sync::Outcome::Accepted, ""});
  auto ignored = e.s->applyReceipt(e.receipt(stranger));
  REQUIRE(ignored.ok());
  CHECK(ignored->synced == 0);
  CHECK(count(*e.s, "synced") == 0);

  // The real batch's receipt also naming the record that was never sent: that one stays unsynced.
  auto r = e.receiptFor(batch);
  for (const auto& id : e.ids) r.records.push_back({id, 1, sync::Outcome::Accepted, ""});
  r.records.push_back({later->id, 1, sync::Outcome::Accepted, ""});
  auto applied = e.s->applyReceipt(e.receipt(r));
  REQUIRE(applied.ok());
  CHECK(applied->synced == 3);
  CHECK(count(*e.s, "synced") == 3);
  CHECK(count(*e.s, "unsynced") == 1);
  auto next = e.s->exportBatch(e.t.path / "2.gcb");
  REQUIRE(next.ok());
  CHECK(next->records == 1);
}

TEST_CASE("receipt: an absurd sequence, even signed by the hub, is refused and later exports go on") {
  Enrolled e;
  auto file = e.t.path / "1.gcb";
  REQUIRE(e.s->exportBatch(file).ok());
  auto batch = openBatch(file, e.hub);
  const std::string good = e.receipt(e.receiptFor(batch));
  const std::string from = "\"next_sequence\":2";
  for (const char* absurd : {"9223372036854775807", "18446744073709551615"}) {
    INFO(absurd);
    const std::string bad =
        test::resignedBody(test::replaced(good, from, std::string("\"next_sequence\":") + absurd), e.hub.signSecret);
    auto applied = e.s->applyReceipt(bad);
    CHECK_FALSE(applied.ok());
  }
  Errors problems;
  REQUIRE(e.s->addResident(resident("Đỗ Thị Én", "001190123459", "08/06/1990", "female"), &problems).ok());
  auto next = e.s->exportBatch(e.t.path / "2.gcb");
  REQUIRE(next.ok());
  CHECK(next->sequence == 2);
  auto third = e.s->exportBatch(e.t.path / "3.gcb");
  REQUIRE(third.ok());
  CHECK(third->sequence == 3);
}

TEST_CASE("receipt: tampered, foreign or misaddressed receipts mark nothing synced") {
  Enrolled e;
  auto file = e.t.path / "1.gcb";
  REQUIRE(e.s->exportBatch(file).ok());
  auto batch = openBatch(file, e.hub);
  auto r = e.receiptFor(batch);
  for (const auto& id : e.ids) r.records.push_back({id, 1, sync::Outcome::Accepted, ""});
  std::string good = e.receipt(r);

  for (std::size_t pos : {std::size_t{20}, good.size() / 2, good.size() - 5}) {
    std::string bad = good;
    bad[pos] = static_cast<char>(bad[pos] ^ 0x01);
    CHECK_FALSE(e.s->applyReceipt(bad).ok());
  }
  auto foreign = hubIdentity(50);
  auto forged = sync::writeReceipt(r, foreign);
  REQUIRE(forged.ok());
  CHECK(e.s->applyReceipt(*forged).error().code == "receipt.bad_signature");
  auto other = r;
  other.deviceId[0] ^= 1;
  CHECK(e.s->applyReceipt(e.receipt(other)).error().code == "receipt.wrong_device");
  CHECK(count(*e.s, "synced") == 0);
  CHECK(count(*e.s, "sent") == 3);

  REQUIRE(e.s->applyReceipt(good).ok());
  CHECK(count(*e.s, "synced") == 3);
}

TEST_CASE("review: needs-documents with the staff note opened on the laptop") {
  Enrolled e;
  auto sealed = sync::sealNote("Thiếu giấy chứng sinh bản gốc", e.request.deviceBoxPublic);
  REQUIRE(sealed.ok());
  sync::Receipt r = e.statusOnly(1);
  r.updates = {{e.ids[1], 1, sync::ReviewStatus::NeedsDocuments, *sealed, "2026-11-23T09:00:00Z"},
               {e.ids[0], 1, sync::ReviewStatus::Accepted, {}, "2026-11-23T09:00:00Z"}};
  auto applied = e.s->applyReceipt(e.receipt(r));
  REQUIRE(applied.ok());
  CHECK(applied->statusUpdates == 2);
  auto status = e.s->syncStatus();
  REQUIRE(status.ok());
  CHECK(status->enrolled);
  REQUIRE(status->needsDocuments.size() == 1);
  CHECK(status->needsDocuments[0].id == e.ids[1]);
  CHECK(status->needsDocuments[0].name == "Trần Thị Bình");
  CHECK(status->needsDocuments[0].note == "Thiếu giấy chứng sinh bản gốc");
}

TEST_CASE("review: one decision arriving twice (USB status receipt, then over HTTP) counts once") {
  Enrolled e;
  auto sealed = sync::sealNote("Thiếu giấy chứng sinh bản gốc", e.request.deviceBoxPublic);
  REQUIRE(sealed.ok());
  // The hub made one decision; its status receipt goes out on a stick, and the next HTTP sync
  // fetches a status receipt of its own carrying the same decision (the note sealed afresh).
  for (std::int64_t decision : {std::int64_t{1764842400000}, std::int64_t{0}}) {  // 0: a hub before numbering
    CAPTURE(decision);
    const std::string& id = e.ids[decision == 0 ? 2 : 1];
    sync::Receipt usb = e.statusOnly(1);
    usb.updates = {{id, 1, sync::ReviewStatus::NeedsDocuments, *sealed, "2026-11-23T09:00:00Z", decision}};
    auto first = e.s->applyReceipt(e.receipt(usb));
    REQUIRE(first.ok());
    CHECK(first->statusUpdates == 1);
    sync::Receipt http = usb;
    http.hubTime = "2026-11-23T11:30:00Z";
    auto resealed = sync::sealNote("Thiếu giấy chứng sinh bản gốc", e.request.deviceBoxPublic);
    REQUIRE(resealed.ok());
    http.updates[0].sealedNote = *resealed;
    auto second = e.s->applyReceipt(e.receipt(http));
    REQUIRE(second.ok());
    CHECK(second->statusUpdates == 0);
  }
  auto status = e.s->syncStatus();
  REQUIRE(status.ok());
  CHECK(status->needsDocuments.size() == 2);
}

TEST_CASE("quarantine: the laptop re-exports under the hub's next free sequence") {
  Enrolled e;
  auto file = e.t.path / "1.gcb";
  REQUIRE(e.s->exportBatch(file).ok());
  auto batch = openBatch(file, e.hub);
  auto r = e.receiptFor(batch, sync::BatchStatus::Quarantined);
  r.reason = "hub.sequence_used";
  r.nextSequence = 10;
  auto applied = e.s->applyReceipt(e.receipt(r));
  REQUIRE(applied.ok());
  CHECK(applied->nextSequence == 10);
  auto again = e.s->exportBatch(e.t.path / "2.gcb");
  REQUIRE(again.ok());
  CHECK(again->sequence == 10);
  CHECK(again->records == 3);
}

TEST_CASE("retention: accepted records older than the limit leave a stub; the rest stay readable") {
  Enrolled e;
  auto file = e.t.path / "1.gcb";
  REQUIRE(e.s->exportBatch(file).ok());
  auto batch = openBatch(file, e.hub);
  auto r = e.receiptFor(batch);
  r.records = {{e.ids[0], 1, sync::Outcome::Accepted, ""}, {e.ids[1], 1, sync::Outcome::Accepted, ""}};
  REQUIRE(e.s->applyReceipt(e.receipt(r)).ok());
  CHECK(e.s->setRetentionDays(0).error().code == "sync.retention_days");
  REQUIRE(e.s->setRetentionDays(30).ok());
  // Pretend the first was acknowledged 31 days ago (on the session's own connection, so that
  // nothing but the purge tells the lock that memory no longer matches the file).
  auto stmt = e.ws->db().prepare(
      "UPDATE record SET synced_at='2000-01-01T00:00:00Z' WHERE sync_state='synced' "
      "AND seq=(SELECT min(seq) FROM record)");
  REQUIRE(stmt.ok());
  REQUIRE(stmt->run().ok());
  auto status = e.receiptFor(batch, sync::BatchStatus::Status);
  status.batchId = {};
  status.sequence = 0;
  auto applied = e.s->applyReceipt(e.receipt(status));
  REQUIRE(applied.ok());
  CHECK(applied->purged == 1);
  CHECK_FALSE(e.s->getResident(e.ids[0]).ok());
  CHECK(e.s->getResident(e.ids[1]).ok());
  CHECK(count(*e.s, "synced") == 2);  // the stub keeps its state
  // The stub is skipped at unlock: nothing reported damaged, the others load.
  e.s->lock();
  Workspace::UnlockStats stats;
  auto again = e.ws->unlock("", kPass, &stats);
  REQUIRE(again.ok());
  CHECK((*again)->damaged().empty());
  CHECK((*again)->index().size() == 2);
  CHECK_FALSE(stats.fromSnapshot);  // the lock after a purge keeps no copy of the index
}

TEST_CASE("recovery: the hub's one-time file and code set a new passphrase") {
  Enrolled e;
  // The hub learns the recovery slot from the batch manifest and opens it with its recovery key.
  auto dataKey = e.dataKeyFromFirstBatch();
  std::string code = sync::newRecoveryCode();
  auto recovery = sync::makeRecoveryFile(e.request.deviceSignPublic, *dataKey, code, e.hub);
  REQUIRE(recovery.ok());
  e.s->lock();

  const char* newPass = "mật khẩu mới sau khi quên";
  CHECK(e.ws->resetPassphrase(*recovery, "AAAA-AAAA-AAAA-AAAA-AAAA", "", newPass, kKdf).error().code ==
        "recovery.wrong_code");
  auto foreign = hubIdentity(60);
  auto forged = sync::makeRecoveryFile(e.request.deviceSignPublic, *dataKey, code, foreign);
  REQUIRE(forged.ok());
  CHECK_FALSE(e.ws->resetPassphrase(*forged, code, "", newPass, kKdf).ok());
  CHECK(e.ws->unlock("", kPass).ok());  // nothing changed so far

  REQUIRE(e.ws->resetPassphrase(*recovery, code, "", newPass, kKdf).ok());
  CHECK(e.ws->unlock("", kPass).error().code == "vault.wrong_passphrase");
  auto unlocked = e.ws->unlock("", newPass);
  REQUIRE(unlocked.ok());
  CHECK((*unlocked)->index().size() == 3);
  CHECK(e.ws->resetPassphrase(*recovery, code, "", "một mật khẩu khác nữa", kKdf).error().code == "recovery.used");
}

TEST_CASE("recovery: the used-files record is sealed; deleting or altering it does not free a used file") {
  Enrolled e;
  auto dataKey = e.dataKeyFromFirstBatch();
  const std::string code = sync::newRecoveryCode();
  auto recovery = sync::makeRecoveryFile(e.request.deviceSignPublic, *dataKey, code, e.hub);
  REQUIRE(recovery.ok());
  e.s->lock();
  const char* newPass = "mật khẩu mới sau khi quên";
  REQUIRE(e.ws->resetPassphrase(*recovery, code, "", newPass, kKdf).ok());

  auto db = store::Db::open(e.t.path / "ws" / "gocua.db", false);
  REQUIRE(db.ok());
  auto again = [&] { return e.ws->resetPassphrase(*recovery, code, "", "một mật khẩu khác nữa", kKdf); };
  // The plaintext marker older versions kept is gone or ignored: deleting it frees nothing.
  REQUIRE(db->exec("DELETE FROM meta WHERE key='recovery.used'").ok());
  CHECK(again().error().code == "recovery.used");
  // The sealed record deleted, or another sealed value put in its place: no reset at all.
  REQUIRE(db->exec("UPDATE meta SET value=(SELECT value FROM meta WHERE key='hub.binding') "
                   "WHERE key='recovery.used_sealed'")
              .ok());
  CHECK(again().error().code == "recovery.state_damaged");
  REQUIRE(db->exec("DELETE FROM meta WHERE key='recovery.used_sealed'").ok());
  CHECK(again().error().code == "recovery.state_damaged");
  CHECK(e.ws->unlock("", newPass).ok());  // the passphrase set by the one reset still opens it
}

TEST_CASE("recovery: the plaintext list an older GoCua kept is sealed at the next unlock") {
  Enrolled e;
  auto dataKey = e.dataKeyFromFirstBatch();
  const std::string code = sync::newRecoveryCode();
  auto recovery = sync::makeRecoveryFile(e.request.deviceSignPublic, *dataKey, code, e.hub);
  REQUIRE(recovery.ok());
  auto parsed = sync::readRecoveryFile(*recovery, e.hub.signPublic, e.request.deviceSignPublic);
  REQUIRE(parsed.ok());
  e.s->lock();
  {  // As an older GoCua left a workspace whose file was used: a plaintext list, nothing sealed.
    auto db = store::Db::open(e.t.path / "ws" / "gocua.db", false);
    REQUIRE(db.ok());
    REQUIRE(db->exec("DELETE FROM meta WHERE key='recovery.used_sealed'; INSERT OR REPLACE INTO meta(key, value) "
                     "VALUES('recovery.used', '[\"" +
                     vault::toHex(parsed->recoveryId) + "\"]')")
                .ok());
  }
  REQUIRE(e.ws->unlock("", kPass).ok());
  CHECK(e.ws->resetPassphrase(*recovery, code, "", "mật khẩu mới sau khi quên", kKdf).error().code == "recovery.used");
}

namespace {

// Swaps another hub's key and profile into the workspace file with plain SQL, as sqlite3 would,
// leaving the tag under the data key as it was.
void swapPinnedHub(const fs::path& wsDir, const sync::HubIdentity& rogue) {
  auto db = store::Db::open(wsDir / "gocua.db", false);
  REQUIRE(db.ok());
  for (const auto& [key, value] :
       {std::pair<std::string, std::string>{"hub.sign_public", vault::toHex(rogue.signPublic)},
        std::pair<std::string, std::string>{"hub.profile", profileFor(rogue)}}) {
    auto st = db->prepare("UPDATE meta SET value=?2 WHERE key=?1");
    REQUIRE(st.ok());
    REQUIRE(st->bind(1, key).bind(2, value).run().ok());
  }
}

}  // namespace

TEST_CASE("hub pin: a swapped-in hub key gets none of its receipts applied") {
  Enrolled e;
  auto file = e.t.path / "1.gcb";
  REQUIRE(e.s->exportBatch(file).ok());
  auto batch = openBatch(file, e.hub);
  auto rogue = hubIdentity(70);
  swapPinnedHub(e.t.path / "ws", rogue);
  auto r = e.receiptFor(batch);
  for (const auto& id : e.ids) r.records.push_back({id, 1, sync::Outcome::Accepted, ""});
  auto forged = sync::writeReceipt(r, rogue);
  REQUIRE(forged.ok());
  auto applied = e.s->applyReceipt(*forged);
  REQUIRE_FALSE(applied.ok());
  CHECK(applied.error().code == "sync.pin_damaged");
  CHECK(count(*e.s, "synced") == 0);
}

TEST_CASE("hub pin: a recovery file verified only by a swapped-in or untagged hub key is refused") {
  Enrolled e;
  auto dataKey = e.dataKeyFromFirstBatch();
  const std::string code = sync::newRecoveryCode();
  const char* newPass = "mật khẩu mới sau khi quên";
  e.s->lock();

  // Someone holding the data key signs their own file and pins their own key: refused.
  auto rogue = hubIdentity(70);
  auto rogueFile = sync::makeRecoveryFile(e.request.deviceSignPublic, *dataKey, code, rogue);
  REQUIRE(rogueFile.ok());
  auto db = store::Db::open(e.t.path / "ws" / "gocua.db", false);
  REQUIRE(db.ok());
  swapPinnedHub(e.t.path / "ws", rogue);
  auto reset = e.ws->resetPassphrase(*rogueFile, code, "", newPass, kKdf);
  REQUIRE_FALSE(reset.ok());
  CHECK(reset.error().code == "sync.pin_damaged");

  // The real hub's key back, its tag deleted: the real hub's file is refused too.
  swapPinnedHub(e.t.path / "ws", e.hub);
  REQUIRE(db->exec("DELETE FROM meta WHERE key='hub.binding'").ok());
  auto realFile = sync::makeRecoveryFile(e.request.deviceSignPublic, *dataKey, code, e.hub);
  REQUIRE(realFile.ok());
  reset = e.ws->resetPassphrase(*realFile, code, "", newPass, kKdf);
  REQUIRE_FALSE(reset.ok());
  CHECK(reset.error().code == "sync.pin_damaged");
  CHECK(e.ws->unlock("", kPass).ok());  // the old passphrase still opens it: nothing changed
}

TEST_CASE(
    "revocation: export stops once a receipt says so, even with the plaintext mark deleted, until enrolled again") {
  Enrolled e;
  auto told = e.statusOnly(1);
  told.reason = std::string(sync::kReasonRevoked);
  auto applied = e.s->applyReceipt(e.receipt(told));
  REQUIRE(applied.ok());
  CHECK(applied->revoked);
  const auto out = e.t.path / "1.gcb";
  auto refusedWith = [&]() -> std::string {
    auto exported = e.s->exportBatch(out);
    return exported.ok() ? std::string("exported") : exported.error().code;
  };
  CHECK(refusedWith() == "sync.revoked");
  {  // The mark deleted with sqlite3: still revoked, still nothing exported.
    auto db = store::Db::open(e.t.path / "ws" / "gocua.db", false);
    REQUIRE(db.ok());
    REQUIRE(db->exec("DELETE FROM meta WHERE key='sync.revoked'").ok());
  }
  CHECK(refusedWith() == "sync.revoked");
  CHECK_FALSE(fs::exists(out));
  CHECK(e.s->syncStatus()->revoked);
  // Enrolling again (the office's new profile) lifts it.
  REQUIRE(e.s->enroll(profileFor(e.hub)).ok());
  auto exported = e.s->exportBatch(out);
  REQUIRE(exported.ok());
  CHECK(exported->records == 3);
  CHECK_FALSE(e.s->syncStatus()->revoked);
}

TEST_CASE("a receipt tells how far this laptop's clock is from the hub's") {
  Enrolled e;
  sync::Receipt r = e.statusOnly(1);
  r.hubTime = "2000-01-01T00:00:00Z";  // the hub is decades behind this laptop
  auto applied = e.s->applyReceipt(e.receipt(r));
  REQUIRE(applied.ok());
  CHECK(applied->clockSkewSeconds < -20LL * 365 * 86400);
}

namespace {

sync::FormPack shippedFormsPack(int version, std::string commune = "27001") {
  sync::FormPack p;
  p.communeCode = std::move(commune);
  p.version = version;
  p.issuedAt = "2026-11-23T08:00:00Z";
  std::vector<forms::LoadProblem> problems;
  p.files = forms::FormRegistry::readDir(GOCUA_SOURCE_DIR "/forms", problems);
  REQUIRE(problems.empty());
  return p;
}

std::string signedPack(const sync::FormPack& p, const sync::HubIdentity& hub) {
  auto file = sync::writeFormPack(p, hub);
  REQUIRE(file.ok());
  return *file;
}

}  // namespace

TEST_CASE("form packs: installed from the profile and from receipts, only newer, only the pinned hub's") {
  Enrolled e;
  CHECK(e.ws->formPackVersion() == 0);
  CHECK_FALSE(e.ws->packForms()->has_value());

  // The profile (same hub key) carries pack 1, with one form renamed so the pack is visibly used.
  auto pack1 = shippedFormsPack(1);
  auto birth = json::parse(pack1.files.at("birth_registration.json"));
  birth["title"]["vi"] = "Đăng ký khai sinh (bộ biểu mẫu của xã)";
  pack1.files["birth_registration.json"] = birth.dump(2);
  sync::CommuneProfile profile = *sync::readProfile(profileFor(e.hub), std::nullopt);
  profile.formPackVersion = 1;
  profile.formPack = signedPack(pack1, e.hub);
  auto enrolled = e.s->enroll(*sync::writeProfile(profile, e.hub));
  REQUIRE_MESSAGE(enrolled.ok(), enrolled.error().code);
  CHECK(enrolled->formPack == 1);
  CHECK(e.ws->formPackVersion() == 1);
  auto forms = e.ws->packForms();
  REQUIRE(forms.ok());
  REQUIRE(forms->has_value());
  CHECK((*forms)->find("birth_registration")->title(i18n::Lang::Vi) == "Đăng ký khai sinh (bộ biểu mẫu của xã)");

  // The batch tells the hub which pack this laptop has.
  auto file = e.t.path / "1.gcb";
  REQUIRE(e.s->exportBatch(file).ok());
  auto batch = openBatch(file, e.hub);
  CHECK(batch.manifest["form_pack"] == 1);

  // A receipt brings pack 2: installed, and the records are acknowledged as usual.
  auto r = e.receiptFor(batch);
  for (const auto& id : e.ids) r.records.push_back({id, 1, sync::Outcome::Accepted, ""});
  r.formPack = signedPack(shippedFormsPack(2), e.hub);
  auto applied = e.s->applyReceipt(e.receipt(r));
  REQUIRE(applied.ok());
  CHECK(applied->formPack == 2);
  CHECK(applied->formPackError.empty());
  CHECK(applied->synced == 3);
  CHECK(e.ws->formPackVersion() == 2);

  // The same or an older pack again changes nothing; other hubs' and other communes' packs, and a
  // pack with a form that does not load, are refused without costing the receipt.
  auto status = [&](const std::string& pack) {
    sync::Receipt s = e.statusOnly(2);
    s.formPack = pack;
    auto info = e.s->applyReceipt(e.receipt(s));
    REQUIRE(info.ok());
    return *info;
  };
  CHECK(status(signedPack(shippedFormsPack(1), e.hub)).formPack == 0);
  CHECK(status(signedPack(shippedFormsPack(3), hubIdentity(40))).formPackError == "formpack.bad_signature");
  CHECK(status(signedPack(shippedFormsPack(3, "27002"), e.hub)).formPackError == "formpack.invalid");
  auto broken = shippedFormsPack(3);
  broken.files["birth_registration.json"] = "{\"id\": \"birth_registration\"}";
  CHECK(status(signedPack(broken, e.hub)).formPackError == "formpack.invalid");
  CHECK(e.ws->formPackVersion() == 2);
  CHECK((*e.ws->packForms())->find("birth_registration")->title(i18n::Lang::Vi) !=
        "Đăng ký khai sinh (bộ biểu mẫu của xã)");
}
