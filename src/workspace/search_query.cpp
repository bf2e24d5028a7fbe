// Taking a search query apart; see search_query.h.
#include "workspace/search_query.h"

#include <algorithm>

#include "core/text.h"

namespace gocua::workspace {
namespace {

std::vector<std::string_view> splitOn(std::string_view s, std::string_view separators) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    i = s.find_first_not_of(separators, i);
    if (i == std::string_view::npos) break;
    std::size_t j = std::min(s.find_first_of(separators, i), s.size());
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool allDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Digits of a number as written on paper ("+84", "0912.345.678", "0912-345"); "" when not one.
std::string digitsOf(std::string_view word) {
  std::string digits;
  for (char c : word) {
    if (c >= '0' && c <= '9')
      digits += c;
    else if (c != '+' && c != '.' && c != '-')
      return {};
  }
  return digits;
}

// The first group of a phone: the next groups continue it. A year ("1948") stands alone; a
// mobile number without its 0 is written "912 345 678".
bool startsPhone(std::string_view digits) {
  if (digits[0] == '0' || digits.rfind("84", 0) == 0) return true;
  return digits.size() == 3 && std::string_view("35789").find(digits[0]) != std::string_view::npos;
}

// One folded word sorted into the query's words, numbers or dates.
class QueryBuilder {
 public:
  explicit QueryBuilder(SearchQuery& q) : q_(q) {}
  void add(std::string_view folded, std::string_view typed) {
    if (std::string date = fullDateOf(folded); !date.empty()) {
      q_.dates.push_back(std::move(date));
      phoneOpen_ = false;
      return;
    }
    if (std::string digits = digitsOf(folded); !digits.empty()) {
      if (phoneOpen_) {
        q_.numbers.back() += digits;
      } else {
        phoneOpen_ = startsPhone(digits);
        q_.numbers.push_back(std::move(digits));
      }
      return;
    }
    phoneOpen_ = false;
    QueryWord w;
    for (char c : folded)
      if (!isNameJoiner(c)) w.folded += c;
    if (w.folded.empty()) return;
    if (!typed.empty() && hasNonAscii(typed)) {
      w.marks = markedWord(typed);
      w.marked = true;
    }
    q_.words.push_back(std::move(w));
  }

 private:
  SearchQuery& q_;
  bool phoneOpen_ = false;
};

}  // namespace

std::string fullDateOf(std::string_view word) {
  auto parts = splitOn(word, "/.-");
  if (parts.size() != 3 || parts[0].size() > 2 || parts[1].size() > 2 || parts[2].size() != 4) return {};
  if (!allDigits(parts[0]) || !allDigits(parts[1]) || !allDigits(parts[2])) return {};
  // Exactly the separators between the groups: "05//03/1990" or "-5-3-1990" is not a date.
  if (parts[0].size() + parts[1].size() + parts[2].size() + 2 != word.size()) return {};
  const int day = std::stoi(std::string(parts[0])), month = std::stoi(std::string(parts[1]));
  if (day < 1 || day > 31 || month < 1 || month > 12) return {};
  std::string out;
  out += parts[0].size() == 1 ? "0" : "";
  out += parts[0];
  out += '/';
  out += parts[1].size() == 1 ? "0" : "";
  out += parts[1];
  out += '/';
  out += parts[2];
  return out;
}

SearchQuery parseSearchQuery(std::string_view query) {
  SearchQuery q;
  q.folded = core::foldKey(query);
  if (q.folded.empty()) return q;
  auto nfc = core::toNfc(query);
  const std::string typedText = nfc ? *nfc : std::string();
  QueryBuilder builder(q);
  // Word by word, so each folded word keeps the marks it was typed with. A piece that folds to
  // several words (a no-break space inside it) keeps none: which word had which mark is unclear.
  for (auto piece : splitOn(typedText, " \t\n\r\v\f")) {
    std::string folded = core::foldKey(piece);
    auto words = splitOn(folded, " ");
    for (auto w : words) builder.add(w, words.size() == 1 ? piece : std::string_view());
  }
  return q;
}

}  // namespace gocua::workspace
