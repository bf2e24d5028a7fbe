// The 12-digit personal ID number (số định danh cá nhân): PPP G YY NNNNNN.
// PPP = one of the 63 pre-2025 province codes; G = century and sex (even male, odd female;
// 0/1 1900s, 2/3 2000s, 4/5 2100s, 6/7 2200s, 8/9 2300s); YY = last two digits of birth year.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/result.h"

namespace gocua::core {

enum class Sex { Male, Female };

// "male"/"female" ↔ Sex (exact, lowercase). Error "sex.invalid". Display labels are the
// catalog keys "sex.male" / "sex.female".
Result<Sex> parseSex(std::string_view s);
std::string_view sexName(Sex s);

// Checks id against the optional date of birth (any precision; the year is what counts) and sex.
// Errors, first failing check wins, field left empty for the caller:
//   "personal_id.format"    not exactly 12 ASCII digits
//   "personal_id.province"  PPP not one of the 63 codes
//   "personal_id.century"   G's century disagrees with the birth year
//   "personal_id.sex"       G's parity disagrees with sex
//   "personal_id.year"      YY disagrees with the birth year
Status validatePersonalId(std::string_view id, std::optional<Date> birth = std::nullopt,
                          std::optional<Sex> sex = std::nullopt);

// The ID as people write it down or read it aloud, reduced to its 12 digits and then checked as
// validatePersonalId does. Spaces (also tabs and no-break spaces) around the number and between
// digit groups ("001 085 123 456") are dropped; anything else (full-width digits, hyphens, dots)
// stays "personal_id.format", since no card prints them and they hide a mistyped digit.
Result<std::string> normalizePersonalId(std::string_view raw, std::optional<Date> birth = std::nullopt,
                                        std::optional<Sex> sex = std::nullopt);

// Province name for a 3-digit pre-2025 code ("001" → "Hà Nội"), empty if unknown.
std::string_view birthProvinceName(std::string_view code);

}  // namespace gocua::core
