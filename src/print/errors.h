// Every error code src/print returns, declared once with its kind (core/result.h: what kinds mean).
// The catalog has "error.<code>" in Vietnamese and English for each (a test checks this list).
#pragma once

#include "core/result.h"

namespace gocua::err {

inline constexpr ErrorCode kPrintFont{"print.font", ErrorKind::Io};
inline constexpr ErrorCode kPrintPdf{"print.pdf", ErrorKind::Internal};
inline constexpr ErrorCode kPrintIo{"print.io", ErrorKind::Io};

inline constexpr ErrorCode kPrintCodes[] = {kPrintFont, kPrintPdf, kPrintIo};

}  // namespace gocua::err
