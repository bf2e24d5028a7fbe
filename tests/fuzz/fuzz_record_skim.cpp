// libFuzzer target for skimRecordLine (sync/hub/record_skim.h): any input is read within its
// bounds without a crash, and whenever nlohmann reads the input as an object, the skim either
// agrees with it on every member asked for or refuses the line (it never reads another value).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "sync/hub/record_skim.h"

using namespace gocua;
using nlohmann::json;

namespace {

// The members a whole parse gives for fields, in the skim's shape.
json expected(const json& whole, const hub::RecordFields& fields) {
  json out = json::object();
  for (const auto& name : fields.top)
    if (auto it = whole.find(name); it != whole.end()) out[name] = *it;
  if (fields.body.empty()) return out;
  auto body = whole.find("body");
  if (body == whole.end()) return out;
  if (!body->is_object()) {
    out["body"] = *body;
    return out;
  }
  json kept = json::object();
  for (const auto& name : fields.body)
    if (auto it = body->find(name); it != body->end()) kept[name] = *it;
  out["body"] = kept;
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  static const hub::RecordFields fields{{"volunteer", "created_at", "kind", "a"}, {"village", "full_name", "b"}};
  json skimmed;
  const bool read = hub::detail::skimRecordLine(line, fields, skimmed);
  // nlohmann stops reading at a NUL byte and ignores the rest; the skim refuses such a line, which
  // is safe. A sealed record never holds one raw: its line is nlohmann's dump, which escapes it.
  if (line.find('\0') != std::string_view::npos) return 0;
  const json whole = json::parse(line, nullptr, false);
  if (whole.is_discarded() || !whole.is_object()) return 0;  // the hub only ever seals objects nlohmann read
  if (!read || skimmed != expected(whole, fields)) std::abort();
  return 0;
}
