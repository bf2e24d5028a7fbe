// Session: the workspace's at-rest checks (verify) and binding what older versions left unbound.
#include "workspace/device_identity.h"
#include "workspace/errors.h"
#include "workspace/metadata_text.h"
#include "workspace/records_internal.h"
#include "workspace/workspace.h"

namespace gocua::workspace {
using namespace detail;

Status Session::bindLegacy() {
  auto txn = store::Txn::begin(ws_->db());
  if (!txn) return txn.error();
  GOCUA_TRY(bindLegacyHubPin(ws_->repo(), *cipher_));
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
  return report;
}

}  // namespace gocua::workspace
