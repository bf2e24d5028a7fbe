// Reading the fields of an untrusted JSON object into checked values while collecting every
// problem (validation reports all of them at once, each against its field).
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace gocua::core {

// An optional string member; absent or null is nullopt, another type is "field.type".
std::optional<std::string> stringField(const nlohmann::json& j, const char* key, Errors& out);

// "field.unknown" for each member whose name is not in allowed. A short list scanned in place: the
// hub checks every resident of a batch with it, and building a std::set each time cost more than
// the scan.
void checkKnownKeys(const nlohmann::json& j, std::span<const std::string_view> allowed, Errors& out);
inline void checkKnownKeys(const nlohmann::json& j, std::initializer_list<std::string_view> allowed, Errors& out) {
  checkKnownKeys(j, std::span(allowed.begin(), allowed.size()), out);
}

// Free text (normalizeText: NFC, trimmed, at most maxChars code points); "" when absent.
// "field.required" when required and empty. The limit stays in the error's detail: the message
// reads "at most {detail} characters".
std::string textField(const nlohmann::json& j, const char* key, std::size_t maxChars, bool required, Errors& out);

}  // namespace gocua::core
