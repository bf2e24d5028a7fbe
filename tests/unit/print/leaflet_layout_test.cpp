// The guides' leaflets: every shipped guide fits one A4 page in both languages, with its title,
// numbered steps, what to bring, deadline, fee and place in that order, in the chosen language;
// the anti-scam card puts the scammers' words first.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "../forms/shipped_forms.h"
#include "core/i18n.h"
#include "forms/guide_library.h"
#include "print/leaflet.h"
#include "print/pdf_writer.h"

namespace {

using namespace gocua;

const forms::GuideLibrary& guides() {
  static const forms::GuideLibrary lib =
      forms::GuideLibrary::load(std::filesystem::path(GOCUA_SOURCE_DIR) / "forms/guides", forms::testing::shipped());
  return lib;
}

// Every text of the layout in drawing order, one space between runs: wrapped lines join again.
std::string joined(const print::PageLayout& l) {
  std::string all;
  for (const auto& t : l.texts) all += (all.empty() ? "" : " ") + t.text;
  return all;
}

// Where needle first appears at or after from (a step's words may repeat in a later part).
std::size_t at(const std::string& all, const std::string& needle, std::size_t from = 0) {
  const auto p = all.find(needle, from);
  CHECK_MESSAGE(p != std::string::npos, "missing: ", needle);
  return p;
}

}  // namespace

TEST_CASE("leaflet: every shipped guide on one page, in Vietnamese and in English, everything in order") {
  REQUIRE(guides().problems().empty());
  REQUIRE(guides().all().size() >= 7);
  for (const auto& g : guides().all()) {
    for (const auto lang : {i18n::Lang::Vi, i18n::Lang::En}) {
      CAPTURE(g.id);
      CAPTURE(static_cast<int>(lang));
      // Laid out with the embedded font's real widths, as the PDF is drawn.
      std::optional<print::PageLayout> l;
      auto pdf = print::renderPdf([&](const print::Measure& measure) {
        auto laid = print::layoutLeaflet(g, lang, measure);
        if (laid) l = *laid;
        return laid;
      });
      REQUIRE(pdf);
      REQUIRE(l);
      CHECK(l->pages == 1);
      const std::string all = joined(*l);
      CHECK(all.rfind(g.title.in(lang), 0) == 0);  // the title comes first
      std::size_t last = 0;
      for (std::size_t i = 0; i < g.steps.size(); ++i) {
        const auto p = at(all, std::to_string(i + 1) + ". " + g.steps[i].in(lang));
        CHECK(p > last);
        last = p;
      }
      for (const auto& d : g.documents) last = at(all, "[  ] " + d.in(lang), last);
      if (g.deadline) last = at(all, i18n::tr(lang, "print.leaflet.deadline") + " " + g.deadline->in(lang), last);
      if (g.fee) last = at(all, i18n::tr(lang, "print.leaflet.fee") + " " + g.fee->in(lang), last);
      if (g.where) last = at(all, i18n::tr(lang, print::whereKey(g)) + " " + g.where->in(lang), last);
      for (const auto& basis : g.legalBasis) at(all, basis);
      if (lang == i18n::Lang::En && !g.steps.empty())
        CHECK(all.find(i18n::tr(i18n::Lang::En, "print.leaflet.steps")) != std::string::npos);
    }
  }
}

TEST_CASE("leaflet: the anti-scam card warns before it says what to do") {
  const forms::Guide* card = guides().find("anti_scam");
  REQUIRE(card);
  REQUIRE(card->isCard());
  REQUIRE_FALSE(card->warnings.empty());
  auto l = print::layoutLeaflet(*card, i18n::Lang::Vi);
  REQUIRE(l);
  const std::string all = joined(*l);
  const auto warned = at(all, i18n::tr(i18n::Lang::Vi, "print.leaflet.warnings"));
  for (const auto& w : card->warnings) CHECK(at(all, "! " + w.vi) > warned);  // flagged, not a checklist
  if (!card->steps.empty()) CHECK(at(all, "1. " + card->steps[0].vi) > at(all, card->warnings.back().vi));
}

TEST_CASE("leaflet: a text that is not UTF-8 is refused, not printed") {
  forms::Guide g = *guides().find("birth_registration");
  g.steps[0].vi = std::string("Bu\xff\xfe", 4);
  auto l = print::layoutLeaflet(g, i18n::Lang::Vi);
  REQUIRE_FALSE(l);
  CHECK(l.error().code == "text.invalid_utf8");
}
