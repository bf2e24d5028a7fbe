// The one wipe for JSON that held residents' data: nlohmann's clear() and destructor free memory
// without zeroing it, so the names and ID numbers would stay in freed heap pages.
#pragma once

#include <nlohmann/json.hpp>

namespace gocua::vault {

// Zeroes every string inside value (object keys are form field names, not residents' data), then
// makes it null.
void wipe(nlohmann::json& value);
// The same zeroing, but the emptied tree (nothing of the data left in it) is handed back instead of
// freed, for a caller that frees it on another thread; value is null afterwards.
[[nodiscard]] nlohmann::json wipeAndRelease(nlohmann::json& value);

}  // namespace gocua::vault
