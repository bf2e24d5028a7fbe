// The one catalog of user-facing text, Vietnamese first, English second.
// Catalog files live in assets/i18n/<module>.json, each an object
//   { "key": { "vi": "...", "en": "..." }, ... }
// and are compiled into the binary. Keys are unique across files (a test checks it).
// Error messages use the key "error.<Error::code>".
// Placeholders "{name}" in a message are replaced from the args given to tr().
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace gocua::i18n {

enum class Lang { Vi, En };

// GOCUA_LANG=en selects English; anything else (or unset) Vietnamese.
Lang langFromEnvironment();
void setLang(Lang lang);
Lang lang();

using Args = std::vector<std::pair<std::string, std::string>>;

// Text for key in the current language. A missing key returns the key itself, so a gap
// shows up on screen and in tests instead of crashing.
std::string tr(std::string_view key, const Args& args = {});
std::string tr(Lang lang, std::string_view key, const Args& args = {});
bool has(std::string_view key);

// "error.<code>" for err, with {field} and {detail} available as placeholders.
std::string message(const Error& err);

// 12345 → "12.345" in Vietnamese, "12,345" in English.
std::string formatCount(std::uint64_t n);

struct Entry {
  std::string key, vi, en;
  std::string file;
};
// Every entry, for the catalog tests. Duplicate keys across files are reported in duplicates.
std::vector<Entry> allEntries();
std::vector<std::string> duplicateKeys();

}  // namespace gocua::i18n
