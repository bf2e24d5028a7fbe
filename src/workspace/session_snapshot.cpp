// The sealed copy of the index between sessions (index_snapshot.h): opened at unlock when the
// record rows still match it, written at lock when memory holds exactly what an unlock would load.
#include <filesystem>
#include <future>

#include "vault/secret.h"
#include "workspace/index_snapshot.h"
#include "workspace/workspace.h"

namespace gocua::workspace {

Result<bool> Session::loadIndex() {
  // Read before loading, as for the row tags: a commit from elsewhere after this changes it.
  if (auto version = ws_->db().dataVersion()) loadedAtVersion_ = *version;
  std::error_code ec;
  if (std::filesystem::exists(ws_->dir() / detail::kIndexSnapshotFile, ec)) {
    // The file is opened and parsed on another thread while this one reads the rows' fingerprint.
    auto opened =
        std::async(std::launch::async, [dir = ws_->dir(), this] { return detail::readIndexSnapshot(dir, *cipher_); });
    auto rows = detail::rowsFingerprint(ws_->repo());
    auto snapshot = opened.get();
    if (!rows) return rows.error();
    if (snapshot && snapshot->rows == *rows) {
      index_ = std::move(snapshot->index);
      applications_ = std::move(snapshot->applications);
      households_ = snapshot->households;
      snapshotRows_ = *rows;
      indexMatchesDisk_ = true;
      return true;
    }
    if (snapshot)
      for (auto& a : snapshot->applications) vault::wipe(a.residentId);
  }
  GOCUA_TRY(loadAll());
  indexMatchesDisk_ = damaged_.empty();
  return false;
}

void Session::keepIndexSnapshot() {
  if (!cipher_ || !indexMatchesDisk_ || !damaged_.empty() || !loadedAtVersion_) return;
  auto rows = detail::rowsFingerprint(ws_->repo());
  // Checked after the rows were read: no commit from elsewhere before this means none before
  // that read either, so memory and the fingerprint describe the same rows.
  auto version = ws_->db().dataVersion();
  if (!version || *version != *loadedAtVersion_) return;  // another process wrote: memory may lag
  if (!rows || *rows == snapshotRows_) return;            // the copy on disk already is of these rows
  if (detail::writeIndexSnapshot(ws_->dir(), *cipher_, *rows, index_, applications_, households_))
    snapshotRows_ = *rows;
}

}  // namespace gocua::workspace
