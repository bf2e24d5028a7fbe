// The new-application wizard's view-model (the section step's fields are in wizard_fields.cpp).
// Index:
//   [SECTION] open / reset / tick   — opening, wiping, the autosave deadline
//   [SECTION] procedure and resume
//   [SECTION] steps                 — next, back, edit a section, warnings
//   [SECTION] documents, read-back, save
//   [SECTION] VNeID                 — flags, anti-scam card, appointment list
#include "app/model/wizard_model.h"

#include <algorithm>
#include <ctime>

#include "app/model/appointment_print.h"
#include "app/model/wizard_answers.h"
#include "core/date.h"
#include "core/errors.h"
#include "core/i18n.h"
#include "core/json_read.h"
#include "vault/secret.h"
#include "workspace/errors.h"

namespace gocua::app {
using nlohmann::json;
using wizard::sectionOf;
using wizard::startsWith;

namespace {

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

}  // namespace

std::string plainTitle(const forms::Form& form, i18n::Lang lang) {
  return form.plainTitle().empty() ? form.title(lang) : form.plainTitle().in(lang);
}

std::vector<WizardProcedure> procedureList(const forms::FormRegistry& forms, i18n::Lang lang) {
  auto all = forms.all();  // by id
  std::stable_sort(all.begin(), all.end(), [](const forms::Form* a, const forms::Form* b) {
    if (a->order().has_value() != b->order().has_value()) return a->order().has_value();
    return a->order() && *a->order() < *b->order();
  });
  std::vector<WizardProcedure> out;
  for (const auto* f : all) {
    WizardProcedure p;
    p.formId = f->id();
    p.official = f->title(lang);
    p.title = plainTitle(*f, lang);
    p.detail = f->plainDetail().empty() ? std::string() : f->plainDetail().in(lang);
    p.authority = f->authority(lang);
    out.push_back(std::move(p));
  }
  return out;
}

// [SECTION] open / reset / tick

workspace::Session* WizardModel::session() const { return app_ ? app_->session() : nullptr; }

bool WizardModel::training() const { return app_ && app_->training(); }

void WizardModel::clearAnswers() {
  wizard::wipe(answers_);
  answers_ = json::object();
  for (auto& [path, text] : buffers_) vault::wipe(text);
  buffers_.clear();
  touched_.clear();
  attempted_.clear();
  typing_.clear();
  for (auto& [path, messages] : held_) {
    vault::wipe(messages.first);
    vault::wipe(messages.second);
  }
  held_.clear();
}

bool WizardModel::takeStepChanged() {
  std::pair<WizardStep, std::string> now{step_, sectionId_};
  if (shownStep_ == now) return false;
  shownStep_ = std::move(now);
  return true;
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
  shownStep_.reset();  // the next page shown opens at its top
  saveRefused_ = false;
  error_.clear();
  savedId_.clear();
  savedDraft_ = false;
  savedDocuments_.clear();
  savedProblems_.clear();
  procedures_.clear();
  vneid::wipe(card_);
  vneid::wipe(appointments_);
  report_ = {};
  reportStale_ = true;
  clock_.clear();
}

bool WizardModel::holdsPlaintext() const {
  return !answers_.empty() || !buffers_.empty() || !residentName_.empty() || !residentId_.empty() ||
         !resumeState_.is_null() || !savedDocuments_.empty() || !savedProblems_.empty() || !card_.helper.empty() ||
         !appointments_.empty();
}

void WizardModel::start(AppModel& app, const std::string& residentId) {
  if (app_ && inProgress()) flushAutosave();  // another wizard was open
  wipeState();
  app_ = &app;
  residentId_ = residentId;
  auto* s = session();
  if (!s) return;
  procedures_ = procedureList(app.forms(), i18n::lang());
  if (residentId.empty()) {
    error_ = i18n::tr("app.wizard.no_resident");
    return;
  }
  auto resident = s->getResident(residentId);
  if (!resident) {
    error_ = i18n::message(resident.error());
    return;
  }
  residentName_ = jsonValue(resident->get(), "full_name", "");
  resident->reset();
  auto draft = draft_slot::find(s, DraftKind::Wizard, residentId);
  if (!draft) {
    // A damaged autosave must not block new work: say so; the next autosave replaces it.
    error_ = i18n::message(draft.error());
    return;
  }
  if (*draft) {
    resumeState_ = std::move(**draft);
    step_ = WizardStep::Resume;
  }
}

void WizardModel::openDraft(AppModel& app, const std::string& applicationId) {
  if (app_ && inProgress()) flushAutosave();
  wipeState();
  app_ = &app;
  auto* s = session();
  if (!s) return;
  procedures_ = procedureList(app.forms(), i18n::lang());
  auto body = s->getApplication(applicationId);
  if (!body) {
    error_ = i18n::message(body.error());
    return;
  }
  residentId_ = jsonValue(body->get(), "resident_id", "");
  if (auto resident = s->getResident(residentId_)) residentName_ = jsonValue(resident->get(), "full_name", "");
  const auto* f = app.forms().find(jsonValue(body->get(), "form_id", ""));
  if (!f) {
    error_ = i18n::tr("app.wizard.resume_no_form");
    return;
  }
  openForm(f);
  json& b = body->edit();  // wiped when body goes
  if (b.contains("answers") && b["answers"].is_object()) {
    wizard::wipe(answers_);
    answers_ = std::move(b["answers"]);
  }
  editingId_ = applicationId;
  editingRevision_ = jsonValue(b, "revision", std::int64_t{0});
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
    if (clock_.pending()) flushAutosave();
  }
  wipeState();
  app_ = nullptr;
}

