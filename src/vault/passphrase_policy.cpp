// checkPassphrase (declared in keyslot.h): the one rule for a new passphrase, shared by the app's
// strength meter, gocuactl and gocua-hub (wrapDataKey enforces it too). It refuses only what a
// guesser tries first; the app's meter adds softer hints above it. Existing passphrases are never
// judged: they still unlock. Checks, in this order, each with its own plain reason in the catalog:
//   "vault.passphrase_control_char"  a C0/C1 control character (tab, newline, escape...) anywhere
//   "vault.passphrase_only_spaces"   nothing but spaces
//   "vault.passphrase_too_short"     under kMinPassphraseCodePoints code points
//   "vault.passphrase_repeated"      one character, or a group of up to 4, over and over
//                                    ("aaaaaaaa", "12121212", "abcdabcd")
//   "vault.passphrase_sequence"      a run up or down the alphabet, the digits or a keyboard row
//                                    ("12345678", "abcdefgh", "87654321", "qwertyui")
//   "vault.passphrase_common"        a password on everyone's first-guess list ("password",
//                                    "matkhau123", "iloveyou")
// Case, diacritics, spaces, '-', '_' and '.' are ignored for the last three.
#include <algorithm>

#include <algorithm>
#include <iterator>
#include <string>

#include "core/text.h"
#include "vault/errors.h"
#include "vault/keyslot.h"
#include "vault/secret.h"

namespace gocua::vault {

namespace {

// Folded (lower case, no diacritics) and without spaces or separators. Kept short on purpose:
// the weakest few, in Vietnamese and English, not a dictionary.
constexpr std::string_view kCommonPasswords[] = {
    "password",   "password1",  "password12", "password123",   "passw0rd",  "matkhau",       "matkhau1", "matkhau12",
    "matkhau123", "matkhaumoi", "123456789a", "12345678a",     "a12345678", "abc12345",      "abcd1234", "abc123456",
    "qwerty123",  "qwerty12",   "1q2w3e4r",   "1qaz2wsx",      "iloveyou",  "iloveyou1",     "anhyeuem", "emyeuanh",
    "anhyeuem1",  "admin123",   "admin1234",  "administrator", "letmein1",  "welcome1",      "changeme", "sunshine",
    "princess",   "football",   "baseball",   "trustno1",      "superman",  "computer",      "internet", "vietnam1",
    "vietnam123", "hanoi123",   "saigon123",  "xinchao123",    "gocua123",  "khongcomatkhau"};

// Keyboard rows a guesser walks along, forwards or backwards.
constexpr std::string_view kKeyboardRows[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890"};

bool isControl(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

// One pass over the code points, nothing copied. A byte that starts no valid UTF-8 sequence is
// judged as itself.
struct Shape {
  std::size_t codePoints = 0;
  bool control = false;
  bool onlySpaces = true;
};
Shape shapeOf(std::string_view s) {
  Shape shape;
  for (std::size_t i = 0; i < s.size();) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
    bool ok = len > 0 && i + len <= s.size();
    for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (!ok) len = 1;
    char32_t cp = len == 1 ? b0 : b0 & (0xFF >> (len + 1));
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    ++shape.codePoints;
    shape.control = shape.control || isControl(cp);
    shape.onlySpaces = shape.onlySpaces && (cp == U' ' || cp == U'\u00A0');
    i += len;
  }
  shape.onlySpaces = shape.onlySpaces && shape.codePoints > 0;
  return shape;
}

// The same group of 1..4 characters over and over.
bool isRepeated(std::string_view s) {
  for (std::size_t len = 1; len <= 4 && len * 2 <= s.size(); ++len) {
    bool same = true;
    for (std::size_t i = len; i < s.size() && same; ++i) same = s[i] == s[i - len];
    if (same) return true;
  }
  return false;
}

// Every step is +1 or every step is -1 ("abcdefgh", "98765432"), or a stretch of a keyboard row.
bool isSequence(std::string_view s) {
  if (s.size() < 4) return false;
  for (int step : {1, -1}) {
    bool run = true;
    for (std::size_t i = 1; i < s.size() && run; ++i)
      run = static_cast<unsigned char>(s[i]) - static_cast<unsigned char>(s[i - 1]) == step;
    if (run) return true;
  }
  const std::string reversed(s.rbegin(), s.rend());
  return std::any_of(std::begin(kKeyboardRows), std::end(kKeyboardRows), [&](std::string_view row) {
    return row.find(s) != std::string_view::npos || row.find(reversed) != std::string_view::npos;
  });
}

}  // namespace

Status checkPassphrase(std::string_view passphrase) {
  const Shape shape = shapeOf(passphrase);
  if (shape.control) return Error::make(err::kVaultPassphraseControlChar, "passphrase");
  if (shape.onlySpaces) return Error::make(err::kVaultPassphraseOnlySpaces, "passphrase");
  if (shape.codePoints < kMinPassphraseCodePoints) return Error::make(err::kVaultPassphraseTooShort, "passphrase");

  std::string compact = core::foldKey(passphrase);
  std::erase_if(compact, [](char c) { return c == ' ' || c == '-' || c == '_' || c == '.'; });
  Status verdict;
  if (isRepeated(compact))
    verdict = Error::make(err::kVaultPassphraseRepeated, "passphrase");
  else if (isSequence(compact))
    verdict = Error::make(err::kVaultPassphraseSequence, "passphrase");
  else if (std::find(std::begin(kCommonPasswords), std::end(kCommonPasswords), compact) != std::end(kCommonPasswords))
    verdict = Error::make(err::kVaultPassphraseCommon, "passphrase");
  wipe(compact);
  return verdict;
}

}  // namespace gocua::vault
