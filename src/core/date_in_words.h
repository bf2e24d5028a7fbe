// A full date written out in Vietnamese words, the way the birth-registration form's "ngày sinh
// ghi bằng chữ" is filled in: 05/03/2024 → "Ngày năm tháng ba năm hai nghìn không trăm hai mươi tư".
#pragma once

#include <string>

#include "core/date.h"

namespace gocua::core {

// Vietnamese words for 0..9999 as read on civil-status papers: "linh" for a lone unit after
// hundreds (2005: "hai nghìn không trăm linh năm"), "mốt", "tư", "lăm" after "mươi".
std::string vietnameseNumberWords(int n);

// "Ngày ... tháng ... năm ..." for a full date (day precision); empty for a year or month only.
// The fourth month is "tư"; the first is "một" ("giêng" is the lunar calendar's).
std::string dateInVietnameseWords(const Date& date);

}  // namespace gocua::core
