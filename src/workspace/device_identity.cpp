// The laptop's sync identity in the meta table; see device_identity.h.
#include "workspace/device_identity.h"

#include <charconv>
#include <string_view>

#include "store/errors.h"
#include "vault/secret.h"
#include "workspace/errors.h"

namespace gocua::workspace::detail {
namespace {

constexpr const char* kMetaSignPublic = "device.sign_public";
constexpr const char* kMetaSeeds = "device.seeds";
constexpr const char* kMetaWorkspaceId = "device.workspace_id";
constexpr const char* kMetaProfile = "hub.profile";
constexpr const char* kMetaPinnedKey = "hub.sign_public";
// A tag under the data key over the pinned key and the profile (bindHubPin).
constexpr const char* kMetaHubBinding = "hub.binding";

// Binds the sealed seeds to their purpose, so no record body can be swapped in for them. Seeds
// sealed with the second AD also say "this workspace's hub pin is bound": an older workspace
// (first AD) is bound at its next unlock, one with the second never again without its binding.
constexpr std::string_view kSeedsAd = "gocua device seeds v1";
constexpr std::string_view kSeedsBoundAd = "gocua device seeds v2, hub pin bound";
// Sealed so once a receipt said the hub revoked this laptop (bound as well): deleting the
// plaintext "sync.revoked" row does not let it export again; enrolling again reseals them bound.
constexpr std::string_view kSeedsRevokedAd = "gocua device seeds v2, hub pin bound, revoked";

std::span<const std::uint8_t> bytesOf(std::string_view s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}
std::span<const std::uint8_t> adBytes() { return bytesOf(kSeedsAd); }

struct OpenedSeeds {
  std::string seeds;
  bool bound = false;
  bool revoked = false;
};

// The device seeds, opened under either AD; nullopt when there are none or they do not open.
std::optional<OpenedSeeds> openSeeds(store::Repository& repo, const vault::RecordCipher& cipher) {
  auto sealedHex = repo.meta(kMetaSeeds);
  if (!sealedHex || !*sealedHex) return std::nullopt;
  auto sealed = vault::fromHex(**sealedHex);
  if (!sealed) return std::nullopt;
  if (auto seeds = cipher.open(*sealed, bytesOf(kSeedsBoundAd))) return OpenedSeeds{std::move(*seeds), true, false};
  if (auto seeds = cipher.open(*sealed, bytesOf(kSeedsRevokedAd))) return OpenedSeeds{std::move(*seeds), true, true};
  if (auto seeds = cipher.open(*sealed, adBytes())) return OpenedSeeds{std::move(*seeds), false, false};
  return std::nullopt;
}

// What the binding tag authenticates: the pinned key and the profile text, length-prefixed.
std::string hubBindingAd(std::string_view pinnedHex, std::string_view profile) {
  std::string ad = "gocua hub pin v1\n";
  ad += std::to_string(pinnedHex.size()) + ":" + std::string(pinnedHex);
  ad += std::to_string(profile.size()) + ":" + std::string(profile);
  return ad;
}

std::optional<std::array<std::uint8_t, 32>> key32(std::string_view hex) {
  auto bytes = vault::fromHex(hex);
  if (!bytes || bytes->size() != 32) return std::nullopt;
  std::array<std::uint8_t, 32> out{};
  std::copy(bytes->begin(), bytes->end(), out.begin());
  return out;
}

Result<std::string> requiredMeta(store::Repository& repo, const char* key, const ErrorCode& missingCode) {
  auto value = repo.meta(key);
  if (!value) return value.error();
  if (!*value) return Error::make(missingCode);
  return std::move(**value);
}

}  // namespace

Result<DeviceIdentity> loadDeviceIdentity(store::Repository& repo, const vault::RecordCipher& cipher, bool create) {
  auto sealedHex = repo.meta(kMetaSeeds);
  if (!sealedHex) return sealedHex.error();
  if (!*sealedHex) {
    if (!create) return Error::make(err::kSyncNoRequest);
    auto seeds = vault::SecretBytes::random(64);
    auto sealed = cipher.seal(seeds.view(), adBytes());
    auto sign = sync::DeviceKeys::fromSeed(std::span<const std::uint8_t, 32>(seeds.data(), 32));
    std::array<std::uint8_t, 16> wsId{};
    vault::randomBytes(wsId);
    GOCUA_TRY(repo.setMeta(kMetaSeeds, vault::toHex(sealed)));
    GOCUA_TRY(repo.setMeta(kMetaSignPublic, vault::toHex(sign.publicKey)));
    GOCUA_TRY(repo.setMeta(kMetaWorkspaceId, vault::toHex(wsId)));
    return loadDeviceIdentity(repo, cipher, false);
  }
  auto opened = openSeeds(repo, cipher);
  if (!opened || opened->seeds.size() != 64) {
    if (opened) vault::wipe(opened->seeds);
    return Error::make(err::kRecordDamaged, "device");
  }
  auto* seeds = &opened->seeds;
  const auto* p = reinterpret_cast<const std::uint8_t*>(seeds->data());
  DeviceIdentity id{sync::DeviceKeys::fromSeed(std::span<const std::uint8_t, 32>(p, 32)),
                    sync::DeviceBoxKeys::fromSeed(std::span<const std::uint8_t, 32>(p + 32, 32)),
                    {}};
  vault::wipe(*seeds);
  auto wsId = requiredMeta(repo, kMetaWorkspaceId, err::kRecordDamaged);
  if (!wsId) return wsId.error();
  id.workspaceId = *wsId;
  return id;
}

Result<std::optional<std::array<std::uint8_t, 32>>> storedDeviceId(store::Repository& repo) {
  auto hex = repo.meta(kMetaSignPublic);
  if (!hex) return hex.error();
  if (!*hex) return std::optional<std::array<std::uint8_t, 32>>();
  auto key = key32(**hex);
  if (!key) return Error::make(err::kStoreCorrupt, "device");
  return std::optional<std::array<std::uint8_t, 32>>(*key);
}

bool dataKeyOpensDevice(store::Repository& repo, const vault::RecordCipher& cipher) {
  auto opened = openSeeds(repo, cipher);
  if (!opened) return false;
  vault::wipe(opened->seeds);
  return true;
}

Result<std::optional<std::array<std::uint8_t, 32>>> pinnedHubKey(store::Repository& repo) {
  auto hex = repo.meta(kMetaPinnedKey);
  if (!hex) return hex.error();
  if (!*hex) return std::optional<std::array<std::uint8_t, 32>>();
  auto key = key32(**hex);
  if (!key) return Error::make(err::kStoreCorrupt, "hub");
  return std::optional<std::array<std::uint8_t, 32>>(*key);
}

Result<sync::CommuneProfile> enrolledProfile(store::Repository& repo) {
  auto pinned = pinnedHubKey(repo);
  if (!pinned) return pinned.error();
  auto text = repo.meta(kMetaProfile);
  if (!text) return text.error();
  if (!*pinned || !*text) return Error::make(err::kSyncNotEnrolled);
  return sync::readProfile(**text, *pinned);
}

Result<sync::CommuneProfile> enrolledProfile(store::Repository& repo, const vault::RecordCipher& cipher) {
  GOCUA_TRY(checkHubPin(repo, cipher));
  return enrolledProfile(repo);
}

namespace {

// The device seeds sealed again under another label (bound to the hub pin, or revoked).
Status resealSeeds(store::Repository& repo, const vault::RecordCipher& cipher, std::string_view label) {
  auto opened = openSeeds(repo, cipher);
  if (!opened) return Error::make(err::kRecordDamaged, "device");
  auto resealed = cipher.seal(opened->seeds, bytesOf(label));
  vault::wipe(opened->seeds);
  return repo.setMeta(kMetaSeeds, vault::toHex(resealed));
}

}  // namespace

Status storeProfile(store::Repository& repo, std::string_view profileFile, const sync::CommuneProfile& profile,
                    const vault::RecordCipher& cipher) {
  GOCUA_TRY(repo.setMeta(kMetaProfile, profileFile));
  GOCUA_TRY(repo.setMeta(kMetaPinnedKey, vault::toHex(profile.hubSignPublic)));
  return bindHubPin(repo, cipher);
}

Status bindHubPin(store::Repository& repo, const vault::RecordCipher& cipher) {
  auto pinned = repo.meta(kMetaPinnedKey);
  if (!pinned) return pinned.error();
  auto profile = repo.meta(kMetaProfile);
  if (!profile) return profile.error();
  if (!*pinned || !*profile) return {};
  auto tag = cipher.seal(std::string_view(), bytesOf(hubBindingAd(**pinned, **profile)));
  GOCUA_TRY(repo.setMeta(kMetaHubBinding, vault::toHex(tag)));
  return resealSeeds(repo, cipher, kSeedsBoundAd);
}

Status checkHubPin(store::Repository& repo, const vault::RecordCipher& cipher) {
  auto pinned = repo.meta(kMetaPinnedKey);
  if (!pinned) return pinned.error();
  auto profile = repo.meta(kMetaProfile);
  if (!profile) return profile.error();
  if (!*pinned && !*profile) return {};  // not enrolled: nothing to trust yet
  auto tagHex = repo.meta(kMetaHubBinding);
  if (!tagHex) return tagHex.error();
  if (!*pinned || !*profile || !*tagHex) return Error::make(err::kSyncPinDamaged, "hub");
  auto tag = vault::fromHex(**tagHex);
  if (!tag || !cipher.open(*tag, bytesOf(hubBindingAd(**pinned, **profile))))
    return Error::make(err::kSyncPinDamaged, "hub");
  return {};
}

Status markDeviceRevoked(store::Repository& repo, const vault::RecordCipher& cipher) {
  return resealSeeds(repo, cipher, kSeedsRevokedAd);
}

bool deviceSeedsRevoked(store::Repository& repo, const vault::RecordCipher& cipher) {
  auto opened = openSeeds(repo, cipher);
  if (!opened) return false;
  vault::wipe(opened->seeds);
  return opened->revoked;
}

bool deviceSeedsBound(store::Repository& repo, const vault::RecordCipher& cipher) {
  auto opened = openSeeds(repo, cipher);
  if (!opened) return false;
  vault::wipe(opened->seeds);
  return opened->bound;
}

Status bindLegacyHubPin(store::Repository& repo, const vault::RecordCipher& cipher) {
  auto pinned = repo.meta(kMetaPinnedKey);
  if (!pinned) return pinned.error();
  auto tagHex = repo.meta(kMetaHubBinding);
  if (!tagHex) return tagHex.error();
  if (!*pinned || *tagHex) return {};
  auto opened = openSeeds(repo, cipher);
  if (!opened) return {};  // damaged seeds: export refuses on its own ("record.damaged")
  vault::wipe(opened->seeds);
  if (opened->bound) return {};  // bound before and the binding is gone: checkHubPin refuses
  return bindHubPin(repo, cipher);
}

Result<std::int64_t> metaInt(store::Repository& repo, const char* key, std::int64_t fallback) {
  auto text = repo.meta(key);
  if (!text) return text.error();
  if (!*text) return fallback;
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars((*text)->data(), (*text)->data() + (*text)->size(), value);
  if (ec != std::errc() || end != (*text)->data() + (*text)->size()) return Error::make(err::kStoreCorrupt, key);
  return value;
}

}  // namespace gocua::workspace::detail
