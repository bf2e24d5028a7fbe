// ScenarioModel: the training module's scenarios and judge, turned into what the screen lists.
#include "app/model/scenario_model.h"

#include "core/date.h"
#include "core/i18n.h"

namespace gocua::app {

void ScenarioModel::open(AppModel& app) {
  const int keep = chosen_;
  const auto started = startedIds_;
  reset();
  blocked_ = !app.training();
  if (blocked_ || !app.session()) return;
  startedIds_ = started;  // a scenario started before a trip to Home stays started
  set_ = training::loadScenarios(app.options().formsDir / "scenarios");
  for (const auto& p : set_.problems) loadProblems_.push_back(p.field + ": " + i18n::message(p));
  reloadScores(app);
  if (keep >= 0 && keep < static_cast<int>(entries_.size())) chosen_ = keep;
}

void ScenarioModel::reloadScores(AppModel& app) {
  scores_.clear();
  entries_.clear();
  auto scores = training::loadScores(*app.session());
  if (!scores) {
    error_ = i18n::message(scores.error());
    return;
  }
  for (const auto& s : *scores) scores_.push_back({s.trainee, s.scenario, s.passed, s.total, s.attempts});
  const std::string& me = app.session()->volunteer();
  for (const auto& sc : set_.scenarios) {
    Entry e{sc.id, sc.title.in(i18n::lang()), {}};
    for (const auto& s : scores_)
      if (s.trainee == me && s.scenario == sc.id) e.score = std::to_string(s.passed) + "/" + std::to_string(s.total);
    entries_.push_back(std::move(e));
  }
}

void ScenarioModel::choose(int index) {
  if (index == chosen_) return;
  chosen_ = (index >= 0 && index < static_cast<int>(entries_.size())) ? index : -1;
  answers.clear();
  outcomes_.clear();
  summary_.clear();
  error_.clear();
}

const training::Scenario* ScenarioModel::scenario() const {
  return chosen_ < 0 ? nullptr : set_.find(entries_[static_cast<std::size_t>(chosen_)].id);
}

bool ScenarioModel::start(AppModel& app) {
  const auto* s = scenario();
  if (!s || !app.session()) return false;
  auto started = training::startScenario(*app.session(), *s);
  if (!started) {
    error_ = i18n::message(started.error());
    return false;
  }
  startedIds_[s->id] = true;
  app.notify(i18n::tr("app.scenarios.started"));
  return true;
}

bool ScenarioModel::check(AppModel& app) {
  const auto* s = scenario();
  if (!s || !app.session()) return false;
  outcomes_.clear();
  error_.clear();
  auto judged = training::judgeScenario(*app.session(), *s, answers);
  if (!judged) {
    error_ = i18n::message(judged.error());
    return false;
  }
  for (std::size_t i = 0; i < judged->results.size(); ++i) {
    const auto& r = judged->results[i];
    outcomes_.push_back({r.id, r.passed, r.passed ? std::string() : s->checks[i].missed.in(i18n::lang())});
  }
  scrollToOutcome_ = true;
  summary_ = i18n::tr("app.scenarios.summary",
                      {{"passed", std::to_string(judged->passed())}, {"total", std::to_string(judged->total())}});
  if (auto kept = training::recordScore(*app.session(), s->id, *judged, core::nowIso()); !kept)
    error_ = i18n::message(kept.error());
  const int keep = chosen_;
  reloadScores(app);
  chosen_ = keep;
  return judged->passed() == judged->total();
}

bool ScenarioModel::resetScores(AppModel& app) {
  confirmingReset = false;
  if (!app.session()) return false;
  if (auto done = training::resetScores(*app.session()); !done) {
    error_ = i18n::message(done.error());
    return false;
  }
  const int keep = chosen_;
  reloadScores(app);
  chosen_ = keep;
  return true;
}

void ScenarioModel::reset() {
  blocked_ = false;
  set_ = {};
  loadProblems_.clear();
  entries_.clear();
  chosen_ = -1;
  startedIds_.clear();
  answers.clear();
  outcomes_.clear();
  summary_.clear();
  error_.clear();
  scrollToOutcome_ = false;
  scores_.clear();
  confirmingReset = false;
}

}  // namespace gocua::app
