// SQL for the workspace repository; see repository.h. Hot statements use Db::cached.
#include "store/repository.h"

#include "store/errors.h"
#include "store/sync_state_sql.h"

namespace gocua::store {
namespace {

Bytes toBytes(std::span<const std::uint8_t> s) { return Bytes(s.begin(), s.end()); }

KeyslotRow readKeyslot(const Stmt& st) {
  KeyslotRow r;
  r.volunteer = st.columnText(0);
  r.opslimit = st.columnInt(1);
  r.memlimit = st.columnInt(2);
  r.salt = toBytes(st.columnBlob(3));
  r.nonce = toBytes(st.columnBlob(4));
  r.wrapped = toBytes(st.columnBlob(5));
  r.createdAt = st.columnText(6);
  return r;
}

// Parameters ?1..?6 of both keyslot writes: who, the Argon2id parameters and the wrapped key.
Stmt& bindKeyslot(Stmt& st, const KeyslotRow& r) {
  return st.bind(1, r.volunteer)
      .bind(2, r.opslimit)
      .bind(3, r.memlimit)
      .bind(4, r.salt)
      .bind(5, r.nonce)
      .bind(6, r.wrapped);
}

// The row's tag from the session's tagger, or NULL while none is set.
void bindTag(Stmt& s, int index, const RecordRow& r, const RowTagger& tagger) {
  if (!tagger) {
    s.bindNull(index);
    return;
  }
  s.bind(index, tagger(RowFacts{r.id, r.revision, r.kind, r.syncState}));
}

constexpr const char* kKeyslotColumns =
    "SELECT volunteer, opslimit, memlimit, salt, nonce, wrapped, created_at FROM keyslot ";

}  // namespace

// [SECTION] meta

Result<std::optional<std::string>> Repository::meta(std::string_view key) {
  auto st = db_->cached("SELECT value FROM meta WHERE key=?1");
  if (!st) return st.error();
  (*st)->bind(1, key);
  auto row = (*st)->step();
  if (!row) return row.error();
  std::optional<std::string> out;
  if (*row) out = (*st)->columnText(0);
  (*st)->reset();
  return out;
}

Status Repository::setMeta(std::string_view key, std::string_view value) {
  auto st =
      db_->cached("INSERT INTO meta(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value=excluded.value");
  if (!st) return st.error();
  return (*st)->bind(1, key).bind(2, value).run();
}

Result<std::vector<std::pair<std::string, std::string>>> Repository::allMeta() {
  auto st = db_->prepare("SELECT key, value FROM meta ORDER BY key");
  if (!st) return st.error();
  std::vector<std::pair<std::string, std::string>> out;
  for (;;) {
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return out;
    out.emplace_back(st->columnText(0), st->columnText(1));
  }
}

// [SECTION] keyslots

Result<std::vector<KeyslotRow>> Repository::keyslots() {
  auto st = db_->prepare(std::string(kKeyslotColumns) + "ORDER BY position");
  if (!st) return st.error();
  std::vector<KeyslotRow> out;
  for (;;) {
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) break;
    out.push_back(readKeyslot(*st));
  }
  return out;
}

Result<std::optional<KeyslotRow>> Repository::keyslot(std::string_view volunteer) {
  auto st = db_->prepare(std::string(kKeyslotColumns) + "WHERE volunteer=?1");
  if (!st) return st.error();
  st->bind(1, volunteer);
  auto row = st->step();
  if (!row) return row.error();
  if (!*row) return std::optional<KeyslotRow>();
  return std::optional<KeyslotRow>(readKeyslot(*st));
}

Status Repository::insertKeyslot(const KeyslotRow& r) {
  auto st = db_->prepare(
      "INSERT INTO keyslot(volunteer, opslimit, memlimit, salt, nonce, wrapped, created_at, position) "
      "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, (SELECT coalesce(max(position), 0) + 1 FROM keyslot))");
  if (!st) return st.error();
  return bindKeyslot(*st, r).bind(7, r.createdAt).run();
}

