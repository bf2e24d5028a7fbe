// Vietnamese text handling: UTF-8 validation, NFC storage form, the folded search/duplicate key
// and the checks that keep invisible or deceptive characters out of names. Unicode tables come
// from utf8proc; UTF-8 decoding is done by hand here so that validation rules (no overlong forms,
// no surrogates, nothing above U+10FFFF) are explicit and the hot path (foldKey, run once per
// record at unlock) needs no intermediate buffers.
#include "core/text.h"
#include "core/errors.h"

#include <utf8proc.h>

#include <cstdint>
#include <cstdlib>

namespace gocua::core {
namespace {

constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes one code point starting at s[i] and advances i; kInvalid (i untouched) when malformed.
// Follows the Unicode "well-formed UTF-8" table (Table 3-7), which rules out overlong forms,
// surrogates and values above U+10FFFF by restricting the second byte.
char32_t decodeAt(std::string_view s, std::size_t& i) {
  const std::size_t n = s.size();
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  auto cont = [&](std::size_t k) -> int {
    if (i + k >= n) return -1;
    const auto b = static_cast<unsigned char>(s[i + k]);
    return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
  };
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    const int c1 = cont(1);
    if (c1 < 0) return kInvalid;
    i += 2;
    return (char32_t(b0 & 0x1F) << 6) | char32_t(c1);
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (i + 1 >= n) return kInvalid;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    const unsigned lo = (b0 == 0xE0) ? 0xA0 : 0x80;  // E0 80..9F would be overlong
    const unsigned hi = (b0 == 0xED) ? 0x9F : 0xBF;  // ED A0..BF would be a surrogate
    if (b1 < lo || b1 > hi) return kInvalid;
    const int c2 = cont(2);
    if (c2 < 0) return kInvalid;
    i += 3;
    return (char32_t(b0 & 0x0F) << 12) | (char32_t(b1 & 0x3F) << 6) | char32_t(c2);
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (i + 1 >= n) return kInvalid;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    const unsigned lo = (b0 == 0xF0) ? 0x90 : 0x80;  // F0 80..8F would be overlong
    const unsigned hi = (b0 == 0xF4) ? 0x8F : 0xBF;  // F4 90.. would exceed U+10FFFF
    if (b1 < lo || b1 > hi) return kInvalid;
    const int c2 = cont(2), c3 = cont(3);
    if (c2 < 0 || c3 < 0) return kInvalid;
    i += 4;
    return (char32_t(b0 & 0x07) << 18) | (char32_t(b1 & 0x3F) << 12) | (char32_t(c2) << 6) | char32_t(c3);
  }
  return kInvalid;  // C0, C1 (overlong 2-byte), F5..FF, or a stray continuation byte
}

void appendUtf8(std::string& out, char32_t cp) { out.append(encodeUtf8(cp).view()); }

bool isAsciiSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f';
}

// Visible-width spaces other than ASCII ones (NBSP comes in from word processors and web forms).
bool isUnicodeSpace(char32_t cp) {
  return cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool isControl(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029; }

bool isBidiControl(char32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F ||
         cp == 0x061C;
}

bool isZeroWidth(char32_t cp) { return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD; }

// đ/Đ have no decomposition; Ð (U+00D0, Icelandic eth) is what legacy TCVN3/VNI converters and
// some keyboards produce for Đ, so it must fold the same way or duplicates slip through.
bool isVietnameseD(char32_t cp) { return cp == 0x0110 || cp == 0x0111 || cp == 0x00D0 || cp == 0x00F0; }

// Apostrophe look-alikes (phones turn ' into ’ automatically): fold them to one.
bool isApostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC; }

