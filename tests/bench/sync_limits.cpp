// measureSyncLimits: the floors under the sync targets; see sync_limits.h.
#include "sync_limits.h"

#include <simdjson.h>
#include <zstd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <iostream>
#include <random>
#include <thread>

#include "store/db.h"
#include "vault/record_cipher.h"
#include "vault/secret.h"
#include "workspace/durable_file.h"

namespace gocua::bench {

namespace fs = std::filesystem;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

[[noreturn]] void fail(const std::string& what) {
  std::cerr << "bench-sync limits: " << what << "\n";
  std::exit(1);
}

void removeDb(const fs::path& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(fs::path(path) += suffix);
}

store::Db openDb(const fs::path& path, bool create) {
  auto db = store::Db::open(path, create);
  if (!db) fail(db.error().code + " " + db.error().detail);
  return std::move(*db);
}

void exec(store::Db& db, const std::string& sql) {
  if (auto st = db.exec(sql); !st) fail(sql + ": " + st.error().detail);
}

store::Stmt prepare(store::Db& db, const std::string& sql) {
  auto st = db.prepare(sql);
  if (!st) fail(sql + ": " + st.error().detail);
  return std::move(*st);
}

std::int64_t scalar(store::Db& db, const std::string& sql) {
  auto st = prepare(db, sql);
  auto row = st.step();
  if (!row || !*row) fail(sql);
  return st.columnInt(0);
}

// The hub's record table as its schema makes it (sync/hub/sqlite/schema), filled with count rows of
// the size the hub stored, in one transaction with the hub's settings (WAL, synchronous=FULL, the
// same page cache): the fastest any import can store them.
double hubInsertSeconds(const fs::path& scratch, const fs::path& hubDb, std::size_t count) {
  std::size_t sealedBytes = 0;
  {
    auto hub = openDb(hubDb, false);
    sealedBytes = static_cast<std::size_t>(scalar(hub, "SELECT CAST(avg(length(sealed)) AS INTEGER) FROM record"));
  }
  const fs::path path = scratch / "hub-floor.db";
  removeDb(path);
  auto db = openDb(path, true);
  exec(db,
       "CREATE TABLE record (seq INTEGER PRIMARY KEY, id BLOB NOT NULL UNIQUE, kind TEXT NOT NULL, procedure TEXT, "
       "form_version INTEGER, device BLOB NOT NULL, revision INTEGER NOT NULL, received_at TEXT NOT NULL, "
       "sealed BLOB NOT NULL); CREATE INDEX record_procedure ON record(procedure) WHERE procedure IS NOT NULL;");
  std::vector<std::uint8_t> sealed(sealedBytes, 0x5a);
  const std::array<std::uint8_t, 32> device{};
  std::mt19937_64 rng(13);
  auto st = prepare(db,
                    "INSERT INTO record(id, kind, procedure, form_version, device, revision, received_at, sealed) "
                    "VALUES(?1, 'resident', NULL, NULL, ?2, 1, '2026-12-07T08:00:00Z', ?3)");
  const auto start = Clock::now();
  exec(db, "BEGIN");
  for (std::size_t i = 0; i < count; ++i) {
    std::array<std::uint64_t, 2> id{rng(), rng()};
    sealed[0] = static_cast<std::uint8_t>(i);  // rows differ, as sealed bodies do
    st.bind(1, std::span(reinterpret_cast<const std::uint8_t*>(id.data()), 16)).bind(2, device).bind(3, sealed);
    if (auto r = st.run(); !r) fail(r.error().detail);
  }
  exec(db, "COMMIT");
  const double seconds = secondsSince(start);
  removeDb(path);
  return seconds;
}

// The acknowledgement a receipt of count records writes, as bare SQL on a copy of the workspace:
// each record's state, synced revision, time and a 32-byte tag set by id, one transaction. First on
// the record table as it is; then on a narrow table holding only those columns, keyed the same way
// (what moving the sync state out of the record rows would leave SQLite to do).
json acknowledgeSeconds(const fs::path& scratch, const fs::path& workspaceDb, std::size_t count) {
  const fs::path copy = scratch / "ack-floor.db";
  removeDb(copy);
  {
    auto source = openDb(workspaceDb, false);
    exec(source, "VACUUM INTO '" + copy.string() + "'");
  }
  json out;
  auto db = openDb(copy, false);
  std::vector<std::vector<std::uint8_t>> ids;
  {
    // The newest count records: the ones the loopback sync sent, in the order its receipt lists them.
    auto st = prepare(db,
                      "SELECT id FROM (SELECT seq, id FROM record WHERE purged_at IS NULL ORDER BY seq DESC "
                      "LIMIT ?1) ORDER BY seq");
    st.bind(1, static_cast<std::int64_t>(count));
    for (;;) {
      auto row = st.step();
      if (!row) fail(row.error().detail);
      if (!*row) break;
      auto id = st.columnBlob(0);
      ids.emplace_back(id.begin(), id.end());
    }
  }
  exec(db,
       "UPDATE record SET sync_state='unsynced', synced_revision=NULL, synced_at=NULL; "
       "CREATE TABLE sync_floor(seq INTEGER PRIMARY KEY, id BLOB NOT NULL UNIQUE, sync_state TEXT NOT NULL, "
       "out_sequence INTEGER NOT NULL, synced_revision INTEGER, synced_at TEXT, reject_reason TEXT, row_tag BLOB); "
       "INSERT INTO sync_floor SELECT seq, id, sync_state, out_sequence, synced_revision, synced_at, reject_reason, "
       "row_tag FROM record; "
       "CREATE INDEX sync_floor_state ON sync_floor(sync_state, out_sequence); "
       "CREATE INDEX sync_floor_purge ON sync_floor(synced_at) WHERE sync_state = 'synced'; "
       "PRAGMA wal_checkpoint(TRUNCATE);");
  const std::array<std::uint8_t, 32> tag{};
  auto timed = [&](const char* table, const char* revision) {
    auto st = prepare(db, std::string("UPDATE ") + table + " SET sync_state='synced', synced_revision=" + revision +
                              ", synced_at='2026-12-07T08:00:00Z', reject_reason=NULL, row_tag=?2 WHERE id=?1");
    exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");  // each run starts from an empty WAL
    const auto start = Clock::now();
    exec(db, "BEGIN");
    for (const auto& id : ids) {
      if (auto r = st.bind(1, id).bind(2, tag).run(); !r) fail(r.error().detail);
    }
    exec(db, "COMMIT");
    return secondsSince(start);
  };
  out["receipt_sqlite_updates_seconds"] = timed("record", "revision");
  out["receipt_sqlite_updates_seconds_narrow_table"] = timed("sync_floor", "1");
  out["receipt_records"] = ids.size();
  db = store::Db();  // closed before its files go
  removeDb(copy);
  return out;
}

// Reading every record's sealed body out of the workspace, as an export must.
double readSealedSeconds(const fs::path& workspaceDb, std::size_t count) {
  auto db = openDb(workspaceDb, false);
  auto st = prepare(
      db, "SELECT sealed FROM record JOIN record_body USING(seq) WHERE purged_at IS NULL ORDER BY seq LIMIT ?1");
  st.bind(1, static_cast<std::int64_t>(count));
  std::size_t bytes = 0;
  const auto start = Clock::now();
  for (;;) {
    auto row = st.step();
    if (!row) fail(row.error().detail);
    if (!*row) break;
    bytes += st.columnBlob(0).size();
  }
  const double seconds = secondsSince(start);
  if (bytes == 0) fail("no sealed bodies");
  return seconds;
}

// What every export pays besides its records, however fast they go: the batch file written as
// the export writes it (fsynced, read back: it travels on a USB stick), and one small commit that
// records the batch (fsynced WAL).
json durableExportSeconds(const fs::path& scratch, std::size_t batchBytes) {
  std::string bytes(batchBytes, '\0');
  vault::randomBytes(std::span(reinterpret_cast<std::uint8_t*>(bytes.data()), bytes.size()));  // as compressed
  const fs::path file = scratch / "floor.gcb";
  auto start = Clock::now();
  if (auto st = workspace::writeFileDurably(file, bytes); !st) fail(st.error().code);
  const double write = secondsSince(start);
  fs::remove(file);
  const fs::path path = scratch / "commit-floor.db";
  removeDb(path);
  double commit = 0;
  {
    auto db = openDb(path, true);
    exec(db, "CREATE TABLE batch(sequence INTEGER PRIMARY KEY, created_at TEXT)");
    start = Clock::now();
    exec(db, "BEGIN; INSERT INTO batch(created_at) VALUES('2026-12-07T08:00:00Z'); COMMIT");
    commit = secondsSince(start);
  }
  removeDb(path);
  return {{"batch_durable_write_seconds", write}, {"small_commit_seconds", commit}};
}

}  // namespace

