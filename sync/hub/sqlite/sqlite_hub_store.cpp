// The SQLite hub store; see sqlite_hub_store.h and the contract in hub_store.h. Always bound
// parameters; hot statements (the import's per-record lookup and upsert) cached on the connection.
#include "sync/hub/sqlite/sqlite_hub_store.h"

#include <sys/stat.h>

#include <algorithm>

#include "store/background_checkpoint.h"
#include "store/db.h"
#include "store/errors.h"
#include "store/migrations.h"

namespace gocua {
extern const EmbeddedFile gocua_hub_schema[];
extern const std::size_t gocua_hub_schema_count;
}  // namespace gocua

namespace gocua::hub::sqlite {
namespace {

namespace fs = std::filesystem;

template <std::size_t N>
bool copyBlob(std::span<const std::uint8_t> from, std::array<std::uint8_t, N>& to) {
  if (from.size() != N) return false;
  std::copy(from.begin(), from.end(), to.begin());
  return true;
}

Blob toBlob(std::span<const std::uint8_t> s) { return Blob(s.begin(), s.end()); }

Error damaged(const char* what) { return Error::make(err::kStoreCorrupt, "", what); }

class SqliteHubStore final : public HubStore {
 public:
  // Large commits (an import) leave copying the WAL back into the file to checkpoint's thread, so
  // the receipt goes out as soon as the records are durable in the WAL (background_checkpoint.h).
  SqliteHubStore(store::Db db, std::unique_ptr<store::BackgroundCheckpoint> checkpoint)
      : db_(std::move(db)), checkpoint_(std::move(checkpoint)) {
    db_.deferCheckpoints([cp = checkpoint_.get()] { cp->request(); });
  }
  ~SqliteHubStore() override {
    db_.deferCheckpoints({});
    checkpoint_.reset();  // before db_ closes: the last connection's close copies what is left
  }
  SqliteHubStore(const SqliteHubStore&) = delete;
  SqliteHubStore& operator=(const SqliteHubStore&) = delete;

  Status transaction(const std::function<Status()>& fn) override;

  using HubStore::setMeta;
  Result<std::optional<Blob>> meta(std::string_view key) override;
  Status setMeta(std::string_view key, std::span<const std::uint8_t> value) override;

  Result<std::optional<DeviceRow>> device(const DeviceKey& id) override;
  Result<std::vector<DeviceRow>> devices() override;
  Status insertDevice(const DeviceRow& row) override;
  Status updateVolunteers(const DeviceKey& id, std::string_view volunteersJson) override;
  Status revoke(const DeviceKey& id, std::string_view at, std::int64_t lastSeq) override;
  Status setRecoverySlot(const DeviceKey& id, std::span<const std::uint8_t> slot) override;
  Status setDeviceFormPack(const DeviceKey& id, int version) override;
  Result<int> maxDeviceFormPack() override;

  Result<std::optional<LedgerRow>> ledger(const DeviceKey& device, std::int64_t sequence) override;
  Result<std::int64_t> maxSequence(const DeviceKey& device) override;
  Status insertLedger(const DeviceKey& device, std::int64_t sequence, std::span<const std::uint8_t> batchId,
                      std::span<const std::uint8_t> fileHash, std::string_view at, std::string_view receipt) override;
  Status insertQuarantine(const QuarantineRow& row) override;
  Result<std::vector<QuarantineRow>> quarantined() override;

  Result<std::optional<StoredRecord>> record(std::span<const std::uint8_t, 16> id) override;
  Status upsertRecord(const StoredRecord& row) override;
  Result<bool> insertNewRecord(const StoredRecord& row) override;
  Result<std::optional<StoredRecord>> recordWithBody(std::span<const std::uint8_t, 16> id) override;
  Status forEachRecord(const std::optional<std::string>& procedure, bool withBodies,
                       const std::function<Status(StoredRecord&)>& fn) override;
  Result<std::int64_t> recordCount() override;

  Status setReview(const ReviewRow& row) override;
  Result<std::vector<ReviewRow>> reviewsForDevice(const DeviceKey& device) override;

