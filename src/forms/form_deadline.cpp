// Form::deadlineState: for a long queue, read the one date the deadline counts from instead of
// validating the whole application; a deadline with a "relevant" condition needs the answers'
// evaluation, so it goes through validate() and reads its warning.
#include <cstdlib>

#include "core/date.h"
#include "forms/form.h"
#include "forms/form_data.h"

namespace gocua::forms {

namespace {

// The text answer at "section.field" (outside any repeat), or nullptr.
const nlohmann::json* answerAt(const nlohmann::json& answers, const std::string& path) {
  const auto dot = path.find('.');
  if (!answers.is_object() || dot == std::string::npos) return nullptr;
  const auto section = answers.find(path.substr(0, dot));
  if (section == answers.end() || !section->is_object()) return nullptr;
  const auto field = section->find(path.substr(dot + 1));
  return field != section->end() && field->is_string() ? &*field : nullptr;
}

std::optional<DeadlineState> fromWarnings(const ValidationReport& report, int days) {
  for (const auto& w : report.warnings) {
    if (w.code != "deadline.passed" && w.code != "deadline.near") continue;
    DeadlineState state{w.code == "deadline.passed", 0, days};
    state.elapsed = std::atoi(w.detail.c_str());  // "elapsed/days"
    return state;
  }
  return std::nullopt;
}

}  // namespace

std::optional<DeadlineState> Form::deadlineState(const nlohmann::json& answers, const core::Date& today) const {
  if (!data_->deadline) return std::nullopt;
  const auto& dl = *data_->deadline;
  if (dl.relevant) return fromWarnings(validate(answers, today), dl.days);
  const auto* text = answerAt(answers, dl.fromPath);
  if (!text) return std::nullopt;
  auto from = core::parseDate(text->get_ref<const std::string&>());
  if (!from || from->precision() != core::DatePrecision::Day || today < *from) return std::nullopt;
  const int elapsed = core::daysBetween(*from, today);
  if (elapsed > dl.days) return DeadlineState{true, elapsed, dl.days};
  if (dl.days - elapsed <= dl.nearDays) return DeadlineState{false, elapsed, dl.days};
  return std::nullopt;
}

}  // namespace gocua::forms