Status Repository::replaceKeyslot(const KeyslotRow& r) {
  auto st =
      db_->prepare("UPDATE keyslot SET opslimit=?2, memlimit=?3, salt=?4, nonce=?5, wrapped=?6 WHERE volunteer=?1");
  if (!st) return st.error();
  return bindKeyslot(*st, r).run();
}

Status Repository::deleteKeyslot(std::string_view volunteer) {
  auto st = db_->prepare("DELETE FROM keyslot WHERE volunteer=?1");
  if (!st) return st.error();
  return st->bind(1, volunteer).run();
}

// [SECTION] records

Status Repository::insertRecord(const RecordRow& r) {
  static const std::string kSql =
      std::string(
          "INSERT INTO record(id, kind, revision, rev_hash, parent_hash, form_id, form_version, sync_state, "
          "created_at, updated_at, row_tag, out_sequence) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?12, ") +
      detail::kNextSequenceValue + ")";
  auto st = db_->cached(kSql);
  if (!st) return st.error();
  Stmt& s = **st;
  s.bind(1, r.id).bind(2, r.kind).bind(3, r.revision).bind(4, r.revHash).bind(5, r.parentHash);
  if (r.formId)
    s.bind(6, *r.formId);
  else
    s.bindNull(6);
  if (r.formVersion)
    s.bind(7, *r.formVersion);
  else
    s.bindNull(7);
  bindTag(s, 12, r, tagger_);
  GOCUA_TRY(s.bind(8, r.syncState).bind(9, r.createdAt).bind(10, r.updatedAt).run());
  // The body in its own table (schema v8), under the seq the head was just given.
  auto body = db_->cached("INSERT INTO record_body(seq, sealed) VALUES(last_insert_rowid(), ?1)");
  if (!body) return body.error();
  return (*body)->bind(1, r.sealed).run();
}

Status Repository::updateRecord(const RecordRow& r, std::int64_t expectedRevision) {
  auto keep = db_->cached(
      "INSERT INTO record_history(id, revision, rev_hash, parent_hash, created_at, sealed) "
      "SELECT id, revision, rev_hash, parent_hash, updated_at, sealed FROM record JOIN record_body USING(seq) "
      "WHERE id=?1 AND revision=?2");
  if (!keep) return keep.error();
  GOCUA_TRY((*keep)->bind(1, r.id).bind(2, expectedRevision).run());
  if (db_->changes() != 1) return Error::make(err::kRecordConflict);
  static const std::string kSql =
      std::string(
          "UPDATE record SET revision=?2, rev_hash=?3, parent_hash=?4, form_id=?5, form_version=?6, "
          "sync_state=?7, updated_at=?8, row_tag=?11, out_sequence=") +
      detail::kNextSequenceValue + " WHERE id=?1 AND revision=?10";
  auto st = db_->cached(kSql);
  if (!st) return st.error();
  Stmt& s = **st;
  s.bind(1, r.id).bind(2, r.revision).bind(3, r.revHash).bind(4, r.parentHash);
  if (r.formId)
    s.bind(5, *r.formId);
  else
    s.bindNull(5);
  if (r.formVersion)
    s.bind(6, *r.formVersion);
  else
    s.bindNull(6);
  bindTag(s, 11, r, tagger_);
  GOCUA_TRY(s.bind(7, r.syncState).bind(8, r.updatedAt).bind(10, expectedRevision).run());
  if (db_->changes() != 1) return Error::make(err::kRecordConflict);
  auto body = db_->cached("UPDATE record_body SET sealed=?2 WHERE seq=(SELECT seq FROM record WHERE id=?1)");
  if (!body) return body.error();
  GOCUA_TRY((*body)->bind(1, r.id).bind(2, r.sealed).run());
  if (db_->changes() != 1) return Error::make(err::kRecordConflict);
  return {};
}