  Result<std::vector<StaffRow>> staff() override;
  Status insertStaff(const StaffRow& row) override;
  Status removeStaff(std::string_view name) override;
  Status appendAudit(const AuditRow& row) override;
  Result<std::vector<AuditRow>> audit(std::string_view since) override;
  Result<std::vector<AuditRow>> auditOf(std::string_view target) override;
  void releaseMemory() override { db_.releaseMemory(); }

 private:
  // An audit query with one parameter.
  Result<std::vector<AuditRow>> auditRows(const char* sql, std::string_view param);
  // The import's two statements per record, kept at hand: Db::cached would copy and hash their
  // SQL text on every call.
  Result<store::Stmt*> hot(store::Stmt*& slot, std::string_view sql) {
    if (slot) {
      slot->reset();
      return slot;
    }
    auto st = db_.cached(sql);
    if (st) slot = *st;
    return st;
  }

  store::Db db_;
  std::unique_ptr<store::BackgroundCheckpoint> checkpoint_;
  bool inTransaction_ = false;
  store::Stmt* recordLookup_ = nullptr;
  store::Stmt* recordUpsert_ = nullptr;
  store::Stmt* recordInsert_ = nullptr;
};

bool holdsStore(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / kDbFile, ec);
}

Result<std::unique_ptr<HubStore>> openStore(const fs::path& dir, bool create) {
  auto db = store::Db::open(dir / kDbFile, create);
  if (!db) return db.error();
  if (create) ::chmod((dir / kDbFile).c_str(), 0600);  // SQLite gives the -wal and -shm files the same mode
  GOCUA_TRY(store::migrate(*db, gocua_hub_schema, gocua_hub_schema_count));
  auto checkpoint = store::BackgroundCheckpoint::start(dir / kDbFile);
  if (!checkpoint) return checkpoint.error();
  return std::unique_ptr<HubStore>(std::make_unique<SqliteHubStore>(std::move(*db), std::move(*checkpoint)));
}

}  // namespace

const HubStoreBackend& backend() {
  static const HubStoreBackend b{"sqlite", &holdsStore, &openStore};
  return b;
}

// [SECTION] transactions

Status SqliteHubStore::transaction(const std::function<Status()>& fn) {
  // SQLite refuses BEGIN inside a transaction too, but says so only after the fact; this keeps
  // the refusal the same for every backend.
  if (inTransaction_) return Error::make(err::kStoreError, "", "transaction inside a transaction");
  auto txn = store::Txn::begin(db_);
  if (!txn) return txn.error();
  inTransaction_ = true;
  struct Reset {
    bool& flag;
    ~Reset() { flag = false; }
  } reset{inTransaction_};
  GOCUA_TRY(fn());  // an error or an exception leaves txn to roll back
  return txn->commit();
}

// [SECTION] meta

Result<std::optional<Blob>> SqliteHubStore::meta(std::string_view key) {
  auto st = db_.cached("SELECT value FROM meta WHERE key = ?");
  if (!st) return st.error();
  (*st)->bind(1, key);
  auto row = (*st)->step();
  if (!row) return row.error();
  if (!*row) return std::optional<Blob>{};
  Blob out = toBlob((*st)->columnBlob(0));
  (*st)->reset();
  return std::optional<Blob>{std::move(out)};
}

Status SqliteHubStore::setMeta(std::string_view key, std::span<const std::uint8_t> value) {
  auto st = db_.cached("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)");
  if (!st) return st.error();
  (*st)->bind(1, key).bind(2, value);
  return (*st)->run();
}

// [SECTION] devices

namespace {
constexpr const char* kDeviceColumns =
    "id, box_public, volunteers, workspace_id, enrolled_at, revoked_at, last_seq_at_revoke, recovery_slot, form_pack";

Result<DeviceRow> readDevice(store::Stmt& st) {
  DeviceRow r;
  if (!copyBlob(st.columnBlob(0), r.id) || !copyBlob(st.columnBlob(1), r.boxPublic)) return damaged("device row");
  r.volunteers = st.columnText(2);
  r.workspaceId = st.columnText(3);
  r.enrolledAt = st.columnText(4);
  if (!st.columnIsNull(5)) r.revokedAt = st.columnText(5);
  if (!st.columnIsNull(6)) r.lastSeqAtRevoke = st.columnInt(6);
  if (!st.columnIsNull(7)) r.recoverySlot = toBlob(st.columnBlob(7));
  r.formPack = static_cast<int>(st.columnInt(8));
  return r;
}
}  // namespace

