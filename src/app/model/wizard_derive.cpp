#include "app/model/wizard_derive.h"

#include "app/model/wizard_answers.h"
#include "core/date.h"
#include "core/date_in_words.h"

namespace gocua::app::wizard {
using nlohmann::json;

namespace {

constexpr const char* kBirthForm = "birth_registration";
constexpr const char* kRelationship = "requester.relationship";
constexpr const char* kChildDate = "child.date_of_birth";
constexpr const char* kChildDateWords = "child.date_of_birth_in_words";

// The requester's answers that are the mother's own when she files herself.
struct Mirror {
  const char* from;
  const char* to;
};
constexpr Mirror kMotherMirrors[] = {{"requester.full_name", "mother.full_name"},
                                     {"requester.personal_id", "mother.personal_id"},
                                     {"requester.residence", "mother.residence"}};

json wordsOf(const json& date) {
  if (!date.is_string()) return nullptr;
  auto parsed = core::parseDate(date.get<std::string>());
  if (!parsed) return nullptr;
  auto words = core::dateInVietnameseWords(*parsed);
  return words.empty() ? json(nullptr) : json(std::move(words));
}

// Writes value at `to` when that answer is empty or still equals `previous` (derived before).
bool follow(json& answers, const char* to, const json& previous, json value) {
  const json* current = find(answers, to);
  if (answered(current) && *current != previous) return false;  // the volunteer's own text
  if (current ? *current == value : value.is_null()) return false;
  set(answers, to, std::move(value));
  return true;
}

// The mother files herself: her section follows the requester's answers.
void mirrorMother(const std::string& changedPath, const json& before, const json& nowValue, json& answers,
                  std::vector<std::string>& written) {
  for (const auto& m : kMotherMirrors) {
    if (changedPath == kRelationship) {  // just chosen: fill what is empty
      const json* from = find(answers, m.from);
      if (answered(from) && !answered(find(answers, m.to))) {
        set(answers, m.to, *from);
        written.emplace_back(m.to);
      }
    } else if (changedPath == m.from && follow(answers, m.to, before, nowValue)) {
      written.emplace_back(m.to);
    }
  }
}

}  // namespace

std::vector<std::string> deriveAnswers(const forms::Form& form, const std::string& changedPath, const json& before,
                                       json& answers) {
  std::vector<std::string> written;
  if (form.id() != kBirthForm) return written;
  const json* now = find(answers, changedPath);
  json nowValue = now ? *now : json(nullptr);

  if (changedPath == kChildDate) {
    json previous = wordsOf(before);
    if (follow(answers, kChildDateWords, previous, wordsOf(nowValue))) written.emplace_back(kChildDateWords);
    wipe(previous);
  }

  const json* relationship = find(answers, kRelationship);
  if (relationship && *relationship == "mother") mirrorMother(changedPath, before, nowValue, answers, written);
  wipe(nowValue);
  return written;
}

}  // namespace gocua::app::wizard
