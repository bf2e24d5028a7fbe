// Typo tolerance for name search: a word one slip away from what was meant ("nguyn" → nguyen).
#pragma once

#include <string_view>

namespace gocua::workspace {

// Query words shorter than this are never corrected: "an" is one edit from too many names.
inline constexpr std::size_t kTypoMinLength = 5;

// True when b is one deleted, inserted or replaced character away from a, or has two neighbouring
// characters swapped ("ngyuen"). False when a == b (that is no typo). Works on folded bytes.
bool oneEditApart(std::string_view a, std::string_view b);

}  // namespace gocua::workspace
