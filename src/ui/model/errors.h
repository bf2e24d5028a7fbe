// Every error code src/ui/model returns, declared once with its kind (core/result.h: what kinds mean).
// The catalog has "error.<code>" in Vietnamese and English for each: tests/unit/app/error_codes_test.cpp
// reads these declarations, one per line, and checks it.
#pragma once

#include "core/result.h"

namespace gocua::err {

inline constexpr ErrorCode kFolderMissing{"folder.missing", ErrorKind::NotFound};
inline constexpr ErrorCode kFolderTooLarge{"folder.too_large", ErrorKind::Invalid};
inline constexpr ErrorCode kFolderUnreadable{"folder.unreadable", ErrorKind::Io};
inline constexpr ErrorCode kSettingsMalformed{"settings.malformed", ErrorKind::Invalid};

}  // namespace gocua::err
