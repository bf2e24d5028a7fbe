// Every error code src/store returns, declared once with its kind (core/result.h: what kinds mean).
// The catalog has "error.<code>" in Vietnamese and English for each: tests/unit/app/error_codes_test.cpp
// reads these declarations, one per line, and checks it.
#pragma once

#include "core/result.h"

namespace gocua::err {

inline constexpr ErrorCode kRecordConflict{"record.conflict", ErrorKind::Conflict};
inline constexpr ErrorCode kStoreBusy{"store.busy", ErrorKind::Busy};
inline constexpr ErrorCode kStoreConstraint{"store.constraint", ErrorKind::Internal};
inline constexpr ErrorCode kStoreCorrupt{"store.corrupt", ErrorKind::Damaged};
inline constexpr ErrorCode kStoreError{"store.error", ErrorKind::Internal};
inline constexpr ErrorCode kStoreIo{"store.io", ErrorKind::Io};
inline constexpr ErrorCode kStoreNotFound{"store.not_found", ErrorKind::Internal};
inline constexpr ErrorCode kStoreSchemaTooNew{"store.schema_too_new", ErrorKind::Damaged};

}  // namespace gocua::err
