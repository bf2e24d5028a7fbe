// Answers the wizard fills in from other answers, so the volunteer does not type them twice:
// birth registration by the mother copies her name, ID number and residence into the mother's
// section, and the child's date of birth is written out in words ("ngày sinh ghi bằng chữ").
// A derived answer is only written while it is empty or still what was derived before, so
// whatever the volunteer typed over it stays.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "forms/form.h"

namespace gocua::app::wizard {

// After the answer at changedPath went from `before` to its value in answers: writes the answers
// that follow from it and returns their paths (the caller refreshes their text buffers).
std::vector<std::string> deriveAnswers(const forms::Form& form, const std::string& changedPath,
                                       const nlohmann::json& before, nlohmann::json& answers);

}  // namespace gocua::app::wizard
