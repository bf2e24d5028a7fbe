#include "ui/model/glyph_ranges.h"

#include <algorithm>

#include "core/i18n.h"

namespace gocua::ui {

std::vector<char32_t> codePoints(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) {
      ++i;
      continue;
    }
    char32_t c = len == 1 ? b : b & (0x7F >> len);
    bool ok = true;
    for (int k = 1; k < len; ++k) {
      const auto cont = static_cast<unsigned char>(s[i + k]);
      if ((cont & 0xC0) != 0x80) ok = false;
      c = (c << 6) | (cont & 0x3F);
    }
    if (ok) out.push_back(c);
    i += ok ? len : 1;
  }
  return out;
}

namespace {

void addLocal(std::vector<std::string>& out, const forms::LocalText& t) {
  if (!t.vi.empty()) out.push_back(t.vi);
  if (!t.en.empty()) out.push_back(t.en);
}

void addField(std::vector<std::string>& out, const forms::FieldDef& f) {
  addLocal(out, f.label);
  addLocal(out, f.hint);
  addLocal(out, f.constraintMessage);
  addLocal(out, f.patternMessage);
  for (const auto& c : f.choices) addLocal(out, c.label);
  for (const auto& child : f.children) addField(out, child);
}

}  // namespace

std::vector<std::string> displayTexts(const forms::FormRegistry& forms) {
  std::vector<std::string> out;
  for (const auto& e : i18n::allEntries()) {
    out.push_back(e.vi);
    out.push_back(e.en);
  }
  for (const auto* form : forms.all()) {
    out.push_back(form->title(i18n::Lang::Vi));
    out.push_back(form->title(i18n::Lang::En));
    addLocal(out, form->plainTitle());
    addLocal(out, form->plainDetail());
    for (const auto& f : form->flags()) addLocal(out, f.label);
    addField(out, form->root());
    for (const auto& d : form->documents()) {
      out.push_back(d.vi);
      out.push_back(d.en);
    }
  }
  for (const auto* list : forms.lists())
    for (const auto& c : list->choices) addLocal(out, c.label);
  return out;
}

std::vector<std::uint16_t> glyphRanges(const std::vector<std::string>& texts) {
  // The alphabet and the punctuation a typed name or address can hold, whatever the catalogs say.
  std::vector<std::pair<char32_t, char32_t>> spans = {
      {0x0020, 0x007E},  // Basic Latin
      {0x00A0, 0x00FF},  // Latin-1 (À Á Â Ã È É Ê Ì Í Ò Ó Ô Õ Ù Ú Ý à á â ã ...)
      {0x0102, 0x0103},  // Ă ă
      {0x0110, 0x0111},  // Đ đ
      {0x0128, 0x0129},  // Ĩ ĩ
      {0x0168, 0x0169},  // Ũ ũ
      {0x01A0, 0x01A1},  // Ơ ơ
      {0x01AF, 0x01B0},  // Ư ư
      {0x0300, 0x0303},  // combining grave, acute, circumflex, tilde (decomposed input)
      {0x0309, 0x0309},  // combining hook above
      {0x0323, 0x0323},  // combining dot below
      {0x1EA0, 0x1EF9},  // Latin Extended Additional: the Vietnamese letters with two marks
      {0x2013, 0x2014},  // – —
      {0x2018, 0x201D},  // ‘ ’ “ ”
      {0x2022, 0x2022},  // •
      {0x2026, 0x2026},  // …
      {0x20AB, 0x20AB},  // ₫
      {0xFFFD, 0xFFFD},  // what ImGui draws for a missing glyph
  };
  for (const auto& text : texts)
    for (char32_t c : codePoints(text))
      if (c >= 0x20 && c <= 0xFFFF) spans.emplace_back(c, c);
  std::sort(spans.begin(), spans.end());
  std::vector<std::pair<char32_t, char32_t>> merged;
  for (const auto& s : spans) {
    if (!merged.empty() && s.first <= merged.back().second + 1)
      merged.back().second = std::max(merged.back().second, s.second);
    else
      merged.push_back(s);
  }
  std::vector<std::uint16_t> out;
  for (const auto& [a, b] : merged) {
    out.push_back(static_cast<std::uint16_t>(a));
    out.push_back(static_cast<std::uint16_t>(b));
  }
  out.push_back(0);
  return out;
}

bool inRanges(const std::vector<std::uint16_t>& ranges, char32_t c) {
  for (std::size_t i = 0; i + 1 < ranges.size(); i += 2)
    if (c >= ranges[i] && c <= ranges[i + 1]) return true;
  return false;
}

}  // namespace gocua::ui
