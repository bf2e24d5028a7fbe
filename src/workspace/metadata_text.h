// Internal to the workspace: the plaintext metadata (meta rows, volunteer names) goes into JSON
// that nlohmann dumps (manifest, enrollment request, CLI output), and dumping invalid UTF-8
// throws. A byte changed on disk must be a clear "damaged" answer, not an abort.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "store/repository.h"

namespace gocua::workspace::detail {

// The places (never the values) holding text that is not valid UTF-8: "keyslot N name",
// "meta KEY" (or "meta key N" when the key itself is not text).
Result<std::vector<std::string>> invalidMetadataText(store::Repository& repo);
// "workspace.damaged" naming the first such place; ok when there is none.
Status checkMetadataText(store::Repository& repo);

}  // namespace gocua::workspace::detail