// Cyrillic and Greek letters drawn like a Latin one ("Nguyễn Vаn An" with a Cyrillic а): folded to
// that letter so a lookalike name is still a possible duplicate and still found by search. Upper
// and lower case apart, since Greek Ν looks like N but ν like v. 0: not a lookalike.
char latinLookalike(char32_t cp) {
  switch (cp) {
    // Cyrillic capitals
    case 0x0405:
      return 's';
    case 0x0406:
      return 'i';
    case 0x0408:
      return 'j';
    case 0x0410:
      return 'a';
    case 0x0412:
      return 'b';
    case 0x0415:
      return 'e';
    case 0x041A:
      return 'k';
    case 0x041C:
      return 'm';
    case 0x041D:
      return 'h';
    case 0x041E:
      return 'o';
    case 0x0420:
      return 'p';
    case 0x0421:
      return 'c';
    case 0x0422:
      return 't';
    case 0x0423:
      return 'y';
    case 0x0425:
      return 'x';
    // Cyrillic small letters
    case 0x0430:
      return 'a';
    case 0x0435:
      return 'e';
    case 0x043E:
      return 'o';
    case 0x0440:
      return 'p';
    case 0x0441:
      return 'c';
    case 0x0443:
      return 'y';
    case 0x0445:
      return 'x';
    case 0x0455:
      return 's';
    case 0x0456:
      return 'i';
    case 0x0458:
      return 'j';
    case 0x04BB:
      return 'h';
    case 0x04CF:
      return 'l';
    case 0x0501:
      return 'd';
    case 0x051B:
      return 'q';
    case 0x051D:
      return 'w';
    // Greek capitals
    case 0x0391:
      return 'a';
    case 0x0392:
      return 'b';
    case 0x0395:
      return 'e';
    case 0x0396:
      return 'z';
    case 0x0397:
      return 'h';
    case 0x0399:
      return 'i';
    case 0x039A:
      return 'k';
    case 0x039C:
      return 'm';
    case 0x039D:
      return 'n';
    case 0x039F:
      return 'o';
    case 0x03A1:
      return 'p';
    case 0x03A4:
      return 't';
    case 0x03A5:
      return 'y';
    case 0x03A7:
      return 'x';
    // Greek small letters
    case 0x03B1:
      return 'a';
    case 0x03B9:
      return 'i';
    case 0x03BA:
      return 'k';
    case 0x03BD:
      return 'v';
    case 0x03BF:
      return 'o';
    case 0x03C1:
      return 'p';
    case 0x03C5:
      return 'u';
    default:
      return 0;
  }
}

// Trims ASCII and Unicode spaces from both ends and collapses inner runs to one ASCII space.
// Input must be valid UTF-8.
std::string collapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const char32_t cp = decodeAt(s, i);
    if (cp == kInvalid) return out;  // unreachable: validated by callers
    if (isAsciiSpace(cp) || isUnicodeSpace(cp)) {
      pending = !out.empty();
      continue;
    }
    if (pending) out.push_back(' ');
    pending = false;
    out.append(s.substr(start, i - start));
  }
  return out;
}

// True when every code point is below U+0300 or in Latin Extended Additional (U+1E00..U+1EFF).
// None of those decomposes to something else under NFC or composes with what precedes it
// (checked pairwise against the Unicode data), so such text is already NFC. Precomposed
// Vietnamese, the common case, passes and skips utf8proc_map's allocations.
bool isTriviallyNfc(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const char32_t cp = decodeAt(s, i);
    if (cp == kInvalid || (cp >= 0x0300 && (cp < 0x1E00 || cp > 0x1EFF))) return false;
  }
  return true;
}

Result<std::string> nfcOfValid(std::string_view s) {
  if (isTriviallyNfc(s)) return std::string(s);
  utf8proc_uint8_t* mapped = nullptr;
  const auto len =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
                   &mapped, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (len < 0) {
    std::free(mapped);
    return Error::make(err::kInternal, "", std::string("utf8proc: ") + utf8proc_errmsg(len));
  }
  std::string out(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(len));
  std::free(mapped);
  return out;
}

bool isMark(utf8proc_category_t c) {
  return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME;
}

bool isLetter(utf8proc_category_t c) {
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL || c == UTF8PROC_CATEGORY_LT ||
         c == UTF8PROC_CATEGORY_LM || c == UTF8PROC_CATEGORY_LO;
}

// foldKey's common case: a Latin letter (Vietnamese uses U+00C0..U+01B0 and U+1EA0..U+1EF9)
// that folds to one ASCII letter. Precomputed once from utf8proc so the hot loop skips the
// decomposition tables; 0 means "ask utf8proc".
struct LatinFoldTable {
  static constexpr char32_t kLowEnd = 0x0250, kHighBegin = 0x1E00, kHighEnd = 0x1F00;
  unsigned char low[kLowEnd] = {};
  unsigned char high[kHighEnd - kHighBegin] = {};

