// Every error code src/hub_cli returns, declared once with its kind (core/result.h: what kinds mean).
// The catalog has "error.<code>" in Vietnamese and English for each: tests/unit/app/error_codes_test.cpp
// reads these declarations, one per line, and checks it.
#pragma once

#include "core/result.h"

namespace gocua::err {

inline constexpr ErrorCode kHubBadArg{"hub.bad_arg", ErrorKind::Invalid};
inline constexpr ErrorCode kHubNoBackupPassphrase{"hub.no_backup_passphrase", ErrorKind::Locked};
inline constexpr ErrorCode kHubNoPassphrase{"hub.no_passphrase", ErrorKind::Locked};
inline constexpr ErrorCode kHubPassphraseMismatch{"hub.passphrase_mismatch", ErrorKind::Invalid};
inline constexpr ErrorCode kHubUnknownCommune{"hub.unknown_commune", ErrorKind::Invalid};

}  // namespace gocua::err
