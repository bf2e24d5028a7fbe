// Every error code src/core returns, declared once with its kind (core/result.h: what kinds mean).
// The catalog has "error.<code>" in Vietnamese and English for each: tests/unit/app/error_codes_test.cpp
// reads these declarations, one per line, and checks it.
#pragma once

#include "core/result.h"

namespace gocua::err {

inline constexpr ErrorCode kConsentMethod{"consent.method", ErrorKind::Invalid};
inline constexpr ErrorCode kConsentType{"consent.type", ErrorKind::Invalid};
inline constexpr ErrorCode kDateBirthFuture{"date.birth_future", ErrorKind::Invalid};
inline constexpr ErrorCode kDateDayFirst{"date.day_first", ErrorKind::Invalid};
inline constexpr ErrorCode kDateFormat{"date.format", ErrorKind::Invalid};
inline constexpr ErrorCode kDateFuture{"date.future", ErrorKind::Invalid};
inline constexpr ErrorCode kDateInvalid{"date.invalid", ErrorKind::Invalid};
inline constexpr ErrorCode kDatePast{"date.past", ErrorKind::Invalid};
inline constexpr ErrorCode kJsonDuplicateKey{"json.duplicate_key", ErrorKind::Invalid};
inline constexpr ErrorCode kJsonTooDeep{"json.too_deep", ErrorKind::Invalid};
inline constexpr ErrorCode kFieldRequired{"field.required", ErrorKind::Invalid};
inline constexpr ErrorCode kFieldType{"field.type", ErrorKind::Invalid};
inline constexpr ErrorCode kFieldUnknown{"field.unknown", ErrorKind::Invalid};
inline constexpr ErrorCode kInternal{"internal", ErrorKind::Internal};
inline constexpr ErrorCode kNameBidiOverride{"name.bidi_override", ErrorKind::Invalid};
inline constexpr ErrorCode kNameControlChar{"name.control_char", ErrorKind::Invalid};
inline constexpr ErrorCode kNameEmpty{"name.empty", ErrorKind::Invalid};
inline constexpr ErrorCode kNameInvalidChar{"name.invalid_char", ErrorKind::Invalid};
inline constexpr ErrorCode kNameLegacyFont{"name.legacy_font", ErrorKind::Invalid};
inline constexpr ErrorCode kNameMixedScript{"name.mixed_script", ErrorKind::Invalid};
inline constexpr ErrorCode kNameTooLong{"name.too_long", ErrorKind::Invalid};
inline constexpr ErrorCode kNameTypingResidue{"name.typing_residue", ErrorKind::Invalid};
inline constexpr ErrorCode kNameZeroWidth{"name.zero_width", ErrorKind::Invalid};
inline constexpr ErrorCode kPersonalIdCentury{"personal_id.century", ErrorKind::Invalid};
inline constexpr ErrorCode kPersonalIdFormat{"personal_id.format", ErrorKind::Invalid};
inline constexpr ErrorCode kPersonalIdProvince{"personal_id.province", ErrorKind::Invalid};
inline constexpr ErrorCode kPersonalIdSex{"personal_id.sex", ErrorKind::Invalid};
inline constexpr ErrorCode kPersonalIdYear{"personal_id.year", ErrorKind::Invalid};
inline constexpr ErrorCode kPhoneFormat{"phone.format", ErrorKind::Invalid};
inline constexpr ErrorCode kPhonePrefix{"phone.prefix", ErrorKind::Invalid};
inline constexpr ErrorCode kPhoneRetired{"phone.retired", ErrorKind::Invalid};
inline constexpr ErrorCode kRecordBadId{"record.bad_id", ErrorKind::Invalid};
inline constexpr ErrorCode kSexInvalid{"sex.invalid", ErrorKind::Invalid};
inline constexpr ErrorCode kTextBidiOverride{"text.bidi_override", ErrorKind::Invalid};
inline constexpr ErrorCode kTextControlChar{"text.control_char", ErrorKind::Invalid};
inline constexpr ErrorCode kTextInvalidUtf8{"text.invalid_utf8", ErrorKind::Invalid};
inline constexpr ErrorCode kTextTooLong{"text.too_long", ErrorKind::Invalid};

}  // namespace gocua::err
