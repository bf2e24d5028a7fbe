// Every error code src/print returns, declared once with its kind (core/result.h: what kinds mean).
// The catalog has "error.<code>" in Vietnamese and English for each: tests/unit/app/error_codes_test.cpp
// reads these declarations, one per line, and checks it.
#pragma once

#include "core/result.h"

namespace gocua::err {

inline constexpr ErrorCode kPrintFont{"print.font", ErrorKind::Io};
inline constexpr ErrorCode kPrintPdf{"print.pdf", ErrorKind::Internal};
inline constexpr ErrorCode kPrintIo{"print.io", ErrorKind::Io};

}  // namespace gocua::err
