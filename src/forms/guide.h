// A quick-reference guide (forms/guides/<id>.json): what a resident does for one procedure —
// steps, documents to bring, deadline, fee, where to go — or a card that is not a procedure (the
// anti-scam card: what scammers say, what to do). Written once as data, in short lines in
// Vietnamese and English, for the presentation mode and the printed leaflets (forms/README.md,
// "Guides"). parseGuide checks one guide; GuideLibrary (guide_library.h) loads the folder.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "forms/field.h"

namespace gocua::forms {

class FormRegistry;

// One line of a guide is read aloud or shown in large type: at most this many characters.
inline constexpr std::size_t kMaxGuideLine = 200;
// Steps, documents or warnings in one guide: at most this many (one page each when presenting).
inline constexpr std::size_t kMaxGuideItems = 12;

struct Guide {
  std::string id;
  std::string form;  // the form it explains ("birth_registration"); empty for a card (anti_scam)
  LocalText title;
  std::vector<std::string> legalBasis;
  std::string comment;               // the sources checked (maintainers only, never shown)
  std::vector<LocalText> steps;      // in order, one idea each
  std::vector<LocalText> documents;  // what to bring
  std::vector<LocalText> warnings;   // what scammers say (cards); may be empty
  // A procedure's guide has all three; a card may leave them out.
  std::optional<LocalText> deadline, fee, where;

  bool isCard() const { return form.empty(); }
};

// Checks one guide's JSON. Every text is {"vi", "en"}, both non-empty, stored as typed (NFC, no
// spaces around, no control characters) and at most kMaxGuideLine characters; unknown keys are
// refused everywhere. "form" is a form id that forms knows, or null for a card; a procedure's
// guide needs documents, deadline, fee and where. Returns the first problem and, when problems is
// given, puts every problem there (each with its field path, "steps[2].en").
Result<Guide> parseGuide(const nlohmann::json& doc, const FormRegistry& forms, Errors* problems);

}  // namespace gocua::forms
