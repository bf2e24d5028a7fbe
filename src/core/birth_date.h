// A date of birth as residents give it: full ("dd/mm/yyyy"), or partial ("mm/yyyy", "yyyy" for
// elderly people without a full date). One rule for gocuactl, imports and the app's editor.
#pragma once

#include <string_view>

#include "core/date.h"
#include "core/result.h"

namespace gocua::core {

// parseDate's errors, but any day after today (also a year past the calendar's end) is
// "date.birth_future", whose message says the date of birth is in the future.
Result<Date> parseBirthDate(std::string_view text, const Date& today);

}  // namespace gocua::core
