// Training workspaces: the trainer's one-click reset between sessions.
#include "workspace/errors.h"
#include "workspace/workspace.h"

namespace gocua::workspace {

Result<int> Session::resetTraining(int residents, std::uint64_t seed) {
  if (!ws_->training()) return Error::make(err::kWorkspaceNotTraining);
  {
    auto txn = store::Txn::begin(ws_->db());
    if (!txn) return txn.error();
    GOCUA_TRY(ws_->repo().clearPracticeData());
    recordsWritten_ = true;  // the practice records are gone: the sealed count follows
    lostRecords_ = 0;        // and so are practice records lost earlier
    GOCUA_TRY(txn->commit());
  }
  // What memory held of the old practice data goes too (wiped, as at lock).
  index_.clear();
  for (auto& a : applications_) vault::wipe(a.residentId);
  applications_.clear();
  damaged_.clear();
  households_ = 0;
  if (residents <= 0) return 0;
  return addDemoData(residents, seed);
}

}  // namespace gocua::workspace
