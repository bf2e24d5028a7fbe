// Internal to the workspace: this laptop's sync identity kept in the meta table. Public keys and
// the hub's profile (all public) are stored as text; the device's key seeds are sealed under the
// data key, so a stolen laptop cannot sign batches without a volunteer's passphrase.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "store/repository.h"
#include "sync/keys/keys.h"
#include "vault/record_cipher.h"

namespace gocua::workspace::detail {

struct DeviceIdentity {
  sync::DeviceKeys sign;
  sync::DeviceBoxKeys box;
  std::string workspaceId;
};

// create: make and store new keys when there are none yet (first enrollment request).
// Errors: "sync.no_request" (none and !create), "record.damaged" (sealed seeds do not open).
Result<DeviceIdentity> loadDeviceIdentity(store::Repository& repo, const vault::RecordCipher& cipher, bool create);

// The device id (public signing key) without unlocking; nullopt before the first request.
Result<std::optional<std::array<std::uint8_t, 32>>> storedDeviceId(store::Repository& repo);

// Checks that a data key is this workspace's: the sealed seeds open under it.
bool dataKeyOpensDevice(store::Repository& repo, const vault::RecordCipher& cipher);

// The profile the laptop enrolled with (re-verified against the pinned key), or "sync.not_enrolled".
Result<sync::CommuneProfile> enrolledProfile(store::Repository& repo);
Result<std::optional<std::array<std::uint8_t, 32>>> pinnedHubKey(store::Repository& repo);
// The same, refused with "sync.pin_damaged" unless checkHubPin passes: what export trusts.
Result<sync::CommuneProfile> enrolledProfile(store::Repository& repo, const vault::RecordCipher& cipher);
// Stores the profile and its pinned key and binds them to the data key (bindHubPin).
Status storeProfile(store::Repository& repo, std::string_view profileFile, const sync::CommuneProfile& profile,
                    const vault::RecordCipher& cipher);

// The pinned hub key and the profile are plaintext meta rows; a tag under the data key over both
// (meta "hub.binding", an AEAD seal of nothing with them as associated data) shows they are the
// ones this laptop enrolled with. bindHubPin writes the tag and reseals the device seeds with an
// AD that records "bound" (call inside the caller's transaction). checkHubPin: ok when not
// enrolled; "sync.pin_damaged" when the tag is missing or does not match. bindLegacyHubPin (at
// unlock): binds a workspace enrolled by an older GoCua (seeds sealed the old way, no tag); a
// workspace whose seeds say "bound" never gets a missing tag re-made.
Status bindHubPin(store::Repository& repo, const vault::RecordCipher& cipher);
Status checkHubPin(store::Repository& repo, const vault::RecordCipher& cipher);
Status bindLegacyHubPin(store::Repository& repo, const vault::RecordCipher& cipher);
// Whether the device seeds are sealed the "bound" way (written by this version or later).
bool deviceSeedsBound(store::Repository& repo, const vault::RecordCipher& cipher);
// A receipt said the hub revoked this laptop: the seeds are resealed saying so (call inside the
// caller's transaction), and export refuses while deviceSeedsRevoked holds. bindHubPin (enrolling
// again) reseals them bound, which lifts it.
Status markDeviceRevoked(store::Repository& repo, const vault::RecordCipher& cipher);
bool deviceSeedsRevoked(store::Repository& repo, const vault::RecordCipher& cipher);

// Meta keys of sync state.
inline constexpr const char* kMetaNextSequence = "sync.next_sequence";
inline constexpr const char* kMetaLastSync = "sync.last_sync";
inline constexpr const char* kMetaRetentionDays = "sync.retention_days";
// The hub time of the receipt that said the hub revoked this laptop; empty or absent = not revoked.
inline constexpr const char* kMetaRevoked = "sync.revoked";
inline constexpr const char* kMetaRecoverySlot = "recovery.slot";

Result<std::int64_t> metaInt(store::Repository& repo, const char* key, std::int64_t fallback);

// The installed form pack (session_forms.cpp): the signed file and its version.
inline constexpr const char* kMetaFormPack = "forms.pack";
inline constexpr const char* kMetaFormPackVersion = "forms.pack_version";
// Installs packFile if it is newer than the installed one; call inside the caller's
// transaction. Returns the version installed, or 0 when it is not newer. Errors: those of
// sync::readFormPack, "formpack.invalid" (another commune, or a file that does not load).
Result<int> installFormPack(store::Repository& repo, const sync::CommuneProfile& profile, std::string_view packFile);

}  // namespace gocua::workspace::detail
