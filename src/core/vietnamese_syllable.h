// One Vietnamese syllable as the typing engine sees it while a word is being typed: initial
// consonant, vowel nucleus, final consonant, and where the tone mark goes.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "core/vietnamese_letters.h"

namespace gocua::core {

// letters[0, nucleusBegin) is the initial consonant ("qu" and "gi" count as consonants),
// [nucleusBegin, nucleusEnd) the vowels, [nucleusEnd, size) the final consonant.
struct Syllable {
  std::size_t nucleusBegin = 0, nucleusEnd = 0;
  bool hasNucleus() const { return nucleusEnd > nucleusBegin; }
  bool hasFinal(std::size_t size) const { return size > nucleusEnd; }
};

// The syllable the letters can be the beginning of, or nullopt when they cannot be Vietnamese
// (an unknown consonant or vowel group, a digit, vowels split by consonants: "Facebook", "aa").
std::optional<Syllable> parseSyllable(const std::vector<Letter>& letters);

// Which letter carries the tone: a vowel with a mark (the second of ươ), else the only vowel,
// the middle of three, the second of two before a final consonant, and otherwise the first of
// two except oa, oe, uy, which take it on the second as the catalog writes them ("Hoà", "Thuý",
// "khoá"). nullopt when there is no vowel.
std::optional<std::size_t> toneSlot(const std::vector<Letter>& letters, const Syllable& s);

}  // namespace gocua::core
