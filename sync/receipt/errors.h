// Every error code sync/receipt returns, declared once with its kind (core/result.h: what kinds mean).
// The catalog has "error.<code>" in Vietnamese and English for each: tests/unit/app/error_codes_test.cpp
// reads these declarations, one per line, and checks it.
#pragma once

#include "core/result.h"

namespace gocua::err {

inline constexpr ErrorCode kReceiptBadSignature{"receipt.bad_signature", ErrorKind::Invalid};
inline constexpr ErrorCode kReceiptFormat{"receipt.format", ErrorKind::Invalid};
inline constexpr ErrorCode kReceiptInvalid{"receipt.invalid", ErrorKind::Invalid};
inline constexpr ErrorCode kReceiptNoteDamaged{"receipt.note_damaged", ErrorKind::Invalid};
inline constexpr ErrorCode kReceiptUnknownVersion{"receipt.unknown_version", ErrorKind::Invalid};
inline constexpr ErrorCode kReceiptWrongDevice{"receipt.wrong_device", ErrorKind::Invalid};

}  // namespace gocua::err
