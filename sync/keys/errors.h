// Every error code sync/keys returns, declared once with its kind (core/result.h: what kinds mean).
// The catalog has "error.<code>" in Vietnamese and English for each: tests/unit/app/error_codes_test.cpp
// reads these declarations, one per line, and checks it.
#pragma once

#include "core/result.h"

namespace gocua::err {

inline constexpr ErrorCode kEnrollBadSignature{"enroll.bad_signature", ErrorKind::Invalid};
inline constexpr ErrorCode kEnrollFormat{"enroll.format", ErrorKind::Invalid};
inline constexpr ErrorCode kEnrollInvalid{"enroll.invalid", ErrorKind::Invalid};
inline constexpr ErrorCode kEnrollUnknownVersion{"enroll.unknown_version", ErrorKind::Invalid};
inline constexpr ErrorCode kFormpackBadSignature{"formpack.bad_signature", ErrorKind::Invalid};
inline constexpr ErrorCode kFormpackFormat{"formpack.format", ErrorKind::Invalid};
inline constexpr ErrorCode kFormpackInvalid{"formpack.invalid", ErrorKind::Invalid};
inline constexpr ErrorCode kFormpackUnknownVersion{"formpack.unknown_version", ErrorKind::Invalid};
inline constexpr ErrorCode kProfileBadSignature{"profile.bad_signature", ErrorKind::Invalid};
inline constexpr ErrorCode kProfileFormat{"profile.format", ErrorKind::Invalid};
inline constexpr ErrorCode kProfileInvalid{"profile.invalid", ErrorKind::Invalid};
inline constexpr ErrorCode kProfileKeyChanged{"profile.key_changed", ErrorKind::Invalid};
inline constexpr ErrorCode kProfileUnknownVersion{"profile.unknown_version", ErrorKind::Invalid};
inline constexpr ErrorCode kRecoveryBadSignature{"recovery.bad_signature", ErrorKind::Invalid};
inline constexpr ErrorCode kRecoveryDamaged{"recovery.damaged", ErrorKind::Invalid};
inline constexpr ErrorCode kRecoveryFormat{"recovery.format", ErrorKind::Invalid};
inline constexpr ErrorCode kRecoveryInvalid{"recovery.invalid", ErrorKind::Invalid};
inline constexpr ErrorCode kRecoveryUnknownVersion{"recovery.unknown_version", ErrorKind::Invalid};
inline constexpr ErrorCode kRecoveryWrongCode{"recovery.wrong_code", ErrorKind::Locked};
inline constexpr ErrorCode kRecoveryWrongDevice{"recovery.wrong_device", ErrorKind::Invalid};

}  // namespace gocua::err
