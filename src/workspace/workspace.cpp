// Workspace (locked): create, open, list volunteers, unlock; see workspace.h.
#include "workspace/workspace.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <future>
#include <sstream>
#include <unordered_map>

#include "core/parallel.h"
#include "core/resident.h"
#include "core/text.h"
#include "store/migrations.h"
#include "vault/errors.h"
#include "vault/secret.h"
#include "workspace/demo_data.h"
#include "workspace/errors.h"
#include "workspace/records_internal.h"
#include "workspace/row_tags.h"
#include "workspace/unlock_attempts.h"

namespace gocua::workspace {
namespace fs = std::filesystem;
using nlohmann::json;

using namespace detail;

fs::path defaultWorkspaceDir() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return fs::path(xdg) / "gocua" / "workspace";
  const char* home = std::getenv("HOME");
  return fs::path(home && *home ? home : ".") / ".local" / "share" / "gocua" / "workspace";
}

// [SECTION] Workspace

Workspace::Workspace(fs::path dir, store::Db db) : dir_(std::move(dir)), db_(std::move(db)), repo_(db_) {}

Workspace::~Workspace() {
  db_.deferCheckpoints({});
  checkpoint_.reset();  // before db_ closes: the last connection's close copies what is left
}

Status Workspace::startBackgroundCheckpoint() {
  auto checkpoint = store::BackgroundCheckpoint::start(dir_ / kDbFile);
  if (!checkpoint) return checkpoint.error();
  checkpoint_ = std::move(*checkpoint);
  db_.deferCheckpoints([cp = checkpoint_.get()] { cp->request(); });
  return {};
}

Result<std::unique_ptr<Workspace>> Workspace::create(const fs::path& dir, std::string_view volunteer,
                                                     std::string_view passphrase, bool training,
                                                     const vault::KdfParams& kdf) {
  GOCUA_TRY(vault::init());
  auto name = volunteerName(volunteer);
  if (!name) return name.error();
  GOCUA_TRY(vault::checkPassphrase(passphrase));
  GOCUA_TRY(vault::checkKdfFloor(kdf));
  std::error_code ec;
  if (fs::exists(dir / kDbFile, ec)) return Error::make(err::kWorkspaceExists, "", dir.filename().string());
  fs::create_directories(dir, ec);
  if (ec) return Error::make(err::kIo, "", ec.message());
  ::chmod(dir.c_str(), 0700);  // other users of a shared laptop have no business here

  auto dataKey = vault::newDataKey();
  auto slot = vault::wrapDataKey(dataKey, passphrase, kdf);
  if (!slot) return slot.error();

  auto ws = initialise(dir, *name, *slot, training, vault::RecordCipher(dataKey));
  if (!ws) {
    // A half-made workspace (full disk, killed mid-way) would block the next init: remove it.
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(dir / (std::string(kDbFile) + suffix), ec);
    return ws.error();
  }
  return ws;
}

Result<std::unique_ptr<Workspace>> Workspace::initialise(const fs::path& dir, const std::string& volunteer,
                                                         const vault::Keyslot& slot, bool training,
                                                         const vault::RecordCipher& cipher) {
  auto db = store::Db::open(dir / kDbFile, true);
  if (!db) return db.error();
  ::chmod((dir / kDbFile).c_str(), 0600);  // SQLite gives the -wal and -shm files the same mode
  GOCUA_TRY(store::migrate(*db));
  std::unique_ptr<Workspace> ws(new Workspace(dir, std::move(*db)));
  GOCUA_TRY(ws->startBackgroundCheckpoint());
  auto txn = store::Txn::begin(ws->db_);
  if (!txn) return txn.error();
  GOCUA_TRY(ws->repo_.setMeta("workspace_id", core::formatRecordId(newRecordId())));
  GOCUA_TRY(ws->repo_.setMeta("training", training ? "1" : "0"));
  GOCUA_TRY(ws->repo_.setMeta("created_at", nowIso()));
  GOCUA_TRY(ws->repo_.insertKeyslot(toRow(volunteer, slot)));
  GOCUA_TRY(writeRowsMarker(ws->repo_, cipher));  // a new workspace has tags from its first row
  GOCUA_TRY(ws->repo_.audit(nowIso(), volunteer, "workspace_create"));
  GOCUA_TRY(txn->commit());
  ws->training_ = training;
  return ws;
}

