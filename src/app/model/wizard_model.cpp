// The new-application wizard's view-model. Index:
//   [SECTION] autosave timer        — wakes the event loop when a pending autosave is due
//   [SECTION] start / reset / tick  — opening, autosave, wiping
//   [SECTION] procedure and resume
//   [SECTION] section step          — fields, buffers, inline messages, next/back
//   [SECTION] documents, read-back, save
//   [SECTION] VNeID                 — flags, anti-scam card, appointment list
#include "app/model/wizard_model.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <iterator>

#include "app/model/wizard_answers.h"
#include "core/date.h"
#include "core/errors.h"
#include "core/i18n.h"
#include "core/text.h"
#include "vault/secret.h"
#include "workspace/errors.h"

namespace gocua::app {

std::vector<const WizardChoice*> filterChoices(const std::vector<WizardChoice>& choices, std::string_view typed) {
  const std::string folded = core::foldKey(typed);
  std::vector<const WizardChoice*> out;
  for (const auto& c : choices)
    if (folded.empty() || core::foldKey(c.label).find(folded) != std::string::npos) out.push_back(&c);
  return out;
}
using nlohmann::json;

namespace {

constexpr const char* kSlot = "wizard";
constexpr int kSlotVersion = 1;

// The procedures a volunteer meets most, first; any other form follows by id.
const char* const kOrder[] = {"birth_registration",         "vneid_level2",       "residence_ct01",
                              "health_insurance_household", "death_registration", "marriage_registration"};

const char* stepName(WizardStep s) {
  switch (s) {
    case WizardStep::Procedure:
      return "procedure";
    case WizardStep::Section:
      return "section";
    case WizardStep::Documents:
      return "documents";
    case WizardStep::ReadBack:
      return "readback";
    default:
      return "section";
  }
}

std::string localNow() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%d/%m/%Y %H:%M", &tm);
  return buf;
}

bool startsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

std::string firstSegment(const std::string& path) {
  const auto dot = path.find('.');
  return dot == std::string::npos ? path : path.substr(0, dot);
}

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

// [SECTION] autosave timer

struct WizardModel::Timer {
  std::mutex m;
  std::condition_variable cv;
  bool stop = false;
  std::thread thread;
  ~Timer() {
    {
      std::lock_guard<std::mutex> lock(m);
      stop = true;
    }
    cv.notify_all();
    if (thread.joinable()) thread.join();
  }
};

void WizardModel::armTimer(const std::function<void()>& wake) {
  if (!wake) return;
  stopTimer();
  timer_ = std::make_unique<Timer>();
  Timer* t = timer_.get();
  t->thread = std::thread([t, wake] {
    std::unique_lock<std::mutex> lock(t->m);
    const auto delay = std::chrono::milliseconds(static_cast<int>(kAutosaveDelay * 1000) + 200);
    if (!t->cv.wait_for(lock, delay, [t] { return t->stop; })) wake();
  });
}

void WizardModel::stopTimer() { timer_.reset(); }

WizardModel::WizardModel() = default;
WizardModel::~WizardModel() { stopTimer(); }

// [SECTION] start / reset / tick

workspace::Session* WizardModel::session() const { return app_ ? app_->session() : nullptr; }

bool WizardModel::training() const { return app_ && app_->training(); }

void WizardModel::clearAnswers() {
  wizard::wipe(answers_);
  answers_ = json::object();
  for (auto& [path, text] : buffers_) vault::wipe(text);
  buffers_.clear();
  touched_.clear();
  attempted_.clear();
}

void WizardModel::wipeState() {
  clearAnswers();
  wizard::wipe(resumeState_);
  has_.clear();
  vault::wipe(residentName_);
  residentId_.clear();
  editingId_.clear();
  editingRevision_ = 0;
  form_ = nullptr;
  step_ = WizardStep::Procedure;
  sectionId_.clear();
  saveRefused_ = false;
  error_.clear();
  savedId_.clear();
  savedDraft_ = false;
  savedDocuments_.clear();
  savedProblems_.clear();
  report_ = {};
  reportStale_ = true;
  dirty_ = false;
  firstChange_ = -1;
}

Result<json> WizardModel::loadSlot() const {
  auto* s = session();
  if (!s) return Error::make(err::kAutosaveLocked);
  auto slot = s->loadAutosave(kSlot);
  if (!slot) return slot.error();
  if (!*slot || !(*slot)->is_object() || !(*slot)->contains("drafts") || !(**slot)["drafts"].is_object())
    return json{{"version", kSlotVersion}, {"drafts", json::object()}};
  return std::move(**slot);
}

void WizardModel::start(AppModel& app, const std::string& residentId) {
  if (app_ && inProgress()) flushAutosave();  // another wizard was open
  stopTimer();
  wipeState();
  app_ = &app;
  residentId_ = residentId;
  auto* s = session();
  if (!s) return;
  if (residentId.empty()) {
    error_ = i18n::tr("app.wizard.no_resident");
    return;
  }
  auto resident = s->getResident(residentId);
  if (!resident) {
    error_ = i18n::message(resident.error());
    return;
  }
  residentName_ = resident->value("full_name", "");
  wizard::wipe(*resident);
  auto slot = loadSlot();
  if (!slot) {
    // A damaged autosave must not block new work: say so; the next autosave replaces it.
    error_ = i18n::message(slot.error());
    return;
  }
  auto& drafts = (*slot)["drafts"];
  if (drafts.contains(residentId) && drafts[residentId].is_object()) {
    resumeState_ = std::move(drafts[residentId]);
    step_ = WizardStep::Resume;
  }
  wizard::wipe(*slot);
}

void WizardModel::openDraft(AppModel& app, const std::string& applicationId) {
  if (app_ && inProgress()) flushAutosave();
  stopTimer();
  wipeState();
  app_ = &app;
  auto* s = session();
  if (!s) return;
  auto body = s->getApplication(applicationId);
  if (!body) {
    error_ = i18n::message(body.error());
    return;
  }
  residentId_ = body->value("resident_id", "");
  if (auto resident = s->getResident(residentId_)) {
    residentName_ = resident->value("full_name", "");
    wizard::wipe(*resident);
  }
  const auto* f = app.forms().find(body->value("form_id", ""));
  if (!f) {
    error_ = i18n::tr("app.wizard.resume_no_form");
    wizard::wipe(*body);
    return;
  }
  openForm(f);
  if (body->contains("answers") && (*body)["answers"].is_object()) {
    wizard::wipe(answers_);
    answers_ = (*body)["answers"];
  }
  editingId_ = applicationId;
  editingRevision_ = body->value("revision", std::int64_t{0});
  wizard::wipe(*body);
  const auto sections = relevantSections();
  sectionId_ = sections.empty() ? "" : sections.front();
  step_ = WizardStep::Section;
  reportStale_ = true;
  changed();
}

bool WizardModel::inProgress() const {
  if (!form_ || residentId_.empty()) return false;
  const WizardStep s = step_ == WizardStep::Appointments ? beforeAppointments_ : step_;
  return s == WizardStep::Procedure || s == WizardStep::Section || s == WizardStep::Documents ||
         s == WizardStep::ReadBack;
}

void WizardModel::reset() {
  if (inProgress()) {
    commitBuffers();
    if (dirty_) flushAutosave();
  }
  stopTimer();
  wipeState();
  app_ = nullptr;
}

void WizardModel::changed() {
  dirty_ = true;
  reportStale_ = true;
}

void WizardModel::tick(double now, const std::function<void()>& wake) {
  if (!inProgress()) return;
  commitBuffers();
  if (!dirty_) return;
  if (firstChange_ < 0) {
    firstChange_ = now;
    armTimer(wake);
    return;
  }
  if (now - firstChange_ >= kAutosaveDelay) flushAutosave();
}

json WizardModel::stateJson() const {
  json has = json::object();
  for (const auto& [id, v] : has_) has[id] = v;
  return {{"form_id", form_ ? form_->id() : ""},
          {"form_version", form_ ? form_->version() : 0},
          {"step", stepName(step_ == WizardStep::Appointments ? beforeAppointments_ : step_)},
          {"section", sectionId_},
          {"answers", answers_},
          {"has", has},
          {"application_id", editingId_},
          {"application_revision", editingRevision_},
          {"saved_at", localNow()}};
}

bool WizardModel::flushAutosave() {
  auto* s = session();
  if (!s || !inProgress()) return false;
  commitBuffers();
  auto slot = loadSlot();
  json root = slot ? std::move(*slot) : json{{"version", kSlotVersion}, {"drafts", json::object()}};
  root["drafts"][residentId_] = stateJson();
  auto st = s->saveAutosave(kSlot, root);
  wizard::wipe(root);
  if (!st) {
    error_ = i18n::message(st.error());
    return false;
  }
  dirty_ = false;
  firstChange_ = -1;
  return true;
}

bool WizardModel::restoreState(const json& state) {
  if (!app_ || !state.is_object()) return false;
  const auto* f = app_->forms().find(state.value("form_id", ""));
  if (!f) {
    error_ = i18n::tr("app.wizard.resume_no_form");
    return false;
  }
  form_ = f;
  editingId_ = state.value("application_id", "");
  editingRevision_ = state.value("application_revision", std::int64_t{0});
  wizard::wipe(answers_);
  answers_ = state.contains("answers") && state["answers"].is_object() ? state["answers"] : json::object();
  has_.clear();
  if (state.contains("has") && state["has"].is_object())
    for (const auto& item : state["has"].items())
      if (item.value().is_boolean()) has_[item.key()] = item.value().get<bool>();
  for (auto& [path, text] : buffers_) vault::wipe(text);
  buffers_.clear();
  const std::string step = state.value("step", "section");
  sectionId_ = state.value("section", "");
  const auto sections = relevantSections();
  if (std::find(sections.begin(), sections.end(), sectionId_) == sections.end())
    sectionId_ = sections.empty() ? "" : sections.front();
  step_ = step == "documents"   ? WizardStep::Documents
          : step == "readback"  ? WizardStep::ReadBack
          : step == "procedure" ? WizardStep::Procedure
                                : WizardStep::Section;
  reportStale_ = true;
  dirty_ = false;
  firstChange_ = -1;
  return true;
}

// [SECTION] procedure and resume

std::vector<WizardProcedure> WizardModel::procedures() const {
  std::vector<WizardProcedure> out;
  if (!app_) return out;
  const auto lang = i18n::lang();
  auto all = app_->forms().all();
  auto rank = [](const forms::Form* f) {
    for (std::size_t i = 0; i < std::size(kOrder); ++i)
      if (f->id() == kOrder[i]) return static_cast<int>(i);
    return static_cast<int>(std::size(kOrder));
  };
  std::stable_sort(all.begin(), all.end(), [&](auto* a, auto* b) { return rank(a) < rank(b); });
  for (const auto* f : all) {
    WizardProcedure p;
    p.formId = f->id();
    const std::string key = "app.wizard.proc." + f->id();
    p.official = f->title(lang);
    p.title = i18n::has(key + ".title") ? i18n::tr(key + ".title") : p.official;
    p.detail = i18n::has(key + ".detail") ? i18n::tr(key + ".detail") : std::string();
    p.authority = f->authority(lang);
    out.push_back(std::move(p));
  }
  return out;
}

std::string WizardModel::formTitle() const {
  if (!form_) return {};
  const std::string key = "app.wizard.proc." + form_->id() + ".title";
  return i18n::has(key) ? i18n::tr(key) : form_->title(i18n::lang());
}

void WizardModel::openForm(const forms::Form* form) {
  form_ = form;
  clearAnswers();
  has_.clear();
  saveRefused_ = false;
  prefill();
  // A repeat that needs rows starts with that many empty rows to fill in.
  for (const auto& section : form_->root().children)
    for (const auto& f : section.children)
      if (f.type == forms::FieldType::Repeat && f.min && *f.min >= 1)
        for (int i = 0; i < static_cast<int>(*f.min); ++i)
          wizard::set(answers_, section.id + "." + f.id + "[" + std::to_string(i) + "]", json::object());
  reportStale_ = true;
}

void WizardModel::prefill() {
  auto* s = session();
  if (!s || !form_ || residentId_.empty()) return;
  auto resident = s->getResident(residentId_);
  if (!resident) return;
  for (const auto& target : form_->prefillTargets()) {
    auto it = resident->find(target.attribute);
    if (it == resident->end() || wizard::answered(wizard::find(answers_, target.path))) continue;
    wizard::set(answers_, target.path, *it);
  }
  wizard::wipe(*resident);
}

void WizardModel::chooseProcedure(const std::string& formId) {
  if (!app_) return;
  const auto* f = app_->forms().find(formId);
  if (!f) return;
  if (f != form_) openForm(f);
  error_.clear();
  const auto sections = relevantSections();
  sectionId_ = sections.empty() ? "" : sections.front();
  step_ = WizardStep::Section;
  changed();
  flushAutosave();
}

std::string WizardModel::resumeTitle() const {
  if (!app_ || !resumeState_.is_object()) return {};
  const std::string id = resumeState_.value("form_id", "");
  const std::string key = "app.wizard.proc." + id + ".title";
  if (i18n::has(key)) return i18n::tr(key);
  const auto* f = app_->forms().find(id);
  return f ? f->title(i18n::lang()) : id;
}

std::string WizardModel::resumeSavedAt() const {
  return resumeState_.is_object() ? resumeState_.value("saved_at", "") : std::string();
}

void WizardModel::resume() {
  if (step_ != WizardStep::Resume) return;
  json state = std::move(resumeState_);
  resumeState_ = nullptr;
  if (!restoreState(state)) step_ = WizardStep::Procedure;
  wizard::wipe(state);
}

void WizardModel::discard() {
  if (step_ != WizardStep::Resume) return;
  wizard::wipe(resumeState_);
  auto* s = session();
  if (s) {
    auto slot = loadSlot();
    if (slot) {
      (*slot)["drafts"].erase(residentId_);
      auto st = (*slot)["drafts"].empty() ? s->clearAutosave(kSlot) : s->saveAutosave(kSlot, *slot);
      if (!st) error_ = i18n::message(st.error());
      wizard::wipe(*slot);
    }
  }
  step_ = WizardStep::Procedure;
}

// [SECTION] section step

std::vector<std::string> WizardModel::relevantSections() const {
  std::vector<std::string> out;
  if (!form_) return out;
  const auto today = core::today();
  for (const auto& s : form_->root().children)
    if (form_->isRelevant(s.id, answers_, today)) out.push_back(s.id);
  return out;
}

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
  return saveRefused_ || touched_.count(path) || attempted_.count(firstSegment(path));
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
        if (firstSegment(e.field) == id) ++info.errors;
    out.push_back(std::move(info));
  }
  return out;
}

