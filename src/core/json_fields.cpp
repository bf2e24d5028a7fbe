// Checked reads of JSON object fields; see json_fields.h.
#include "core/json_fields.h"

#include <algorithm>
#include <vector>

#include "core/errors.h"
#include "core/text.h"

namespace gocua::core {

using nlohmann::json;

FieldKind JsonObjectFields::kind(std::string_view key) const {
  auto it = j_.find(key);
  if (it == j_.end()) return FieldKind::Absent;
  if (it->is_null()) return FieldKind::Null;
  if (it->is_string()) return FieldKind::String;
  if (it->is_object()) return FieldKind::Object;
  return FieldKind::Other;
}

std::string JsonObjectFields::string(std::string_view key) const { return j_.find(key)->get<std::string>(); }

void JsonObjectFields::withObject(std::string_view key, const std::function<void(const ObjectFields&)>& visit) const {
  visit(JsonObjectFields(*j_.find(key)));
}

void JsonObjectFields::forEachKey(const std::function<void(std::string_view)>& visit) const {
  for (auto it = j_.begin(); it != j_.end(); ++it) visit(it.key());
}

std::optional<std::string> stringField(const ObjectFields& j, const char* key, Errors& out) {
  switch (j.kind(key)) {
    case FieldKind::Absent:
    case FieldKind::Null:
      return std::nullopt;
    case FieldKind::String:
      return j.string(key);
    default:
      out.push_back(Error::make(err::kFieldType, key));
      return std::nullopt;
  }
}

std::optional<std::string> stringField(const json& j, const char* key, Errors& out) {
  return stringField(JsonObjectFields(j), key, out);
}

void checkKnownKeys(const ObjectFields& j, std::span<const std::string_view> allowed, Errors& out) {
  std::vector<std::string_view> unknown;
  j.forEachKey([&](std::string_view key) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) unknown.push_back(key);
  });
  std::sort(unknown.begin(), unknown.end());
  for (auto key : unknown) out.push_back(Error::make(err::kFieldUnknown, std::string(key)));
}

void checkKnownKeys(const json& j, std::span<const std::string_view> allowed, Errors& out) {
  checkKnownKeys(JsonObjectFields(j), allowed, out);
}

std::string textField(const ObjectFields& j, const char* key, std::size_t maxChars, bool required, Errors& out) {
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

std::string textField(const json& j, const char* key, std::size_t maxChars, bool required, Errors& out) {
  return textField(JsonObjectFields(j), key, maxChars, required, out);
}

}  // namespace gocua::core
