// Session: the workspace's at-rest checks (verify) and binding what older versions left unbound.
#include "store/errors.h"
#include "workspace/device_identity.h"
#include "workspace/errors.h"
#include "workspace/metadata_text.h"
#include "workspace/record_count_seal.h"
#include "workspace/records_internal.h"
#include "workspace/recovery_used.h"
#include "workspace/row_tags.h"
#include "workspace/workspace.h"

namespace gocua::workspace {
using namespace detail;

Status Session::bindLegacy() {
  auto txn = store::Txn::begin(ws_->db());
  if (!txn) return txn.error();
  // Rows first: a workspace whose seeds already say "bound" had tags, so a missing marker is damage.
  GOCUA_TRY(tagLegacyRows(ws_->repo(), *cipher_, !deviceSeedsBound(ws_->repo(), *cipher_)));
  GOCUA_TRY(bindLegacyHubPin(ws_->repo(), *cipher_));
  GOCUA_TRY(sealLegacyRecoveryUsed(ws_->repo(), *cipher_));
  return txn->commit();
}

IntegrityReport Session::checkIntegrity() {
  IntegrityReport report;
  auto add = [&](const Error& e) { report.problems.push_back({e.code, e.field.empty() ? e.detail : e.field}); };
  if (auto pin = checkHubPin(ws_->repo(), *cipher_); !pin) add(pin.error());
  auto places = invalidMetadataText(ws_->repo());
  if (!places) add(places.error());
  for (const auto& place : places ? *places : std::vector<std::string>())
    report.problems.push_back({err::kWorkspaceDamaged.code, place});
  // SQLite's own check: torn pages, indexes that disagree with their table.
  auto sqlite = ws_->db().integrityCheck();
  if (!sqlite) add(sqlite.error());
  for (const auto& line : sqlite ? *sqlite : std::vector<std::string>())
    report.problems.push_back({err::kStoreCorrupt.code, line});
  // Kind and sync state of every row against its tag.
  if (auto marked = rowsMarker(ws_->repo(), *cipher_); !marked)
    add(marked.error());
  else if (!*marked)
    report.problems.push_back({err::kWorkspaceDamaged.code, "integrity marker"});
  auto rows = findRowTagDamage(ws_->repo(), *cipher_);
  if (!rows) add(rows.error());
  for (const auto& place : rows ? rows->places : std::vector<std::string>())
    report.problems.push_back({err::kWorkspaceDamaged.code, place});
  if (rows && rows->count > static_cast<std::int64_t>(rows->places.size()))
    report.problems.push_back(
        {err::kWorkspaceDamaged.code,
         std::to_string(rows->count - static_cast<std::int64_t>(rows->places.size())) + " more records"});
  // Records the last commits sealed against what the database held at unlock (session_unlock.cpp):
  // a lost or torn -wal drops the last import without SQLite noticing.
  auto sealed = readRecordCount(ws_->dir(), *cipher_);
  auto found = ws_->repo().countRecords("");
  if (!sealed) add(sealed.error());
  if (!found) add(found.error());
  if (lostRecords_ > 0 && found)
    report.problems.push_back(
        {err::kWorkspaceRecordsLost.code, std::to_string(*found), std::to_string(*found + lostRecords_)});
  return report;
}

}  // namespace gocua::workspace