Result<std::optional<RecordRow>> Repository::record(std::span<const std::uint8_t> id) {
  static const std::string kSql =
      std::string("SELECT id, kind, revision, rev_hash, parent_hash, form_id, form_version, ") +
      detail::kSyncStateColumn + ", created_at, updated_at, sealed FROM record JOIN record_body USING(seq) WHERE id=?1";
  auto st = db_->cached(kSql);
  if (!st) return st.error();
  Stmt& s = **st;
  s.bind(1, id);
  auto row = s.step();
  if (!row) return row.error();
  if (!*row) return std::optional<RecordRow>();
  RecordRow r;
  r.id = toBytes(s.columnBlob(0));
  r.kind = s.columnText(1);
  r.revision = s.columnInt(2);
  r.revHash = toBytes(s.columnBlob(3));
  r.parentHash = toBytes(s.columnBlob(4));
  if (!s.columnIsNull(5)) r.formId = s.columnText(5);
  if (!s.columnIsNull(6)) r.formVersion = s.columnInt(6);
  r.syncState = s.columnText(7);
  r.createdAt = s.columnText(8);
  r.updatedAt = s.columnText(9);
  r.sealed = toBytes(s.columnBlob(10));
  s.reset();
  return std::optional<RecordRow>(std::move(r));
}

Status Repository::forEachRecord(std::string_view kind, const std::function<void(const RecordView&)>& visit) {
  auto st = db_->prepare(kind.empty() ? "SELECT id, kind, revision, sealed, sync_state, row_tag FROM record "
                                        "JOIN record_body USING(seq) WHERE purged_at IS NULL ORDER BY seq"
                                      : "SELECT id, kind, revision, sealed, sync_state, row_tag FROM record "
                                        "JOIN record_body USING(seq) WHERE kind=?1 AND purged_at IS NULL ORDER BY seq");
  if (!st) return st.error();
  if (!kind.empty()) st->bind(1, kind);
  for (;;) {
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) break;
    std::string kindText = st->columnText(1), state = st->columnText(4);
    visit(RecordView{st->columnBlob(0), kindText, st->columnInt(2), st->columnBlob(3), state, st->columnBlob(5)});
  }
  return {};
}

Result<std::int64_t> Repository::countRecords(std::string_view kind) {
  auto st = db_->prepare("SELECT count(*) FROM record WHERE ?1 = '' OR kind = ?1");
  if (!st) return st.error();
  st->bind(1, kind);
  auto row = st->step();
  if (!row) return row.error();
  return st->columnInt(0);
}

Result<std::vector<Bytes>> Repository::historyRevisions(std::span<const std::uint8_t> id) {
  auto st = db_->prepare("SELECT rev_hash FROM record_history WHERE id=?1 ORDER BY revision");
  if (!st) return st.error();
  st->bind(1, id);
  std::vector<Bytes> out;
  for (;;) {
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) break;
    out.push_back(toBytes(st->columnBlob(0)));
  }
  return out;
}

Status Repository::forEachRowTag(const std::function<Status(const RowFacts&, std::span<const std::uint8_t> tag)>& visit,
                                 bool purgedOnly) {
  auto st = db_->prepare(purgedOnly ? "SELECT id, revision, kind, sync_state, row_tag FROM record INDEXED BY "
                                      "record_purged WHERE purged_at IS NOT NULL ORDER BY seq"
                                    : "SELECT id, revision, kind, sync_state, row_tag FROM record ORDER BY seq");
  if (!st) return st.error();
  for (;;) {
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return {};
    std::string kind = st->columnText(2), state = st->columnText(3);
    GOCUA_TRY(visit(RowFacts{st->columnBlob(0), st->columnInt(1), kind, state}, st->columnBlob(4)));
  }
}

Status Repository::forEachRowFingerprint(
    const std::function<void(std::int64_t, const RowFacts&, std::span<const std::uint8_t>,
                             std::span<const std::uint8_t>)>& visit) {
  auto st = db_->prepare(
      "SELECT seq, id, revision, kind, sync_state, row_tag, sealed FROM record JOIN record_body USING(seq) "
      "WHERE purged_at IS NULL ORDER BY seq");
  if (!st) return st.error();
  return db_->withSmallCache([&]() -> Status {
    for (;;) {
      auto row = st->step();
      if (!row) return row.error();
      if (!*row) return {};
      std::string kind = st->columnText(3), state = st->columnText(4);
      visit(st->columnInt(0), RowFacts{st->columnBlob(1), st->columnInt(2), kind, state}, st->columnBlob(5),
            st->columnBlob(6));
    }
  });
}

