// Every error code src/training returns, declared once with its kind (core/result.h: what kinds mean).
// The catalog has "error.<code>" in Vietnamese and English for each: tests/unit/app/error_codes_test.cpp
// reads these declarations, one per line, and checks it.
#pragma once

#include "core/result.h"

namespace gocua::err {

inline constexpr ErrorCode kScenarioBad{"scenario.bad", ErrorKind::Damaged};
inline constexpr ErrorCode kScenarioBadAnswer{"scenario.bad_answer", ErrorKind::Invalid};
inline constexpr ErrorCode kScenarioNotTraining{"scenario.not_training", ErrorKind::Refused};
inline constexpr ErrorCode kScenarioUnknown{"scenario.unknown", ErrorKind::NotFound};

}  // namespace gocua::err
