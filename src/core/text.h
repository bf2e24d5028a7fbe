// Vietnamese text: NFC normalisation, the folded search/duplicate key, and name checks.
// Pure functions, no I/O. All inputs are UTF-8 byte strings.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"

namespace gocua::core {

// True when s is well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
bool isValidUtf8(std::string_view s);

// The UTF-8 bytes of one code point (a valid scalar value), on the stack so hot loops skip allocating.
struct Utf8Char {
  std::array<char, 4> bytes{};
  std::size_t size = 0;
  std::string_view view() const { return {bytes.data(), size}; }
};
Utf8Char encodeUtf8(char32_t cp);

// NFC form of s. Error "text.invalid_utf8" when s is not valid UTF-8.
Result<std::string> toNfc(std::string_view s);

// The folded key used for search and duplicate checks: NFD, combining marks dropped,
// đ/Đ → d, lowercase, runs of whitespace collapsed to one ASCII space, trimmed.
// "Hoà" and "hòa" and "HOA" all fold to "hoa"; "Đặng" folds to "dang".
// Invalid UTF-8 folds to "" (callers validate first).
// Also: zero-width and bidi controls are dropped, apostrophe look-alikes (’ ‘ ʼ) fold to ', Ð (U+00D0,
// from legacy TCVN3/VNI converters) to d, Cyrillic/Greek lookalikes (а → a) too. foldKey(key) == key.
std::string foldKey(std::string_view s);

// A person's name as stored: NFC, trimmed, inner whitespace collapsed to single spaces.
// Errors (field left empty for the caller to fill):
//   "name.empty"           nothing but whitespace
//   "text.invalid_utf8"    malformed or overlong UTF-8
//   "name.control_char"    C0/C1 control characters (tab and newline included)
//   "name.bidi_override"   U+202A..U+202E, U+2066..U+2069, U+200E, U+200F, U+061C
//   "name.zero_width"      U+200B..U+200D, U+2060, U+FEFF, U+00AD
//   "name.too_long"        more than 100 characters after normalisation
//   "name.legacy_font"     characters that text typed in the old TCVN3/VNI fonts turns into when
//                          read as Unicode (µ, Þ, ø, Œ…: Latin-1 and Windows-1252 ones that
//                          Vietnamese does not use)
//   "name.typing_residue"  a digit right after a letter ("Nguye6n": VNI typing without its keyboard)
//   "name.mixed_script"    a Latin-letter name holding letters of another script (Cyrillic а,
//                          Greek ο, Han 王); a name wholly in one other script is accepted
//   "name.invalid_char"    digits or symbols other than space, hyphen, apostrophe and period
//                          (’ counts as an apostrophe); also no letter at all, a combining mark
//                          not on a letter, or more than 4 marks stacked on one letter.
// Ð (U+00D0) and ð (U+00F0), which legacy converters write for Đ/đ, are stored as Đ/đ.
// Checks run in the order: invalid_utf8, control/bidi/zero-width, empty, too_long, then per
// character legacy_font, typing_residue, mixed_script, invalid_char.
// toNfc, normalizeName and normalizeText can also return "internal" if utf8proc runs out of memory.
//
// letters: a Vietnamese citizen's name holds the letters Vietnamese writes, and any other Latin-1
// letter is taken for old-font text. A foreigner's name is written as in their passport (a spouse
// in a marriage with foreign elements, a foreign parent): ü, ñ, ø, ß, é and ð are their letters
// and are kept (ð too), while the Latin-1 signs (µ, ª, º, ¶…) and the rest stay refused.
enum class NameLetters { Vietnamese, AnyLatin };
Result<std::string> normalizeName(std::string_view s, NameLetters letters = NameLetters::Vietnamese);

// Free text (addresses, notes): NFC, trimmed; rejects invalid UTF-8, bidi overrides and
// control characters other than newline. maxChars counts code points.
// CRLF and lone CR are turned into LF first (text pasted from Windows). Empty text is accepted.
// Errors: "text.invalid_utf8", "text.control_char", "text.bidi_override", "text.too_long".
Result<std::string> normalizeText(std::string_view s, std::size_t maxChars);

// Number of code points in valid UTF-8.
std::size_t codePointCount(std::string_view s);

}  // namespace gocua::core
