// Session: the hub address and folder the sync screen last used. A stick's label or a hub address
// can name the commune, so they are sealed under the data key in one meta row (the AD names the
// purpose: no other sealed value can be swapped in), never written in the clear.
#include <nlohmann/json.hpp>

#include "core/json_read.h"
#include "vault/secret.h"
#include "workspace/errors.h"
#include "workspace/workspace.h"

namespace gocua::workspace {
namespace {

constexpr const char* kMetaSyncPlaces = "sync.places_sealed";
constexpr std::string_view kSyncPlacesAd = "gocua sync places v1";

}  // namespace

Status Session::saveSyncPlaces(const SyncPlaces& places) {
  std::string text = nlohmann::json{{"hub_url", places.hubUrl}, {"folder", places.folder}}.dump();
  auto sealed = cipher_->seal(text, vault::bytesOf(kSyncPlacesAd));
  vault::wipe(text);
  return ws_->repo().setMeta(kMetaSyncPlaces, vault::toHex(sealed));
}

Result<SyncPlaces> Session::syncPlaces() {
  auto sealedHex = ws_->repo().meta(kMetaSyncPlaces);
  if (!sealedHex) return sealedHex.error();
  if (!*sealedHex) return SyncPlaces{};
  auto sealed = vault::fromHex(**sealedHex);
  if (!sealed) return Error::make(err::kWorkspaceDamaged, "", kMetaSyncPlaces);
  auto text = cipher_->open(*sealed, vault::bytesOf(kSyncPlacesAd));
  if (!text) return Error::make(err::kWorkspaceDamaged, "", kMetaSyncPlaces);
  const auto value = nlohmann::json::parse(*text, nullptr, false);
  vault::wipe(*text);
  return SyncPlaces{jsonValue(value, "hub_url", ""), jsonValue(value, "folder", "")};
}

}  // namespace gocua::workspace