json measureSyncLimits(const SyncLimitInputs& in) {
  const std::size_t count = in.bodies.size();
  const double cores = std::max(1u, std::thread::hardware_concurrency());
  json out;
  out["cores"] = cores;

  const double insert = hubInsertSeconds(in.scratch, in.hubDb, count);
  out["hub_sqlite_inserts_per_second"] = static_cast<double>(count) / insert;

  // The import parses with simdjson (sync/hub/record_line_reader.h); nlohmann's figure, what the
  // rest of the program parses with, is printed for comparison.
  auto start = Clock::now();
  std::size_t members = 0;
  for (const auto& line : in.bodies) members += nlohmann::json::parse(line).size();
  out["json_parse_seconds_one_core_nlohmann"] = secondsSince(start);
  simdjson::dom::parser parser;
  start = Clock::now();
  for (const auto& line : in.bodies) {
    simdjson::dom::object body;
    if (parser.parse(line).get(body)) fail("simdjson parse");
    members += body.size();
  }
  const double parse = secondsSince(start);
  out["json_parse_seconds_one_core"] = parse;
  if (members == 0) fail("empty bodies");

  vault::RecordCipher cipher(vault::newDataKey());
  const std::array<std::uint8_t, 24> ad{};
  std::vector<std::vector<std::uint8_t>> sealed;
  sealed.reserve(count);
  start = Clock::now();
  for (const auto& line : in.bodies) sealed.push_back(cipher.seal(line, ad));
  const double seal = secondsSince(start);
  out["seal_seconds_one_core"] = seal;
  start = Clock::now();
  for (const auto& s : sealed)
    if (!cipher.open(s, ad)) fail("open");
  const double open = secondsSince(start);
  out["open_seconds_one_core"] = open;
  sealed = {};

  std::string ndjson;
  for (const auto& line : in.bodies) ndjson.append(line).push_back('\n');
  std::string compressed(ZSTD_compressBound(ndjson.size()), '\0');
  start = Clock::now();
  const std::size_t n = ZSTD_compress(compressed.data(), compressed.size(), ndjson.data(), ndjson.size(), 1);
  const double zstd = secondsSince(start);
  if (ZSTD_isError(n)) fail("zstd");
  out["zstd1_seconds_one_core"] = zstd;

  const double read = readSealedSeconds(in.workspaceDb, count);
  out["workspace_read_sealed_seconds"] = read;
  const json ack = acknowledgeSeconds(in.scratch, in.workspaceDb, count);
  out.update(ack);
  const double acknowledge = ack["receipt_sqlite_updates_seconds"].get<double>();

  // The floors. An import must store every row (one thread: SQLite writes serially) and must at
  // least parse and seal every record; on all cores at once at best. An export must read, open and
  // compress every record, spread over all cores at best, then write its batch and record it
  // durably. A loopback sync does the three in turn.
  const json durable = durableExportSeconds(in.scratch, in.batchBytes);
  out.update(durable);
  const double importFloor = std::max(insert, (insert + parse + seal) / cores);
  const double exportFloor = (read + open + zstd) / cores + durable["batch_durable_write_seconds"].get<double>() +
                             durable["small_commit_seconds"].get<double>();
  out["hub_import_floor_records_per_second"] = static_cast<double>(count) / importFloor;
  out["export_floor_seconds"] = exportFloor;
  out["export_floor_vs_encrypted_peer"] = exportFloor / std::max(1e-6, in.encryptedPeerSeconds);
  out["sync_loopback_floor_seconds"] = exportFloor + importFloor + acknowledge;
  return out;
}

}  // namespace gocua::bench
