#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "store/db.h"
#include "store/migrations.h"
#include "store/repository.h"

using namespace gocua;
using namespace gocua::store;
namespace fs = std::filesystem;

namespace {
fs::path tempDir() {
  std::random_device rd;
  auto dir = fs::temp_directory_path() / ("gocua-store-" + std::to_string(rd()));
  fs::create_directories(dir);
  return dir;
}

RecordRow sampleRow(std::uint8_t tag) {
  RecordRow r;
  r.id = Bytes(16, tag);
  r.kind = "resident";
  r.revHash = Bytes(32, 1);
  r.createdAt = r.updatedAt = "2026-11-23T10:00:00Z";
  r.sealed = {9, 9, 9};
  return r;
}
}  // namespace

TEST_CASE("migrate creates the latest schema and is idempotent") {
  auto dir = tempDir();
  auto db = Db::open(dir / "w.db", true);
  REQUIRE(db.ok());
  REQUIRE(migrate(*db).ok());
  CHECK(db->userVersion() == latestSchemaVersion());
  CHECK(latestSchemaVersion() >= 1);
  REQUIRE(migrate(*db).ok());
  fs::remove_all(dir);
}

TEST_CASE("a database newer than this build is refused, not downgraded") {
  auto db = Db::open(":memory:", true);
  REQUIRE(db.ok());
  REQUIRE(db->setUserVersion(latestSchemaVersion() + 1).ok());
  auto st = migrate(*db);
  REQUIRE(!st.ok());
  CHECK(st.error().code == "store.schema_too_new");
}

TEST_CASE("opening a file that is not a database is a clear error") {
  auto dir = tempDir();
  std::ofstream(dir / "junk.db") << "this is not sqlite, just text that is long enough to look like a header....";
  auto db = Db::open(dir / "junk.db", false);
  REQUIRE(!db.ok());
  CHECK(db.error().code == "store.corrupt");
  auto missing = Db::open(dir / "missing.db", false);
  REQUIRE(!missing.ok());
  CHECK(missing.error().code == "store.not_found");
  fs::remove_all(dir);
}

TEST_CASE("records: insert, read, update keeps history, stale update is a conflict") {
  auto db = Db::open(":memory:", true);
  REQUIRE(db.ok());
  REQUIRE(migrate(*db).ok());
  Repository repo(*db);
  auto row = sampleRow(7);
  REQUIRE(repo.insertRecord(row).ok());
  auto dup = repo.insertRecord(row);
  REQUIRE(!dup.ok());
  CHECK(dup.error().code == "store.constraint");

  auto next = row;
  next.revision = 2;
  next.parentHash = row.revHash;
  next.revHash = Bytes(32, 2);
  next.sealed = {8, 8};
  REQUIRE(repo.updateRecord(next, 1).ok());
  auto got = repo.record(row.id);
  REQUIRE(got.ok());
  REQUIRE(got->has_value());
  CHECK((*got)->revision == 2);
  CHECK((*got)->sealed == Bytes{8, 8});
  auto history = repo.historyRevisions(row.id);
  REQUIRE(history.ok());
  REQUIRE(history->size() == 1);
  CHECK((*history)[0] == row.revHash);

  auto stale = repo.updateRecord(next, 1);  // head is at 2 now
  REQUIRE(!stale.ok());
  CHECK(stale.error().code == "record.conflict");
  CHECK(repo.record(row.id)->value().revision == 2);
}

TEST_CASE("a failed transaction rolls back") {
  auto db = Db::open(":memory:", true);
  REQUIRE(db.ok());
  REQUIRE(migrate(*db).ok());
  Repository repo(*db);
  {
    auto txn = Txn::begin(*db);
    REQUIRE(txn.ok());
    REQUIRE(repo.insertRecord(sampleRow(1)).ok());
  }  // no commit
  CHECK(*repo.countRecords("") == 0);
  {
    auto txn = Txn::begin(*db);
    REQUIRE(repo.insertRecord(sampleRow(1)).ok());
    REQUIRE(txn->commit().ok());
  }
  CHECK(*repo.countRecords("resident") == 1);
  CHECK(*repo.countRecords("household") == 0);
}

