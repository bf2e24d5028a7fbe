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

#include "core/object_fields.h"
#include "core/result.h"

namespace gocua::core {

// nlohmann's object (j must be one) as ObjectFields.
class JsonObjectFields final : public ObjectFields {
 public:
  explicit JsonObjectFields(const nlohmann::json& j) : j_(j) {}
  FieldKind kind(std::string_view key) const override;
  std::string string(std::string_view key) const override;
  void withObject(std::string_view key, const std::function<void(const ObjectFields&)>& visit) const override;
  void forEachKey(const std::function<void(std::string_view)>& visit) const override;

 private:
  const nlohmann::json& j_;
};

// An optional string member; absent or null is nullopt, another type is "field.type".
std::optional<std::string> stringField(const ObjectFields& j, const char* key, Errors& out);
std::optional<std::string> stringField(const nlohmann::json& j, const char* key, Errors& out);

// "field.unknown" for each member whose name is not in allowed. A short list scanned in place: the
// hub checks every resident of a batch with it, and building a std::set each time cost more than
// the scan. The errors come in byte order of the names (nlohmann's order, whatever the parser's).
void checkKnownKeys(const ObjectFields& j, std::span<const std::string_view> allowed, Errors& out);
void checkKnownKeys(const nlohmann::json& j, std::span<const std::string_view> allowed, Errors& out);
inline void checkKnownKeys(const ObjectFields& j, std::initializer_list<std::string_view> allowed, Errors& out) {
  checkKnownKeys(j, std::span(allowed.begin(), allowed.size()), out);
}
inline void checkKnownKeys(const nlohmann::json& j, std::initializer_list<std::string_view> allowed, Errors& out) {
  checkKnownKeys(j, std::span(allowed.begin(), allowed.size()), out);
}

// Free text (normalizeText: NFC, trimmed, at most maxChars code points); "" when absent.
// "field.required" when required and empty. The limit stays in the error's detail: the message
// reads "at most {detail} characters".
std::string textField(const ObjectFields& j, const char* key, std::size_t maxChars, bool required, Errors& out);
std::string textField(const nlohmann::json& j, const char* key, std::size_t maxChars, bool required, Errors& out);

}  // namespace gocua::core
