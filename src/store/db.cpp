// SQLite RAII wrappers; see db.h for the contract.
#include "store/db.h"
#include "store/errors.h"

#include <sqlite3.h>

#include <algorithm>

namespace gocua::store {

namespace {

// 32 MiB: see Db::open.
constexpr const char* kCacheSizePragma = "PRAGMA cache_size=-32768;";

// The page size of a file this build creates: SQLite's largest. A 100,000-record hub import or
// receipt writes, fsyncs and checkpoints the same bytes in a sixteenth of the page writes it took
// at the 4 KiB default (bench machine: the import 2.17 s instead of 2.70-3.00 s; a receipt's
// commit 0.10 s instead of 0.29 s). Fixed at creation: a file an older build made keeps its own.
constexpr int kNewFilePageSize = 65536;
// WAL bytes past which a commit asks for a checkpoint: SQLite's default of 1000 pages of 4 KiB,
// kept in bytes whatever the file's page size.
constexpr std::int64_t kAutoCheckpointBytes = 1000 * 4096;

// The integer a one-value pragma reads ("page_size", "user_version"...).
Result<std::int64_t> pragmaValue(Db& db, std::string_view name) {
  auto st = db.prepare("PRAGMA " + std::string(name));
  if (!st) return st.error();
  auto row = st->step();
  if (!row) return row.error();
  if (!*row) return Error::make(err::kStoreError, "", std::string(name));
  return st->columnInt(0);
}

Error sqliteError(sqlite3* db, int rc, std::string_view what) {
  std::string detail = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  switch (rc & 0xff) {
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
      return Error::make(err::kStoreIo, "", detail);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Error::make(err::kStoreBusy, "", detail);
    case SQLITE_CONSTRAINT:
      return Error::make(err::kStoreConstraint, "", detail);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Error::make(err::kStoreCorrupt, "", detail);
    default:
      return Error::make(err::kStoreError, "", detail);
  }
}

}  // namespace

// [SECTION] Stmt

Stmt& Stmt::operator=(Stmt&& o) noexcept {
  if (this != &o) {
    sqlite3_finalize(stmt_);
    stmt_ = o.stmt_;
    o.stmt_ = nullptr;
  }
  return *this;
}

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

Stmt& Stmt::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Stmt& Stmt::bind(int index, std::string_view text) {
  sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}

Stmt& Stmt::bind(int index, std::span<const std::uint8_t> blob) {
  // An empty span has a null data() that SQLite would read as NULL; bind a zero-length blob.
  if (blob.empty())
    sqlite3_bind_zeroblob(stmt_, index, 0);
  else
    sqlite3_bind_blob64(stmt_, index, blob.data(), blob.size(), SQLITE_TRANSIENT);
  return *this;
}

Stmt& Stmt::bindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Result<bool> Stmt::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return sqliteError(sqlite3_db_handle(stmt_), rc, "step");
}

Status Stmt::run() {
  for (;;) {
    auto r = step();
    if (!r) {
      reset();
      return r.error();
    }
    if (!*r) break;
  }
  reset();
  return {};
}

void Stmt::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Stmt::columnInt(int index) const { return sqlite3_column_int64(stmt_, index); }

std::string Stmt::columnText(int index) const {
  auto* p = sqlite3_column_text(stmt_, index);
  int n = sqlite3_column_bytes(stmt_, index);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string();
}

std::span<const std::uint8_t> Stmt::columnBlob(int index) const {
  auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, index));
  int n = sqlite3_column_bytes(stmt_, index);
  return p ? std::span<const std::uint8_t>(p, static_cast<std::size_t>(n)) : std::span<const std::uint8_t>();
}

bool Stmt::columnIsNull(int index) const { return sqlite3_column_type(stmt_, index) == SQLITE_NULL; }

// [SECTION] Db

