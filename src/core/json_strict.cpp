#include "core/json_strict.h"

#include <memory>
#include <set>
#include <vector>

#include "core/errors.h"

namespace gocua::core {

nlohmann::json::parser_callback_t duplicateKeyCallback(std::optional<std::string>* firstDuplicate) {
  // nlohmann copies the callback, so the open objects' keys live behind a shared pointer.
  auto open = std::make_shared<std::vector<std::set<std::string>>>();
  return [open, firstDuplicate](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    using Event = nlohmann::json::parse_event_t;
    if (event == Event::object_start) {
      open->emplace_back();
    } else if (event == Event::object_end) {
      if (!open->empty()) open->pop_back();
    } else if (event == Event::key && !open->empty() && parsed.is_string()) {
      const auto& key = parsed.get_ref<const std::string&>();
      if (!open->back().insert(key).second && !*firstDuplicate) *firstDuplicate = key;
    }
    return true;
  };
}

Result<nlohmann::json> parseJsonNoDuplicateKeys(std::string_view text) {
  using Event = nlohmann::json::parse_event_t;
  std::optional<std::string> duplicate;
  bool tooDeep = false;
  auto keys = duplicateKeyCallback(&duplicate);
  // depth is the number of open containers. A container opened at kMaxJsonDepth is dropped, and
  // the parser keeps nothing inside it; its keys (one level further in) are not the open
  // objects' keys, so they do not go to the duplicate check.
  auto limited = [&](int depth, Event event, nlohmann::json& parsed) {
    if ((event == Event::object_start || event == Event::array_start) && depth >= kMaxJsonDepth) {
      tooDeep = true;
      return false;
    }
    return depth > kMaxJsonDepth || keys(depth, event, parsed);
  };
  auto j = nlohmann::json::parse(text.begin(), text.end(), limited, false);
  if (j.is_discarded()) return j;
  if (tooDeep) return Error::make(err::kJsonTooDeep, "", std::to_string(kMaxJsonDepth));
  if (duplicate) return Error::make(err::kJsonDuplicateKey, *duplicate);
  return j;
}

}  // namespace gocua::core
