// The tone table of search_marks.h, built once from the rows of the Vietnamese vowel chart.
#include "workspace/search_marks.h"

#include <array>
#include <cstdint>

#include "core/text.h"

namespace gocua::workspace {
namespace {

// Each row: the vowel without a tone, then huyền, sắc, hỏi, ngã, nặng.
constexpr std::array<std::string_view, 24> kVowelRows{"aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
                                                      "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ",
                                                      "AÀÁẢÃẠ", "ĂẰẮẲẴẶ", "ÂẦẤẨẪẬ", "EÈÉẺẼẸ", "ÊỀẾỂỄỆ", "IÌÍỈĨỊ",
                                                      "OÒÓỎÕỌ", "ÔỒỐỔỖỘ", "ƠỜỚỞỠỢ", "UÙÚỦŨỤ", "ƯỪỨỬỮỰ", "YỲÝỶỸỴ"};

// Only valid UTF-8 reaches here (names are validated, the query is normalised), so no checks.
char32_t decodeAt(std::string_view s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  const int extra = b < 0x80 ? 0 : b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
  char32_t cp = extra == 0 ? b : extra == 1 ? (b & 0x1F) : extra == 2 ? (b & 0x0F) : (b & 0x07);
  ++i;
  for (int k = 0; k < extra && i < s.size(); ++k, ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
  return cp;
}

struct Entry {
  char32_t letter = 0;  // 0: not a Vietnamese letter, kept as it is
  std::uint8_t tone = 0;
};

// Vietnamese letters lie in U+00C0..U+01B0 and U+1EA0..U+1EF9: two small direct tables.
class ToneTable {
 public:
  ToneTable() {
    for (std::size_t row = 0; row < kVowelRows.size(); ++row) {
      std::size_t i = 0, base = 0;
      const std::string_view lower = kVowelRows[row % 12];
      const char32_t letter = decodeAt(lower, base);
      for (std::uint8_t tone = 0; i < kVowelRows[row].size(); ++tone) set(decodeAt(kVowelRows[row], i), {letter, tone});
    }
    set(U'đ', {U'đ', 0});
    set(U'Đ', {U'đ', 0});
  }
  Entry lookup(char32_t cp) const {
    if (cp >= kLatinFirst && cp < kLatinFirst + latin_.size()) return latin_[cp - kLatinFirst];
    if (cp >= kExtendedFirst && cp < kExtendedFirst + extended_.size()) return extended_[cp - kExtendedFirst];
    return {};
  }

 private:
  static constexpr char32_t kLatinFirst = 0x00C0, kExtendedFirst = 0x1EA0;
  void set(char32_t cp, Entry e) {
    if (cp >= kLatinFirst && cp < kLatinFirst + latin_.size()) latin_[cp - kLatinFirst] = e;
    if (cp >= kExtendedFirst && cp < kExtendedFirst + extended_.size()) extended_[cp - kExtendedFirst] = e;
  }
  std::array<Entry, 0x01B1 - kLatinFirst> latin_{};
  std::array<Entry, 0x1EFA - kExtendedFirst> extended_{};
};

const ToneTable& toneTable() {
  static const ToneTable table;
  return table;
}

// Letters and tones of a word into two outputs with push_back (std::string or a stack buffer).
template <class Out>
void markInto(std::string_view nfcWord, Out& letters, Out& tones) {
  const ToneTable& table = toneTable();
  for (std::size_t i = 0; i < nfcWord.size();) {
    const char32_t cp = decodeAt(nfcWord, i);
    if (cp == '\'' || cp == '-' || cp == U'’' || cp == U'‘' || cp == U'ʼ') continue;
    if (cp < 0x80) {
      letters.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp));
      continue;
    }
    const Entry e = table.lookup(cp);
    const auto bytes = core::encodeUtf8(e.letter ? e.letter : cp);
    for (const char b : bytes.view()) letters.push_back(b);
    if (e.tone) tones.push_back(static_cast<char>('0' + e.tone));
  }
}

// Enough for any word of a name (at most 100 characters); letters never outgrow the UTF-8 input.
struct SmallText {
  std::array<char, 512> bytes;
  std::size_t size = 0;
  void push_back(char c) { bytes[size++] = c; }
  std::string_view view() const { return {bytes.data(), size}; }
};

bool agree(std::string_view typedLetters, std::string_view typedTones, std::string_view letters,
           std::string_view tones) {
  if (letters.substr(0, typedLetters.size()) != typedLetters) return false;
  if (typedTones == tones) return true;
  return typedTones.empty() && typedLetters.size() < letters.size();
}

}  // namespace

MarkedWord markedWord(std::string_view nfcWord) {
  MarkedWord out;
  markInto(nfcWord, out.letters, out.tones);
  return out;
}

bool marksAgree(const MarkedWord& typed, const MarkedWord& name) {
  return agree(typed.letters, typed.tones, name.letters, name.tones);
}

bool marksAgree(const MarkedWord& typed, std::string_view nfcNameWord) {
  if (nfcNameWord.size() > 400) return marksAgree(typed, markedWord(nfcNameWord));
  SmallText letters, tones;
  markInto(nfcNameWord, letters, tones);
  return agree(typed.letters, typed.tones, letters.view(), tones.view());
}

bool hasNonAscii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  return false;
}

}  // namespace gocua::workspace