TEST_CASE("keyslots keep the order volunteers were added; meta and audit round-trip") {
  auto db = Db::open(":memory:", true);
  REQUIRE(db.ok());
  REQUIRE(migrate(*db).ok());
  Repository repo(*db);
  for (auto name : {"Lan", "Minh", "An"}) {
    KeyslotRow k;
    k.volunteer = name;
    k.salt = k.nonce = k.wrapped = Bytes(4, 1);
    k.createdAt = "x";
    REQUIRE(repo.insertKeyslot(k).ok());
  }
  auto slots = repo.keyslots();
  REQUIRE(slots.ok());
  REQUIRE(slots->size() == 3);
  CHECK((*slots)[0].volunteer == "Lan");
  CHECK((*slots)[2].volunteer == "An");
  REQUIRE(repo.deleteKeyslot("Minh").ok());
  CHECK(repo.keyslots()->size() == 2);
  CHECK(!repo.keyslot("Minh")->has_value());

  REQUIRE(repo.setMeta("training", "1").ok());
  REQUIRE(repo.setMeta("training", "0").ok());
  CHECK(repo.meta("training")->value() == "0");
  CHECK(!repo.meta("nope")->has_value());

  REQUIRE(repo.audit("t", "Lan", "create", Bytes(16, 3), "resident").ok());
  auto log = repo.auditLog();
  REQUIRE(log->size() == 1);
  CHECK((*log)[0].action == "create");
  CHECK((*log)[0].recordId == Bytes(16, 3));
}

namespace gocua {
extern const EmbeddedFile gocua_schema[];
extern const std::size_t gocua_schema_count;
}  // namespace gocua

// Brings db to the given schema version only, as an older build left it.
void migrateUpTo(Db& db, int version) {
  std::vector<EmbeddedFile> files;
  for (std::size_t i = 0; i < gocua_schema_count; ++i)
    if (std::atoi(gocua_schema[i].name) <= version) files.push_back(gocua_schema[i]);
  REQUIRE(files.size() == static_cast<std::size_t>(version));
  REQUIRE(migrate(db, files.data(), files.size()).ok());
}

TEST_CASE("schema v4: heads marked sent in v3 stay sent, unsent ones wait for the next batch") {
  auto db = Db::open(":memory:", true);
  REQUIRE(db.ok());
  migrateUpTo(*db, 3);
  Repository repo(*db);
  for (int tag : {1, 2, 3})  // raw SQL: this build's insert writes a v4 column
    REQUIRE(db->exec("INSERT INTO record(id, kind, revision, rev_hash, parent_hash, created_at, updated_at, sealed) "
                     "VALUES(x'0000000000000000000000000000000" +
                     std::to_string(tag) + "', 'resident', 1, x'', x'', 'x', 'x', x'09')")
                .ok());
  // As a v3 export left them: batch 1 carried heads 1 and 2 (marked sent), head 3 came later.
  REQUIRE(db->exec("UPDATE record SET sync_state='sent', sent_sequence=1 WHERE seq <= 2").ok());
  REQUIRE(
      db->exec("INSERT INTO batch(sequence, batch_id, created_at, records, bytes) VALUES(1, x'01', 'x', 2, 9)").ok());
  REQUIRE(repo.setMeta("sync.next_sequence", "2").ok());

  REQUIRE(migrate(*db).ok());
  auto counts = repo.countBySyncState();
  REQUIRE(counts.ok());
  CHECK((*counts)["sent"] == 2);
  CHECK((*counts)["unsynced"] == 1);
  Bytes third(16, 0), first(16, 0);
  third[15] = 3;
  first[15] = 1;
  CHECK(repo.record(third)->value().syncState == "unsynced");
  CHECK(*repo.countOutgoing() == 3);  // sent without a receipt still travels again

  // Batch 2 carries all three; a head written afterwards waits for batch 3.
  REQUIRE(
      db->exec("INSERT INTO batch(sequence, batch_id, created_at, records, bytes) VALUES(2, x'02', 'x', 3, 9)").ok());
  REQUIRE(repo.setMeta("sync.next_sequence", "3").ok());
  REQUIRE(repo.insertRecord(sampleRow(4)).ok());
  counts = repo.countBySyncState();
  CHECK((*counts)["sent"] == 3);
  CHECK((*counts)["unsynced"] == 1);
  // A head an export had to leave out is moved on to the next batch.
  REQUIRE(repo.deferOutgoing(first, 3).ok());
  CHECK(repo.record(first)->value().syncState == "unsynced");
}

