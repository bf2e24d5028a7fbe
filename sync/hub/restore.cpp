// Restoring a hub's keys from the backup file HubSession::backup wrote ("GOCUA-HUB-BACKUP 1").
#include <cstring>

#include "sync/hub/backup_file.h"
#include "sync/hub/errors.h"
#include "sync/hub/internal.h"
#include "vault/primitives.h"

namespace gocua::hub {

using namespace detail;

namespace {

constexpr std::string_view kAd = "gocua-hub-backup-1";    // as HubSession::backup seals it
constexpr std::size_t kSecretsBytes = 64 + 32 + 32 + 32;  // sign, box, recovery, hub data key

Error badBackup(std::string detail) { return Error::make(err::kHubBadBackup, "", std::move(detail)); }

// An X25519 pair from its secret half, checked against the public half the backup names.
Result<sync::HubKeys> boxPair(const std::uint8_t* secret, const std::vector<std::uint8_t>& named,
                              const char* publicField) {
  auto pair = vault::BoxKeyPair::fromSecret(std::span<const std::uint8_t, 32>(secret, 32));
  if (!pair) return badBackup("box key");
  sync::HubKeys keys = std::move(*pair);
  if (!std::equal(named.begin(), named.end(), keys.publicKey.begin(), keys.publicKey.end()))
    return badBackup(std::string(publicField) + " does not match");
  return keys;
}

}  // namespace

Result<std::unique_ptr<Hub>> Hub::restore(const fs::path& dir, std::string_view backupFile,
                                          std::string_view backupPassphrase, CommuneInfo commune,
                                          std::string_view passphrase, const vault::KdfParams& kdf) {
  auto fields = parseBackupFile(backupFile);
  if (!fields) return fields.error();
  auto slot = vault::decodeKeyslot(fields->keyslot);
  if (!slot) return badBackup("keyslot");
  auto key = vault::unwrapDataKey(*slot, backupPassphrase);
  if (!key) return key.error();
  vault::RecordCipher cipher(*key);
  auto secrets = cipher.open(fields->sealed, vault::bytesOf(kAd));
  if (!secrets) return badBackup("sealed keys");
  if (secrets->size() != kSecretsBytes) {
    vault::wipe(*secrets);
    return badBackup("sealed size");
  }
  const auto* raw = reinterpret_cast<const std::uint8_t*>(secrets->data());

  sync::HubIdentity identity;
  std::memcpy(identity.signSecret.data(), raw, 64);
  std::memcpy(identity.signPublic.data(), raw + 32, 32);  // libsodium layout: seed || public key
  auto box = boxPair(raw + 64, fields->boxPublic, "box_public");
  auto recovery = boxPair(raw + 96, fields->recoveryPublic, "recovery_public");
  vault::wipe(*secrets);
  if (!std::equal(fields->signPublic.begin(), fields->signPublic.end(), identity.signPublic.begin(),
                  identity.signPublic.end()))
    return badBackup("sign_public does not match");
  if (!box) return box.error();
  if (!recovery) return recovery.error();
  identity.box = std::move(*box);
  identity.recovery = std::move(*recovery);
  commune.code = fields->communeCode;
  return create(dir, commune, passphrase, kdf, std::move(identity));
}

}  // namespace gocua::hub
