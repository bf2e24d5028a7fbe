// Reading only some members of a decrypted record line. nlohmann's parser reads about 100 MB/s,
// and an application's line is mostly its form answers, which the report, the spreadsheet export
// and the duplicates search never look at; skimming steps over the members nobody asked for
// (matching quotes and brackets only) and hands the ones asked for to nlohmann, so they read
// exactly as a whole parse would read them (the last of repeated keys wins, escapes decoded).
//
// The line is what the import sealed after nlohmann accepted it, and the seal proves it is
// unchanged, so the skipped parts are not validated again; any input is still read within its
// bounds, and one the skim cannot follow is refused (tests/fuzz/fuzz_record_skim.cpp compares it
// with a whole parse).
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "sync/hub/hub.h"

namespace gocua::hub::detail {

// The members of line (a JSON object) that fields names, in an object of the same shape: the top
// members fields.top names, and, when fields.body names any, "body" with only those of its own
// (a "body" that is not an object is taken whole). False when line is not a JSON object the skim
// can follow; out then holds nothing of it.
[[nodiscard]] bool skimRecordLine(std::string_view line, const RecordFields& fields, nlohmann::json& out);

}  // namespace gocua::hub::detail
