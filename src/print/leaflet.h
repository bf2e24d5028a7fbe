// A guide (forms/guides) as a one-page A4 leaflet a volunteer leaves with the resident or a
// trainer hands out: the title in large type, the steps numbered, what to bring ticked off, the
// deadline, fee and place, a card's warnings, and the legal basis in small type at the foot.
// Headings come from the catalog in the leaflet's language; the guide's texts in that language.
#pragma once

#include "core/i18n.h"
#include "core/result.h"
#include "forms/guide.h"
#include "print/layout.h"

namespace gocua::print {

// The catalog key that labels a guide's "where": where to go for a procedure, where to report for
// a card (the anti-scam card sends people to the police, not to file anything).
inline const char* whereKey(const forms::Guide& guide) {
  return guide.isCard() ? "print.leaflet.where_card" : "print.leaflet.where";
}

// Errors: "text.invalid_utf8" when a text is not valid UTF-8.
Result<PageLayout> layoutLeaflet(const forms::Guide& guide, i18n::Lang lang, const Measure& measure = estimateWidth);

}  // namespace gocua::print
