// The syllable rules the typing engine needs: which consonant clusters may start and end a
// Vietnamese syllable, which vowel groups exist, and where the tone goes.
#include "core/vietnamese_syllable.h"

#include <algorithm>
#include <string>
#include <string_view>

namespace gocua::core {
namespace {

// Initial consonants as typed ("đ" is written "đ" here); "" is a syllable starting with a vowel.
constexpr std::string_view kInitials[] = {"",   "b",  "c", "ch", "d",  "đ",  "g",   "gh", "gi", "h",
                                          "k",  "kh", "l", "m",  "n",  "ng", "ngh", "nh", "p",  "ph",
                                          "qu", "r",  "s", "t",  "th", "tr", "v",   "x"};
// Vowel groups by their base letters (ươ is "uo", ây is "ay").
constexpr std::string_view kNuclei[] = {"a",   "e",   "i",   "o",   "u",   "y",   "ai",  "ao",  "au",
                                        "ay",  "eo",  "eu",  "ia",  "ie",  "iu",  "oa",  "oe",  "oi",
                                        "ua",  "ue",  "ui",  "uo",  "uu",  "uy",  "ye",  "oai", "oay",
                                        "oeo", "uay", "uoi", "uou", "uya", "uye", "uyu", "ieu", "yeu"};
// Final consonants; k for the place names of the Central Highlands (Đắk Lắk).
constexpr std::string_view kFinals[] = {"", "c", "ch", "k", "m", "n", "ng", "nh", "p", "t"};

template <std::size_t N>
bool contains(const std::string_view (&set)[N], const std::string& s) {
  return std::find(std::begin(set), std::end(set), s) != std::end(set);
}

std::string spell(const std::vector<Letter>& letters, std::size_t from, std::size_t to) {
  std::string s;
  for (std::size_t i = from; i < to; ++i)
    s += letters[i].mark == Mark::Stroke ? std::string("đ") : std::string(1, letters[i].base);
  return s;
}

bool isPlainVowel(const Letter& l, char base) { return l.base == base && l.mark == Mark::None; }

}  // namespace

std::optional<Syllable> parseSyllable(const std::vector<Letter>& letters) {
  const std::size_t n = letters.size();
  for (const auto& l : letters)
    if (!l.base) return std::nullopt;
  std::size_t v = 0;
  while (v < n && !letters[v].isVowel()) ++v;
  // qu and gi are consonants when a vowel follows them ("quốc", "giang"; but "gì" has the vowel i).
  const bool vowelAfterNext = v + 1 < n && letters[v + 1].isVowel();
  if (v == 1 && letters[0].base == 'q' && vowelAfterNext && isPlainVowel(letters[v], 'u')) ++v;
  if (v == 1 && letters[0].base == 'g' && vowelAfterNext && isPlainVowel(letters[v], 'i')) ++v;
  if (!contains(kInitials, spell(letters, 0, v))) return std::nullopt;
  std::size_t e = v;
  while (e < n && letters[e].isVowel()) ++e;
  if (e > v && !contains(kNuclei, spell(letters, v, e))) return std::nullopt;
  if (e == v && e < n) return std::nullopt;  // consonants after consonants that are no initial
  if (!contains(kFinals, spell(letters, e, n))) return std::nullopt;
  return Syllable{v, e};
}

std::optional<std::size_t> toneSlot(const std::vector<Letter>& letters, const Syllable& s) {
  if (!s.hasNucleus()) return std::nullopt;
  const std::size_t b = s.nucleusBegin, e = s.nucleusEnd;
  for (std::size_t i = e; i-- > b;)
    if (letters[i].mark != Mark::None) return i;  // ươ: the second
  switch (e - b) {
    case 1:
      return b;
    case 2: {
      if (s.hasFinal(letters.size())) return b + 1;
      const std::string group = spell(letters, b, e);
      return (group == "oa" || group == "oe" || group == "uy") ? b + 1 : b;
    }
    default:
      return b + 1;
  }
}

}  // namespace gocua::core
