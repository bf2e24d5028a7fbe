// Vietnamese letters: a table of the 12 vowel forms × 6 tones (lower and upper case) plus đ/Đ,
// read both ways. Code points outside the table pass through untouched.
#include "core/vietnamese_letters.h"

#include <utf8proc.h>

#include <string_view>

namespace gocua::core {
namespace {

struct VowelRow {
  char base;
  Mark mark;
  std::u32string_view lower, upper;  // indexed by Tone
};

constexpr VowelRow kVowels[] = {
    {'a', Mark::None, U"aáàảãạ", U"AÁÀẢÃẠ"},       {'a', Mark::Breve, U"ăắằẳẵặ", U"ĂẮẰẲẴẶ"},
    {'a', Mark::Circumflex, U"âấầẩẫậ", U"ÂẤẦẨẪẬ"}, {'e', Mark::None, U"eéèẻẽẹ", U"EÉÈẺẼẸ"},
    {'e', Mark::Circumflex, U"êếềểễệ", U"ÊẾỀỂỄỆ"}, {'i', Mark::None, U"iíìỉĩị", U"IÍÌỈĨỊ"},
    {'o', Mark::None, U"oóòỏõọ", U"OÓÒỎÕỌ"},       {'o', Mark::Circumflex, U"ôốồổỗộ", U"ÔỐỒỔỖỘ"},
    {'o', Mark::Horn, U"ơớờởỡợ", U"ƠỚỜỞỠỢ"},       {'u', Mark::None, U"uúùủũụ", U"UÚÙỦŨỤ"},
    {'u', Mark::Horn, U"ưứừửữự", U"ƯỨỪỬỮỰ"},       {'y', Mark::None, U"yýỳỷỹỵ", U"YÝỲỶỸỴ"},
};
constexpr char32_t kSmallDStroke = U'đ', kCapitalDStroke = U'Đ';

Letter fromCodePoint(char32_t c) {
  Letter l;
  if (c < 0x80 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
    l.upper = c <= 'Z';
    l.base = static_cast<char>(l.upper ? c - 'A' + 'a' : c);
    return l;
  }
  if (c == kSmallDStroke || c == kCapitalDStroke) {
    l.base = 'd';
    l.mark = Mark::Stroke;
    l.upper = c == kCapitalDStroke;
    return l;
  }
  for (const auto& row : kVowels)
    for (std::size_t t = 0; t < row.lower.size(); ++t)
      if (row.lower[t] == c || row.upper[t] == c) {
        l.base = row.base;
        l.mark = row.mark;
        l.tone = static_cast<Tone>(t);
        l.upper = row.upper[t] == c;
        return l;
      }
  l.other = c;
  return l;
}

char32_t toCodePoint(const Letter& l) {
  if (!l.base) return l.other;
  if (l.mark == Mark::Stroke) return l.upper ? kCapitalDStroke : kSmallDStroke;
  for (const auto& row : kVowels)
    if (row.base == l.base && row.mark == l.mark) {
      const auto t = static_cast<std::size_t>(l.tone);
      return l.upper ? row.upper[t] : row.lower[t];
    }
  return static_cast<char32_t>(l.upper ? l.base - 'a' + 'A' : l.base);  // a consonant
}

}  // namespace

bool Letter::isVowel() const {
  return base == 'a' || base == 'e' || base == 'i' || base == 'o' || base == 'u' || base == 'y';
}

std::vector<Letter> splitLetters(std::string_view nfc) {
  std::vector<Letter> out;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(nfc.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(nfc.size());
  while (left > 0) {
    utf8proc_int32_t c = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &c);
    if (n <= 0 || c < 0) return {};
    out.push_back(fromCodePoint(static_cast<char32_t>(c)));
    p += n;
    left -= n;
  }
  return out;
}

std::string joinLetters(const std::vector<Letter>& letters) {
  std::string out;
  for (const auto& l : letters) {
    utf8proc_uint8_t buf[4];
    const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(toCodePoint(l)), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
  }
  return out;
}

}  // namespace gocua::core