std::string* WizardModel::textBuffer(const std::string& path) {
  auto it = buffers_.find(path);
  if (it == buffers_.end()) it = buffers_.emplace(path, bufferText(wizard::find(answers_, path))).first;
  return &it->second;
}

void WizardModel::commitBuffer(const std::string& path, const std::string& text) {
  if (!form_) return;
  const auto* def = form_->field(path);
  if (!def) return;
  const json* current = wizard::find(answers_, path);
  const bool blank = text.find_first_not_of(" \t\r\n") == std::string::npos;
  if (blank) {
    if (current && !current->is_null()) {
      wizard::erase(answers_, path);
      changed();
    }
    return;
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
  if (current && *current == value) return;
  wizard::set(answers_, path, std::move(value));
  changed();
}

void WizardModel::commitBuffers() {
  for (const auto& [path, text] : buffers_) commitBuffer(path, text);
}

void WizardModel::fieldLeft(const std::string& path) {
  auto it = buffers_.find(path);
  if (it != buffers_.end()) commitBuffer(path, it->second);
  touched_.insert(path);
}

void WizardModel::setText(const std::string& path, const std::string& text) {
  *textBuffer(path) = text;
  fieldLeft(path);
}

void WizardModel::setChoice(const std::string& path, const std::string& value) {
  if (!form_) return;
  const json* current = wizard::find(answers_, path);
  if (!current || !current->is_string() || current->get<std::string>() != value) {
    wizard::set(answers_, path, value.empty() ? json(nullptr) : json(value));
    changed();
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

std::string WizardModel::neighbourSection(int direction) const {
  // Walks the whole section list, not relevantSections(): the current section may have stopped
  // being relevant since the volunteer entered it.
  const auto& all = form_->root().children;
  const auto today = core::today();
  const auto at = std::find_if(all.begin(), all.end(), [&](const auto& s) { return s.id == sectionId_; });
  if (at == all.end()) return {};
  const auto size = static_cast<std::ptrdiff_t>(all.size());
  for (auto i = (at - all.begin()) + direction; i >= 0 && i < size; i += direction)
    if (form_->isRelevant(all[static_cast<std::size_t>(i)].id, answers_, today))
      return all[static_cast<std::size_t>(i)].id;
  return {};
}

bool WizardModel::next() {
  commitBuffers();
  if (step_ == WizardStep::Section && form_) {
    attempted_.insert(sectionId_);
    const std::string prefix = sectionId_ + ".";
    for (const auto& e : report().errors)
      // A rule across sections (form.check) is shown but does not block: its fix may lie in a
      // later section (mother unknown, father given next).
      if ((e.field == sectionId_ || startsWith(e.field, prefix)) && e.code != "form.check") return false;
    const std::string nextId = neighbourSection(+1);
    if (nextId.empty())
      step_ = WizardStep::Documents;
    else
      sectionId_ = nextId;
    changed();
    flushAutosave();
    return true;
  }
  if (step_ == WizardStep::Documents) {
    step_ = WizardStep::ReadBack;
    saveRefused_ = false;
    changed();
    flushAutosave();
    return true;
  }
  return false;
}

void WizardModel::back() {
  commitBuffers();
  switch (step_) {
    case WizardStep::Section: {
      const std::string prevId = neighbourSection(-1);
      if (prevId.empty())
        step_ = WizardStep::Procedure;
      else
        sectionId_ = prevId;
      break;
    }
    case WizardStep::Documents: {
      const auto s = relevantSections();
      if (!s.empty()) sectionId_ = s.back();
      step_ = WizardStep::Section;
      break;
    }
    case WizardStep::ReadBack:
      step_ = WizardStep::Documents;
      break;
    case WizardStep::Appointments:
      closeAppointments();
      return;
    default:
      return;
  }
  changed();
  flushAutosave();
}

void WizardModel::editSection(const std::string& sectionId) {
  if (!form_ || !form_->field(sectionId)) return;
  sectionId_ = sectionId;
  step_ = WizardStep::Section;
  changed();
  flushAutosave();
}

std::vector<std::string> WizardModel::deadlineWarnings() const {
  std::vector<std::string> out;
  if (!form_) return out;
  for (const auto& w : report().warnings)
    if (startsWith(w.code, "deadline.")) out.push_back(issueText(w));
  return out;
}

std::vector<std::string> WizardModel::otherWarnings() const {
  std::vector<std::string> out;
  if (!form_) return out;
  for (const auto& w : report().warnings)
    if (!startsWith(w.code, "deadline.")) out.push_back(issueText(w));
  return out;
}

// [SECTION] documents, read-back, save

std::vector<WizardDocument> WizardModel::documents() const {
  std::vector<WizardDocument> out;
  if (!form_) return out;
  const auto lang = i18n::lang();
  for (const auto& d : form_->checklist(answers_, core::today())) {
    auto it = has_.find(d.id);
    out.push_back(
        {d.id, lang == i18n::Lang::En && !d.en.empty() ? d.en : d.vi, d.required, it != has_.end() && it->second});
  }
  return out;
}

void WizardModel::setHas(const std::string& docId, bool has) {
  has_[docId] = has;
  dirty_ = true;
}

std::vector<WizardSummarySection> WizardModel::summary() const {
  std::vector<WizardSummarySection> out;
  if (!form_) return out;
  const auto lang = i18n::lang();
  const auto today = core::today();
  for (const auto& section : form_->root().children) {
    if (!form_->isRelevant(section.id, answers_, today)) continue;
    WizardSummarySection s{section.id, section.label.in(lang), {}};
    for (const auto& def : section.children) {
      const std::string path = section.id + "." + def.id;
      if (!form_->isRelevant(path, answers_, today)) continue;
      const json* v = wizard::find(answers_, path);
      if (!wizard::answered(v)) continue;
      if (def.type != forms::FieldType::Repeat) {
        s.lines.push_back({def.label.in(lang), wizard::display(def, *v, lang), 0});
        continue;
      }
      for (int i = 0; i < static_cast<int>(v->size()); ++i) {
        s.lines.push_back({def.label.in(lang) + " " + std::to_string(i + 1), "", 0});
        for (const auto& child : def.children) {
          const std::string childPath = path + "[" + std::to_string(i) + "]." + child.id;
          const json* cv = wizard::find(answers_, childPath);
          if (!wizard::answered(cv) || !form_->isRelevant(childPath, answers_, today)) continue;
          s.lines.push_back({child.label.in(lang), wizard::display(child, *cv, lang), 1});
        }
      }
    }
    if (!s.lines.empty()) out.push_back(std::move(s));
  }
  return out;
}

std::vector<WizardProblem> WizardModel::problems() const {
  std::vector<WizardProblem> out;
  if (!form_) return out;
  const auto lang = i18n::lang();
  for (const auto& e : report().errors) {
    WizardProblem p;
    p.sectionId = firstSegment(e.field);
    if (const auto* s = form_->field(p.sectionId)) p.sectionTitle = s->label.in(lang);
    if (const auto* f = form_->field(e.field); f && f->path != p.sectionId) p.fieldLabel = f->label.in(lang);
    p.message = issueText(e);
    out.push_back(std::move(p));
  }
  return out;
}

namespace {

// Only the answers of relevant fields: a choice changed back and forth leaves hidden answers
// behind in the wizard (so nothing typed is lost), but they do not belong in the application.
json relevantOnly(const forms::Form& form, const forms::FieldDef& def, const std::string& path, const json& value,
                  const json& answers, const core::Date& today) {
  if (def.type == forms::FieldType::Group && value.is_object()) {
    json out = json::object();
    for (const auto& child : def.children) {
      const std::string p = path.empty() ? child.id : path + "." + child.id;
      auto it = value.find(child.id);
      if (it == value.end() || !form.isRelevant(p, answers, today)) continue;
      out[child.id] = relevantOnly(form, child, p, *it, answers, today);
    }
    return out;
  }
  if (def.type == forms::FieldType::Repeat && value.is_array()) {
    json rows = json::array();
    for (std::size_t i = 0; i < value.size(); ++i) {
      json row = json::object();
      for (const auto& child : def.children) {
        const std::string p = path + "[" + std::to_string(i) + "]." + child.id;
        if (!value[i].is_object()) continue;
        auto it = value[i].find(child.id);
        if (it == value[i].end() || !form.isRelevant(p, answers, today)) continue;
        row[child.id] = *it;
      }
      rows.push_back(std::move(row));
    }
    return rows;
  }
  return value;
}

}  // namespace

bool WizardModel::save(bool draft) {
  auto* s = session();
  if (!s || !form_) return false;
  commitBuffers();
  error_.clear();
  const auto today = core::today();
  json answers = relevantOnly(*form_, form_->root(), "", answers_, answers_, today);
  forms::ValidationReport rep;
  std::vector<forms::DocumentItem> checklist;
  Result<std::string> id = Error::make(err::kInternal);
  if (editingId_.empty()) {
    id = s->newApplication(*form_, residentId_, answers, draft, &rep, &checklist);
  } else if (auto rev = s->updateApplication(editingId_, *form_, answers, draft, editingRevision_, &rep, &checklist)) {
    editingRevision_ = *rev;
    id = editingId_;
  } else {
    id = rev.error();
  }
  wizard::wipe(answers);
  if (!id) {
    if (id.error().is(err::kApplicationInvalid)) {
      saveRefused_ = true;
      reportStale_ = true;
      return false;
    }
    error_ = i18n::message(id.error());
    return false;
  }
  savedId_ = *id;
  savedDraft_ = !rep.valid();
  savedProblems_ = problems();
  savedDocuments_.clear();
  const auto lang = i18n::lang();
  for (const auto& d : checklist) {
    auto it = has_.find(d.id);
    savedDocuments_.push_back(
        {d.id, lang == i18n::Lang::En && !d.en.empty() ? d.en : d.vi, d.required, it != has_.end() && it->second});
  }
  // The application is stored: this resident's autosaved draft has served its purpose.
  auto slot = loadSlot();
  if (slot) {
    (*slot)["drafts"].erase(residentId_);
    auto st = (*slot)["drafts"].empty() ? s->clearAutosave(kSlot) : s->saveAutosave(kSlot, *slot);
    if (!st) error_ = i18n::message(st.error());
    wizard::wipe(*slot);
  }
  stopTimer();
  clearAnswers();
  dirty_ = false;
  firstChange_ = -1;
  saveRefused_ = false;
  reportStale_ = true;
  step_ = WizardStep::Saved;
  if (app_)
    app_->notify(i18n::tr(savedDraft_ ? "app.wizard.saved_draft_notice" : "app.wizard.saved_notice",
                          {{"procedure", formTitle()}}));
  return true;
}

bool WizardModel::confirm() { return save(false); }
bool WizardModel::saveDraft() { return save(true); }

// [SECTION] VNeID

std::vector<WizardFlag> WizardModel::flagsOf(const forms::Form& form, const json& answers) const {
  const auto lang = i18n::lang();
  struct Spec {
    const char* id;
    const char* path;
  };
  static const Spec specs[] = {{"sim_own_name", "phone.sim_own_name"},
                               {"smartphone", "phone.smartphone"},
                               {"card_type", "card.card_type"},
                               {"level1_done", "status.level1_done"},
                               {"appointment_date", "status.appointment_date"}};
  std::vector<WizardFlag> out;
  for (const auto& spec : specs) {
    const auto* def = form.field(spec.path);
    if (!def) continue;
    WizardFlag f;
    f.id = spec.id;
    f.label = i18n::has(std::string("app.vneid.flag.") + spec.id) ? i18n::tr(std::string("app.vneid.flag.") + spec.id)
                                                                  : def->label.in(lang);
    const json* v = wizard::find(answers, spec.path);
    f.answered = wizard::answered(v);
    f.value = f.answered ? wizard::display(*def, *v, lang) : i18n::tr("app.vneid.flag.unanswered");
    const std::string text = v && v->is_string() ? v->get<std::string>() : std::string();
    if (f.id == "sim_own_name") f.ok = text == "yes";
    if (f.id == "smartphone") f.ok = text == "own" || text == "borrowed";
    if (f.id == "card_type") f.ok = text == "chip_cccd" || text == "id_card";
    if (f.id == "level1_done") f.ok = v && v->is_boolean() && v->get<bool>();
    if (f.id == "appointment_date") f.ok = f.answered;
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<WizardFlag> WizardModel::vneidFlags() const {
  if (!isVneid()) return {};
  return flagsOf(*form_, answers_);
}

AntiScamCard WizardModel::antiScamCard() const {
  AntiScamCard card;
  auto* s = session();
  const std::string volunteer = s ? s->volunteer() : std::string();
  std::string team = i18n::tr("app.vneid.card.team");
  if (s) {
    if (auto status = s->syncStatus(); status && status->enrolled && !status->communeName.empty())
      team = i18n::tr("app.vneid.card.team_of", {{"commune", status->communeName}});
  }
  card.title = i18n::tr("app.vneid.card.title");
  card.helper = i18n::tr("app.vneid.card.helper", {{"name", volunteer}, {"team", team}});
  for (const char* key : {"app.vneid.card.otp", "app.vneid.card.never_share", "app.vneid.card.no_links",
                          "app.vneid.card.in_person", "app.vneid.card.activate"})
    card.lines.push_back(i18n::tr(key));
  return card;
}

std::vector<VneidAppointment> WizardModel::appointments() const {
  std::vector<VneidAppointment> out;
  auto* s = session();
  if (!s || !app_) return out;
  const auto* form = app_->forms().find("vneid_level2");
  if (!form) return out;
  for (const auto& info : s->listApplications(std::nullopt)) {
    if (info.formId != "vneid_level2") continue;
    auto body = s->getApplication(info.id);
    if (!body) continue;  // damaged or purged after sync: nothing to list
    const json answers = body->value("answers", json::object());
    VneidAppointment a;
    a.applicationId = info.id;
    a.residentId = info.residentId;
    auto text = [&](const char* path) {
      const json* v = wizard::find(answers, path);
      return v && v->is_string() ? v->get<std::string>() : std::string();
    };
    a.name = text("person.full_name");
    a.personalId = text("person.personal_id");
    a.phone = text("phone.number");
    a.appointmentDate = text("status.appointment_date");
    a.appointmentPlace = text("status.appointment_place");
    a.status = info.status;
    a.flags = flagsOf(*form, answers);
    out.push_back(std::move(a));
    wizard::wipe(*body);
  }
  std::stable_sort(out.begin(), out.end(), [](const VneidAppointment& x, const VneidAppointment& y) {
    auto dx = core::parseDate(x.appointmentDate), dy = core::parseDate(y.appointmentDate);
    if (dx.ok() != dy.ok()) return dx.ok();  // dated first
    if (dx.ok() && *dx != *dy) return *dx < *dy;
    return core::foldKey(x.name) < core::foldKey(y.name);
  });
  return out;
}

void WizardModel::showAppointments() {
  if (!session()) return;
  if (step_ != WizardStep::Appointments) beforeAppointments_ = step_;
  if (inProgress()) flushAutosave();
  step_ = WizardStep::Appointments;
}

void WizardModel::closeAppointments() {
  if (step_ == WizardStep::Appointments) step_ = beforeAppointments_;
}

}  // namespace gocua::app
