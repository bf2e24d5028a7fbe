// Every error code sync/client returns, declared once with its kind (core/result.h: what kinds mean).
// The catalog has "error.<code>" in Vietnamese and English for each: tests/unit/app/error_codes_test.cpp
// reads these declarations, one per line, and checks it.
#pragma once

#include "core/result.h"

namespace gocua::err {

inline constexpr ErrorCode kSyncNoHubUrl{"sync.no_hub_url", ErrorKind::Refused};

}  // namespace gocua::err
