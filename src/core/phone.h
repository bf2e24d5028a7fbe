// Vietnamese mobile numbers: 10 digits starting with 0 and a known carrier prefix.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace gocua::core {

// Normalised "0xxxxxxxxx". Accepts "+84…", "0084…", "84…" (11 digits) and "0…", with spaces, dots,
// hyphens or brackets between digits ("(+84) 912…", "+84 (0) 912…").
// "+84 0912…" / "840912…" (trunk 0 kept after the country code) is accepted too.
// Errors: "phone.format" (wrong length or characters), "phone.prefix" (not a mobile prefix in
// DOMAIN.md), "phone.retired" (an 11-digit number from before the 2018 change; detail
// "0162 → 032": the old and new prefix, never the number). Field left empty for the caller.
Result<std::string> normalizePhone(std::string_view s);

// Carrier name for a normalised number ("Viettel", "MobiFone", …), empty when unknown.
std::string_view carrierOf(std::string_view normalized);

}  // namespace gocua::core