  LatinFoldTable() {
    for (char32_t cp = 0x80; cp < kLowEnd; ++cp) low[cp] = compute(cp);
    for (char32_t cp = kHighBegin; cp < kHighEnd; ++cp) high[cp - kHighBegin] = compute(cp);
  }
  static unsigned char compute(char32_t cp) {
    if (isVietnameseD(cp)) return 'd';
    utf8proc_int32_t buf[8];
    int boundclass = 0;
    const auto n = utf8proc_decompose_char(
        static_cast<utf8proc_int32_t>(cp), buf, 8,
        static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD), &boundclass);
    return n == 1 && buf[0] >= 'a' && buf[0] <= 'z' ? static_cast<unsigned char>(buf[0]) : 0;
  }
  char lookup(char32_t cp) const {
    if (cp < kLowEnd) return static_cast<char>(low[cp]);
    if (cp >= kHighBegin && cp < kHighEnd) return static_cast<char>(high[cp - kHighBegin]);
    return 0;
  }
};

const LatinFoldTable& latinFoldTable() {
  static const LatinFoldTable table;
  return table;
}

// Vietnamese letters of Latin-1 (U+00C0..U+00FF): the rest of that block, and its symbols, appear
// in names only as TCVN3/VNI text read as Windows-1252 ("Hµ Néi" for "Hà Nội").
bool isVietnameseLatin1Letter(char32_t cp) {
  switch (cp | 0x20) {  // the lowercase partner in this block
    case 0xE0:
    case 0xE1:
    case 0xE2:
    case 0xE3:
    case 0xE8:
    case 0xE9:
    case 0xEA:
    case 0xEC:
    case 0xED:
    case 0xF2:
    case 0xF3:
    case 0xF4:
    case 0xF5:
    case 0xF9:
    case 0xFA:
    case 0xFD:
      return true;
    default:
      return false;
  }
}

bool isLegacyFontChar(char32_t cp) {
  if (cp >= 0x00A1 && cp <= 0x00FF && cp != 0x00AD) return !isVietnameseLatin1Letter(cp);
  switch (cp) {  // the letters Windows-1252 adds in 0x80..0x9F, which VNI text turns into
    case 0x0152:
    case 0x0153:
    case 0x0160:
    case 0x0161:
    case 0x0178:
    case 0x017D:
    case 0x017E:
    case 0x0192:
    case 0x02C6:
    case 0x02DC:
      return true;
    default:
      return false;
  }
}

// A letter of another Latin alphabet (ü, ñ, ø, ß, ð, Œ, š…), as a foreigner's passport writes
// it. µ (micro), ª and º (ordinals), ˆ and ˜ (modifier letters) are classed as letters but are
// signs in a name.
bool isForeignLatinLetter(char32_t cp, utf8proc_category_t cat) {
  return isLetter(cat) && cat != UTF8PROC_CATEGORY_LM && cp != 0x00B5 && cp != 0x00AA && cp != 0x00BA;
}

bool isLatinScript(char32_t cp) { return cp < 0x0250 || (cp >= 0x1E00 && cp <= 0x1EFF); }

// Ð/ð → Đ/đ in valid UTF-8: C3 is always a lead byte, so the byte pairs cannot straddle characters.
void replaceEthWithD(std::string& s) {
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] != '\xC3') continue;
    if (s[i + 1] == '\x90') {
      s[i] = '\xC4';  // U+0110
    } else if (s[i + 1] == '\xB0') {
      s[i] = '\xC4';
      s[i + 1] = '\x91';  // U+0111
    }
  }
}

constexpr std::size_t kMaxNameChars = 100;
// Vietnamese needs at most two stacked marks (ệ in NFD); more is "Zalgo" text meant to deceive.
constexpr int kMaxMarksInRow = 4;

}  // namespace

