#include <doctest/doctest.h>

#include "ui/model/row_wrap.h"

using gocua::ui::wrappedRows;

TEST_CASE("wrappedRows: buttons wrap where the next one no longer fits, as sameLineIfFits does") {
  CHECK(wrappedRows({}, 100, 10) == 1);
  CHECK(wrappedRows({40, 50}, 100, 10) == 1);      // 40 + 10 + 50 = 100: fits exactly
  CHECK(wrappedRows({40, 51}, 100, 10) == 2);      // one pixel more goes to the next row
  CHECK(wrappedRows({60, 60, 60}, 130, 10) == 2);  // 60 + 10 + 60, then 60
  CHECK(wrappedRows({150, 20}, 100, 10) == 2);     // a button wider than the row still takes one
  CHECK(wrappedRows({30, 30, 30, 30, 30}, 70, 10) == 3);
}
