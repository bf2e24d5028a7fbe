// A word as written with its Vietnamese marks, for ranking the spelling the volunteer typed first
// ("Thuý" before Thủy, "Lộc" before Lọc). Vowel marks (ă â ê ô ơ ư) and đ are kept, case is
// dropped, and the tone marks are collected apart, so the old and new tone placements agree
// ("Thúy" = "Thuý", "Hòa" = "Hoà"). Hyphens and apostrophes are skipped.
#pragma once

#include <string>
#include <string_view>

namespace gocua::workspace {

struct MarkedWord {
  std::string letters;  // lowercase UTF-8, vowel marks and đ kept, tone marks removed
  std::string tones;    // one digit per toned vowel: 1 huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng
};

// nfcWord: one word in NFC (names are stored so; the query is normalised first).
MarkedWord markedWord(std::string_view nfcWord);

// True when the name's word is written with the marks the volunteer typed: the typed letters
// begin the name's (a word still being typed) and the tones are the same, or none were typed yet
// and the word is not complete.
bool marksAgree(const MarkedWord& typed, const MarkedWord& name);
// The same for a name's word as written (NFC), without allocating: it runs on every candidate.
bool marksAgree(const MarkedWord& typed, std::string_view nfcNameWord);

// True when s has a byte outside ASCII, i.e. something that may carry a mark.
bool hasNonAscii(std::string_view s);

}  // namespace gocua::workspace
