// Every SQL statement of a workspace, behind one class. Callers see rows of public metadata and
// sealed bodies; nothing here ever sees plaintext resident data.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/db.h"

namespace gocua::store {

using Bytes = std::vector<std::uint8_t>;

struct KeyslotRow {
  std::string volunteer;
  std::int64_t opslimit = 0;
  std::int64_t memlimit = 0;
  Bytes salt, nonce, wrapped;
  std::string createdAt;
};

struct RecordRow {
  Bytes id;  // 16 bytes
  std::string kind;
  std::int64_t revision = 1;
  Bytes revHash, parentHash;
  std::optional<std::string> formId;
  std::optional<std::int64_t> formVersion;
  // Written as given ("unsynced" for every local write). Read back as the state a person sees:
  // unsynced, sent (a batch has carried this head), synced or rejected.
  std::string syncState = "unsynced";
  std::string createdAt, updatedAt;
  Bytes sealed;
};

// A row as SQLite hands it out during a scan: spans valid only inside the callback.
struct RecordView {
  std::span<const std::uint8_t> id;
  std::string_view kind;
  std::int64_t revision;
  std::span<const std::uint8_t> sealed;
  std::string_view syncState;            // as stored (unsynced, synced, rejected)
  std::span<const std::uint8_t> rowTag;  // empty when the row has none
};

// The fields of a row that its row_tag binds (schema v6), and the tag a caller with the data key
// makes of them. The store has no key: the unlocked session hands it a tagger.
struct RowFacts {
  std::span<const std::uint8_t> id;
  std::int64_t revision;
  std::string_view kind, syncState;
};
using RowTagger = std::function<Bytes(const RowFacts&)>;

class Repository {
 public:
  explicit Repository(Db& db) : db_(&db) {}

  // While set, every record write (insert, update, acknowledge) stores tagger's tag of the row in
  // the same statement or transaction; unset (locked), rows are written without one.
  void setRowTagger(RowTagger tagger);

  // [SECTION] meta: small key/value facts about the workspace (id, training flag, created).
  Result<std::optional<std::string>> meta(std::string_view key);
  Status setMeta(std::string_view key, std::string_view value);
  // Every meta row (key, value), for checks that look at all of them (verify).
  Result<std::vector<std::pair<std::string, std::string>>> allMeta();

  // [SECTION] keyslots, in the order volunteers were added (the first is the default).
  Result<std::vector<KeyslotRow>> keyslots();
  Result<std::optional<KeyslotRow>> keyslot(std::string_view volunteer);
  Status insertKeyslot(const KeyslotRow& row);  // "store.constraint" if the name exists
  Status replaceKeyslot(const KeyslotRow& row);
  Status deleteKeyslot(std::string_view volunteer);

  // [SECTION] records
  Status insertRecord(const RecordRow& row);
  // Moves the current head into record_history and writes newHead, only if the head is still at
  // expectedRevision. Error "record.conflict" otherwise (someone else edited it meanwhile).
  Status updateRecord(const RecordRow& newHead, std::int64_t expectedRevision);
  Result<std::optional<RecordRow>> record(std::span<const std::uint8_t> id);
  // Visits every record (of one kind, or all when kind is empty) in storage order.
  Status forEachRecord(std::string_view kind, const std::function<void(const RecordView&)>& visit);
  Result<std::int64_t> countRecords(std::string_view kind);
  Result<std::vector<Bytes>> historyRevisions(std::span<const std::uint8_t> id);
  // Every row (purged stubs too) with the fields its tag binds, for checking and for tagging rows
  // older than schema v6; purgedOnly: the purged stubs alone (through an index of them, schema
  // v7). Stops at the first error visit returns.
  Status forEachRowTag(const std::function<Status(const RowFacts&, std::span<const std::uint8_t> tag)>& visit,
                       bool purgedOnly = false);
  Status setRowTag(std::span<const std::uint8_t> id, std::span<const std::uint8_t> tag);
  // Each row an unlock loads (not purged), in seq order: its seq, facts, row_tag and sealed body.
  // What the sealed index copy is checked against (workspace/index_snapshot.h). One pass with a
  // small page cache (Db::withSmallCache).
  Status forEachRowFingerprint(
      const std::function<void(std::int64_t seq, const RowFacts&, std::span<const std::uint8_t> rowTag,
                               std::span<const std::uint8_t> sealed)>& visit);

  // [SECTION] personal-ID duplicate index (keyed hashes only)
  Result<std::optional<Bytes>> recordForIdHash(std::span<const std::uint8_t> hash);
  Status insertIdHash(std::span<const std::uint8_t> hash, std::span<const std::uint8_t> recordId);
  Status deleteIdHash(std::span<const std::uint8_t> hash);

