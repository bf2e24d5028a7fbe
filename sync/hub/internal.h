// Helpers shared by gocua_hub's source files (not part of the module's interface).
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/record_id.h"
#include "core/result.h"
#include "forms/registry.h"
#include "sync/hub/hub.h"
#include "sync/hub/hub_store.h"
#include "vault/record_cipher.h"

namespace gocua::hub::detail {

inline constexpr const char* kQuarantineDir = "quarantine";
inline constexpr const char* kIncomingDir = "incoming";

using core::nowIso;  // UTC "2026-11-23T10:00:00Z"
std::string hex(std::span<const std::uint8_t> bytes);
Result<std::vector<std::uint8_t>> unhex(std::string_view text);
// A sealed body's AD is vault::recordAd (the workspace's layout); a staff note's is "note" ||
// vault::recordAd(id, revision).
using vault::recordAd;
std::array<std::uint8_t, 28> noteAd(std::span<const std::uint8_t, 16> id, std::int64_t revision);
// BLAKE2b-256 of a file's bytes, streamed (vault::Blake2b).
Result<std::array<std::uint8_t, 32>> fileHash(const std::filesystem::path& path);
// The metadata of a stored record as the interface shows it.
RecordInfo recordInfo(const StoredRecord& r);
// "hub.bad_status" for a status filter that is neither "new" nor a review status.
Status checkFilter(const RecordFilter& filter);
// The filters that need no plaintext (status, since; procedure is the store's own).
bool metadataMatches(const RecordFilter& filter, const StoredRecord& r);
// mkdir with 0700 if missing (and chmod 0700 when we created it).
Status ensurePrivateDir(const std::filesystem::path& dir);

}  // namespace gocua::hub::detail

namespace gocua::hub {

// What an unlocked session holds.
struct HubSession::Impl {
  sync::HubIdentity identity;
  vault::SecretBytes dataKey{32};
  vault::RecordCipher cipher;
  forms::FormRegistry forms;
  CommuneInfo commune;
  int formPackVersion = 0;
  std::string formPackFile;  // the signed pack (meta "form_pack.file"), empty before the first publish
  std::string staff;         // who unlocked

  Impl(sync::HubIdentity id, vault::SecretBytes key, forms::FormRegistry f, CommuneInfo c)
      : identity(std::move(id)), dataKey(std::move(key)), cipher(dataKey), forms(std::move(f)), commune(std::move(c)) {}
};

// Receipt pieces shared by import and status-out (receipts.cpp).
namespace detail {
// Every review decision on this device's records, notes resealed to the device box key.
Result<std::vector<sync::StatusUpdate>> updatesFor(HubStore& store, const vault::RecordCipher& cipher,
                                                   const DeviceId& device);
Result<std::uint64_t> nextSequence(HubStore& store, const DeviceId& device);
// The published pack for a laptop that reported `deviceVersion`, or empty when it has it already.
std::string formPackFor(const HubSession::Impl& impl, int deviceVersion);
// Reads the published pack (if any) into impl at unlock: version, signed file, and the registry.
Status loadPublishedForms(HubStore& store, HubSession::Impl& impl);
// Meta keys of the published form pack.
inline constexpr const char* kMetaFormPack = "form_pack";
inline constexpr const char* kMetaFormPackFile = "form_pack.file";
}  // namespace detail

}  // namespace gocua::hub
