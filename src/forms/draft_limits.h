// What even a draft application may not keep. A draft may be incomplete or wrong (that is what
// drafts are for), but it is sealed, autosaved and later exported: answers for sections the form
// does not have, megabytes in one field, or a huge answers object would travel with it.
#pragma once

#include <cstddef>

#include <nlohmann/json.hpp>

#include "forms/form.h"

namespace gocua::forms {

// Serialised answers above this are refused, draft or not (the largest official form fills a few KiB).
inline constexpr std::size_t kMaxAnswersBytes = 256 * 1024;

// Adds "answers.too_large" to report when answers are over kMaxAnswersBytes, then says whether any
// problem in report blocks saving a draft: "field.unknown", "text.too_long" (past the hard cap on
// every text answer) or "answers.too_large".
bool blocksDraft(ValidationReport& report, const nlohmann::json& answers);

}  // namespace gocua::forms
