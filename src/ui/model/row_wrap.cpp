#include "ui/model/row_wrap.h"

namespace gocua::ui {

int wrappedRows(const std::vector<float>& widths, float avail, float spacing) {
  int rows = 1;
  float used = 0;
  for (const float w : widths) {
    if (used > 0 && used + spacing + w > avail) {
      ++rows;
      used = 0;
    }
    used += (used > 0 ? spacing : 0) + w;
  }
  return rows;
}

}  // namespace gocua::ui
