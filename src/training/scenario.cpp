// parseScenario / loadScenarios: strict reading of forms/scenarios/*.json (unknown keys refused,
// every text in both languages), so a typo in a data file is reported instead of a check that
// can never pass.
#include "training/scenario.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "core/json_read.h"
#include "training/errors.h"

namespace gocua::training {

using nlohmann::json;

namespace {

// Collects the first problem as "scenario.bad" with its JSON path; later reads become no-ops.
class Reader {
 public:
  bool ok() const { return problem_.empty(); }
  Error error() const { return Error::make(err::kScenarioBad, "", problem_); }
  void fail(const std::string& where) {
    if (problem_.empty()) problem_ = where;
  }

  void keys(const json& j, const std::set<std::string>& allowed, const std::string& where) {
    if (!j.is_object()) return fail(where);
    for (const auto& [k, v] : j.items())
      if (!allowed.count(k)) fail(where + "." + k);
  }
  std::string text(const json& j, const char* key, const std::string& where, bool required = true) {
    auto v = jsonField<std::string>(j, key);
    if (!v || (required && v->empty())) {
      if (required || j.contains(key)) fail(where + "." + key);
      return {};
    }
    return *v;
  }
  forms::LocalText local(const json& j, const char* key, const std::string& where) {
    const std::string at = where + "." + key;
    const auto it = j.find(key);
    if (it == j.end()) {
      fail(at);
      return {};
    }
    keys(*it, {"vi", "en"}, at);
    return {text(*it, "vi", at), text(*it, "en", at)};
  }

 private:
  std::string problem_;
};

Expectation expectation(Reader& r, const std::string& path, const json& value, const std::string& where) {
  if (value.is_object()) {
    r.keys(value, {"answered", "count"}, where);
    if (value.size() != 1) r.fail(where);
    if (value.contains("answered") && !value["answered"].is_boolean()) r.fail(where + ".answered");
    if (value.contains("count") && !value["count"].is_number_unsigned()) r.fail(where + ".count");
  } else if (!value.is_string() && !value.is_boolean() && !value.is_number()) {
    r.fail(where);
  }
  if (path.empty()) r.fail(where);
  return {path, value};
}

Check check(Reader& r, const json& j, const std::string& where) {
  Check c;
  c.id = r.text(j, "id", where);
  const std::string kind = r.text(j, "kind", where);
  c.missed = r.local(j, "missed", where);
  if (kind == "question") {
    c.kind = CheckKind::Question;
    r.keys(j, {"id", "kind", "question", "choices", "correct", "missed"}, where);
    c.question = r.local(j, "question", where);
    c.correct = r.text(j, "correct", where);
    const auto choices = j.find("choices");
    if (choices == j.end() || !choices->is_array() || choices->size() < 2) r.fail(where + ".choices");
    for (std::size_t i = 0; r.ok() && i < choices->size(); ++i) {
      const std::string at = where + ".choices[" + std::to_string(i) + "]";
      r.keys((*choices)[i], {"value", "vi", "en"}, at);
      c.choices.push_back(
          {r.text((*choices)[i], "value", at), {r.text((*choices)[i], "vi", at), r.text((*choices)[i], "en", at)}});
    }
    if (r.ok() && std::none_of(c.choices.begin(), c.choices.end(),
                               [&](const forms::Choice& ch) { return ch.value == c.correct; }))
      r.fail(where + ".correct");
    return c;
  }
  if (kind != "resident" && kind != "application") {
    r.fail(where + ".kind");
    return c;
  }
  c.kind = kind == "resident" ? CheckKind::Resident : CheckKind::Application;
  r.keys(j, {"id", "kind", "resident", "form", "finished", "expect", "missed"}, where);
  c.resident = r.text(j, "resident", where);
  if (c.kind == CheckKind::Application) {
    c.form = r.text(j, "form", where);
    if (j.contains("finished") && !j["finished"].is_boolean()) r.fail(where + ".finished");
    c.finished = jsonValue(j, "finished", true);
  }
  const auto expect = j.find("expect");
  if (expect != j.end() && !expect->is_object()) r.fail(where + ".expect");
  if (expect != j.end() && expect->is_object())
    for (const auto& [path, value] : expect->items())
      c.expect.push_back(expectation(r, path, value, where + ".expect." + path));
  if (c.kind == CheckKind::Resident && c.expect.empty()) r.fail(where + ".expect");
  return c;
}

}  // namespace

Result<Scenario> parseScenario(const json& doc) {
  Reader r;
  Scenario s;
  r.keys(doc, {"id", "order", "title", "situation", "task", "residents", "checks", "comment"}, "");
  if (!r.ok()) return r.error();
  s.id = r.text(doc, "id", "");
  s.order = jsonValue(doc, "order", 0);
  s.title = r.local(doc, "title", "");
  s.situation = r.local(doc, "situation", "");
  s.task = r.local(doc, "task", "");
  if (const auto residents = doc.find("residents"); residents != doc.end()) {
    if (!residents->is_array()) r.fail(".residents");
    for (std::size_t i = 0; r.ok() && i < residents->size(); ++i) {
      if (!(*residents)[i].is_object() || !(*residents)[i].contains("full_name"))
        r.fail(".residents[" + std::to_string(i) + "]");
      s.residents.push_back((*residents)[i]);
    }
  }
  const auto checks = doc.find("checks");
  if (checks == doc.end() || !checks->is_array() || checks->empty()) r.fail(".checks");
  std::set<std::string> ids;
  for (std::size_t i = 0; r.ok() && i < checks->size(); ++i) {
    const std::string at = ".checks[" + std::to_string(i) + "]";
    s.checks.push_back(check(r, (*checks)[i], at));
    if (r.ok() && !ids.insert(s.checks.back().id).second) r.fail(at + ".id");
  }
  if (!r.ok()) return r.error();
  return s;
}

const Scenario* ScenarioSet::find(std::string_view id) const {
  for (const auto& s : scenarios)
    if (s.id == id) return &s;
  return nullptr;
}

ScenarioSet loadScenarios(const std::filesystem::path& dir) {
  ScenarioSet set;
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const json doc = json::parse(text.str(), nullptr, false);
    auto s = doc.is_discarded() ? Result<Scenario>(Error::make(err::kScenarioBad, "", "JSON")) : parseScenario(doc);
    if (s && s->id != file.stem().string()) s = Error::make(err::kScenarioBad, "", ".id");
    if (!s) {
      set.problems.push_back(Error::like(s.error(), file.filename().string(), s.error().detail));
      continue;
    }
    set.scenarios.push_back(std::move(*s));
  }
  if (ec) set.problems.push_back(Error::make(err::kScenarioBad, dir.filename().string(), ec.message()));
  std::stable_sort(set.scenarios.begin(), set.scenarios.end(),
                   [](const Scenario& a, const Scenario& b) { return a.order < b.order; });
  return set;
}

}  // namespace gocua::training
