// A digital-skills session ("Bình dân học vụ số") as a trainer logs it: date, village, place,
// topics (forms/lists/training_topics.json), trainers, attendees by sex and age band, how many
// were helped with VNeID and the learning platform, notes. The laptop and the hub judge a session
// with this one function, so the laptop refuses exactly what the hub would reject.
#pragma once

#include <optional>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/result.h"
#include "forms/field.h"

namespace gocua::forms {

inline constexpr const char* kTrainingTopicsList = "training_topics";
inline constexpr int kMaxSessionCount = 10000;  // one band or one "helped" figure

// The session in its stored form (text NFC and trimmed, date dd/mm/yyyy, every count present),
// or nullopt with every problem in problems, each against its field ("attendees.female.60_plus").
// Refused: a missing or future date, no village, no topic or one not in topics, no trainer, a
// count that is not a whole number from 0 to kMaxSessionCount, nobody attending, more people
// helped with one thing than attended, more named participants (optional resident record ids,
// each kept once) than attended, unknown keys (created_at/created_by, which the laptop adds when
// it stores one, are allowed and left out of the result). topics null: the list is missing from the
// form pack, every topic is refused.
std::optional<nlohmann::json> parseSkillsSession(const nlohmann::json& session, const core::Date& today,
                                                 const ChoiceList* topics, Errors& problems);

// Everyone who attended: the sum of the six bands of a session parseSkillsSession accepted.
int sessionAttendance(const nlohmann::json& session);

}  // namespace gocua::forms
