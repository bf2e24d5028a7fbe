// Every error code sync/client returns, declared once with its kind (core/result.h: what kinds mean).
// The catalog has "error.<code>" in Vietnamese and English for each (a test checks this list).
#pragma once

#include "core/result.h"

namespace gocua::err {

inline constexpr ErrorCode kSyncNoHubUrl{"sync.no_hub_url", ErrorKind::Refused};

inline constexpr ErrorCode kClientCodes[] = {
    kSyncNoHubUrl,
};

}  // namespace gocua::err
