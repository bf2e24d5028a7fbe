// Practice scenarios in a training workspace ("Bài tập thực hành"): pick one, read the situation
// and the task, start it (its residents appear on the laptop), work in the normal screens, come
// back and press "Kiểm tra": each check passes or says in plain words what was missed, and the
// trainee's score is kept. The trainer sees every trainee's scores and can clear them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/model/app_model.h"
#include "training/scenario.h"
#include "training/scenario_judge.h"

namespace gocua::app {

class ScenarioModel {
 public:
  // Reads forms/scenarios and the scores; a real workspace shows why there is nothing here.
  void open(AppModel& app);
  bool blocked() const { return blocked_; }  // not a training workspace
  const std::vector<std::string>& loadProblems() const { return loadProblems_; }

  struct Entry {
    std::string id, title, score;  // score: "2/3" for the trainee now working, or empty
  };
  const std::vector<Entry>& entries() const { return entries_; }
  void choose(int index);
  int chosen() const { return chosen_; }
  const training::Scenario* scenario() const;

  // The chosen scenario's questions, answered on this screen: check id → choice value.
  std::map<std::string, std::string> answers;

  // Puts the scenario's residents on the laptop (once); the trainee then works as usual.
  bool start(AppModel& app);
  bool started() const { return chosen_ >= 0 && startedIds_.count(scenario()->id) > 0; }

  // Judges the chosen scenario now and keeps the score.
  bool check(AppModel& app);
  struct Outcome {
    std::string id;
    bool passed = false;
    std::string missed;  // what was missed, in the current language (empty when passed)
  };
  const std::vector<Outcome>& outcomes() const { return outcomes_; }
  const std::string& summary() const { return summary_; }  // "Đạt 2/3"
  // True once after a check: the screen scrolls the outcome into view.
  bool takeScrollToOutcome() { return std::exchange(scrollToOutcome_, false); }

  // Every trainee's score by scenario (the trainer's view).
  struct ScoreRow {
    std::string trainee, scenario;
    int passed = 0, total = 0, attempts = 0;
  };
  const std::vector<ScoreRow>& scores() const { return scores_; }
  bool confirmingReset = false;
  bool resetScores(AppModel& app);

  const std::string& error() const { return error_; }
  void reset();
  bool holdsPlaintext() const { return !scores_.empty() || !entries_.empty(); }  // trainees' names

 private:
  void reloadScores(AppModel& app);

  bool blocked_ = false;
  training::ScenarioSet set_;
  std::vector<std::string> loadProblems_;
  std::vector<Entry> entries_;
  int chosen_ = -1;
  std::map<std::string, bool> startedIds_;
  std::vector<Outcome> outcomes_;
  std::string summary_, error_;
  bool scrollToOutcome_ = false;
  std::vector<ScoreRow> scores_;
};

}  // namespace gocua::app
