// Device recovery (.gcx for a volunteer who forgot the passphrase) and the staff's key backup.
#include <cstring>

#include "sync/hub/errors.h"
#include "sync/hub/internal.h"

namespace gocua::hub {

using namespace detail;
using nlohmann::json;

Result<std::pair<RecoveryResult, std::string>> HubSession::recovery(const DeviceId& device) {
  auto row = hub_.store().device(device);
  if (!row) return row.error();
  if (!*row) return Error::make(err::kHubUnknownDevice);
  // A revoked laptop may be lost or stolen: its recovery file and code would hand over the data key.
  if ((*row)->revokedAt) return Error::make(err::kHubRecoveryRevoked);
  if ((*row)->recoverySlot.empty()) return Error::make(err::kHubNoRecoverySlot);
  auto dataKey = sync::openRecoverySlot((*row)->recoverySlot, impl_->identity.recovery);
  if (!dataKey) return dataKey.error();
  std::string code = sync::newRecoveryCode();
  auto file = sync::makeRecoveryFile(device, *dataKey, code, impl_->identity);
  if (!file) {
    vault::wipe(code);
    return file.error();
  }
  // It hands over a laptop's data key: who issued one, and when, is on record.
  if (auto st = audit("device.recovery", deviceHex(device)); !st) {
    vault::wipe(code);
    return st.error();
  }
  return std::pair{RecoveryResult{device, std::move(code)}, std::move(*file)};
}

Result<std::string> HubSession::backup(std::string_view backupPassphrase, const vault::KdfParams& kdf) {
  constexpr std::string_view kAd = "gocua-hub-backup-1";
  const auto& id = impl_->identity;
  vault::SecretBytes secrets(64 + 32 + 32 + 32);
  std::memcpy(secrets.data(), id.signSecret.data(), 64);
  std::memcpy(secrets.data() + 64, id.box.secretKey.data(), 32);
  std::memcpy(secrets.data() + 96, id.recovery.secretKey.data(), 32);
  std::memcpy(secrets.data() + 128, impl_->dataKey.data(), 32);
  auto key = vault::newDataKey();
  auto slot = vault::wrapDataKey(key, backupPassphrase, kdf);
  if (!slot) return slot.error();
  vault::RecordCipher cipher(key);
  auto sealed = cipher.seal(secrets.view(), vault::bytesOf(kAd));
  json body = {{"format", 1},
               {"commune_code", impl_->commune.code},
               {"sign_public", hex(id.signPublic)},
               {"box_public", hex(id.box.publicKey)},
               {"recovery_public", hex(id.recovery.publicKey)},
               {"keyslot", hex(vault::encodeKeyslot(*slot))},
               {"sealed", hex(sealed)},
               {"created_at", nowIso()}};
  return "GOCUA-HUB-BACKUP 1\n" + body.dump() + "\n";
}

}  // namespace gocua::hub