Result<std::optional<DeviceRow>> SqliteHubStore::device(const DeviceKey& id) {
  auto st = db_.cached(std::string("SELECT ") + kDeviceColumns + " FROM device WHERE id = ?");
  if (!st) return st.error();
  (*st)->bind(1, std::span<const std::uint8_t>(id));
  auto row = (*st)->step();
  if (!row) return row.error();
  if (!*row) return std::optional<DeviceRow>{};
  auto r = readDevice(**st);
  (*st)->reset();
  if (!r) return r.error();
  return std::optional<DeviceRow>{std::move(*r)};
}

Result<std::vector<DeviceRow>> SqliteHubStore::devices() {
  auto st = db_.prepare(std::string("SELECT ") + kDeviceColumns + " FROM device ORDER BY enrolled_at, id");
  if (!st) return st.error();
  std::vector<DeviceRow> out;
  for (;;) {
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) break;
    auto r = readDevice(*st);
    if (!r) return r.error();
    out.push_back(std::move(*r));
  }
  return out;
}

Status SqliteHubStore::insertDevice(const DeviceRow& r) {
  auto st =
      db_.prepare("INSERT INTO device(id, box_public, volunteers, workspace_id, enrolled_at) VALUES (?, ?, ?, ?, ?)");
  if (!st) return st.error();
  st->bind(1, std::span<const std::uint8_t>(r.id))
      .bind(2, std::span<const std::uint8_t>(r.boxPublic))
      .bind(3, r.volunteers)
      .bind(4, r.workspaceId)
      .bind(5, r.enrolledAt);
  return st->run();
}

Status SqliteHubStore::updateVolunteers(const DeviceKey& id, std::string_view volunteersJson) {
  auto st = db_.cached("UPDATE device SET volunteers = ? WHERE id = ?");
  if (!st) return st.error();
  (*st)->bind(1, volunteersJson).bind(2, std::span<const std::uint8_t>(id));
  return (*st)->run();
}

Status SqliteHubStore::revoke(const DeviceKey& id, std::string_view at, std::int64_t lastSeq) {
  auto st = db_.prepare("UPDATE device SET revoked_at = ?, last_seq_at_revoke = ? WHERE id = ? AND revoked_at IS NULL");
  if (!st) return st.error();
  st->bind(1, at).bind(2, lastSeq).bind(3, std::span<const std::uint8_t>(id));
  return st->run();
}

Status SqliteHubStore::setDeviceFormPack(const DeviceKey& id, int version) {
  auto st = db_.cached("UPDATE device SET form_pack = ? WHERE id = ?");
  if (!st) return st.error();
  (*st)->bind(1, static_cast<std::int64_t>(version)).bind(2, std::span<const std::uint8_t>(id));
  return (*st)->run();
}

Result<int> SqliteHubStore::maxDeviceFormPack() {
  auto st = db_.prepare("SELECT coalesce(max(form_pack), 0) FROM device");
  if (!st) return st.error();
  auto row = st->step();
  if (!row) return row.error();
  return static_cast<int>(st->columnInt(0));
}

Status SqliteHubStore::setRecoverySlot(const DeviceKey& id, std::span<const std::uint8_t> slot) {
  auto st = db_.cached("UPDATE device SET recovery_slot = ? WHERE id = ?");
  if (!st) return st.error();
  (*st)->bind(1, slot).bind(2, std::span<const std::uint8_t>(id));
  return (*st)->run();
}

// [SECTION] ledger and quarantine

Result<std::optional<LedgerRow>> SqliteHubStore::ledger(const DeviceKey& device, std::int64_t sequence) {
  auto st = db_.cached("SELECT file_hash, receipt, imported_at FROM ledger WHERE device = ? AND sequence = ?");
  if (!st) return st.error();
  (*st)->bind(1, std::span<const std::uint8_t>(device)).bind(2, sequence);
  auto row = (*st)->step();
  if (!row) return row.error();
  if (!*row) return std::optional<LedgerRow>{};
  LedgerRow r;
  bool ok = copyBlob((*st)->columnBlob(0), r.fileHash);
  auto receipt = (*st)->columnBlob(1);
  r.receipt.assign(reinterpret_cast<const char*>(receipt.data()), receipt.size());
  r.importedAt = (*st)->columnText(2);
  (*st)->reset();
  if (!ok) return damaged("ledger row");
  return std::optional<LedgerRow>{std::move(r)};
}

