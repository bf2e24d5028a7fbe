// Whether a date written in Vietnamese words ("ngày sinh ghi bằng chữ") says the same date as
// the figures, so a slip in one of the two is caught before the paper is printed.
#pragma once

#include <string_view>

#include "core/date.h"

namespace gocua::forms {

// True when text reads as date (day precision) in words. Case, diacritics, commas and spacing
// do not count, nor the usual spoken variants: nghìn/ngàn, linh/lẻ, tư/bốn, lăm/nhăm/năm, and
// "mồng"/"mùng" before the day.
// False for a partial date (it has no words).
bool sameDateInWords(std::string_view text, const core::Date& date);

}  // namespace gocua::forms
