// PageCursor: wrapping and page breaks shared by every printed layout.
#include <doctest/doctest.h>

#include <string>

#include "print/layout.h"

using namespace gocua;

TEST_CASE("page cursor: a wrapped item that would cross the page bottom moves whole to the next page") {
  print::PageLayout layout;
  print::PageCursor cursor(layout, print::estimateWidth);
  while (cursor.y() < print::kPageHeight - print::kMargin - 20) cursor.line("một dòng", 11, false);
  const std::string item(60, 'x');
  cursor.line(item + " " + item + " " + item + " (nếu có)", 11, false);  // three lines, one left on the page
  REQUIRE(layout.pages == 2);
  int onSecond = 0;
  for (const auto& t : layout.texts)
    if (t.text.find('x') != std::string::npos || t.text.find("nếu có") != std::string::npos) {
      CHECK(t.page == 1);
      ++onSecond;
    }
  CHECK(onSecond >= 2);
}

TEST_CASE("page cursor: a very long value still flows across pages rather than leaving one empty") {
  print::PageLayout layout;
  print::PageCursor cursor(layout, print::estimateWidth);
  std::string words;
  for (int i = 0; i < 2000; ++i) words += "chữ ";
  cursor.line(words, 11, false);
  CHECK(layout.pages >= 2);
  for (const auto& t : layout.texts) CHECK(t.y <= print::kPageHeight - print::kMargin + 0.5f);
}
