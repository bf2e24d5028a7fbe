// layoutLeaflet: large type for people who read slowly, one idea per line, nothing but the guide.
#include "print/leaflet.h"

#include <algorithm>
#include <string>

#include "core/text.h"

namespace gocua::print {

namespace {

constexpr float kTitle = 20.0f;
constexpr float kHeading = 14.0f;
constexpr float kBody = 13.0f;
constexpr float kSmall = 9.0f;
constexpr float kIndent = 22.0f;  // numbers and ticks hang to the left of their text

Status heading(PageCursor& cursor, i18n::Lang lang, const char* key) {
  cursor.keep(kHeading * 4);  // never a heading alone at the foot of a page
  cursor.skip(kHeading * 0.9f);
  auto text = core::toNfc(i18n::tr(lang, key));
  if (!text) return text.error();
  cursor.line(*text, kHeading, true);
  cursor.skip(3);
  return {};
}

// "1." or "[  ]" at the margin, the text indented after it, both on the same page and line.
Status item(PageCursor& cursor, const std::string& marker, const std::string& raw) {
  auto text = core::toNfc(raw);
  if (!text) return text.error();
  const float lead = kBody * kLeading;
  const auto lines = cursor.wrap(*text, kBody, false, kPageWidth - 2 * kMargin - kIndent).size();
  cursor.keep(lead * static_cast<float>(std::min<std::size_t>(lines, 3)));  // as line() keeps it
  cursor.place(marker, kMargin, kBody, true, lead);                         // line() moves down one lead before drawing
  cursor.line(*text, kBody, false, kMargin + kIndent);
  cursor.skip(2);
  return {};
}

// How a list's items are marked: steps are numbered, documents ticked off, scammers' words flagged.
enum class Marker { Number, Tick, Warning };

std::string markerFor(Marker marker, std::size_t index) {
  switch (marker) {
    case Marker::Number:
      return std::to_string(index + 1) + ".";
    case Marker::Tick:
      return "[  ]";
    case Marker::Warning:
      return "!";
  }
  return {};
}

Status list(PageCursor& cursor, i18n::Lang lang, const char* key, const std::vector<forms::LocalText>& items,
            Marker marker) {
  if (items.empty()) return {};
  if (auto st = heading(cursor, lang, key); !st.ok()) return st;
  for (std::size_t i = 0; i < items.size(); ++i)
    if (auto st = item(cursor, markerFor(marker, i), items[i].in(lang)); !st.ok()) return st;
  return {};
}

Status fact(PageCursor& cursor, i18n::Lang lang, const char* key, const std::optional<forms::LocalText>& text) {
  if (!text) return {};
  if (auto st = heading(cursor, lang, key); !st.ok()) return st;
  auto nfc = core::toNfc(text->in(lang));
  if (!nfc) return nfc.error();
  cursor.line(*nfc, kBody, false);
  return {};
}

}  // namespace

Result<PageLayout> layoutLeaflet(const forms::Guide& guide, i18n::Lang lang, const Measure& measure) {
  PageLayout layout;
  PageCursor cursor(layout, measure, 48);
  auto title = core::toNfc(guide.title.in(lang));
  if (!title) return title.error();
  cursor.line(*title, kTitle, true);
  cursor.skip(6);

  // A card warns first: what the scammer says is what the resident will hear.
  if (auto st = list(cursor, lang, "print.leaflet.warnings", guide.warnings, Marker::Warning); !st.ok())
    return st.error();
  if (auto st = list(cursor, lang, "print.leaflet.steps", guide.steps, Marker::Number); !st.ok()) return st.error();
  if (auto st = list(cursor, lang, "print.leaflet.documents", guide.documents, Marker::Tick); !st.ok())
    return st.error();
  if (auto st = fact(cursor, lang, "print.leaflet.deadline", guide.deadline); !st.ok()) return st.error();
  if (auto st = fact(cursor, lang, "print.leaflet.fee", guide.fee); !st.ok()) return st.error();
  if (auto st = fact(cursor, lang, whereKey(guide), guide.where); !st.ok()) return st.error();

  if (!guide.legalBasis.empty()) {
    cursor.skip(kBody);
    std::string basis = i18n::tr(lang, "print.leaflet.legal_basis");
    for (std::size_t i = 0; i < guide.legalBasis.size(); ++i) basis += (i ? "; " : " ") + guide.legalBasis[i];
    auto nfc = core::toNfc(basis);
    if (!nfc) return nfc.error();
    cursor.line(*nfc, kSmall, false);
  }
  auto footer = core::toNfc(i18n::tr(lang, "print.leaflet.footer"));
  if (!footer) return footer.error();
  cursor.skip(4);
  cursor.line(*footer, kSmall, false);
  addPageMarks(layout, measure);
  return layout;
}

}  // namespace gocua::print
