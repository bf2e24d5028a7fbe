// startScenario / judgeScenario / scores: each check reads what the trainee stored through the
// same Session calls the app uses (search, resident, applications), never the database.
#include "training/scenario_judge.h"

#include <algorithm>

#include "core/json_read.h"
#include "core/text.h"
#include "training/errors.h"
#include "vault/plain_json.h"

namespace gocua::training {

using nlohmann::json;

namespace {

constexpr const char* kScoresSlot = "training.scores";

Status requireTraining(workspace::Session& session) {
  if (!session.workspace().training()) return Error::make(err::kScenarioNotTraining);
  return {};
}

std::string nfc(const std::string& s) {
  auto n = core::toNfc(s);
  return n ? *n : s;
}

// The id of the resident stored under exactly this name (NFC), if any.
std::optional<std::string> residentNamed(workspace::Session& session, const std::string& name) {
  const std::string wanted = nfc(name);
  const json hits = session.searchResidents(wanted, 50);
  for (const auto& h : hits)
    if (jsonValue(h, "full_name", "") == wanted) return jsonValue(h, "id", "");
  return std::nullopt;
}

// "phone.sim_own_name" inside answers (section, then field); null when absent.
const json& at(const json& root, const std::string& path) {
  static const json kNone;
  const json* node = &root;
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto dot = std::min(path.find('.', start), path.size());
    if (!node->is_object()) return kNone;
    const auto it = node->find(path.substr(start, dot - start));
    if (it == node->end()) return kNone;
    node = &*it;
    start = dot + 1;
  }
  return *node;
}

bool answered(const json& v) {
  return !(v.is_null() || (v.is_string() && v.get_ref<const std::string&>().empty()) || (v.is_array() && v.empty()));
}

bool meets(const json& actual, const json& wanted) {
  if (wanted.is_object() && wanted.contains("answered")) return answered(actual) == wanted["answered"].get<bool>();
  if (wanted.is_object() && wanted.contains("count"))
    return actual.is_array() && actual.size() == wanted["count"].get<std::size_t>();
  if (wanted.is_string() && actual.is_string()) return nfc(actual.get<std::string>()) == nfc(wanted.get<std::string>());
  return actual == wanted;
}

bool meetsAll(const json& body, const std::vector<Expectation>& expect) {
  return std::all_of(expect.begin(), expect.end(),
                     [&](const Expectation& e) { return meets(at(body, e.path), e.value); });
}

Result<bool> residentCheck(workspace::Session& session, const Check& c) {
  const auto id = residentNamed(session, c.resident);
  if (!id) return false;
  auto body = session.getResident(*id);
  if (!body) return body.error();
  return meetsAll(body->get(), c.expect);
}

Result<bool> applicationCheck(workspace::Session& session, const Check& c) {
  const auto id = residentNamed(session, c.resident);
  if (!id) return false;
  for (const auto& info : session.listApplications(*id)) {
    if (info.formId != c.form || (c.finished && info.status == "draft")) continue;
    auto body = session.getApplication(info.id);
    if (!body) return body.error();
    if (meetsAll(at(body->get(), "answers"), c.expect)) return true;
  }
  return false;
}

}  // namespace

int Judgement::passed() const {
  return static_cast<int>(std::count_if(results.begin(), results.end(), [](const CheckResult& r) { return r.passed; }));
}

Status startScenario(workspace::Session& session, const Scenario& scenario) {
  GOCUA_TRY(requireTraining(session));
  for (const auto& resident : scenario.residents) {
    if (residentNamed(session, jsonValue(resident, "full_name", ""))) continue;  // started before
    Errors problems;
    auto added = session.addResident(resident, &problems);
    if (!added) return added.error();
  }
  return {};
}

Result<Judgement> judgeScenario(workspace::Session& session, const Scenario& scenario,
                                const std::map<std::string, std::string>& answers) {
  GOCUA_TRY(requireTraining(session));
  Judgement j;
  for (const auto& c : scenario.checks) {
    bool passed = false;
    if (c.kind == CheckKind::Question) {
      const auto it = answers.find(c.id);
      passed = it != answers.end() && it->second == c.correct;
    } else {
      auto r = c.kind == CheckKind::Resident ? residentCheck(session, c) : applicationCheck(session, c);
      if (!r) return r.error();
      passed = *r;
    }
    j.results.push_back({c.id, passed});
  }
  return j;
}

Result<std::vector<Score>> loadScores(workspace::Session& session) {
  GOCUA_TRY(requireTraining(session));
  auto stored = session.loadAutosave(kScoresSlot);
  if (!stored) return stored.error();
  std::vector<Score> scores;
  if (!*stored) return scores;
  for (const auto& s : (*stored)->get().is_array() ? (*stored)->get() : json::array())
    scores.push_back({jsonValue(s, "trainee", ""), jsonValue(s, "scenario", ""), jsonValue(s, "passed", 0),
                      jsonValue(s, "total", 0), jsonValue(s, "attempts", 0), jsonValue(s, "at", "")});
  std::sort(scores.begin(), scores.end(), [](const Score& a, const Score& b) {
    return std::tie(a.trainee, a.scenario) < std::tie(b.trainee, b.scenario);
  });
  return scores;
}

Status recordScore(workspace::Session& session, const std::string& scenarioId, const Judgement& judgement,
                   const std::string& at) {
  auto scores = loadScores(session);
  if (!scores) return scores.error();
  const std::string& trainee = session.volunteer();
  auto it = std::find_if(scores->begin(), scores->end(),
                         [&](const Score& s) { return s.trainee == trainee && s.scenario == scenarioId; });
  if (it == scores->end()) it = scores->insert(scores->end(), Score{trainee, scenarioId, 0, 0, 0, {}});
  it->passed = judgement.passed();
  it->total = judgement.total();
  it->attempts += 1;
  it->at = at;
  json out = json::array();
  for (const auto& s : *scores)
    out.push_back({{"trainee", s.trainee},
                   {"scenario", s.scenario},
                   {"passed", s.passed},
                   {"total", s.total},
                   {"attempts", s.attempts},
                   {"at", s.at}});
  vault::PlainJson sealed(std::move(out));  // trainees' names: wiped once sealed
  return session.saveAutosave(kScoresSlot, sealed.get());
}

Status resetScores(workspace::Session& session) {
  GOCUA_TRY(requireTraining(session));
  return session.clearAutosave(kScoresSlot);
}

}  // namespace gocua::training
