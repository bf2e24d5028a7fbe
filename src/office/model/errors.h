// Every error code src/office/model returns, declared once with its kind (core/result.h: what kinds mean).
// The catalog has "error.<code>" in Vietnamese and English for each: tests/unit/app/error_codes_test.cpp
// reads these declarations, one per line, and checks it.
#pragma once

#include "core/result.h"

namespace gocua::err {

inline constexpr ErrorCode kOfficeNoteRequired{"office.note_required", ErrorKind::Invalid};
inline constexpr ErrorCode kOfficeSettingsIo{"office.settings_io", ErrorKind::Io};

}  // namespace gocua::err