Utf8Char encodeUtf8(char32_t cp) {
  Utf8Char c;
  const auto put = [&c](unsigned byte) { c.bytes[c.size++] = static_cast<char>(byte); };
  if (cp < 0x80) {
    put(cp);
  } else if (cp < 0x800) {
    put(0xC0 | (cp >> 6));
    put(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    put(0xE0 | (cp >> 12));
    put(0x80 | ((cp >> 6) & 0x3F));
    put(0x80 | (cp & 0x3F));
  } else {
    put(0xF0 | (cp >> 18));
    put(0x80 | ((cp >> 12) & 0x3F));
    put(0x80 | ((cp >> 6) & 0x3F));
    put(0x80 | (cp & 0x3F));
  }
  return c;
}

bool isValidUtf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    if (decodeAt(s, i) == kInvalid) return false;
  }
  return true;
}

std::size_t codePointCount(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

Result<std::string> toNfc(std::string_view s) {
  if (!isValidUtf8(s)) return Error::make(err::kTextInvalidUtf8);
  return nfcOfValid(s);
}

// Whether s has a Latin letter: only then are lookalikes folded, so a name written wholly in
// Greek or Cyrillic keeps its own letters while "Nguyễn Văn Аn" (Cyrillic А) folds to Latin.
// cp decomposed, stripped of marks and case-folded, as foldKey sees it; the count written to buf
// (0 for a stripped mark, negative or over 32 for what no name contains).
utf8proc_ssize_t foldedParts(char32_t cp, utf8proc_int32_t (&buf)[32]) {
  int boundclass = 0;
  return utf8proc_decompose_char(
      static_cast<utf8proc_int32_t>(cp), buf, 32,
      static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD), &boundclass);
}

bool hasLatinLetter(std::string_view s, const LatinFoldTable& latin) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) return true;
      ++i;
      continue;
    }
    const char32_t cp = decodeAt(s, i);
    if (cp == kInvalid) return false;
    if (latin.lookup(cp)) return true;
    // A letter foldKey turns into ASCII letters without a table entry (ß → ss) counts too: the key
    // will hold Latin letters, and folding that key again must fold the same lookalikes.
    utf8proc_int32_t buf[32];
    const auto n = foldedParts(cp, buf);
    if (n <= 0 || n > 32) continue;
    for (utf8proc_ssize_t k = 0; k < n; ++k)
      if ((buf[k] >= 'a' && buf[k] <= 'z') || (buf[k] >= 'A' && buf[k] <= 'Z')) return true;
  }
  return false;
}

std::string foldKey(std::string_view s) {
  const LatinFoldTable& latin = latinFoldTable();
  const bool foldLookalikes = hasLatinLetter(s, latin);
  std::string out;
  out.reserve(s.size());
  bool pendingSpace = false;
  auto put = [&](char c) {
    if (pendingSpace) out.push_back(' ');
    pendingSpace = false;
    out.push_back(c);
  };
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {  // ASCII fast path: no table lookups
      ++i;
      if (isAsciiSpace(b)) {
        pendingSpace = !out.empty();
      } else {
        put(static_cast<char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b));
      }
      continue;
    }
    const char32_t cp = decodeAt(s, i);
    if (cp == kInvalid) return {};
    if (isUnicodeSpace(cp)) {
      pendingSpace = !out.empty();
      continue;
    }
    if (const char folded = latin.lookup(cp)) {
      put(folded);
      continue;
    }
    if (isApostrophe(cp)) {
      put('\'');
      continue;
    }
    // Invisible format characters would make two identical-looking names differ.
    if (isZeroWidth(cp) || isBidiControl(cp)) continue;
    if (const char lookalike = foldLookalikes ? latinLookalike(cp) : 0) {
      put(lookalike);
      continue;
    }
    utf8proc_int32_t buf[32];
    const auto n = foldedParts(cp, buf);
    if (n <= 0 || n > 32) continue;  // a stripped mark (0) or something no name contains
    for (utf8proc_ssize_t k = 0; k < n; ++k) {
      const auto c = static_cast<char32_t>(buf[k]);
      if (c < 0x80) {
        put(static_cast<char>(c));
      } else {
        if (pendingSpace) out.push_back(' ');
        pendingSpace = false;
        // Case folding can yield these too (ŉ → ʼn), and keys must be fixed points of foldKey.
        if (isVietnameseD(c)) {
          out.push_back('d');
        } else if (const char lookalike = foldLookalikes ? latinLookalike(c) : 0) {
          out.push_back(lookalike);  // a Cyrillic or Greek lookalike under a mark (ё → e)
        } else if (isApostrophe(c)) {
          out.push_back('\'');
        } else {
          appendUtf8(out, c);
        }
      }
    }
  }
  return out;
}