Status Repository::setRowTag(std::span<const std::uint8_t> id, std::span<const std::uint8_t> tag) {
  auto st = db_->cached("UPDATE record SET row_tag=?2 WHERE id=?1");
  if (!st) return st.error();
  return (*st)->bind(1, id).bind(2, tag).run();
}

void Repository::setRowTagger(RowTagger tagger) {
  tagger_ = std::move(tagger);
  rowTagFunction_ = false;
  if (!tagger_) {
    (void)db_->defineFunction(kRowTagFunction, {});
    return;
  }
  // A copy, not this: SQLite keeps the function for the connection's life.
  rowTagFunction_ = db_->defineFunction(kRowTagFunction,
                                        [tagger = tagger_](std::span<const std::uint8_t> id, std::int64_t revision,
                                                           std::string_view kind, std::string_view state) {
                                          return std::optional<Bytes>(tagger(RowFacts{id, revision, kind, state}));
                                        })
                        .ok();
}

Status Repository::retag(std::span<const std::uint8_t> id) {
  if (!tagger_) return {};
  auto st = db_->cached("SELECT revision, kind, sync_state FROM record WHERE id=?1");
  if (!st) return st.error();
  (*st)->bind(1, id);
  auto row = (*st)->step();
  if (!row) return row.error();
  if (!*row) return {};
  std::int64_t revision = (*st)->columnInt(0);
  std::string kind = (*st)->columnText(1), state = (*st)->columnText(2);
  (*st)->reset();
  auto tag = tagger_(RowFacts{id, revision, kind, state});
  return setRowTag(id, tag);
}

// [SECTION] personal-ID index

Result<std::optional<Bytes>> Repository::recordForIdHash(std::span<const std::uint8_t> hash) {
  auto st = db_->cached("SELECT record_id FROM id_index WHERE id_hash=?1");
  if (!st) return st.error();
  (*st)->bind(1, hash);
  auto row = (*st)->step();
  if (!row) return row.error();
  std::optional<Bytes> out;
  if (*row) out = toBytes((*st)->columnBlob(0));
  (*st)->reset();
  return out;
}

Status Repository::insertIdHash(std::span<const std::uint8_t> hash, std::span<const std::uint8_t> recordId) {
  auto st = db_->cached("INSERT INTO id_index(id_hash, record_id) VALUES(?1, ?2)");
  if (!st) return st.error();
  return (*st)->bind(1, hash).bind(2, recordId).run();
}

Status Repository::deleteIdHash(std::span<const std::uint8_t> hash) {
  auto st = db_->cached("DELETE FROM id_index WHERE id_hash=?1");
  if (!st) return st.error();
  return (*st)->bind(1, hash).run();
}

// [SECTION] audit

Status Repository::audit(std::string_view at, std::string_view volunteer, std::string_view action,
                         std::span<const std::uint8_t> recordId, std::string_view kind) {
  auto st = db_->cached("INSERT INTO audit(at, volunteer, action, record_id, kind) VALUES(?1, ?2, ?3, ?4, ?5)");
  if (!st) return st.error();
  Stmt& s = **st;
  s.bind(1, at).bind(2, volunteer).bind(3, action);
  if (recordId.empty())
    s.bindNull(4);
  else
    s.bind(4, recordId);
  if (kind.empty())
    s.bindNull(5);
  else
    s.bind(5, kind);
  return s.run();
}

Result<std::vector<Repository::AuditRow>> Repository::auditLog() {
  auto st = db_->prepare("SELECT seq, at, volunteer, action, coalesce(kind, ''), record_id FROM audit ORDER BY seq");
  if (!st) return st.error();
  std::vector<AuditRow> out;
  for (;;) {
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) break;
    out.push_back({st->columnInt(0), st->columnText(1), st->columnText(2), st->columnText(3), st->columnText(4),
                   toBytes(st->columnBlob(5))});
  }
  return out;
}

}  // namespace gocua::store
