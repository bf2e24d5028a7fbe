// What a volunteer typed into the search box, taken apart: name words, numbers (ID numbers,
// phones, birth years) and full dates of birth. Pure functions; the index does the looking up.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "workspace/search_marks.h"

namespace gocua::workspace {

struct QueryWord {
  std::string folded;   // core::foldKey, apostrophes and hyphens dropped: "H'Hen" → "hhen"
  bool marked = false;  // typed with diacritics: rank names written the same way first
  MarkedWord marks;     // when marked
};

struct SearchQuery {
  std::vector<QueryWord> words;
  std::vector<std::string> numbers;  // digits only; a phone's groups ("0912 345 678") joined
  std::vector<std::string> dates;    // full dates of birth as stored: dd/mm/yyyy
  std::string folded;                // the whole query folded, to spot a name typed in full
  bool empty() const { return words.empty() && numbers.empty() && dates.empty(); }
};

SearchQuery parseSearchQuery(std::string_view query);

// True for the characters that join parts of one name: H'Hen, Y-Moan.
inline bool isNameJoiner(char c) { return c == '\'' || c == '-'; }

// "05/03/1990", "5/3/1990", "5-3-1990" or "5.3.1990" as "05/03/1990"; "" when word is no such date.
std::string fullDateOf(std::string_view word);

}  // namespace gocua::workspace
