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
  std::optional<std::string> duplicate;
  auto j = nlohmann::json::parse(text.begin(), text.end(), duplicateKeyCallback(&duplicate), false);
  if (duplicate && !j.is_discarded()) return Error::make(err::kJsonDuplicateKey, *duplicate);
  return j;
}

}  // namespace gocua::core