Result<std::int64_t> SqliteHubStore::maxSequence(const DeviceKey& device) {
  auto st = db_.cached("SELECT COALESCE(MAX(sequence), 0) FROM ledger WHERE device = ?");
  if (!st) return st.error();
  (*st)->bind(1, std::span<const std::uint8_t>(device));
  auto row = (*st)->step();
  if (!row) return row.error();
  std::int64_t v = *row ? (*st)->columnInt(0) : 0;
  (*st)->reset();
  return v;
}

Status SqliteHubStore::insertLedger(const DeviceKey& device, std::int64_t sequence,
                                    std::span<const std::uint8_t> batchId, std::span<const std::uint8_t> fileHash,
                                    std::string_view at, std::string_view receipt) {
  auto st = db_.cached(
      "INSERT INTO ledger(device, sequence, batch_id, file_hash, imported_at, receipt) VALUES (?, ?, ?, ?, ?, ?)");
  if (!st) return st.error();
  (*st)
      ->bind(1, std::span<const std::uint8_t>(device))
      .bind(2, sequence)
      .bind(3, batchId)
      .bind(4, fileHash)
      .bind(5, at)
      .bind(6, std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(receipt.data()), receipt.size()));
  return (*st)->run();
}

Status SqliteHubStore::insertQuarantine(const QuarantineRow& r) {
  auto st = db_.prepare(
      "INSERT OR IGNORE INTO quarantine(device, sequence, batch_id, file_hash, reason, file_name, received_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  if (!st) return st.error();
  st->bind(1, std::span<const std::uint8_t>(r.device))
      .bind(2, r.sequence)
      .bind(3, std::span<const std::uint8_t>(r.batchId))
      .bind(4, std::span<const std::uint8_t>(r.fileHash))
      .bind(5, r.reason)
      .bind(6, r.fileName)
      .bind(7, r.receivedAt);
  return st->run();
}

Result<std::vector<QuarantineRow>> SqliteHubStore::quarantined() {
  auto st = db_.prepare(
      "SELECT device, sequence, batch_id, file_hash, reason, file_name, received_at FROM quarantine ORDER BY seq");
  if (!st) return st.error();
  std::vector<QuarantineRow> out;
  for (;;) {
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) break;
    QuarantineRow r;
    if (!copyBlob(st->columnBlob(0), r.device) || !copyBlob(st->columnBlob(2), r.batchId) ||
        !copyBlob(st->columnBlob(3), r.fileHash))
      return damaged("quarantine row");
    r.sequence = st->columnInt(1);
    r.reason = st->columnText(4);
    r.fileName = st->columnText(5);
    r.receivedAt = st->columnText(6);
    out.push_back(std::move(r));
  }
  return out;
}

// [SECTION] records

Result<std::optional<StoredRecord>> SqliteHubStore::record(std::span<const std::uint8_t, 16> id) {
  auto st = hot(recordLookup_, "SELECT kind, device, revision FROM record WHERE id = ?");
  if (!st) return st.error();
  (*st)->bind(1, std::span<const std::uint8_t>(id));
  auto row = (*st)->step();
  if (!row) return row.error();
  if (!*row) return std::optional<StoredRecord>{};
  StoredRecord r;
  std::copy(id.begin(), id.end(), r.id.begin());
  r.kind = (*st)->columnText(0);
  bool ok = copyBlob((*st)->columnBlob(1), r.device);
  r.revision = (*st)->columnInt(2);
  (*st)->reset();
  if (!ok) return damaged("record row");
  return std::optional<StoredRecord>{std::move(r)};
}

