// A JSON object as the validators read it, whichever parser built it: nlohmann's tree (the app,
// the device CLI, the hub's fallback) or simdjson's (the hub import, where building nlohmann's
// tree for each resident cost a quarter of a second per 100,000 records).
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace gocua::core {

enum class FieldKind { Absent, Null, String, Object, Other };

class ObjectFields {
 public:
  virtual ~ObjectFields() = default;
  virtual FieldKind kind(std::string_view key) const = 0;
  // The member's text; only when kind(key) is String.
  virtual std::string string(std::string_view key) const = 0;
  // Calls visit with the member object; only when kind(key) is Object.
  virtual void withObject(std::string_view key, const std::function<void(const ObjectFields&)>& visit) const = 0;
  // Every member's name, in any order (a repeated name is the parser's business: both callers
  // read objects without one).
  virtual void forEachKey(const std::function<void(std::string_view)>& visit) const = 0;
};

}  // namespace gocua::core
