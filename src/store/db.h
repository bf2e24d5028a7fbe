// RAII wrappers over SQLite: Db (one connection), Stmt (one prepared statement), Txn (one
// transaction). sqlite3.h stays private to this module. Statements are finalised before the
// connection closes because the connection is closed with sqlite3_close_v2, which waits for them.
// All functions return errors as values with code "store.*"; detail carries SQLite's message,
// which never contains bound values (we always bind parameters), so it is safe to log.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace gocua::store {

class Stmt {
 public:
  Stmt() = default;
  Stmt(Stmt&& o) noexcept : stmt_(o.stmt_) { o.stmt_ = nullptr; }
  Stmt& operator=(Stmt&& o) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt();

  // Parameters are 1-based, as in SQLite. Text and blobs are copied (SQLITE_TRANSIENT) unless
  // noted, so callers may wipe their buffers right after binding.
  Stmt& bind(int index, std::int64_t value);
  Stmt& bind(int index, std::string_view text);
  Stmt& bind(int index, std::span<const std::uint8_t> blob);
  Stmt& bindNull(int index);

  // true: a row is ready; false: done. Errors: "store.io" (full disk, I/O), "store.busy",
  // "store.constraint" (unique key), "store.corrupt".
  Result<bool> step();
  // Runs to completion, for statements that return no rows.
  Status run();
  void reset();  // also clears bindings

  std::int64_t columnInt(int index) const;
  std::string columnText(int index) const;
  std::span<const std::uint8_t> columnBlob(int index) const;  // valid until the next step/reset
  bool columnIsNull(int index) const;

 private:
  friend class Db;
  explicit Stmt(sqlite3_stmt* s) : stmt_(s) {}
  sqlite3_stmt* stmt_ = nullptr;
};

class Db {
 public:
  // Opens (and with create, creates) a database file with WAL, synchronous=FULL, foreign keys,
  // temp_store=MEMORY (no temp files on disk). ":memory:" opens an in-memory database.
  // Errors: "store.open", "store.not_found" (file missing and !create), "store.corrupt".
  static Result<Db> open(const std::filesystem::path& path, bool create);

  Db() = default;
  Db(Db&&) noexcept;
  Db& operator=(Db&&) noexcept;
  ~Db();

  Status exec(std::string_view sql);
  Result<Stmt> prepare(std::string_view sql);
  // A statement kept for the life of the connection, prepared on first use and reset on each
  // call. Hot paths (import) use it to avoid re-preparing.
  Result<Stmt*> cached(std::string_view sql);
  std::int64_t lastInsertRowid() const;
  int changes() const;
  int userVersion();
  // PRAGMA data_version: changes when another connection (another process, sqlite3) commits to
  // the file, never for this connection's own writes.
  Result<std::int64_t> dataVersion();
  Status setUserVersion(int v);
  // SQLite's PRAGMA integrity_check: the problems it finds (at most `limit`), empty when sound.
  // Its messages name tables, indexes and row numbers, never column values.
  Result<std::vector<std::string>> integrityCheck(int limit = 20);
  // Called after each commit that wrote to the WAL (none: no call). It may run statements on this
  // connection. SQLite's automatic checkpoint (every 1,000 WAL pages) is kept.
  void onCommit(std::function<void()> fn);
  // Hands the automatic checkpoint to `checkpoint`: called (on the committing thread, after the
  // commit) instead of copying the WAL back into the file here, once the WAL holds 1,000 pages or
  // more. For a BackgroundCheckpoint (background_checkpoint.h); empty: checkpoints happen here again.
  void deferCheckpoints(std::function<void()> checkpoint);
  // One PASSIVE checkpoint on this connection: copies back what no reader still needs, never waits.
  Status checkpoint();
  // Frees what the connection's page cache holds (up to cache_size, 32 MiB). For a lock: the
  // pages are sealed, but a locked app has no use for them and its peak memory is counted.
  void releaseMemory();
  // Runs one pass over a whole table whose pages are not read again soon (the unlock's row
  // fingerprint) with the page cache cut to 2 MiB, so the pass reuses a few pages instead of
  // filling 32 MiB of memory it touches for the first time (~3 ms a MiB on the bench machine).
  Status withSmallCache(const std::function<Status()>& pass);
  // Bytes the connection's page cache holds now (SQLITE_DBSTATUS_CACHE_USED).
  std::int64_t cacheBytes() const;

  // An SQL function of four arguments (blob, integer, text, text) returning a blob, or NULL when
  // fn returns nothing, for this connection's own statements: flagged SQLITE_DIRECTONLY, so the
  // schema, a trigger or a view in a changed file can never call it. Defining the name again
  // replaces it; an empty fn removes it. It lets one UPDATE compute a value the store has no
  // key for (a row's tag) instead of reading the row back and writing it a second time.
  using BlobFunction = std::function<std::optional<std::vector<std::uint8_t>>(
      std::span<const std::uint8_t>, std::int64_t, std::string_view, std::string_view)>;
  Status defineFunction(const char* name, BlobFunction fn);

 private:
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, std::unique_ptr<Stmt>> cache_;
  int checkpointPages_ = 1000;  // kAutoCheckpointBytes in this file's pages (db.cpp)
  // What the WAL hook calls. Heap-held so its address, given to SQLite, survives a move of the Db.
  struct CommitHooks {
    std::function<void()> onCommit;
    std::function<void()> checkpoint;  // empty: checkpoint in place
    int checkpointPages = 1000;        // the WAL's size, in pages, that calls for one
  };
  void installHooks();
  static int walHook(void* hooks, sqlite3* db, const char* name, int pages);
  std::unique_ptr<CommitHooks> hooks_;
};

// BEGIN IMMEDIATE on construction (so a writer never deadlocks on upgrade), ROLLBACK on
// destruction unless commit() succeeded.
class Txn {
 public:
  static Result<Txn> begin(Db& db);
  Txn(Txn&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
  Txn(const Txn&) = delete;
  Txn& operator=(const Txn&) = delete;
  Txn& operator=(Txn&&) = delete;
  ~Txn();
  Status commit();

 private:
  explicit Txn(Db* db) : db_(db) {}
  Db* db_ = nullptr;
};

}  // namespace gocua::store