TEST_CASE("schema v8: each body moves to record_body under its record's seq; saves and purges keep them there") {
  auto db = Db::open(":memory:", true);
  REQUIRE(db.ok());
  migrateUpTo(*db, 7);
  // As v7 left them: bodies in the record rows, a purged stub with an empty body, and seq values
  // with a gap (a head deleted by a training reset), so a body cannot land on a neighbour's seq.
  for (int tag : {1, 2, 4})
    REQUIRE(db->exec("INSERT INTO record(seq, id, kind, revision, rev_hash, parent_hash, created_at, updated_at, "
                     "sealed, out_sequence) VALUES(" +
                     std::to_string(tag * 10) + ", x'0000000000000000000000000000000" + std::to_string(tag) +
                     "', 'resident', 1, x'', x'', 'x', 'x', x'0" + std::to_string(tag) + "0" + std::to_string(tag) +
                     "', 1)")
                .ok());
  REQUIRE(db->exec("UPDATE record SET sealed=x'', purged_at='x', sync_state='synced' WHERE seq=20").ok());

  REQUIRE(migrate(*db).ok());
  CHECK(db->userVersion() == latestSchemaVersion());
  CHECK_FALSE(db->exec("SELECT sealed FROM record").ok());  // the column is gone from the heads
  Repository repo(*db);
  Bytes first(16, 0), fourth(16, 0);
  first[15] = 1;
  fourth[15] = 4;
  CHECK(repo.record(first)->value().sealed == Bytes{1, 1});
  CHECK(repo.record(fourth)->value().sealed == Bytes{4, 4});
  std::vector<Bytes> bodies;
  REQUIRE(
      repo.forEachRecord("", [&](const RecordView& v) { bodies.emplace_back(v.sealed.begin(), v.sealed.end()); }).ok());
  CHECK(bodies == std::vector<Bytes>{{1, 1}, {4, 4}});  // the purged stub is not read

  // A new head and its body share a seq; an edit keeps the old body in the history.
  REQUIRE(repo.insertRecord(sampleRow(5)).ok());
  CHECK(repo.record(Bytes(16, 5))->value().sealed == Bytes{9, 9, 9});
  RecordRow edited = repo.record(fourth)->value();
  edited.revision = 2;
  edited.sealed = {4, 4, 4};
  REQUIRE(repo.updateRecord(edited, 1).ok());
  CHECK(repo.record(fourth)->value().sealed == Bytes{4, 4, 4});
  CHECK(repo.historyRevisions(fourth)->size() == 1);
  CHECK(repo.updateRecord(edited, 1).error().code == "record.conflict");
  auto stored = db->prepare("SELECT count(*), sum(length(sealed)) FROM record_body");
  REQUIRE(stored.ok());
  REQUIRE(*stored->step());
  CHECK(stored->columnInt(0) == 4);  // one body per head, the stub's empty one included
  CHECK(stored->columnInt(1) == 2 + 3 + 3);
  stored->reset();

  // A purge empties the body of the head it marks, and only that one.
  REQUIRE(db->exec("UPDATE record SET sync_state='synced', synced_revision=revision, "
                   "synced_at='2026-01-01T00:00:00Z' WHERE seq=10")
              .ok());
  CHECK(*repo.purgeSynced("2026-06-01T00:00:00Z", "2026-12-07T00:00:00Z") == 1);
  REQUIRE(*stored->step());
  CHECK(stored->columnInt(1) == 3 + 3);
  CHECK(repo.record(fourth)->value().sealed == Bytes{4, 4, 4});
}

TEST_CASE("releaseMemory empties the connection's page cache (a lock keeps no pages)") {
  auto dir = tempDir();
  auto db = Db::open(dir / "cache.db", true);
  REQUIRE(db.ok());
  REQUIRE(db->exec("CREATE TABLE t(v BLOB)").ok());
  REQUIRE(db->exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                   "INSERT INTO t SELECT randomblob(1000) FROM n")
              .ok());
  REQUIRE(db->exec("SELECT sum(length(v)) FROM t").ok());
  const auto before = db->cacheBytes();
  CHECK(before > 1'000'000);  // about 2 MB of pages read
  db->releaseMemory();
  CHECK(db->cacheBytes() < before / 10);
  fs::remove_all(dir);
}