Result<Db> Db::open(const std::filesystem::path& path, bool create) {
  Db db;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (create) flags |= SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path.c_str(), &db.db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    if (!create && (rc & 0xff) == SQLITE_CANTOPEN)
      return Error::make(err::kStoreNotFound, "", path.filename().string());
    return sqliteError(db.db_, rc, "open");
  }
  sqlite3_extended_result_codes(db.db_, 1);
  sqlite3_busy_timeout(db.db_, 5000);
  // Reading the schema first turns a non-database file into a clear "corrupt" error here.
  GOCUA_TRY(db.exec("PRAGMA temp_store=MEMORY; PRAGMA foreign_keys=ON; SELECT count(*) FROM sqlite_schema;"));
  if (path != ":memory:") {
    auto pages = pragmaValue(db, "page_count");
    if (!pages) return pages.error();
    if (*pages == 0) GOCUA_TRY(db.exec("PRAGMA page_size=" + std::to_string(kNewFilePageSize)));  // before WAL
    // 32 MiB of page cache keeps a 100,000-resident workspace's indexes in memory while importing.
    GOCUA_TRY(db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; " + std::string(kCacheSizePragma)));
    auto pageSize = pragmaValue(db, "page_size");
    if (!pageSize) return pageSize.error();
    db.checkpointPages_ =
        static_cast<int>(std::max<std::int64_t>(1, kAutoCheckpointBytes / std::max<std::int64_t>(1, *pageSize)));
    sqlite3_wal_autocheckpoint(db.db_, db.checkpointPages_);
  }
  return db;
}

Db::Db(Db&& o) noexcept
    : db_(o.db_), cache_(std::move(o.cache_)), checkpointPages_(o.checkpointPages_), hooks_(std::move(o.hooks_)) {
  o.db_ = nullptr;
}

Db& Db::operator=(Db&& o) noexcept {
  if (this != &o) {
    cache_.clear();
    sqlite3_close_v2(db_);
    db_ = o.db_;
    cache_ = std::move(o.cache_);
    checkpointPages_ = o.checkpointPages_;
    hooks_ = std::move(o.hooks_);
    o.db_ = nullptr;
  }
  return *this;
}

Db::~Db() {
  cache_.clear();
  sqlite3_close_v2(db_);
}

namespace {

void callBlobFunction(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  const auto& fn = *static_cast<const Db::BlobFunction*>(sqlite3_user_data(ctx));
  if (argc != 4) return sqlite3_result_null(ctx);
  const auto* blob = static_cast<const std::uint8_t*>(sqlite3_value_blob(argv[0]));
  const std::span<const std::uint8_t> bytes(blob, blob ? static_cast<std::size_t>(sqlite3_value_bytes(argv[0])) : 0);
  auto text = [&](int i) {
    const auto* t = reinterpret_cast<const char*>(sqlite3_value_text(argv[i]));
    return t ? std::string_view(t, static_cast<std::size_t>(sqlite3_value_bytes(argv[i]))) : std::string_view();
  };
  try {
    auto out = fn(bytes, sqlite3_value_int64(argv[1]), text(2), text(3));
    if (!out) return sqlite3_result_null(ctx);
    sqlite3_result_blob64(ctx, out->data(), out->size(), SQLITE_TRANSIENT);
  } catch (const std::exception&) {
    sqlite3_result_error(ctx, "function failed", -1);  // the statement fails; nothing is written
  }
}

}  // namespace

Status Db::defineFunction(const char* name, BlobFunction fn) {
  const int flags = SQLITE_UTF8 | SQLITE_DIRECTONLY;
  int rc;
  if (!fn) {
    rc = sqlite3_create_function_v2(db_, name, 4, flags, nullptr, nullptr, nullptr, nullptr, nullptr);
  } else {
    // SQLite owns the copy from here: it deletes it when the name is defined again or the
    // connection closes.
    auto* held = new BlobFunction(std::move(fn));
    rc = sqlite3_create_function_v2(db_, name, 4, flags, held, callBlobFunction, nullptr, nullptr,
                                    [](void* p) { delete static_cast<BlobFunction*>(p); });
  }
  if (rc != SQLITE_OK) return sqliteError(db_, rc, "create_function");
  return {};
}

