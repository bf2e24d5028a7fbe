#include "forms/date_words.h"

#include <cctype>
#include <string>

#include "core/date_in_words.h"
#include "core/text.h"

namespace gocua::forms {

namespace {

// Folded words with punctuation dropped and spoken variants brought to one spelling. Folding
// drops diacritics, so "mốt"/"một" and "tư"/"tu" are already one word here.
std::string canonicalWords(std::string_view text) {
  std::string folded = core::foldKey(text);
  for (char& c : folded)
    if (std::ispunct(static_cast<unsigned char>(c))) c = ' ';
  static const std::pair<std::string_view, std::string_view> kVariants[] = {
      {"ngan", "nghin"}, {"le", "linh"}, {"bon", "tu"}, {"lam", "nam"}, {"nham", "nam"}};
  std::string out;
  std::size_t at = 0;
  while (at < folded.size()) {
    while (at < folded.size() && folded[at] == ' ') ++at;
    std::size_t end = at;
    while (end < folded.size() && folded[end] != ' ') ++end;
    if (end == at) break;
    std::string_view word(folded.data() + at, end - at);
    at = end;
    if (word == "mong" || word == "mung") continue;  // "mồng/mùng sáu": the day's usual prefix
    for (const auto& [from, to] : kVariants)
      if (word == from) word = to;
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

}  // namespace

bool sameDateInWords(std::string_view text, const core::Date& date) {
  const std::string words = core::dateInVietnameseWords(date);
  if (words.empty()) return false;
  return canonicalWords(text) == canonicalWords(words);
}

}  // namespace gocua::forms