TEST_CASE("schema v9: the sync index holds only heads waiting for the hub; counts and outgoing stay whole") {
  auto db = Db::open(":memory:", true);
  REQUIRE(db.ok());
  REQUIRE(migrate(*db).ok());
  Repository repo(*db);
  for (std::uint8_t tag = 1; tag <= 5; ++tag) REQUIRE(repo.insertRecord(sampleRow(tag)).ok());
  REQUIRE(
      db->exec("INSERT INTO batch(sequence, batch_id, created_at, records, bytes) VALUES(1, x'01', 'x', 4, 9)").ok());
  REQUIRE(repo.setMeta("sync.next_sequence", "2").ok());
  REQUIRE(repo.insertRecord(sampleRow(6)).ok());  // written after batch 1: not sent yet

  const Bytes one(16, 1), two(16, 2), three(16, 3);
  const std::string at = "2026-12-07T08:00:00Z";
  CHECK(*repo.acknowledge(one, 1, 1, "synced", "", at));
  CHECK(*repo.acknowledge(two, 1, 1, "synced", "", at));
  CHECK(*repo.acknowledge(three, 1, 1, "rejected", "form.invalid", at));

  auto counts = repo.countBySyncState();
  REQUIRE(counts.ok());
  CHECK(*counts == std::map<std::string, std::int64_t>{{"synced", 2}, {"rejected", 1}, {"sent", 2}, {"unsynced", 1}});
  CHECK(*repo.countOutgoing() == 3);  // the two sent without a receipt and the new one
  // The index leaves the synced heads out, and SQLite can use it for one state alone (a query on
  // sync_state='unsynced' implies the index's OR); INDEXED BY fails when it cannot.
  auto indexed = [&](const char* where) {
    auto st = db->prepare(std::string("SELECT count(*) FROM record INDEXED BY record_sync WHERE ") + where);
    REQUIRE(st.ok());
    REQUIRE(st->step().ok());
    return st->columnInt(0);
  };
  CHECK(indexed("sync_state='unsynced'") == 3);
  CHECK(indexed("sync_state='rejected'") == 1);
  CHECK_FALSE(db->prepare("SELECT count(*) FROM record INDEXED BY record_sync WHERE sync_state='synced'").ok());

  // A rejected head edited travels again, and is back in the index.
  auto row = repo.record(three);
  REQUIRE(row.ok());
  RecordRow edited = **row;
  edited.revision = 2;
  edited.parentHash = edited.revHash;
  edited.revHash = Bytes(32, 7);
  edited.syncState = "unsynced";  // as an edit writes it
  REQUIRE(repo.updateRecord(edited, 1).ok());
  CHECK(indexed("sync_state='unsynced'") == 4);
  CHECK(indexed("sync_state='rejected'") == 0);
  counts = repo.countBySyncState();
  CHECK((*counts)["synced"] == 2);
  CHECK((*counts)["unsynced"] == 2);
}

TEST_CASE(
    "a file this build creates has 64 KiB pages and checkpoints every 4 MB of WAL; an older file keeps its pages") {
  auto dir = tempDir();
  auto pragma = [](Db& db, const char* name) {
    auto st = db.prepare(std::string("PRAGMA ") + name);
    REQUIRE(st.ok());
    REQUIRE(st->step().ok());
    return st->columnInt(0);
  };
  {
    auto db = Db::open(dir / "new.db", true);
    REQUIRE(db.ok());
    REQUIRE(migrate(*db).ok());
    CHECK(pragma(*db, "page_size") == 65536);
    // 6 MB in one commit: past the threshold, SQLite's own checkpoint copies it into the file
    // while the connection is open (at 1000 pages of 64 KiB it would wait for 64 MB).
    REQUIRE(db->exec("CREATE TABLE big(b BLOB); WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c "
                     "WHERE x < 96) INSERT INTO big SELECT randomblob(65536) FROM c")
                .ok());
    CHECK(fs::file_size(dir / "new.db") > 6'000'000);
  }
  {
    auto db = Db::open(dir / "new.db", false);
    REQUIRE(db.ok());
    CHECK(pragma(*db, "page_size") == 65536);
  }
  {
    auto memory = Db::open(":memory:", true);  // SQLite's default page size, as older builds made files
    REQUIRE(memory.ok());
    REQUIRE(memory->exec("CREATE TABLE t(x); VACUUM INTO '" + (dir / "old.db").string() + "'").ok());
  }
  auto old = Db::open(dir / "old.db", false);
  REQUIRE(old.ok());
  CHECK(pragma(*old, "page_size") == 4096);
  REQUIRE(migrate(*old).ok());
  CHECK(pragma(*old, "page_size") == 4096);
  fs::remove_all(dir);
}
