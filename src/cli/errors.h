// Every error code src/cli returns, declared once with its kind (core/result.h: what kinds mean).
// The catalog has "error.<code>" in Vietnamese and English for each (a test checks this list).
#pragma once

#include "core/result.h"

namespace gocua::err {

inline constexpr ErrorCode kCliNoPassphrase{"cli.no_passphrase", ErrorKind::Locked};
inline constexpr ErrorCode kCliPassphraseMismatch{"cli.passphrase_mismatch", ErrorKind::Invalid};

inline constexpr ErrorCode kCliCodes[] = {
    kCliNoPassphrase,
    kCliPassphraseMismatch,
};

}  // namespace gocua::err
