// Form::deadlineState agrees with validate()'s deadline warnings for births (60 days, near at 10)
// and deaths (15 days, near at 3), at the edges; no deadline for a form without one, a missing or
// partial date.
#include <doctest/doctest.h>

#include "shipped_forms.h"

using namespace gocua;
using namespace gocua::forms;
using namespace gocua::forms::testing;

namespace {

// The answers with the deadline's date set `ago` days before kToday.
nlohmann::json answersDated(const std::string& formId, const char* section, const char* field, int ago) {
  auto answers = sample(formId);
  answers[section][field] = core::formatDate(core::dateFromDays(core::daysSinceEpoch(kToday) - ago));
  return answers;
}

std::string warningCode(const Form& f, const nlohmann::json& answers) {
  for (const auto& w : f.validate(answers, kToday).warnings)
    if (w.code.rfind("deadline.", 0) == 0) return w.code;
  return {};
}

}  // namespace

TEST_CASE("deadline state: the same verdict as the deadline warnings, at every edge") {
  struct Case {
    const char *form, *section, *field;
  };
  for (const Case c : {Case{"birth_registration", "child", "date_of_birth"},
                       Case{"death_registration", "deceased", "date_of_death"}}) {
    const Form& f = form(c.form);
    for (int ago : {0, 1, 11, 12, 13, 49, 50, 51, 59, 60, 61, 200}) {
      const auto answers = answersDated(c.form, c.section, c.field, ago);
      const auto state = f.deadlineState(answers, kToday);
      const std::string code = warningCode(f, answers);
      CAPTURE(c.form);
      CAPTURE(ago);
      if (code.empty()) {
        CHECK_FALSE(state);
      } else {
        REQUIRE(state);
        CHECK(state->passed == (code == "deadline.passed"));
        CHECK(state->elapsed == ago);
      }
    }
  }
  const auto late = form("birth_registration")
                        .deadlineState(answersDated("birth_registration", "child", "date_of_birth", 75), kToday);
  REQUIRE(late);
  CHECK(late->passed);
  CHECK(late->days == 60);
  CHECK(late->elapsed == 75);
}

TEST_CASE("deadline state: none without a deadline, a date, or a whole date") {
  CHECK_FALSE(form("vneid_level2").deadlineState(sample("vneid_level2"), kToday));
  auto answers = sample("birth_registration");
  answers["child"].erase("date_of_birth");
  CHECK_FALSE(form("birth_registration").deadlineState(answers, kToday));
  answers["child"]["date_of_birth"] = "2025";
  CHECK_FALSE(form("birth_registration").deadlineState(answers, kToday));
  answers["child"]["date_of_birth"] = "20/11/2025";  // after today
  CHECK_FALSE(form("birth_registration").deadlineState(answers, kToday));
}
