// Every error code src/forms returns, declared once with its kind (core/result.h: what kinds mean).
// The catalog has "error.<code>" in Vietnamese and English for each: tests/unit/app/error_codes_test.cpp
// reads these declarations, one per line, and checks it.
#pragma once

#include "core/result.h"

namespace gocua::err {

inline constexpr ErrorCode kExprRefIntoRepeat{"expr.ref_into_repeat", ErrorKind::Damaged};
inline constexpr ErrorCode kExprSyntax{"expr.syntax", ErrorKind::Damaged};
inline constexpr ErrorCode kExprTooDeep{"expr.too_deep", ErrorKind::Damaged};
inline constexpr ErrorCode kExprType{"expr.type", ErrorKind::Damaged};
inline constexpr ErrorCode kExprUnknownField{"expr.unknown_field", ErrorKind::Damaged};
inline constexpr ErrorCode kExprUnknownFunction{"expr.unknown_function", ErrorKind::Damaged};
inline constexpr ErrorCode kFormBadPattern{"form.bad_pattern", ErrorKind::Damaged};
inline constexpr ErrorCode kGuideBadId{"guide.bad_id", ErrorKind::Damaged};
inline constexpr ErrorCode kGuideDuplicate{"guide.duplicate", ErrorKind::Damaged};
inline constexpr ErrorCode kGuideIdMismatch{"guide.id_mismatch", ErrorKind::Damaged};
inline constexpr ErrorCode kGuideJson{"guide.json", ErrorKind::Damaged};
inline constexpr ErrorCode kGuideNotChosen{"guide.not_chosen", ErrorKind::Invalid};
inline constexpr ErrorCode kGuideNotNormalised{"guide.not_normalised", ErrorKind::Damaged};
inline constexpr ErrorCode kGuideTooMany{"guide.too_many", ErrorKind::Damaged};
inline constexpr ErrorCode kGuideUnknown{"guide.unknown", ErrorKind::Invalid};
inline constexpr ErrorCode kGuideUnknownForm{"guide.unknown_form", ErrorKind::Damaged};
inline constexpr ErrorCode kSkillsBadCount{"skills.bad_count", ErrorKind::Invalid};
inline constexpr ErrorCode kSkillsHelpedMoreThanAttended{"skills.helped_more_than_attended", ErrorKind::Invalid};
inline constexpr ErrorCode kSkillsNamedMoreThanAttended{"skills.named_more_than_attended", ErrorKind::Invalid};
inline constexpr ErrorCode kSkillsNoAttendees{"skills.no_attendees", ErrorKind::Invalid};
inline constexpr ErrorCode kSkillsNoTopic{"skills.no_topic", ErrorKind::Invalid};
inline constexpr ErrorCode kSkillsUnknownTopic{"skills.unknown_topic", ErrorKind::Invalid};

}  // namespace gocua::err
