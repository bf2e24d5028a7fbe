#include "forms/draft_limits.h"

#include <algorithm>
#include <string>

namespace gocua::forms {

namespace {

// Roughly the serialised size, without serialising: a dump() of a 3 MB answer would be one more
// plaintext copy of a resident's data on the heap. Stops counting once over the limit.
std::size_t approximateBytes(const nlohmann::json& j, std::size_t limit) {
  if (j.is_string()) return j.get_ref<const std::string&>().size() + 2;
  if (!j.is_structured()) return 8;
  std::size_t n = 2;
  for (auto it = j.begin(); it != j.end() && n <= limit; ++it) {
    if (j.is_object()) n += it.key().size() + 4;
    n += approximateBytes(it.value(), limit);
  }
  return n;
}

}  // namespace

bool blocksDraft(ValidationReport& report, const nlohmann::json& answers) {
  if (approximateBytes(answers, kMaxAnswersBytes) > kMaxAnswersBytes)
    report.errors.push_back(Issue{"", "answers.too_large", std::to_string(kMaxAnswersBytes / 1024)});
  return std::any_of(report.errors.begin(), report.errors.end(), [](const Issue& i) {
    return i.code == "field.unknown" || i.code == "text.too_long" || i.code == "answers.too_large";
  });
}

}  // namespace gocua::forms