void WizardModel::changed() {
  clock_.changed();
  reportStale_ = true;
}

void WizardModel::tick(double now) {
  if (!inProgress()) return;
  // Typed text reaches the answers (and the autosave) while typing; its messages wait for leaving.
  for (const auto& [path, text] : buffers_)
    if (commitBuffer(path, text)) typing_.insert(path);
  if (clock_.due(now)) flushAutosave();
}

std::optional<double> WizardModel::nextDeadline() const {
  if (!inProgress()) return std::nullopt;
  return clock_.deadline();
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
          {"saved_at", core::nowLocalDisplay()}};
}

bool WizardModel::flushAutosave() {
  auto* s = session();
  if (!s || !inProgress()) return false;
  commitBuffers();
  json state = stateJson();
  auto st = draft_slot::put(*s, DraftKind::Wizard, residentId_, state);
  wizard::wipe(state);
  if (!st) {
    error_ = i18n::message(st.error());
    return false;
  }
  clock_.clear();
  return true;
}

void WizardModel::forgetDraft() {
  auto* s = session();
  if (!s) return;
  if (auto st = draft_slot::remove(*s, DraftKind::Wizard, residentId_); !st) error_ = i18n::message(st.error());
}

bool WizardModel::restoreState(const json& state) {
  if (!app_ || !state.is_object()) return false;
  const auto* f = app_->forms().find(jsonValue(state, "form_id", ""));
  if (!f) {
    error_ = i18n::tr("app.wizard.resume_no_form");
    return false;
  }
  form_ = f;
  editingId_ = jsonValue(state, "application_id", "");
  editingRevision_ = jsonValue(state, "application_revision", std::int64_t{0});
  wizard::wipe(answers_);
  answers_ = state.contains("answers") && state["answers"].is_object() ? state["answers"] : json::object();
  has_.clear();
  if (state.contains("has") && state["has"].is_object())
    for (const auto& item : state["has"].items())
      if (item.value().is_boolean()) has_[item.key()] = item.value().get<bool>();
  for (auto& [path, text] : buffers_) vault::wipe(text);
  buffers_.clear();
  const std::string step = jsonValue(state, "step", "section");
  sectionId_ = jsonValue(state, "section", "");
  const auto sections = relevantSections();
  if (std::find(sections.begin(), sections.end(), sectionId_) == sections.end())
    sectionId_ = sections.empty() ? "" : sections.front();
  step_ = step == "documents"   ? WizardStep::Documents
          : step == "readback"  ? WizardStep::ReadBack
          : step == "procedure" ? WizardStep::Procedure
                                : WizardStep::Section;
  reportStale_ = true;
  clock_.clear();
  return true;
}