void Db::onCommit(std::function<void()> fn) {
  if (!hooks_) hooks_ = std::make_unique<CommitHooks>();
  hooks_->onCommit = std::move(fn);
  installHooks();
}

void Db::deferCheckpoints(std::function<void()> checkpoint) {
  if (!hooks_) hooks_ = std::make_unique<CommitHooks>();
  hooks_->checkpoint = std::move(checkpoint);
  installHooks();
}

int Db::walHook(void* arg, sqlite3* db, const char* name, int pages) {
  const auto& hooks = *static_cast<const CommitHooks*>(arg);
  if (hooks.onCommit) hooks.onCommit();
  if (pages < hooks.checkpointPages) return SQLITE_OK;
  if (hooks.checkpoint)
    hooks.checkpoint();
  else
    sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  return SQLITE_OK;
}

void Db::installHooks() {
  if (!hooks_->onCommit && !hooks_->checkpoint) {
    sqlite3_wal_autocheckpoint(db_, checkpointPages_);  // SQLite's own hook again
    hooks_.reset();
    return;
  }
  hooks_->checkpointPages = checkpointPages_;
  sqlite3_wal_hook(db_, walHook, hooks_.get());
}

Status Db::checkpoint() {
  const int rc = sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  if (rc != SQLITE_OK) return sqliteError(db_, rc, "checkpoint");
  return {};
}

Status Db::exec(std::string_view sql) {
  char* err = nullptr;
  std::string text(sql);
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    Error e = sqliteError(db_, rc, "exec");
    sqlite3_free(err);
    return e;
  }
  return {};
}

Result<Stmt> Db::prepare(std::string_view sql) {
  sqlite3_stmt* s = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &s, nullptr);
  if (rc != SQLITE_OK) return sqliteError(db_, rc, "prepare");
  return Stmt(s);
}

Result<Stmt*> Db::cached(std::string_view sql) {
  auto it = cache_.find(std::string(sql));
  if (it != cache_.end()) {
    it->second->reset();
    return it->second.get();
  }
  auto st = prepare(sql);
  if (!st) return st.error();
  auto owned = std::make_unique<Stmt>(std::move(*st));
  Stmt* raw = owned.get();
  cache_.emplace(std::string(sql), std::move(owned));
  return raw;
}

std::int64_t Db::lastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }
int Db::changes() const { return sqlite3_changes(db_); }

Status Db::withSmallCache(const std::function<Status()>& pass) {
  GOCUA_TRY(exec("PRAGMA cache_size=-2048"));
  auto st = pass();
  GOCUA_TRY(exec(kCacheSizePragma));
  return st;
}

void Db::releaseMemory() {
  if (db_) sqlite3_db_release_memory(db_);
}

std::int64_t Db::cacheBytes() const {
  int current = 0, highwater = 0;
  if (!db_ || sqlite3_db_status(db_, SQLITE_DBSTATUS_CACHE_USED, &current, &highwater, 0) != SQLITE_OK) return 0;
  return current;
}

int Db::userVersion() {
  auto v = pragmaValue(*this, "user_version");
  return v ? static_cast<int>(*v) : -1;
}

Result<std::int64_t> Db::dataVersion() { return pragmaValue(*this, "data_version"); }

Status Db::setUserVersion(int v) { return exec("PRAGMA user_version=" + std::to_string(v)); }

Result<std::vector<std::string>> Db::integrityCheck(int limit) {
  auto st = prepare("PRAGMA integrity_check(" + std::to_string(limit) + ")");
  if (!st) return st.error();
  std::vector<std::string> problems;
  for (;;) {
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) break;
    auto line = st->columnText(0);
    if (line != "ok") problems.push_back(std::move(line));
  }
  return problems;
}

// [SECTION] Txn

Result<Txn> Txn::begin(Db& db) {
  GOCUA_TRY(db.exec("BEGIN IMMEDIATE"));
  return Txn(&db);
}

Txn::~Txn() {
  if (db_) (void)db_->exec("ROLLBACK");
}

Status Txn::commit() {
  auto st = db_->exec("COMMIT");
  if (st) db_ = nullptr;
  return st;
}

}  // namespace gocua::store
