// Every error code src/ui returns, declared once with its kind (core/result.h: what kinds mean).
// The catalog has "error.<code>" in Vietnamese and English for each: tests/unit/app/error_codes_test.cpp
// reads these declarations, one per line, and checks it.
#pragma once

#include "core/result.h"

namespace gocua::err {

inline constexpr ErrorCode kUiFontMissing{"ui.font_missing", ErrorKind::Io};
inline constexpr ErrorCode kUiNoDisplay{"ui.no_display", ErrorKind::Io};
inline constexpr ErrorCode kUiNoOpengl{"ui.no_opengl", ErrorKind::Io};

}  // namespace gocua::err
