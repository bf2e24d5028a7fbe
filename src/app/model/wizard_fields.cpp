// The section step of the new-application wizard: the fields of the current section built from
// the form and the answers, the text widgets' buffers and their commit into the answers, inline
// messages (after a field was left or "next" was pressed), and repeat rows.
#include <algorithm>
#include <cstdlib>
#include <iterator>

#include "app/model/wizard_answers.h"
#include "app/model/wizard_derive.h"
#include "app/model/wizard_model.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/text.h"
#include "vault/secret.h"

namespace gocua::app {
using nlohmann::json;
using wizard::sectionOf;
using wizard::startsWith;

std::vector<const WizardChoice*> filterChoices(const std::vector<WizardChoice>& choices, std::string_view typed) {
  const std::string folded = core::foldKey(typed);
  std::vector<const WizardChoice*> out;
  for (const auto& c : choices)
    if (folded.empty() || core::foldKey(c.label).find(folded) != std::string::npos) out.push_back(&c);
  return out;
}

namespace {

// Text of a number answer as it was typed back into a text box.
std::string bufferText(const json* v) {
  if (!v || v->is_null()) return {};
  if (v->is_string()) return v->get<std::string>();
  if (v->is_number_integer()) return std::to_string(v->get<long long>());
  if (v->is_number()) {
    forms::FieldDef def;
    def.type = forms::FieldType::Number;
    return wizard::display(def, *v, i18n::Lang::Vi);
  }
  return {};
}

std::optional<double> parseNumber(const std::string& text) {
  std::string t;
  for (char c : text)
    if (c != ' ') t += (c == ',' ? '.' : c);
  if (t.empty()) return std::nullopt;
  char* end = nullptr;
  const double d = std::strtod(t.c_str(), &end);
  if (end != t.c_str() + t.size()) return std::nullopt;
  return d;
}

}  // namespace

std::string WizardModel::sectionTitle() const {
  const auto* def = form_ ? form_->field(sectionId_) : nullptr;
  return def ? def->label.in(i18n::lang()) : std::string();
}

std::string WizardModel::sectionHint() const {
  const auto* def = form_ ? form_->field(sectionId_) : nullptr;
  return def ? def->hint.in(i18n::lang()) : std::string();
}

int WizardModel::sectionNumber() const {
  const auto s = relevantSections();
  auto it = std::find(s.begin(), s.end(), sectionId_);
  return it == s.end() ? 0 : static_cast<int>(it - s.begin()) + 1;
}

int WizardModel::sectionCount() const { return static_cast<int>(relevantSections().size()); }

const forms::ValidationReport& WizardModel::report() const {
  if (reportStale_ && form_) {
    report_ = form_->validate(answers_, core::today());
    reportStale_ = false;
  }
  return report_;
}

std::string WizardModel::issueText(const forms::Issue& issue) const {
  return form_ ? form_->message(issue, i18n::lang()) : issue.code;
}

bool WizardModel::showErrorsFor(const std::string& path) const {
  return saveRefused_ || touched_.count(path) || attempted_.count(sectionOf(path));
}

void WizardModel::buildField(const forms::FieldDef& def, const std::string& path, WizardField* out) const {
  const auto lang = i18n::lang();
  out->type = def.type;
  out->path = path;
  out->id = wizard::uiId(path);
  out->label = def.label.in(lang);
  out->hint = def.hint.in(lang);
  out->required = def.required;
  for (const auto& c : def.choices) out->choices.push_back({c.value, c.label.in(lang)});
  out->combo = def.type == forms::FieldType::Choice && def.choices.size() > 5;
  const auto& rep = report();
  if (typing_.count(path)) {
    // Being typed in: keep the messages it had when last left, so nothing appears, vanishes or
    // moves the controls below until the volunteer leaves the field.
    out->error = held_[path].first;
    out->warning = held_[path].second;
  } else {
    if (showErrorsFor(path))
      for (const auto& e : rep.errors)
        if (e.field == path) {
          if (!out->error.empty()) out->error += " ";
          out->error += issueText(e);
        }
    for (const auto& w : rep.warnings)
      if (w.field == path && !startsWith(w.code, "deadline.")) {
        if (!out->warning.empty()) out->warning += " ";
        out->warning += issueText(w);
      }
    if (def.type != forms::FieldType::Repeat) held_[path] = {out->error, out->warning};
  }
  if (def.type != forms::FieldType::Repeat) return;
  const auto today = core::today();
  const int rows = rowCount(path);
  for (int i = 0; i < rows; ++i) {
    std::vector<WizardField> row;
    const std::string rowPath = path + "[" + std::to_string(i) + "]";
    for (const auto& child : def.children) {
      const std::string childPath = rowPath + "." + child.id;
      if (!form_->isRelevant(childPath, answers_, today)) continue;
      WizardField f;
      buildField(child, childPath, &f);
      row.push_back(std::move(f));
    }
    out->rows.push_back(std::move(row));
  }
  out->canAdd = !def.max || rows < static_cast<int>(*def.max);
  out->canRemove = rows > (def.min ? static_cast<int>(*def.min) : 0);
}

std::vector<WizardField> WizardModel::sectionFields() const {
  std::vector<WizardField> out;
  const auto* section = form_ ? form_->field(sectionId_) : nullptr;
  if (!section) return out;
  const auto today = core::today();
  for (const auto& def : section->children) {
    const std::string path = sectionId_ + "." + def.id;
    if (!form_->isRelevant(path, answers_, today)) continue;
    WizardField f;
    buildField(def, path, &f);
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<WizardSectionInfo> WizardModel::sections() const {
  std::vector<WizardSectionInfo> out;
  if (!form_) return out;
  const auto lang = i18n::lang();
  const auto& rep = report();
  for (const auto& id : relevantSections()) {
    WizardSectionInfo info{id, form_->field(id)->label.in(lang), step_ == WizardStep::Section && id == sectionId_, 0};
    if (saveRefused_ || attempted_.count(id))
      for (const auto& e : rep.errors)
        if (sectionOf(e.field) == id) ++info.errors;
    out.push_back(std::move(info));
  }
  return out;
}

std::string* WizardModel::textBuffer(const std::string& path) {
  auto it = buffers_.find(path);
  if (it == buffers_.end()) it = buffers_.emplace(path, bufferText(wizard::find(answers_, path))).first;
  return &it->second;
}

bool WizardModel::commitBuffer(const std::string& path, const std::string& text) {
  if (!form_) return false;
  const auto* def = form_->field(path);
  if (!def) return false;
  const json* current = wizard::find(answers_, path);
  const bool blank = text.find_first_not_of(" \t\r\n") == std::string::npos;
  if (blank) {
    if (current && !current->is_null()) {
      json before = *current;
      wizard::erase(answers_, path);
      changed();
      derive(path, before);
      wizard::wipe(before);
      return true;
    }
    return false;
  }
  json value;
  if (def->type == forms::FieldType::Number) {
    auto n = parseNumber(text);
    // Not a number: kept as typed, so the validator says so and nothing typed is lost.
    if (n)
      value = (*n == static_cast<double>(static_cast<long long>(*n))) ? json(static_cast<long long>(*n)) : json(*n);
    else
      value = text;
  } else {
    value = text;
  }
  if (current && *current == value) return false;
  json before = current ? *current : json(nullptr);
  wizard::set(answers_, path, std::move(value));
  changed();
  derive(path, before);
  wizard::wipe(before);
  return true;
}

void WizardModel::derive(const std::string& path, const json& before) {
  for (const auto& written : wizard::deriveAnswers(*form_, path, before, answers_)) {
    if (auto it = buffers_.find(written); it != buffers_.end()) {
      vault::wipe(it->second);
      it->second = bufferText(wizard::find(answers_, written));
    }
  }
}

void WizardModel::commitBuffers() {
  for (const auto& [path, text] : buffers_) commitBuffer(path, text);
}

void WizardModel::fieldLeft(const std::string& path) {
  auto it = buffers_.find(path);
  if (it != buffers_.end()) commitBuffer(path, it->second);
  touched_.insert(path);
  typing_.erase(path);  // its messages follow the answer again
}

void WizardModel::setText(const std::string& path, const std::string& text) {
  *textBuffer(path) = text;
  fieldLeft(path);
}

void WizardModel::setChoice(const std::string& path, const std::string& value) {
  if (!form_) return;
  const json* current = wizard::find(answers_, path);
  if (!current || !current->is_string() || current->get<std::string>() != value) {
    json before = current ? *current : json(nullptr);
    wizard::set(answers_, path, value.empty() ? json(nullptr) : json(value));
    changed();
    derive(path, before);
  }
  touched_.insert(path);
}

void WizardModel::toggleChoice(const std::string& path, const std::string& value) {
  if (!form_) return;
  const json* current = wizard::find(answers_, path);
  json picks = current && current->is_array() ? *current : json::array();
  auto it = std::find(picks.begin(), picks.end(), json(value));
  if (it == picks.end())
    picks.push_back(value);
  else
    picks.erase(it);
  wizard::set(answers_, path, picks.empty() ? json(nullptr) : picks);
  touched_.insert(path);
  changed();
}

void WizardModel::setBool(const std::string& path, bool value) {
  if (!form_) return;
  const json* current = wizard::find(answers_, path);
  if (!current || !current->is_boolean() || current->get<bool>() != value) {
    wizard::set(answers_, path, value);
    changed();
  }
  touched_.insert(path);
}

std::string WizardModel::choiceValue(const std::string& path) const {
  const json* v = wizard::find(answers_, path);
  return v && v->is_string() ? v->get<std::string>() : std::string();
}

bool WizardModel::choiceSelected(const std::string& path, const std::string& value) const {
  const json* v = wizard::find(answers_, path);
  if (!v) return false;
  if (v->is_string()) return v->get<std::string>() == value;
  if (v->is_array()) return std::find(v->begin(), v->end(), json(value)) != v->end();
  return false;
}

std::optional<bool> WizardModel::boolValue(const std::string& path) const {
  const json* v = wizard::find(answers_, path);
  if (v && v->is_boolean()) return v->get<bool>();
  return std::nullopt;
}

int WizardModel::rowCount(const std::string& repeatPath) const {
  const json* v = wizard::find(answers_, repeatPath);
  return v && v->is_array() ? static_cast<int>(v->size()) : 0;
}

void WizardModel::clearRowBuffers(const std::string& repeatPath) {
  const std::string prefix = repeatPath + "[";
  for (auto it = buffers_.begin(); it != buffers_.end();) {
    if (startsWith(it->first, prefix)) {
      vault::wipe(it->second);
      it = buffers_.erase(it);
    } else {
      ++it;
    }
  }
  for (auto it = touched_.begin(); it != touched_.end();)
    it = startsWith(*it, prefix) ? touched_.erase(it) : std::next(it);
  for (auto it = typing_.begin(); it != typing_.end();)
    it = startsWith(*it, prefix) ? typing_.erase(it) : std::next(it);
}

void WizardModel::addRow(const std::string& repeatPath) {
  if (!form_) return;
  const auto* def = form_->field(repeatPath);
  if (!def || def->type != forms::FieldType::Repeat) return;
  commitBuffers();
  const int n = rowCount(repeatPath);
  if (def->max && n >= static_cast<int>(*def->max)) return;
  wizard::set(answers_, repeatPath + "[" + std::to_string(n) + "]", json::object());
  changed();
}

void WizardModel::removeRow(const std::string& repeatPath, int row) {
  if (!form_ || row < 0 || row >= rowCount(repeatPath)) return;
  const auto* def = form_->field(repeatPath);
  if (!def || (def->min && rowCount(repeatPath) <= static_cast<int>(*def->min))) return;  // the form needs them
  commitBuffers();
  clearRowBuffers(repeatPath);  // rows after it move up: their buffers are rebuilt from answers
  wizard::erase(answers_, repeatPath + "[" + std::to_string(row) + "]");
  touched_.insert(repeatPath);
  changed();
}

}  // namespace gocua::app
