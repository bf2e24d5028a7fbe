// The key backup file's fields; see backup_file.h.
#include "sync/hub/backup_file.h"

#include <nlohmann/json.hpp>

#include "core/json_read.h"
#include "sync/hub/errors.h"
#include "vault/secret.h"

namespace gocua::hub {

namespace {

constexpr std::string_view kHeader = "GOCUA-HUB-BACKUP 1\n";

Error badBackup(std::string detail) { return Error::make(err::kHubBadBackup, "", std::move(detail)); }

// The hex field `key`, decoded; nullopt when absent, not a string, or not hex.
std::optional<std::vector<std::uint8_t>> hexField(const nlohmann::json& body, std::string_view key) {
  auto text = jsonField<std::string>(body, key);
  if (!text) return std::nullopt;
  return vault::fromHex(*text);
}

}  // namespace

Result<BackupFields> parseBackupFile(std::string_view file) {
  if (file.substr(0, kHeader.size()) != kHeader) return badBackup("header");
  const auto body = nlohmann::json::parse(file.substr(kHeader.size()), nullptr, false);
  if (!body.is_object() || jsonValue(body, "format", 0) != 1) return badBackup("body");
  BackupFields out;
  auto slot = hexField(body, "keyslot");
  auto sealed = hexField(body, "sealed");
  if (!slot || !sealed) return badBackup("fields");
  out.keyslot = std::move(*slot);
  out.sealed = std::move(*sealed);
  for (auto [name, dest] : {std::pair{"sign_public", &out.signPublic}, std::pair{"box_public", &out.boxPublic},
                            std::pair{"recovery_public", &out.recoveryPublic}}) {
    auto key = hexField(body, name);
    if (!key || key->size() != 32) return badBackup(std::string(name) + " does not match");
    *dest = std::move(*key);
  }
  auto code = jsonField<std::string>(body, "commune_code");
  if (!code || code->empty()) return badBackup("commune_code");
  out.communeCode = std::move(*code);
  return out;
}

}  // namespace gocua::hub
