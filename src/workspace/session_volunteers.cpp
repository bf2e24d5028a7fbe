// Session: volunteers' keyslots (add, remove, change passphrase) and training data.
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
#include "vault/secret.h"
#include "workspace/demo_data.h"
#include "workspace/errors.h"
#include "workspace/records_internal.h"

namespace gocua::workspace {
namespace fs = std::filesystem;
using nlohmann::json;

using namespace detail;

// [SECTION] Session: volunteers and passphrases

Status Session::addVolunteer(std::string_view nameIn, std::string_view passphrase, const vault::KdfParams& kdf) {
  auto name = volunteerName(nameIn);
  if (!name) return name.error();
  GOCUA_TRY(vault::checkPassphrase(passphrase));
  auto existing = ws_->repo().keyslot(*name);
  if (!existing) return existing.error();
  if (*existing) return Error::make(err::kVolunteerExists, "volunteer");
  auto slot = vault::wrapDataKey(dataKey_, passphrase, kdf);
  if (!slot) return slot.error();
  auto txn = store::Txn::begin(ws_->db());
  if (!txn) return txn.error();
  GOCUA_TRY(ws_->repo().insertKeyslot(toRow(*name, *slot)));
  GOCUA_TRY(ws_->repo().audit(nowIso(), volunteer_, "volunteer_add"));
  return txn->commit();
}

Status Session::removeVolunteer(std::string_view nameIn) {
  auto name = core::toNfc(nameIn);
  if (!name) return Error::make(err::kVolunteerNotFound, "volunteer");
  auto slots = ws_->repo().keyslots();
  if (!slots) return slots.error();
  bool found = false;
  for (auto& s : *slots) found = found || s.volunteer == *name;
  if (!found) return Error::make(err::kVolunteerNotFound, "volunteer");
  if (slots->size() == 1) return Error::make(err::kVolunteerLast, "volunteer");
  auto txn = store::Txn::begin(ws_->db());
  if (!txn) return txn.error();
  GOCUA_TRY(ws_->repo().deleteKeyslot(*name));
  GOCUA_TRY(ws_->repo().audit(nowIso(), volunteer_, "volunteer_remove"));
  return txn->commit();
}

Status Session::changePassphrase(std::string_view newPassphrase, const vault::KdfParams& kdf) {
  GOCUA_TRY(vault::checkPassphrase(newPassphrase));
  auto current = ws_->repo().keyslot(volunteer_);
  if (!current) return current.error();
  // A new passphrase never makes a slot cheaper to guess: GOCUA_KDF=interactive (tests, old laptops)
  // or a low-memory moment picks the floor, but a slot made at MODERATE keeps at least that cost.
  vault::KdfParams stronger = kdf;
  if (*current) {
    const vault::KdfParams old = fromRow(**current).params;
    stronger.opslimit = std::max(stronger.opslimit, old.opslimit);
    stronger.memlimit = std::max(stronger.memlimit, old.memlimit);
  }
  auto slot = vault::wrapDataKey(dataKey_, newPassphrase, stronger);
  if (!slot) return slot.error();
  auto txn = store::Txn::begin(ws_->db());
  if (!txn) return txn.error();
  GOCUA_TRY(ws_->repo().replaceKeyslot(toRow(volunteer_, *slot)));
  GOCUA_TRY(ws_->repo().audit(nowIso(), volunteer_, "passphrase_change"));
  return txn->commit();
}

// [SECTION] Session: training data

Result<int> Session::addDemoData(int residents, std::uint64_t seed) {
  if (!ws_->training()) return Error::make(err::kWorkspaceNotTraining);
  DemoOptions options;
  options.residents = residents;
  options.seed = seed;
  options.today = core::today();
  std::stringstream ndjson;
  writeDemoResidentsNdjson(ndjson, options);
  auto result = importResidents(ndjson);
  std::string buffer = ndjson.str();
  vault::wipe(buffer);
  if (!result) return result.error();
  return result->imported;
}

}  // namespace gocua::workspace
