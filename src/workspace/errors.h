// Every error code src/workspace returns, declared once with its kind (core/result.h: what kinds mean).
// The catalog has "error.<code>" in Vietnamese and English for each: tests/unit/app/error_codes_test.cpp
// reads these declarations, one per line, and checks it.
#pragma once

#include "core/result.h"

namespace gocua::err {

inline constexpr ErrorCode kApplicationInvalid{"application.invalid", ErrorKind::Invalid};
inline constexpr ErrorCode kAutosaveDamaged{"autosave.damaged", ErrorKind::Damaged};
inline constexpr ErrorCode kAutosaveLocked{"autosave.locked", ErrorKind::Locked};
inline constexpr ErrorCode kAutosaveSlot{"autosave.slot", ErrorKind::Invalid};
inline constexpr ErrorCode kIo{"io", ErrorKind::Io};
inline constexpr ErrorCode kJsonMalformed{"json.malformed", ErrorKind::Invalid};
inline constexpr ErrorCode kRecordDamaged{"record.damaged", ErrorKind::Damaged};
inline constexpr ErrorCode kRecordNotFound{"record.not_found", ErrorKind::NotFound};
inline constexpr ErrorCode kRecoveryUsed{"recovery.used", ErrorKind::Invalid};
inline constexpr ErrorCode kRecoveryStateDamaged{"recovery.state_damaged", ErrorKind::Damaged};
inline constexpr ErrorCode kResidentDuplicate{"resident.duplicate", ErrorKind::Duplicate};
inline constexpr ErrorCode kSyncIo{"sync.io", ErrorKind::Io};
inline constexpr ErrorCode kSyncNoRequest{"sync.no_request", ErrorKind::Refused};
inline constexpr ErrorCode kSyncPinDamaged{"sync.pin_damaged", ErrorKind::Damaged};
inline constexpr ErrorCode kSkillsParticipantNoConsent{"skills.participant_no_consent", ErrorKind::Invalid};
inline constexpr ErrorCode kSkillsParticipantUnknown{"skills.participant_unknown", ErrorKind::Invalid};
inline constexpr ErrorCode kSyncNotEnrolled{"sync.not_enrolled", ErrorKind::Refused};
inline constexpr ErrorCode kSyncRetentionDays{"sync.retention_days", ErrorKind::Invalid};
inline constexpr ErrorCode kSyncRevoked{"sync.revoked", ErrorKind::Revoked};
inline constexpr ErrorCode kSyncTraining{"sync.training", ErrorKind::Refused};
inline constexpr ErrorCode kSyncVerifyFailed{"sync.verify_failed", ErrorKind::Io};
inline constexpr ErrorCode kVolunteerExists{"volunteer.exists", ErrorKind::Invalid};
inline constexpr ErrorCode kVolunteerLast{"volunteer.last", ErrorKind::Invalid};
inline constexpr ErrorCode kVolunteerName{"volunteer.name", ErrorKind::Invalid};
inline constexpr ErrorCode kVolunteerNotFound{"volunteer.not_found", ErrorKind::Locked};
inline constexpr ErrorCode kWorkspaceDamaged{"workspace.damaged", ErrorKind::Damaged};
inline constexpr ErrorCode kWorkspaceExists{"workspace.exists", ErrorKind::Refused};
inline constexpr ErrorCode kWorkspaceNotFound{"workspace.not_found", ErrorKind::NotFound};
inline constexpr ErrorCode kWorkspaceNotTraining{"workspace.not_training", ErrorKind::Refused};
inline constexpr ErrorCode kWorkspaceRecordsLost{"workspace.records_lost", ErrorKind::Damaged};
inline constexpr ErrorCode kWorkspaceUnlockDelayed{"workspace.unlock_delayed", ErrorKind::Locked};

}  // namespace gocua::err
