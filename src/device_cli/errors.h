// Every error code src/device_cli returns, declared once with its kind (core/result.h: what kinds mean).
// The catalog has "error.<code>" in Vietnamese and English for each (a test checks this list).
#pragma once

#include "core/result.h"

namespace gocua::err {

inline constexpr ErrorCode kFormUnknown{"form.unknown", ErrorKind::Invalid};

inline constexpr ErrorCode kDeviceCliCodes[] = {
    kFormUnknown,
};

}  // namespace gocua::err
