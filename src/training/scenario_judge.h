// Running a practice scenario against the training workspace the trainee worked in: start it (its
// residents put on the laptop), then judge each check on what is stored now, and keep the score of
// each trainee and scenario, sealed in the same workspace. Training workspaces only: a real
// workspace refuses with "scenario.not_training", so practice never mixes with residents' records.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "training/scenario.h"
#include "workspace/workspace.h"

namespace gocua::training {

// Adds the scenario's residents that are not on the laptop yet (matched by full name).
Status startScenario(workspace::Session& session, const Scenario& scenario);

struct CheckResult {
  std::string id;
  bool passed = false;
};
struct Judgement {
  std::vector<CheckResult> results;  // in the scenario's order
  int passed() const;
  int total() const { return static_cast<int>(results.size()); }
};

// answers: question check id → the value the trainee picked.
Result<Judgement> judgeScenario(workspace::Session& session, const Scenario& scenario,
                                const std::map<std::string, std::string>& answers);

struct Score {
  std::string trainee, scenario;
  int passed = 0, total = 0, attempts = 0;
  std::string at;  // ISO time of the last attempt
};
// Every trainee's last score per scenario, by trainee then scenario.
Result<std::vector<Score>> loadScores(workspace::Session& session);
// The session's volunteer is the trainee; a later attempt replaces the score and counts up.
Status recordScore(workspace::Session& session, const std::string& scenarioId, const Judgement& judgement,
                   const std::string& at);
Status resetScores(workspace::Session& session);

}  // namespace gocua::training
