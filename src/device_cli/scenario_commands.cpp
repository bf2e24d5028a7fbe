// scenario list / start ID / check ID: the practice scenarios of forms/scenarios, run in a
// training workspace exactly as the app's "Bài tập thực hành" screen runs them (the same start,
// judge and kept score). A real workspace refuses with "scenario.not_training".
#include "core/date.h"
#include "core/i18n.h"
#include "device_cli/commands.h"
#include "training/errors.h"
#include "training/scenario_judge.h"

namespace gocua::ctl {

namespace {

// The unlocked training session and the chosen scenario (from forms/scenarios).
struct Practice {
  workspace::Session* session = nullptr;
  training::ScenarioSet set;
};

Result<Practice> openPractice(Context& ctx) {
  auto s = ctx.unlock();
  if (!s) return s.error();
  if (!(*s)->workspace().training()) return Error::make(err::kScenarioNotTraining);
  return Practice{*s, training::loadScenarios(ctx.formsDir() / "scenarios")};
}

Result<const training::Scenario*> findScenario(const Practice& p, const std::string& id) {
  const auto* scenario = p.set.find(id);
  if (!scenario) return Error::make(err::kScenarioUnknown, "scenario", id);
  return scenario;
}

}  // namespace

void addScenarioCommands(CLI::App& app, Action& action) {
  static std::string id;
  static std::vector<std::string> answerPairs;
  auto* scenario = app.add_subcommand("scenario", i18n::tr("cli.cmd.scenario"));
  scenario->require_subcommand(1);

  auto* list = scenario->add_subcommand("list", i18n::tr("cli.cmd.scenario_list"));
  onChosen(list, action, [](Context& ctx) {
    auto p = openPractice(ctx);
    if (!p) return fail(p.error());
    auto scores = training::loadScores(*p->session);
    if (!scores) return fail(scores.error());
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& sc : p->set.scenarios) {
      nlohmann::json row = {{"id", sc.id}, {"title", sc.title.in(i18n::lang())}, {"score", nullptr}};
      for (const auto& s : *scores)
        if (s.trainee == p->session->volunteer() && s.scenario == sc.id)
          row["score"] = {{"passed", s.passed}, {"total", s.total}, {"attempts", s.attempts}};
      rows.push_back(std::move(row));
    }
    return succeed(rows);
  });

  auto* start = scenario->add_subcommand("start", i18n::tr("cli.cmd.scenario_start"));
  start->add_option("ID", id, i18n::tr("cli.opt.scenario"))->required();
  onChosen(start, action, [](Context& ctx) {
    auto p = openPractice(ctx);
    if (!p) return fail(p.error());
    auto sc = findScenario(*p, id);
    if (!sc) return fail(sc.error());
    if (auto started = training::startScenario(*p->session, **sc); !started.ok()) return fail(started.error());
    return succeed({{"id", id}, {"residents", (*sc)->residents.size()}});
  });

  auto* check = scenario->add_subcommand("check", i18n::tr("cli.cmd.scenario_check"));
  check->add_option("ID", id, i18n::tr("cli.opt.scenario"))->required();
  check->add_option("--answer", answerPairs, i18n::tr("cli.opt.scenario_answer"));
  onChosen(check, action, [](Context& ctx) {
    std::map<std::string, std::string> answers;
    for (const auto& pair : answerPairs) {
      const auto eq = pair.find('=');
      if (eq == std::string::npos || eq == 0) return fail(Error::make(err::kScenarioBadAnswer, "answer", pair));
      answers[pair.substr(0, eq)] = pair.substr(eq + 1);
    }
    auto p = openPractice(ctx);
    if (!p) return fail(p.error());
    auto sc = findScenario(*p, id);
    if (!sc) return fail(sc.error());
    auto judged = training::judgeScenario(*p->session, **sc, answers);
    if (!judged) return fail(judged.error());
    if (auto kept = training::recordScore(*p->session, id, *judged, core::nowIso()); !kept.ok())
      return fail(kept.error());
    nlohmann::json results = nlohmann::json::array();
    for (std::size_t i = 0; i < judged->results.size(); ++i) {
      const auto& r = judged->results[i];
      results.push_back(
          {{"id", r.id},
           {"passed", r.passed},
           {"missed", r.passed ? nlohmann::json() : nlohmann::json((*sc)->checks[i].missed.in(i18n::lang()))}});
    }
    return succeed({{"id", id}, {"passed", judged->passed()}, {"total", judged->total()}, {"results", results}});
  });
}

}  // namespace gocua::ctl
