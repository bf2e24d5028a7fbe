// One-edit check of search_typos.h: linear, no table, because it runs on every word of the
// vocabulary whose length is within one of the query word's.
#include "workspace/search_typos.h"

namespace gocua::workspace {

bool oneEditApart(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) {
    if (i == a.size()) return false;
    if (a.substr(i + 1) == b.substr(i + 1)) return true;  // one replaced
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
  }
  return a.substr(i) == b.substr(i + 1);  // one inserted into a (or deleted from b)
}

}  // namespace gocua::workspace
