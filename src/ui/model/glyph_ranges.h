// Which characters the font atlas must hold. ImGui 1.86's GetGlyphRangesVietnamese() misses
// punctuation the catalogs use ("—", "…", "“”", "₫"), so the ranges are built from the text the
// app can show: the whole Vietnamese alphabet (any name a volunteer types), plus every character
// of the catalogs and the form files. Pure: no ImGui types (ImWchar is 16-bit in Debian's build).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "forms/registry.h"

namespace gocua::ui {

// The code points of valid UTF-8 text (invalid bytes are skipped).
std::vector<char32_t> codePoints(std::string_view utf8);

// Every user-facing string: both languages of every catalog entry, and the forms' titles,
// section and field labels, hints, choices and documents.
std::vector<std::string> displayTexts(const forms::FormRegistry& forms);

// Sorted, merged [first, last] pairs followed by a 0, as ImFontAtlas::AddFontFromFileTTF wants.
// Code points above U+FFFF are dropped (the atlas is 16-bit); the test checks none are needed.
std::vector<std::uint16_t> glyphRanges(const std::vector<std::string>& texts);

// True when c lies inside ranges (as returned by glyphRanges).
bool inRanges(const std::vector<std::uint16_t>& ranges, char32_t c);

}  // namespace gocua::ui
