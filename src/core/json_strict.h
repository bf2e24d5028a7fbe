// Outside JSON must mean one thing. nlohmann keeps the last of two equal keys in one object, so
// {"sex":"male", ..., "sex":"female"} in an input file would be read as whichever came last without
// a word; these refuse it instead ("json.duplicate_key", field = the repeated key).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace gocua::core {

// A parser callback for nlohmann::json::parse that sets *firstDuplicate to the first key repeated
// inside one object (nested objects and objects in arrays each have their own keys). Values are
// never copied: only key names, which are field names. *firstDuplicate must outlive the parse.
nlohmann::json::parser_callback_t duplicateKeyCallback(std::optional<std::string>* firstDuplicate);

// Records and answers nest a few levels; outside JSON deeper than this is refused.
inline constexpr int kMaxJsonDepth = 64;

// parse(text) without exceptions: a discarded value when text is not JSON (the caller names that
// error), "json.duplicate_key" when an object repeats a key, "json.too_deep" (detail: the limit)
// when arrays and objects nest deeper than kMaxJsonDepth. The deep part is dropped while parsing,
// so nothing of it is built: copying or wiping a value recurses once per level, and a million
// nested brackets would overflow the stack.
Result<nlohmann::json> parseJsonNoDuplicateKeys(std::string_view text);

}  // namespace gocua::core