// [SECTION] procedure and resume

std::string WizardModel::formTitle() const { return form_ ? plainTitle(*form_, i18n::lang()) : std::string(); }

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
  const json& r = resident->get();  // wiped when resident goes
  for (const auto& target : form_->prefillTargets()) {
    auto it = r.find(target.attribute);
    if (it == r.end() || wizard::answered(wizard::find(answers_, target.path))) continue;
    wizard::set(answers_, target.path, *it);
  }
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
  const std::string id = jsonValue(resumeState_, "form_id", "");
  const auto* f = app_->forms().find(id);
  return f ? plainTitle(*f, i18n::lang()) : id;
}

std::string WizardModel::resumeSavedAt() const { return jsonValue(resumeState_, "saved_at", ""); }

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
  forgetDraft();
  step_ = WizardStep::Procedure;
}

// [SECTION] steps

std::vector<std::string> WizardModel::relevantSections() const {
  std::vector<std::string> out;
  if (!form_) return out;
  const auto today = core::today();
  for (const auto& s : form_->root().children)
    if (form_->isRelevant(s.id, answers_, today)) out.push_back(s.id);
  return out;
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
  typing_.clear();  // "next" checks every field as it is now
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
    auto it = has_.find(d.id);  // the volunteer's own tick wins over what the answers say
    out.push_back({d.id, lang == i18n::Lang::En && !d.en.empty() ? d.en : d.vi, d.required,
                   it != has_.end() ? it->second : d.hasFromAnswers});
  }
  return out;
}

void WizardModel::setHas(const std::string& docId, bool has) {
  has_[docId] = has;
  clock_.changed();
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
    p.sectionId = sectionOf(e.field);
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
  if (app_) app_->noteRecordSaved();  // automatic sync sends it a little later
  savedId_ = *id;
  savedDraft_ = !rep.valid();
  savedProblems_ = problems();
  savedDocuments_.clear();
  const auto lang = i18n::lang();
  for (const auto& d : checklist) {
    auto it = has_.find(d.id);
    savedDocuments_.push_back({d.id, lang == i18n::Lang::En && !d.en.empty() ? d.en : d.vi, d.required,
                               it != has_.end() ? it->second : d.hasFromAnswers});
  }
  // The application is stored: this resident's autosaved draft has served its purpose.
  forgetDraft();
  clearAnswers();
  clock_.clear();
  saveRefused_ = false;
  vneid::wipe(card_);
  if (isVneid()) card_ = vneid::antiScamCard(*s);
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

std::vector<WizardFlag> WizardModel::vneidFlags() const {
  if (!isVneid()) return {};
  return vneid::flags(*form_, answers_);
}

void WizardModel::showAppointments() {
  auto* s = session();
  if (!s) return;
  if (step_ != WizardStep::Appointments) beforeAppointments_ = step_;
  if (inProgress()) flushAutosave();
  vneid::wipe(appointments_);
  appointments_ = vneid::appointments(*s, app_->forms());
  appointmentsFolder.refresh();
  appointmentsMessage_.clear();
  step_ = WizardStep::Appointments;
}

bool WizardModel::writeAppointments() {
  auto* s = session();
  if (!s) return false;
  auto written = writeAppointmentList(*s, appointments_, appointmentsFolder.folder(), core::today());
  appointmentsError_ = !written;
  appointmentsMessage_ = written
                             ? i18n::tr("app.vneid.appointments.written", {{"count", std::to_string(written->rows)},
                                                                           {"file", written->file.filename().string()},
                                                                           {"folder", appointmentsFolder.path}})
                             : i18n::message(written.error());
  return written.ok();
}

void WizardModel::closeAppointments() {
  if (step_ != WizardStep::Appointments) return;
  step_ = beforeAppointments_;
  vneid::wipe(appointments_);
  appointmentsMessage_.clear();
}

}  // namespace gocua::app
