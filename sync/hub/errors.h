// Every error code sync/hub returns, declared once with its kind (core/result.h: what kinds mean).
// The catalog has "error.<code>" in Vietnamese and English for each: tests/unit/app/error_codes_test.cpp
// reads these declarations, one per line, and checks it.
#pragma once

#include "core/result.h"

namespace gocua::err {

inline constexpr ErrorCode kHubBadBackup{"hub.bad_backup", ErrorKind::Invalid};
inline constexpr ErrorCode kHubBadDeviceId{"hub.bad_device_id", ErrorKind::Invalid};
inline constexpr ErrorCode kHubBadForms{"hub.bad_forms", ErrorKind::Invalid};
inline constexpr ErrorCode kHubBadHex{"hub.bad_hex", ErrorKind::Invalid};
inline constexpr ErrorCode kHubBadManifest{"hub.bad_manifest", ErrorKind::Invalid};
inline constexpr ErrorCode kHubBadMonth{"hub.bad_month", ErrorKind::Invalid};
inline constexpr ErrorCode kHubBadRecordId{"hub.bad_record_id", ErrorKind::Invalid};
inline constexpr ErrorCode kHubBadStatus{"hub.bad_status", ErrorKind::Invalid};
inline constexpr ErrorCode kHubDamaged{"hub.damaged", ErrorKind::Damaged};
inline constexpr ErrorCode kHubDeviceConflict{"hub.device_conflict", ErrorKind::Conflict};
inline constexpr ErrorCode kHubExists{"hub.exists", ErrorKind::Invalid};
inline constexpr ErrorCode kHubForeignRecord{"hub.foreign_record", ErrorKind::Invalid};
inline constexpr ErrorCode kHubInvalid{"hub.invalid", ErrorKind::Invalid};
inline constexpr ErrorCode kHubIo{"hub.io", ErrorKind::Io};
inline constexpr ErrorCode kHubNoRecoverySlot{"hub.no_recovery_slot", ErrorKind::Invalid};
inline constexpr ErrorCode kHubNotInitialised{"hub.not_initialised", ErrorKind::NotFound};
inline constexpr ErrorCode kHubNoteTooLong{"hub.note_too_long", ErrorKind::Invalid};
inline constexpr ErrorCode kHubRecordNotFound{"hub.record_not_found", ErrorKind::Invalid};
inline constexpr ErrorCode kHubRecoveryRevoked{"hub.recovery_revoked", ErrorKind::Refused};
inline constexpr ErrorCode kHubRefused{"hub.refused", ErrorKind::Refused};
inline constexpr ErrorCode kHubUnknownDevice{"hub.unknown_device", ErrorKind::Invalid};
inline constexpr ErrorCode kHubUnknownProcedure{"hub.unknown_procedure", ErrorKind::Invalid};
inline constexpr ErrorCode kHubUnknownStaff{"hub.unknown_staff", ErrorKind::Invalid};
inline constexpr ErrorCode kHubTrainingBatch{"hub.training_batch", ErrorKind::Refused};
inline constexpr ErrorCode kHubStaffExists{"hub.staff_exists", ErrorKind::Invalid};
inline constexpr ErrorCode kHubStaffSelf{"hub.staff_self", ErrorKind::Invalid};

}  // namespace gocua::err