namespace {

// The eight values of an insert into record, in its column order.
void bindRecord(store::Stmt& s, const StoredRecord& r) {
  s.bind(1, std::span<const std::uint8_t>(r.id)).bind(2, r.kind);
  if (r.procedure.empty())
    s.bindNull(3).bindNull(4);
  else
    s.bind(3, r.procedure).bind(4, r.formVersion);
  s.bind(5, std::span<const std::uint8_t>(r.device))
      .bind(6, r.revision)
      .bind(7, r.receivedAt)
      .bind(8, std::span<const std::uint8_t>(r.sealed));
}

constexpr const char* kInsertRecord =
    "INSERT INTO record(id, kind, procedure, form_version, device, revision, received_at, sealed) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) ";

}  // namespace

Status SqliteHubStore::upsertRecord(const StoredRecord& r) {
  static const std::string sql = std::string(kInsertRecord) +
                                 "DO UPDATE SET kind = excluded.kind, procedure = excluded.procedure, "
                                 "form_version = excluded.form_version, revision = excluded.revision, "
                                 "received_at = excluded.received_at, sealed = excluded.sealed";
  auto st = hot(recordUpsert_, sql);
  if (!st) return st.error();
  bindRecord(**st, r);
  return (*st)->run();
}

Result<bool> SqliteHubStore::insertNewRecord(const StoredRecord& r) {
  static const std::string sql = std::string(kInsertRecord) + "DO NOTHING";
  auto st = hot(recordInsert_, sql);
  if (!st) return st.error();
  bindRecord(**st, r);
  GOCUA_TRY((*st)->run());
  return db_.changes() == 1;
}

namespace {

// The record columns forEachRecord and recordWithBody share, read from one row of kRecordSelect.
constexpr const char* kRecordSelect =
    "SELECT r.id, r.kind, COALESCE(r.procedure, ''), COALESCE(r.form_version, 0), r.device, r.revision, "
    "r.received_at, v.status";

Result<StoredRecord> readRecordRow(store::Stmt& st, bool withBodies) {
  StoredRecord r;
  if (!copyBlob(st.columnBlob(0), r.id) || !copyBlob(st.columnBlob(4), r.device)) return damaged("record row");
  r.kind = st.columnText(1);
  r.procedure = st.columnText(2);
  r.formVersion = st.columnInt(3);
  r.revision = st.columnInt(5);
  r.receivedAt = st.columnText(6);
  if (!st.columnIsNull(7)) r.reviewStatus = st.columnText(7);
  if (withBodies) r.sealed = toBlob(st.columnBlob(8));
  return r;
}

}  // namespace

Status SqliteHubStore::forEachRecord(const std::optional<std::string>& procedure, bool withBodies,
                                     const std::function<Status(StoredRecord&)>& fn) {
  std::string sql = kRecordSelect;
  sql += withBodies ? ", r.sealed" : ", NULL";
  sql += " FROM record r LEFT JOIN review v ON v.record_id = r.id";
  if (procedure) sql += " WHERE r.procedure = ?";
  sql += " ORDER BY r.seq";
  auto st = db_.prepare(sql);
  if (!st) return st.error();
  if (procedure) st->bind(1, *procedure);
  for (;;) {
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) break;
    auto r = readRecordRow(*st, withBodies);
    if (!r) return r.error();
    GOCUA_TRY(fn(*r));
  }
  return {};
}

Result<std::optional<StoredRecord>> SqliteHubStore::recordWithBody(std::span<const std::uint8_t, 16> id) {
  auto st = db_.cached(std::string(kRecordSelect) +
                       ", r.sealed FROM record r LEFT JOIN review v ON v.record_id = r.id WHERE r.id = ?");
  if (!st) return st.error();
  (*st)->bind(1, std::span<const std::uint8_t>(id));
  auto row = (*st)->step();
  if (!row) return row.error();
  if (!*row) return std::optional<StoredRecord>{};
  auto r = readRecordRow(**st, true);
  (*st)->reset();
  if (!r) return r.error();
  return std::optional<StoredRecord>{std::move(*r)};
}

Result<std::int64_t> SqliteHubStore::recordCount() {
  auto st = db_.prepare("SELECT COUNT(*) FROM record");
  if (!st) return st.error();
  auto row = st->step();
  if (!row) return row.error();
  return *row ? st->columnInt(0) : 0;
}

// [SECTION] review

