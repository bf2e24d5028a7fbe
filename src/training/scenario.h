// A practice scenario for a training workspace, read from forms/scenarios/<id>.json (data, not
// code): a synthetic situation told to the trainee, the task, optional residents already on the
// laptop when it starts, and the checks that decide success. Each check says in plain words what
// was missed when it fails. Three kinds of check:
//   resident     a resident (found by full name) now has these values
//   application  an application of this form for that resident has these answers
//   question     the trainee picks the right answer to a question (what to say to a scam caller)
// Names and numbers in scenarios are invented: tests/unit/training checks every ID number and
// phone in the files against the reserved synthetic patterns.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "forms/field.h"

namespace gocua::training {

enum class CheckKind { Resident, Application, Question };

struct Expectation {
  std::string path;      // "phone" for a resident, "phone.sim_own_name" or "members.members" in answers
  nlohmann::json value;  // the value wanted, or {"answered": true|false}, or {"count": n} for a list
};

struct Check {
  std::string id;
  CheckKind kind = CheckKind::Resident;
  std::string resident;  // full name (resident, application)
  std::string form;      // application
  bool finished = true;  // application: a draft does not count unless false
  std::vector<Expectation> expect;
  forms::LocalText question;           // question
  std::vector<forms::Choice> choices;  // question
  std::string correct;                 // question: the right choice's value
  forms::LocalText missed;             // what to tell the trainee when the check fails
};

struct Scenario {
  std::string id;
  int order = 0;
  forms::LocalText title, situation, task;
  std::vector<nlohmann::json> residents;  // added when the scenario starts
  std::vector<Check> checks;
};

// One file's scenario; "scenario.bad" with the JSON path of the first problem (detail) otherwise.
Result<Scenario> parseScenario(const nlohmann::json& doc);

struct ScenarioSet {
  std::vector<Scenario> scenarios;  // by order, then id
  std::vector<Error> problems;      // a file that did not load: field = file name
  const Scenario* find(std::string_view id) const;
};
// Every dir/*.json; a file that does not parse is reported and the others still load.
ScenarioSet loadScenarios(const std::filesystem::path& dir);

}  // namespace gocua::training
