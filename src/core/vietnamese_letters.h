// Vietnamese letters taken apart and put back together, for the typing engine
// (core/vietnamese_typing.h): "ệ" is base 'e' + circumflex + dot below, "Đ" is base 'd' + stroke.
// Pure functions, no I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gocua::core {

enum class Mark : unsigned char { None, Circumflex, Breve, Horn, Stroke };  // â ê ô · ă · ơ ư · đ
// Thanh ngang, sắc, huyền, hỏi, ngã, nặng.
enum class Tone : unsigned char { Level, Acute, Grave, Hook, Tilde, Dot };

struct Letter {
  char base = 0;  // 'a'..'z' (lower case); 0 when the code point is not a Latin letter
  Mark mark = Mark::None;
  Tone tone = Tone::Level;
  bool upper = false;
  char32_t other = 0;  // the code point as it was, when base is 0 (digits, punctuation, other scripts)

  bool isVowel() const;
};

// The letters of NFC text, one per code point; invalid UTF-8 gives an empty vector.
std::vector<Letter> splitLetters(std::string_view nfc);
// Back to UTF-8, each letter precomposed (so the result is NFC when the input was).
std::string joinLetters(const std::vector<Letter>& letters);

}  // namespace gocua::core