Status SqliteHubStore::setReview(const ReviewRow& r) {
  auto st = db_.prepare(
      "INSERT INTO review(record_id, revision, status, note, at, decision, device) VALUES (?1, ?2, ?3, ?4, ?5, "
      "max(?6, 1), (SELECT device FROM record WHERE id = ?1)) "
      "ON CONFLICT(record_id) DO UPDATE SET revision=excluded.revision, status=excluded.status, note=excluded.note, "
      "at=excluded.at, decision=max(excluded.decision, review.decision + 1), device=excluded.device");
  if (!st) return st.error();
  st->bind(1, std::span<const std::uint8_t>(r.recordId)).bind(2, r.revision).bind(3, r.status);
  if (r.note.empty())
    st->bindNull(4);
  else
    st->bind(4, std::span<const std::uint8_t>(r.note));
  st->bind(5, r.at).bind(6, r.decision);
  return st->run();
}

Result<std::vector<ReviewRow>> SqliteHubStore::reviewsForDevice(const DeviceKey& device) {
  auto st = db_.cached(
      "SELECT v.record_id, v.revision, v.status, v.note, v.at, v.decision FROM review v JOIN record r ON r.id = "
      "v.record_id WHERE v.device = ? ORDER BY r.seq");
  if (!st) return st.error();
  (*st)->bind(1, std::span<const std::uint8_t>(device));
  std::vector<ReviewRow> out;
  for (;;) {
    auto row = (*st)->step();
    if (!row) {
      (*st)->reset();
      return row.error();
    }
    if (!*row) break;
    ReviewRow r;
    if (!copyBlob((*st)->columnBlob(0), r.recordId)) {
      (*st)->reset();
      return damaged("review row");
    }
    r.revision = (*st)->columnInt(1);
    r.status = (*st)->columnText(2);
    if (!(*st)->columnIsNull(3)) r.note = toBlob((*st)->columnBlob(3));
    r.at = (*st)->columnText(4);
    r.decision = (*st)->columnInt(5);
    out.push_back(std::move(r));
  }
  (*st)->reset();
  return out;
}

// [SECTION] staff and audit

Result<std::vector<StaffRow>> SqliteHubStore::staff() {
  auto st = db_.prepare("SELECT name, keyslot, added_at, added_by FROM staff ORDER BY seq");
  if (!st) return st.error();
  std::vector<StaffRow> out;
  for (;;) {
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return out;
    out.push_back({st->columnText(0), toBlob(st->columnBlob(1)), st->columnText(2), st->columnText(3)});
  }
}

Status SqliteHubStore::insertStaff(const StaffRow& r) {
  auto st = db_.prepare("INSERT INTO staff(name, keyslot, added_at, added_by) VALUES (?, ?, ?, ?)");
  if (!st) return st.error();
  st->bind(1, r.name).bind(2, std::span<const std::uint8_t>(r.keyslot)).bind(3, r.addedAt).bind(4, r.addedBy);
  return st->run();
}

Status SqliteHubStore::removeStaff(std::string_view name) {
  auto st = db_.prepare("DELETE FROM staff WHERE name = ?");
  if (!st) return st.error();
  st->bind(1, name);
  return st->run();
}

Status SqliteHubStore::appendAudit(const AuditRow& r) {
  auto st = db_.prepare("INSERT INTO audit(at, staff, action, target) VALUES (?, ?, ?, ?)");
  if (!st) return st.error();
  st->bind(1, r.at).bind(2, r.staff).bind(3, r.action).bind(4, r.target);
  return st->run();
}

Result<std::vector<AuditRow>> SqliteHubStore::audit(std::string_view since) {
  return auditRows("SELECT at, staff, action, target FROM audit WHERE at >= ifnull(?, '') ORDER BY seq", since);
}

Result<std::vector<AuditRow>> SqliteHubStore::auditOf(std::string_view target) {
  return auditRows("SELECT at, staff, action, target FROM audit WHERE target = ? ORDER BY seq", target);
}

Result<std::vector<AuditRow>> SqliteHubStore::auditRows(const char* sql, std::string_view param) {
  auto st = db_.prepare(sql);
  if (!st) return st.error();
  st->bind(1, param);
  std::vector<AuditRow> out;
  for (;;) {
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return out;
    out.push_back({st->columnText(0), st->columnText(1), st->columnText(2), st->columnText(3)});
  }
}

}  // namespace gocua::hub::sqlite
