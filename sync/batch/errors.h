// Every error code sync/batch returns, declared once with its kind (core/result.h: what kinds mean).
// The catalog has "error.<code>" in Vietnamese and English for each: tests/unit/app/error_codes_test.cpp
// reads these declarations, one per line, and checks it.
#pragma once

#include "core/result.h"

namespace gocua::err {

inline constexpr ErrorCode kBatchBadHeader{"batch.bad_header", ErrorKind::Invalid};
inline constexpr ErrorCode kBatchBadLine{"batch.bad_line", ErrorKind::Invalid};
inline constexpr ErrorCode kBatchBadSignature{"batch.bad_signature", ErrorKind::Invalid};
inline constexpr ErrorCode kBatchCrypto{"batch.crypto", ErrorKind::Internal};
inline constexpr ErrorCode kBatchDamaged{"batch.damaged", ErrorKind::Invalid};
inline constexpr ErrorCode kBatchFormat{"batch.format", ErrorKind::Invalid};
inline constexpr ErrorCode kBatchIo{"batch.io", ErrorKind::Io};
inline constexpr ErrorCode kBatchNotForThisHub{"batch.not_for_this_hub", ErrorKind::Invalid};
inline constexpr ErrorCode kBatchState{"batch.state", ErrorKind::Internal};
inline constexpr ErrorCode kBatchTooLarge{"batch.too_large", ErrorKind::Invalid};
inline constexpr ErrorCode kBatchTrailingData{"batch.trailing_data", ErrorKind::Invalid};
inline constexpr ErrorCode kBatchTruncated{"batch.truncated", ErrorKind::Invalid};
inline constexpr ErrorCode kBatchUnknownVersion{"batch.unknown_version", ErrorKind::Invalid};

}  // namespace gocua::err
