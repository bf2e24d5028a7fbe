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

// Binds the sealed seeds to their purpose, so no record body can be swapped in for them.
constexpr std::string_view kSeedsAd = "gocua device seeds v1";

std::span<const std::uint8_t> adBytes() {
  return {reinterpret_cast<const std::uint8_t*>(kSeedsAd.data()), kSeedsAd.size()};
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
  auto sealed = vault::fromHex(**sealedHex);
  if (!sealed) return Error::make(err::kRecordDamaged, "device");
  auto seeds = cipher.open(*sealed, adBytes());
  if (!seeds || seeds->size() != 64) return Error::make(err::kRecordDamaged, "device");
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
  auto sealedHex = repo.meta(kMetaSeeds);
  if (!sealedHex || !*sealedHex) return false;
  auto sealed = vault::fromHex(**sealedHex);
  if (!sealed) return false;
  auto seeds = cipher.open(*sealed, adBytes());
  if (!seeds) return false;
  vault::wipe(*seeds);
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

Status storeProfile(store::Repository& repo, std::string_view profileFile, const sync::CommuneProfile& profile) {
  GOCUA_TRY(repo.setMeta(kMetaProfile, profileFile));
  return repo.setMeta(kMetaPinnedKey, vault::toHex(profile.hubSignPublic));
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
