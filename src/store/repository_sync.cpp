// Repository: the SQL of syncing with the hub (schema v2). Only ids, revisions, states, reason
// codes and sealed blobs pass through here.
#include "store/repository.h"
#include "store/sync_state_sql.h"

namespace gocua::store {
namespace {
using detail::kSyncStateColumn;

// Unsynced: never sent, or sent and still waiting for the hub's receipt (purged stubs are synced).
constexpr const char* kOutgoing = "sync_state='unsynced'";
// The heads the record_sync index holds: every state but synced (schema v9).
constexpr const char* kUnacknowledged = "(sync_state='unsynced' OR sync_state='rejected')";

Bytes toBytes(std::span<const std::uint8_t> s) { return Bytes(s.begin(), s.end()); }

Repository::BatchRow batchFrom(const Stmt& s) {
  return Repository::BatchRow{s.columnInt(0), toBytes(s.columnBlob(1)), s.columnText(2),
                              s.columnInt(3), s.columnInt(4),           s.columnText(5)};
}

}  // namespace

Status Repository::forEachOutgoing(const std::function<Status(const OutgoingRecord&)>& visit) {
  // Row ids from the index first: filtering the table through the index and then sorting by seq
  // copied every sealed body into a temporary b-tree (half the read time of a 100,000-row export).
  auto st =
      db_->prepare(std::string("SELECT id, kind, revision, form_id, form_version, created_at, updated_at, sealed "
                               "FROM record JOIN record_body USING(seq) WHERE seq IN (SELECT seq FROM record WHERE ") +
                   kOutgoing + ") ORDER BY seq");
  if (!st) return st.error();
  for (;;) {
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return {};
    std::string kind = st->columnText(1), formId = st->columnText(3), created = st->columnText(5),
                updated = st->columnText(6);
    OutgoingRecord r{st->columnBlob(0), kind,    st->columnInt(2), std::nullopt,
                     std::nullopt,      created, updated,          st->columnBlob(7)};
    if (!st->columnIsNull(3)) r.formId = formId;
    if (!st->columnIsNull(4)) r.formVersion = st->columnInt(4);
    GOCUA_TRY(visit(r));
  }
}

Result<std::int64_t> Repository::countOutgoing() {
  // Purged stubs are always 'synced', so the state alone decides (no row has to be read).
  auto st = db_->prepare(std::string("SELECT count(*) FROM record WHERE ") + kOutgoing);
  if (!st) return st.error();
  auto row = st->step();
  if (!row) return row.error();
  return st->columnInt(0);
}

Status Repository::deferOutgoing(std::span<const std::uint8_t> id, std::int64_t nextSequence) {
  auto st = db_->prepare("UPDATE record SET out_sequence=?2 WHERE id=?1");
  if (!st) return st.error();
  return st->bind(1, id).bind(2, nextSequence).run();
}

Status Repository::insertBatch(const BatchRow& row) {
  auto st = db_->prepare(
      "INSERT INTO batch(sequence, batch_id, created_at, records, bytes, status) VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
  if (!st) return st.error();
  return st->bind(1, row.sequence)
      .bind(2, row.batchId)
      .bind(3, row.createdAt)
      .bind(4, row.records)
      .bind(5, row.bytes)
      .bind(6, row.status)
      .run();
}

Result<std::optional<Repository::BatchRow>> Repository::batch(std::int64_t sequence) {
  auto st = db_->prepare("SELECT sequence, batch_id, created_at, records, bytes, status FROM batch WHERE sequence=?1");
  if (!st) return st.error();
  st->bind(1, sequence);
  auto row = st->step();
  if (!row) return row.error();
  if (!*row) return std::optional<Repository::BatchRow>();
  return std::optional<Repository::BatchRow>(batchFrom(*st));
}

Result<std::optional<Repository::BatchRow>> Repository::batchById(std::span<const std::uint8_t> batchId) {
  auto st = db_->prepare("SELECT sequence, batch_id, created_at, records, bytes, status FROM batch WHERE batch_id=?1");
  if (!st) return st.error();
  st->bind(1, batchId);
  auto row = st->step();
  if (!row) return row.error();
  if (!*row) return std::optional<Repository::BatchRow>();
  return std::optional<Repository::BatchRow>(batchFrom(*st));
}

Status Repository::setBatchStatus(std::int64_t sequence, std::string_view status) {
  auto st = db_->prepare("UPDATE batch SET status=?2 WHERE sequence=?1");
  if (!st) return st.error();
  return st->bind(1, sequence).bind(2, status).run();
}

Result<bool> Repository::acknowledge(std::span<const std::uint8_t> id, std::int64_t revision,
                                     std::int64_t batchSequence, std::string_view state, std::string_view reason,
                                     std::string_view at) {
  static const std::string set =
      "UPDATE record SET sync_state=?3, synced_revision=CASE WHEN ?3='synced' THEN ?2 ELSE synced_revision END, "
      "synced_at=CASE WHEN ?3='synced' THEN ?5 ELSE synced_at END, reject_reason=NULLIF(?4, '')";
  static const std::string where =
      " WHERE id=?1 AND revision=?2 AND sync_state != ?3 AND purged_at IS NULL AND out_sequence <= ?6";
  static const std::string tagged = set + ", row_tag=" + kRowTagFunction + "(id, ?2, kind, ?3)" + where;
  static const std::string untagged = set + where;
  // The state is bound to the row's tag: written in the same statement when the tagger is there
  // as an SQL function (one row write per record of a 100,000-record receipt instead of two, and
  // no read back), else retagged after.
  auto st = db_->cached(rowTagFunction_ ? tagged : untagged);
  if (!st) return st.error();
  GOCUA_TRY(
      (*st)->bind(1, id).bind(2, revision).bind(3, state).bind(4, reason).bind(5, at).bind(6, batchSequence).run());
  if (db_->changes() != 1) return false;
  if (!rowTagFunction_) GOCUA_TRY(retag(id));
  return true;
}

Result<bool> Repository::setReview(std::span<const std::uint8_t> id, std::string_view status,
                                   std::span<const std::uint8_t> note, std::string_view at, std::int64_t decision) {
  auto st = db_->cached(
      "UPDATE record SET review_status=?2, review_note=?3, review_at=?4, review_decision=?5 "
      "WHERE id=?1 AND (review_decision IS NULL OR review_decision < ?5)");
  if (!st) return st.error();
  (*st)->bind(1, id).bind(2, status);
  if (note.empty())
    (*st)->bindNull(3);
  else
    (*st)->bind(3, note);
  GOCUA_TRY((*st)->bind(4, at).bind(5, decision).run());
  return db_->changes() == 1;
}

Result<std::map<std::string, std::int64_t>> Repository::countBySyncState() {
  // The heads still waiting for the hub from the index that holds only them (schema v9); the
  // synced ones are the rest of the table, counted from its smallest index.
  auto st = db_->prepare(std::string("SELECT ") + kSyncStateColumn + ", count(*) FROM record WHERE " + kUnacknowledged +
                         " GROUP BY 1");
  if (!st) return st.error();
  std::map<std::string, std::int64_t> out;
  std::int64_t waiting = 0;
  for (;;) {
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) break;
    out[st->columnText(0)] = st->columnInt(1);
    waiting += st->columnInt(1);
  }
  auto total = db_->prepare("SELECT count(*) FROM record");
  if (!total) return total.error();
  auto row = total->step();
  if (!row) return row.error();
  if (const std::int64_t synced = total->columnInt(0) - waiting; synced > 0) out["synced"] = synced;
  return out;
}

Result<std::vector<Repository::ReviewRow>> Repository::recordsWithReview(std::string_view status) {
  auto st = db_->prepare("SELECT id, kind, review_note, review_at FROM record WHERE review_status=?1 ORDER BY seq");
  if (!st) return st.error();
  st->bind(1, status);
  std::vector<ReviewRow> out;
  for (;;) {
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return out;
    out.push_back({toBytes(st->columnBlob(0)), st->columnText(1), toBytes(st->columnBlob(2)), st->columnText(3)});
  }
}

Result<std::int64_t> Repository::purgeSynced(std::string_view before, std::string_view now) {
  // Only the head revision the hub acknowledged, and never a record still under review with
  // documents missing: the volunteer needs its contents to go back to the resident.
  constexpr const char* kDue =
      "sync_state='synced' AND synced_revision=revision AND synced_at < ?1 AND purged_at IS NULL "
      "AND coalesce(review_status, '') NOT IN ('needs_documents', 'returned')";
  // Through record_purge (schema v7): only rows synced before the cut are read.
  for (const char* sql :
       {"DELETE FROM record_history WHERE id IN (SELECT id FROM record INDEXED BY record_purge WHERE %)",
        "DELETE FROM id_index WHERE record_id IN (SELECT id FROM record INDEXED BY record_purge WHERE %)",
        // The bodies before the heads, while the heads still match.
        "UPDATE record_body SET sealed=x'' WHERE seq IN (SELECT seq FROM record INDEXED BY record_purge WHERE %)"}) {
    std::string text(sql);
    text.replace(text.find('%'), 1, kDue);
    auto st = db_->prepare(text);
    if (!st) return st.error();
    GOCUA_TRY(st->bind(1, before).run());
  }
  auto st = db_->prepare(std::string("UPDATE record INDEXED BY record_purge SET purged_at=?2 WHERE ") + kDue);
  if (!st) return st.error();
  GOCUA_TRY(st->bind(1, before).bind(2, now).run());
  return static_cast<std::int64_t>(db_->changes());
}

}  // namespace gocua::store
