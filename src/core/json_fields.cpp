// Checked reads of JSON object fields; see json_fields.h.
#include "core/json_fields.h"

#include <algorithm>

#include "core/errors.h"
#include "core/text.h"

namespace gocua::core {

using nlohmann::json;

std::optional<std::string> stringField(const json& j, const char* key, Errors& out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) {
    out.push_back(Error::make(err::kFieldType, key));
    return std::nullopt;
  }
  return it->get<std::string>();
}

void checkKnownKeys(const json& j, std::span<const std::string_view> allowed, Errors& out) {
  for (auto it = j.begin(); it != j.end(); ++it)
    if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end())
      out.push_back(Error::make(err::kFieldUnknown, it.key()));
}

std::string textField(const json& j, const char* key, std::size_t maxChars, bool required, Errors& out) {
  auto raw = stringField(j, key, out);
  if (!raw || raw->empty()) {
    if (required) out.push_back(Error::make(err::kFieldRequired, key));
    return {};
  }
  auto norm = normalizeText(*raw, maxChars);
  if (!norm) {
    out.push_back(Error::like(norm.error(), key, norm.error().detail));
    return {};
  }
  if (required && norm->empty()) out.push_back(Error::make(err::kFieldRequired, key));
  return *norm;
}

}  // namespace gocua::core
