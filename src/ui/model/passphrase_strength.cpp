#include "ui/model/passphrase_strength.h"

#include <algorithm>
#include <iterator>
#include <set>

#include "core/text.h"
#include "vault/keyslot.h"
#include "vault/secret.h"

namespace gocua::ui {

namespace {

// Folded (no diacritics, lower case) and without spaces, digits or punctuation: what a guesser tries first.
constexpr std::string_view kCommonWords[] = {"password", "matkhau",  "matma",    "qwerty",   "qwertyuiop", "asdfgh",
                                             "azerty",   "iloveyou", "anhyeuem", "emyeuanh", "admin",      "abc",
                                             "abcd",     "abcdef",   "gocua",    "taphuan",  "vietnam",    "hanoi",
                                             "saigon",   "welcome",  "xinchao",  "letmein",  "changeme",   "test"};

std::size_t codePoints(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Every step between neighbours is the same (+1, -1 or 0): "12345678", "abcdefgh", "aaaaaaaa", "87654321".
bool isRun(std::string_view s) {
  if (s.size() < 4) return false;
  const int step = static_cast<unsigned char>(s[1]) - static_cast<unsigned char>(s[0]);
  if (step < -1 || step > 1) return false;
  for (std::size_t i = 2; i < s.size(); ++i)
    if (static_cast<unsigned char>(s[i]) - static_cast<unsigned char>(s[i - 1]) != step) return false;
  return true;
}

// The same short chunk over and over: "abcabcabc", "1212121212".
bool isRepeated(std::string_view s) {
  for (std::size_t len = 1; len <= s.size() / 2; ++len) {
    if (s.size() % len != 0) continue;
    bool same = true;
    for (std::size_t i = len; i < s.size() && same; ++i) same = s[i] == s[i - len];
    if (same) return true;
  }
  return false;
}

}  // namespace

StrengthHint scorePassphrase(std::string_view passphrase, std::string_view name) {
  StrengthHint hint;
  const std::size_t n = codePoints(passphrase);
  // The shared rule first: what it refuses is weak, for the reason the catalog gives for its error.
  if (auto verdict = vault::checkPassphrase(passphrase); !verdict.ok()) {
    hint.labelKey = "ui.strength.weak";
    hint.reasonKey = "error." + verdict.error().code;
    return hint;
  }

  bool lower = false, upper = false, digit = false, symbol = false, nonAscii = false;
  int words = 1;
  std::string letters, compact;  // folded letters only; folded without separators
  std::string folded = core::foldKey(passphrase);
  for (char ch : passphrase) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 'a' && c <= 'z')
      lower = true;
    else if (c >= 'A' && c <= 'Z')
      upper = true;
    else if (c >= '0' && c <= '9')
      digit = true;
    else if (c >= 0x80)
      nonAscii = true;
    else
      symbol = true;
    if (c == ' ') ++words;
  }
  for (char c : folded) {
    if (c >= 'a' && c <= 'z') letters += c;
    if (c != ' ' && c != '-' && c != '_' && c != '.') compact += c;
  }
  const int classes = lower + upper + digit + symbol + nonAscii;
  std::set<char> distinct(compact.begin(), compact.end());

  int score = n >= 20 ? 3 : n >= 14 ? 2 : 1;
  if (classes >= 3) ++score;
  if (words >= 3) ++score;  // a sentence of several words is easy to remember and hard to guess

  std::string reason;
  const bool onlyDigits =
      !compact.empty() && std::all_of(compact.begin(), compact.end(), [](char c) { return c >= '0' && c <= '9'; });
  // A common word with digits or symbols around it ("Matkhau@2024") is still that word.
  const bool common = std::find(std::begin(kCommonWords), std::end(kCommonWords), letters) != std::end(kCommonWords);
  // Built on one word of the name ("Lan@1990" for Nguyễn Thị Lan): little else to guess.
  bool onName = false;
  {
    std::string nameKey = core::foldKey(name);
    std::size_t start = 0;
    while (start < nameKey.size()) {
      std::size_t end = nameKey.find(' ', start);
      if (end == std::string::npos) end = nameKey.size();
      const std::string word = nameKey.substr(start, end - start);
      if (word.size() >= 2 && compact.find(word) != std::string::npos && letters.size() <= word.size() + 3)
        onName = true;
      start = end + 1;
    }
  }
  if (isRun(compact) || isRepeated(compact) || distinct.size() <= 3) {
    score = 0;
    reason = "ui.strength_reason.pattern";
  } else if (onlyDigits) {
    score = std::min(score, 1);
    reason = "ui.strength_reason.digits";
  } else if (common) {
    score = 0;
    reason = "ui.strength_reason.common";
  } else if (onName) {
    score = std::min(score, 1);
    reason = "ui.strength_reason.name";
  } else if (score < 4 && words < 3) {
    reason = "ui.strength_reason.longer";
  }
  vault::wipe(folded);
  vault::wipe(letters);
  vault::wipe(compact);

  hint.score = std::min(score, 5);
  hint.level = score >= 4 ? Strength::Strong : score >= 2 ? Strength::Medium : Strength::Weak;
  hint.labelKey = hint.level == Strength::Strong   ? "ui.strength.strong"
                  : hint.level == Strength::Medium ? "ui.strength.medium"
                                                   : "ui.strength.weak";
  hint.reasonKey = reason;
  return hint;
}

}  // namespace gocua::ui
