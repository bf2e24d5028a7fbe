// Possible duplicates across laptops: two volunteers who registered the same person on different
// laptops. A pair shares the personal ID number, or the folded name (no diacritics, đ → d) and
// the date of birth. Only pairs from different laptops: a laptop refuses a second record with
// the same ID itself and warns about the same name and birth at the door.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "sync/hub/hub.h"

namespace gocua::hub {

struct DuplicatePair {
  std::string a, b;    // record ids, a first received
  std::string reason;  // "same_personal_id" or "same_name_and_birth"
};

// Opens every resident once; the values compared are kept only as hashes while it runs.
Result<std::vector<DuplicatePair>> findDuplicates(HubSession& session);

}  // namespace gocua::hub
