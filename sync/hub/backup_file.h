// Reading the hub's key backup file ("GOCUA-HUB-BACKUP 1\n" + JSON) that HubSession::backup
// writes: the fields, checked for shape only. Pure (no passphrase, no disk) so it can be fuzzed
// (tests/fuzz/fuzz_hub_backup.cpp); Hub::restore opens the sealed keys with the backup
// passphrase afterwards.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace gocua::hub {

struct BackupFields {
  std::vector<std::uint8_t> keyslot;  // the backup passphrase's keyslot (vault::decodeKeyslot)
  std::vector<std::uint8_t> sealed;   // sign, box and recovery secrets and the hub data key
  std::vector<std::uint8_t> signPublic, boxPublic, recoveryPublic;  // 32 bytes each
  std::string communeCode;
};

// Every field present with its type and size, or "hub.bad_backup" naming what is wrong. A field of
// the wrong type ("format":"1") is refused like a missing one, never thrown on.
[[nodiscard]] Result<BackupFields> parseBackupFile(std::string_view file);

}  // namespace gocua::hub