Result<std::unique_ptr<Workspace>> Workspace::open(const fs::path& dir) {
  GOCUA_TRY(vault::init());
  std::error_code ec;
  if (!fs::exists(dir / kDbFile, ec)) return Error::make(err::kWorkspaceNotFound, "", dir.string());
  // create() removes a half-made database, so an empty one was emptied after the fact (a failed
  // disk, a bad copy): SQLite would silently start a new one and every volunteer would be "unknown".
  auto wal = dir / (std::string(kDbFile) + "-wal");
  if (fs::file_size(dir / kDbFile, ec) == 0 && !ec && !(fs::exists(wal, ec) && fs::file_size(wal, ec) > 0))
    return Error::make(err::kWorkspaceDamaged, "", std::string(kDbFile) + " is empty");
  auto db = store::Db::open(dir / kDbFile, false);
  if (!db) return db.error();
  GOCUA_TRY(store::migrate(*db));
  std::unique_ptr<Workspace> ws(new Workspace(dir, std::move(*db)));
  GOCUA_TRY(ws->startBackgroundCheckpoint());
  // Every workspace has a keyslot from its first transaction on; none means the data is gone.
  auto slots = ws->repo_.keyslots();
  if (!slots) return slots.error();
  if (slots->empty()) return Error::make(err::kWorkspaceDamaged, "", "no keyslot");
  auto training = ws->repo_.meta("training");
  if (!training) return training.error();
  ws->training_ = training->value_or("0") == "1";
  return ws;
}

Result<std::vector<std::string>> Workspace::volunteers() {
  auto slots = repo_.keyslots();
  if (!slots) return slots.error();
  std::vector<std::string> names;
  for (std::size_t i = 0; i < slots->size(); ++i) {
    // Names are shown and printed as JSON: a byte changed on disk is damage, not an abort.
    if (!core::isValidUtf8((*slots)[i].volunteer))
      return Error::make(err::kWorkspaceDamaged, "", "keyslot " + std::to_string(i + 1) + " name");
    names.push_back((*slots)[i].volunteer);
  }
  return names;
}

Result<std::unique_ptr<Session>> Workspace::unlock(std::string_view volunteer, std::string_view passphrase,
                                                   UnlockStats* stats) {
  std::optional<store::KeyslotRow> row;
  if (volunteer.empty()) {
    auto slots = repo_.keyslots();
    if (!slots) return slots.error();
    if (!slots->empty()) row = slots->front();
  } else {
    auto n = core::toNfc(volunteer);
    auto found = repo_.keyslot(n ? std::string_view(*n) : volunteer);
    if (!found) return found.error();
    row = *found;
  }
  if (!row) return Error::make(err::kVolunteerNotFound, "volunteer");

  // Wrong passphrases are counted in the file; after a few, each try must wait (no Argon2 work).
  auto attempts = readUnlockAttempts(repo_);
  if (!attempts) return attempts.error();
  const std::int64_t now = clock_ ? clock_() : static_cast<std::int64_t>(std::time(nullptr));
  if (const std::int64_t wait = unlockWaitSeconds(*attempts, now); wait > 0)
    return Error::make(err::kWorkspaceUnlockDelayed, "passphrase", std::to_string(wait));

  auto t0 = std::chrono::steady_clock::now();
  auto key = vault::unwrapDataKey(fromRow(*row), passphrase);
  if (!key) {
    if (key.error().is(err::kVaultWrongPassphrase)) GOCUA_TRY(recordUnlockFailure(repo_, *attempts, now));
    return key.error();
  }
  auto t1 = std::chrono::steady_clock::now();
  std::unique_ptr<Session> session(new Session(*this, row->volunteer, std::move(*key)));
  GOCUA_TRY(session->bindLegacy());  // before loading: rows from older versions get their tags
  auto fromSnapshot = session->loadIndex();
  if (!fromSnapshot) return fromSnapshot.error();
  // A full load checked every row's tag, and the index copy is used only over rows identical to
  // checked ones (index_snapshot.h); a damaged row of any kind leaves exports the full check.
  if (session->loadedAtVersion_ && session->damaged_.empty()) session->rowTagsSoundAt_ = *session->loadedAtVersion_;
  if (attempts->failures > 0) GOCUA_TRY(clearUnlockFailures(repo_));
  session->failedUnlocksBefore_ = attempts->failures;
  auto t2 = std::chrono::steady_clock::now();
  if (stats) {
    stats->kdfSeconds = std::chrono::duration<double>(t1 - t0).count();
    stats->indexSeconds = std::chrono::duration<double>(t2 - t1).count();
    stats->fromSnapshot = *fromSnapshot;
    stats->records = session->index_.size() + session->applications_.size() + session->households_;
  }
  return session;
}

}  // namespace gocua::workspace
