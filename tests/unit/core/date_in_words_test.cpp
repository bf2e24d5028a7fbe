// Dates written out in Vietnamese words for "ngày sinh ghi bằng chữ".
#include <doctest/doctest.h>

#include "core/date_in_words.h"

using namespace gocua::core;

TEST_CASE("date in words: numbers read as on civil-status papers") {
  CHECK(vietnameseNumberWords(0) == "không");
  CHECK(vietnameseNumberWords(5) == "năm");
  CHECK(vietnameseNumberWords(10) == "mười");
  CHECK(vietnameseNumberWords(11) == "mười một");  // "mốt" only after "mươi"
  CHECK(vietnameseNumberWords(15) == "mười lăm");
  CHECK(vietnameseNumberWords(21) == "hai mươi mốt");
  CHECK(vietnameseNumberWords(24) == "hai mươi tư");
  CHECK(vietnameseNumberWords(30) == "ba mươi");
  CHECK(vietnameseNumberWords(105) == "một trăm linh năm");
  CHECK(vietnameseNumberWords(1990) == "một nghìn chín trăm chín mươi");
  CHECK(vietnameseNumberWords(2000) == "hai nghìn");
  CHECK(vietnameseNumberWords(2005) == "hai nghìn không trăm linh năm");
  CHECK(vietnameseNumberWords(2010) == "hai nghìn không trăm mười");
  CHECK(vietnameseNumberWords(2024) == "hai nghìn không trăm hai mươi tư");
  CHECK(vietnameseNumberWords(2100) == "hai nghìn một trăm");
  CHECK(vietnameseNumberWords(-1).empty());
}

TEST_CASE("date in words: a full date, day and month as words") {
  CHECK(dateInVietnameseWords(Date{2024, 3, 5}) == "Ngày năm tháng ba năm hai nghìn không trăm hai mươi tư");
  CHECK(dateInVietnameseWords(Date{2025, 4, 14}) == "Ngày mười bốn tháng tư năm hai nghìn không trăm hai mươi lăm");
  CHECK(dateInVietnameseWords(Date{2023, 12, 31}) ==
        "Ngày ba mươi mốt tháng mười hai năm hai nghìn không trăm hai mươi ba");
  CHECK(dateInVietnameseWords(Date{2024, 0, 0}).empty());  // a year alone has no day to write
}