  // [SECTION] sync with the hub (schema v2; repository_sync.cpp)
  struct OutgoingRecord {
    std::span<const std::uint8_t> id;
    std::string_view kind;
    std::int64_t revision;
    std::optional<std::string_view> formId;
    std::optional<std::int64_t> formVersion;
    std::string_view createdAt, updatedAt;
    std::span<const std::uint8_t> sealed;
  };
  // What the next batch carries: heads never sent, or sent and not yet acknowledged (a batch may
  // be lost on the way); purged stubs never. Stops at the first error visit returns.
  Status forEachOutgoing(const std::function<Status(const OutgoingRecord&)>& visit);
  // How many heads forEachOutgoing would visit (from the sync_state index alone).
  Result<std::int64_t> countOutgoing();
  // An export marks nothing: inserting its batch row makes every head written before it "sent".
  // A head the export had to leave out (damaged) moves on to batch `nextSequence` instead.
  Status deferOutgoing(std::span<const std::uint8_t> id, std::int64_t nextSequence);
  struct BatchRow {
    std::int64_t sequence = 0;
    Bytes batchId;
    std::string createdAt;
    std::int64_t records = 0, bytes = 0;
    std::string status = "sent";
  };
  Status insertBatch(const BatchRow& row);
  Result<std::optional<BatchRow>> batch(std::int64_t sequence);
  Result<std::optional<BatchRow>> batchById(std::span<const std::uint8_t> batchId);
  Status setBatchStatus(std::int64_t sequence, std::string_view status);
  // The hub's verdict applies only while the head is still at `revision` (an edit made after
  // export must travel again) and only if batch `batchSequence` carried that head (it was written
  // before that batch: out_sequence <= batchSequence). state is "synced", "rejected" or
  // "unsynced". Returns whether the row changed (false for a verdict already applied or a head
  // that batch never carried).
  Result<bool> acknowledge(std::span<const std::uint8_t> id, std::int64_t revision, std::int64_t batchSequence,
                           std::string_view state, std::string_view reason, std::string_view at);
  // A review decision from the hub; note is sealed to this device (may be empty). Applied only
  // when `decision` is above the one the record holds (none yet: any): a replayed older receipt
  // changes nothing. Returns whether the row changed.
  Result<bool> setReview(std::span<const std::uint8_t> id, std::string_view status, std::span<const std::uint8_t> note,
                         std::string_view at, std::int64_t decision);
  Result<std::map<std::string, std::int64_t>> countBySyncState();
  struct ReviewRow {
    Bytes id;
    std::string kind;
    Bytes note;
    std::string at;
  };
  Result<std::vector<ReviewRow>> recordsWithReview(std::string_view status);
  // Retention: synced heads acknowledged before `before` lose their body and history; the row
  // stays as a stub (id, kind, state). Returns how many were purged.
  Result<std::int64_t> purgeSynced(std::string_view before, std::string_view now);

  // [SECTION] audit log
  Status audit(std::string_view at, std::string_view volunteer, std::string_view action,
               std::span<const std::uint8_t> recordId = {}, std::string_view kind = {});
  struct AuditRow {
    std::int64_t seq;
    std::string at, volunteer, action, kind;
    Bytes recordId;
  };
  Result<std::vector<AuditRow>> auditLog();

  // [SECTION] autosaved drafts (schema v3; repository_autosave.cpp): one sealed blob per slot.
  struct AutosaveRow {
    std::string updatedAt;
    Bytes sealed;
  };
  Status putAutosave(std::string_view slot, std::string_view updatedAt, std::span<const std::uint8_t> sealed);
  Result<std::optional<AutosaveRow>> autosave(std::string_view slot);
  Status deleteAutosave(std::string_view slot);  // no row is not an error

  // [SECTION] training workspaces (repository_training.cpp).
  // Deletes every record, its history, id index, audit lines, batches and drafts; keyslots and
  // meta stay. Call inside the caller's transaction; training workspaces only (Session checks).
  Status clearPracticeData();

 private:
  // Writes tagger_'s tag for the row now stored under id (after a change of its sync state).
  Status retag(std::span<const std::uint8_t> id);

  static constexpr const char* kRowTagFunction = "gocua_row_tag";
  Db* db_;
  RowTagger tagger_;
  // The tagger as the SQL function gocua_row_tag(id, revision, kind, state), so an acknowledge
  // writes state and tag in one statement; false while no tagger is set (or SQLite refused it).
  bool rowTagFunction_ = false;
};

}  // namespace gocua::store