Result<std::string> normalizeName(std::string_view s, NameLetters letters) {
  if (!isValidUtf8(s)) return Error::make(err::kTextInvalidUtf8);
  for (std::size_t i = 0; i < s.size();) {
    const char32_t cp = decodeAt(s, i);
    if (cp == ' ') continue;
    if (isControl(cp)) return Error::make(err::kNameControlChar);
    if (isBidiControl(cp)) return Error::make(err::kNameBidiOverride);
    if (isZeroWidth(cp)) return Error::make(err::kNameZeroWidth);
  }
  auto nfc = nfcOfValid(collapseSpaces(s));
  if (!nfc.ok()) return nfc.error();
  std::string name = std::move(nfc.value());
  if (name.empty()) return Error::make(err::kNameEmpty);
  if (letters == NameLetters::Vietnamese) replaceEthWithD(name);
  if (codePointCount(name) > kMaxNameChars) return Error::make(err::kNameTooLong, "", std::to_string(kMaxNameChars));

  bool hasLatin = false;
  for (std::size_t i = 0; i < name.size() && !hasLatin;) {
    const char32_t cp = decodeAt(name, i);
    hasLatin = isLatinScript(cp) && isLetter(utf8proc_category(static_cast<utf8proc_int32_t>(cp)));
  }
  bool hasLetter = false;
  bool afterLetter = false;  // a combining mark must follow a letter (or another mark)
  int marksInRow = 0;
  for (std::size_t i = 0; i < name.size();) {
    const char32_t cp = decodeAt(name, i);
    if (cp == ' ' || cp == '-' || cp == '.' || isApostrophe(cp)) {
      afterLetter = false;
      marksInRow = 0;
      continue;
    }
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    if (isLegacyFontChar(cp) && !(letters == NameLetters::AnyLatin && isForeignLatinLetter(cp, cat)))
      return Error::make(err::kNameLegacyFont);
    if (cp >= '0' && cp <= '9' && afterLetter) return Error::make(err::kNameTypingResidue);
    if (isLetter(cat) && hasLatin && !isLatinScript(cp)) return Error::make(err::kNameMixedScript);
    if (isLetter(cat)) {
      hasLetter = afterLetter = true;
      marksInRow = 0;
    } else if (isMark(cat) && afterLetter && ++marksInRow <= kMaxMarksInRow) {
      // combining mark on a letter, allowed
    } else {
      return Error::make(err::kNameInvalidChar);
    }
  }
  if (!hasLetter) return Error::make(err::kNameInvalidChar);
  return name;
}

Result<std::string> normalizeText(std::string_view s, std::size_t maxChars) {
  if (!isValidUtf8(s)) return Error::make(err::kTextInvalidUtf8);
  std::string unified;  // CRLF and lone CR (Windows/old Mac clipboards) become LF
  unified.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      unified.push_back('\n');
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      unified.push_back(s[i]);
    }
  }
  for (std::size_t i = 0; i < unified.size();) {
    const char32_t cp = decodeAt(unified, i);
    if (cp == '\n') continue;
    if (isControl(cp)) return Error::make(err::kTextControlChar);
    if (isBidiControl(cp)) return Error::make(err::kTextBidiOverride);
  }
  // Trim spaces and newlines at both ends; inner layout is the writer's.
  std::size_t begin = 0, end = unified.size();
  auto spaceAt = [&](std::size_t pos, std::size_t& len) {
    std::size_t j = pos;
    const char32_t cp = decodeAt(unified, j);
    len = j - pos;
    return isAsciiSpace(cp) || isUnicodeSpace(cp);
  };
  for (std::size_t len = 0; begin < end && spaceAt(begin, len);) begin += len;
  while (end > begin) {
    std::size_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(unified[start]) & 0xC0) == 0x80) --start;
    std::size_t len = 0;
    if (!spaceAt(start, len)) break;
    end = start;
  }
  auto nfc = nfcOfValid(std::string_view(unified).substr(begin, end - begin));
  if (!nfc.ok()) return nfc.error();
  if (codePointCount(nfc.value()) > maxChars) return Error::make(err::kTextTooLong, "", std::to_string(maxChars));
  return nfc;
}

}  // namespace gocua::core
