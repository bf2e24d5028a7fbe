// Every error code src/app/ui returns, declared once with its kind (core/result.h: what kinds mean).
// The catalog has "error.<code>" in Vietnamese and English for each: tests/unit/app/error_codes_test.cpp
// reads these declarations, one per line, and checks it.
#pragma once

#include "core/result.h"

namespace gocua::err {

inline constexpr ErrorCode kAppFontMissing{"app.font_missing", ErrorKind::Io};
inline constexpr ErrorCode kAppNoDisplay{"app.no_display", ErrorKind::Io};
inline constexpr ErrorCode kAppNoOpengl{"app.no_opengl", ErrorKind::Io};

}  // namespace gocua::err
