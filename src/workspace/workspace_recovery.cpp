// Workspace: a new passphrase from the hub's one-time recovery file (sync/README.md, "Recovery").
// Runs on a locked workspace: the volunteer has forgotten the passphrase that would unlock it.
#include <algorithm>

#include "core/text.h"
#include "sync/keys/errors.h"
#include "sync/keys/keys.h"
#include "vault/secret.h"
#include "workspace/device_identity.h"
#include "workspace/errors.h"
#include "workspace/records_internal.h"
#include "workspace/recovery_used.h"
#include "workspace/workspace.h"

namespace gocua::workspace {
using namespace detail;

Status Workspace::resetPassphrase(std::string_view recoveryFile, std::string_view code, std::string_view volunteerIn,
                                  std::string_view newPassphrase, const vault::KdfParams& kdf) {
  auto pinned = pinnedHubKey(repo_);
  if (!pinned) return pinned.error();
  auto deviceId = storedDeviceId(repo_);
  if (!deviceId) return deviceId.error();
  if (!*pinned || !*deviceId) return Error::make(err::kSyncNotEnrolled);
  auto file = sync::readRecoveryFile(recoveryFile, **pinned, **deviceId);
  if (!file) return file.error();

  auto dataKey = sync::openRecoveryFile(*file, code);
  if (!dataKey) return dataKey.error();
  if (dataKey->size() != vault::kDataKeyBytes) return Error::make(err::kRecoveryDamaged);
  const vault::RecordCipher cipher(*dataKey);
  if (!dataKeyOpensDevice(repo_, cipher)) return Error::make(err::kRecoveryDamaged);
  // Only now can the pinned key that verified the file be checked against its tag under the data
  // key (bound first if an older GoCua enrolled this workspace, as unlock would).
  GOCUA_TRY(bindLegacyHubPin(repo_, cipher));
  GOCUA_TRY(checkHubPin(repo_, cipher));
  // One-time: a recovery id this laptop has used before is refused. The list is sealed under the
  // data key, so it can only be read now; a missing or altered list refuses the reset.
  auto used = usedRecoveryIds(repo_, cipher);
  if (!used) return used.error();
  std::string recoveryId = vault::toHex(file->recoveryId);
  if (std::find(used->begin(), used->end(), recoveryId) != used->end()) return Error::make(err::kRecoveryUsed);

  auto name = core::toNfc(volunteerIn);
  auto slots = repo_.keyslots();
  if (!slots) return slots.error();
  if (slots->empty()) return Error::make(err::kVolunteerNotFound, "volunteer");
  std::string volunteer = volunteerIn.empty() || !name ? slots->front().volunteer : *name;
  bool found = false;
  for (const auto& s : *slots) found = found || s.volunteer == volunteer;
  if (!found) return Error::make(err::kVolunteerNotFound, "volunteer");

  GOCUA_TRY(vault::checkPassphrase(newPassphrase));
  auto slot = vault::wrapDataKey(*dataKey, newPassphrase, kdf);
  if (!slot) return slot.error();
  used->push_back(recoveryId);
  auto txn = store::Txn::begin(db_);
  if (!txn) return txn.error();
  GOCUA_TRY(repo_.replaceKeyslot(toRow(volunteer, *slot)));
  GOCUA_TRY(storeUsedRecoveryIds(repo_, cipher, *used));
  GOCUA_TRY(repo_.audit(nowIso(), volunteer, "passphrase_reset"));
  return txn->commit();
}

}  // namespace gocua::workspace
