// View-model of the new-application wizard: choose a procedure (plain-word titles) → its sections
// one by one → the documents checklist (has it / must bring) → a read-back in large type for the
// resident to confirm → save. Plus the VNeID level-2 preparation: the practical flags (SIM in own
// name, smartphone, card), the anti-scam card after saving, and the appointment list for the
// commune police.
//
// Nothing typed is lost: the in-progress state (procedure, step, answers, documents) is sealed
// into the workspace's autosave slot "wizard" (draft_autosave.h) a few seconds after a change, on
// every step, and in reset() (lock, idle lock, window close) before memory is wiped. start() for a
// resident with an autosaved draft offers to resume it. The slot holds one draft per resident.
//
// What the draw function reads every frame is cheap: the procedure list, the anti-scam card and
// the appointment list are computed when their step is entered (or after a save), never per frame;
// only the current section's fields are rebuilt from the answers.
//
// Files by job: wizard_model.cpp (opening, steps, documents, read-back, save), wizard_fields.cpp
// (the section step: fields, text buffers, inline messages), draft_autosave.* (slot and clock),
// wizard_vneid.* (flags, anti-scam card, appointment list), wizard_answers.* (answers by path),
// wizard_derive.* (answers filled in from others).
//
// Paths: answers and issues use the form's paths ("household.members[1].full_name"); widget ids
// use wizard::uiId() of them ("wizard.field.household.members.1.full_name").
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/model/app_model.h"
#include "app/model/draft_autosave.h"
#include "app/model/wizard_vneid.h"
#include "forms/form.h"
#include "ui/model/folder_picker.h"

namespace gocua::app {

using ui::FolderPicker;

enum class WizardStep {
  Procedure,     // pick what the resident needs
  Resume,        // an autosaved draft exists for this resident: resume or discard
  Section,       // one section of the form
  Documents,     // documents checklist
  ReadBack,      // large-type summary the resident confirms
  Saved,         // done; VNeID: the anti-scam card
  Appointments,  // VNeID appointment list for the commune police
};

struct WizardProcedure {
  std::string formId;
  std::string title;      // plain words ("Làm giấy khai sinh cho em bé")
  std::string detail;     // one line on who needs it
  std::string official;   // the form's own title
  std::string authority;  // where it is filed
};

// The procedures of a registry as the wizard offers them: the form's "order" first (forms without
// one follow, by id), plain-word title and detail from the form file (the official title when it
// has none).
std::vector<WizardProcedure> procedureList(const forms::FormRegistry& forms, i18n::Lang lang);
// The plain-word title of a form, else its official title.
std::string plainTitle(const forms::Form& form, i18n::Lang lang);

struct WizardChoice {
  std::string value, label;
};

// The choices whose label contains what the volunteer typed, diacritics and đ folded ("kinh"
// finds "Kinh", "e de" finds "Ê Đê"); all of them for an empty filter.
std::vector<const WizardChoice*> filterChoices(const std::vector<WizardChoice>& choices, std::string_view typed);

// One input of the current section, ready to draw. Hidden (not relevant) fields are left out.
struct WizardField {
  forms::FieldType type = forms::FieldType::Text;
  std::string path;  // "household.members[0].full_name"
  std::string id;    // "household.members.0.full_name" (widget ids append it)
  std::string label, hint;
  bool required = false;              // statically required (marked with *)
  std::vector<WizardChoice> choices;  // choice / multi_choice
  bool combo = false;                 // a choice with more than 5 options: drop-down list
  std::string error;                  // inline message (after the field was left, or on "next")
  std::string warning;                // e.g. SIM not in own name, deadline passed
  // Repeat: one vector of fields per row; whether a row may be added / removed (min/max rows).
  std::vector<std::vector<WizardField>> rows;
  bool canAdd = false, canRemove = false;
};

struct WizardSectionInfo {  // the section list beside the fields
  std::string id, title;
  bool current = false;
  int errors = 0;  // shown only once the section was visited with "next" or after a refused save
};

struct WizardLine {  // read-back: "label: value"
  std::string label, value;
  int depth = 0;  // 1 for a repeat row's fields
};
struct WizardSummarySection {
  std::string id, title;
  std::vector<WizardLine> lines;
};

struct WizardDocument {
  std::string id, label;
  bool required = false;
  bool has = false;  // the resident has it ready; otherwise it must be brought / obtained
};

struct WizardProblem {
  std::string sectionId, sectionTitle, fieldLabel, message;
};

class WizardModel {
 public:
  WizardModel() = default;
  WizardModel(const WizardModel&) = delete;
  WizardModel& operator=(const WizardModel&) = delete;

  // Opens the wizard for a resident (record id). Saves any wizard in progress first. Offers to
  // resume when the autosave slot holds a draft for this resident, else starts at Procedure.
  void start(AppModel& app, const std::string& residentId);
  // Reopens a saved draft application (status "draft") to finish it: its answers, first section.
  // Saving then writes a new revision of that application instead of a new one.
  void openDraft(AppModel& app, const std::string& applicationId);
  bool editingSaved() const { return !editingId_.empty(); }
  // Saves the draft in progress (autosave), then wipes every answer, buffer, name and list from
  // memory (lock, idle lock, window close).
  void reset();
  // Whether any resident's data is still in memory (answers, typed text, names, the lists).
  bool holdsPlaintext() const;

  // Copies typed text into the answers and autosaves once kAutosaveDelay seconds have passed
  // since the first unsaved change. The event loop calls it on every wake, with the app clock.
  void tick(double now);
  // When tick must run next for a pending autosave (app clock); nullopt when nothing is pending.
  // The event loop sleeps no longer than this.
  std::optional<double> nextDeadline() const;
  static constexpr double kAutosaveDelay = AutosaveClock::kDelay;

  WizardStep step() const { return step_; }
  // True once after the step or the section changed since the screen last asked: the screen then
  // opens the new page at its top, not where that page was scrolled to the last time it was shown.
  bool takeStepChanged();
  const std::string& residentId() const { return residentId_; }
  const std::string& residentName() const { return residentName_; }
  const std::string& error() const { return error_; }  // a store or load failure, shown at the top
  const forms::Form* form() const { return form_; }
  std::string formTitle() const;  // plain-word title of the chosen procedure
  // The procedure keeps an appointment list (VNeID level 2): flags, anti-scam card, the list.
  bool isVneid() const { return form_ && form_->appointmentList().has_value(); }
  bool training() const;

  // [Procedure] computed when the wizard opens.
  const std::vector<WizardProcedure>& procedures() const { return procedures_; }
  // Picks a procedure (same procedure again keeps the answers) and goes to its first section.
  void chooseProcedure(const std::string& formId);

  // [Resume]
  std::string resumeTitle() const;    // procedure of the autosaved draft
  std::string resumeSavedAt() const;  // "dd/mm/yyyy hh:mm" local time
  void resume();
  void discard();  // forgets the autosaved draft of this resident

  // [Section]
  std::string sectionId() const { return sectionId_; }
  std::string sectionTitle() const;
  std::string sectionHint() const;
  int sectionNumber() const;  // 1-based among the relevant sections
  int sectionCount() const;
  std::vector<WizardField> sectionFields() const;
  std::vector<WizardSectionInfo> sections() const;  // the relevant sections, in order
  // Text widgets edit these buffers (one per path, made from the answer); tick() and fieldLeft()
  // copy them into the answers.
  std::string* textBuffer(const std::string& path);
  void fieldLeft(const std::string& path);                         // show its message from now on
  void setText(const std::string& path, const std::string& text);  // buffer + commit + left
  void setChoice(const std::string& path, const std::string& value);
  void toggleChoice(const std::string& path, const std::string& value);  // multi_choice
  void setBool(const std::string& path, bool value);
  std::string choiceValue(const std::string& path) const;
  bool choiceSelected(const std::string& path, const std::string& value) const;
  std::optional<bool> boolValue(const std::string& path) const;
  void addRow(const std::string& repeatPath);
  void removeRow(const std::string& repeatPath, int row);
  int rowCount(const std::string& repeatPath) const;
  const nlohmann::json& answers() const { return answers_; }

  // Moves on: blocked (false, messages shown) while this section has errors; the volunteer can
  // still save a draft. After the last section: Documents; then ReadBack.
  bool next();
  void back();
  void editSection(const std::string& sectionId);  // from the read-back

  // Warnings worth saying out loud now: deadlines (birth 60 days, death 15 days) and the like.
  std::vector<std::string> deadlineWarnings() const;
  std::vector<std::string> otherWarnings() const;  // every non-deadline warning
  // VNeID: the practical flags of the current answers (empty for other procedures).
  std::vector<WizardFlag> vneidFlags() const;

  // [Documents]
  std::vector<WizardDocument> documents() const;
  void setHas(const std::string& docId, bool has);

  // [ReadBack]
  std::vector<WizardSummarySection> summary() const;
  std::vector<WizardProblem> problems() const;       // every error of the answers
  bool saveRefused() const { return saveRefused_; }  // confirm was refused: answers invalid
  // The resident confirmed: saves the application (status "ready"). Invalid answers: false,
  // saveRefused() and problems() tell why; the volunteer can fix them or save a draft.
  bool confirm();
  // Saves what there is now, with its problems, as a draft application (any step).
  bool saveDraft();

  // [Saved]
  const std::string& savedId() const { return savedId_; }
  bool savedAsDraft() const { return savedDraft_; }
  const std::vector<WizardDocument>& savedDocuments() const { return savedDocuments_; }
  const std::vector<WizardProblem>& savedProblems() const { return savedProblems_; }
  // VNeID: made once when the application is saved.
  const AntiScamCard& antiScamCard() const { return card_; }

  // [Appointments] every saved application with an appointment list (VNeID level 2), appointment
  // date first (undated last); read from the workspace when the step is entered.
  const std::vector<VneidAppointment>& appointments() const { return appointments_; }
  void showAppointments();
  void closeAppointments();
  // The list for the commune police as a PDF in the chosen folder (appointment_print.h); the
  // message says where it went, or why not.
  FolderPicker appointmentsFolder;
  bool writeAppointments();
  const std::string& appointmentsMessage() const { return appointmentsMessage_; }
  bool appointmentsError() const { return appointmentsError_; }

  // For tests: whether the in-progress state has changes not yet autosaved.
  bool autosavePending() const { return clock_.pending(); }
  // Saves now (used by reset and step changes). False when nothing is open or saving failed.
  bool flushAutosave();

 private:
  workspace::Session* session() const;
  bool inProgress() const;  // a procedure is open and not yet saved
  void openForm(const forms::Form* form);
  void wipeState();
  void changed();
  void commitBuffers();
  // Copies typed text into the answer; true when the answer changed.
  bool commitBuffer(const std::string& path, const std::string& text);
  // Fills the answers that follow from the one at path (wizard_derive.h), and their buffers.
  void derive(const std::string& path, const nlohmann::json& before);
  void revalidate() const;
  const forms::ValidationReport& report() const;
  std::vector<std::string> relevantSections() const;
  // The next (+1) or previous (-1) relevant section from the current one; "" when there is none.
  std::string neighbourSection(int direction) const;
  void buildField(const forms::FieldDef& def, const std::string& path, WizardField* out) const;
  std::string issueText(const forms::Issue& issue) const;
  bool showErrorsFor(const std::string& path) const;
  void prefill();
  nlohmann::json stateJson() const;
  bool restoreState(const nlohmann::json& state);
  bool save(bool draft);
  void clearRowBuffers(const std::string& repeatPath);
  // Wipes the answers and what the fields hold (typed text, touched and attempted marks).
  void clearAnswers();
  void forgetDraft();  // this resident's autosaved draft

  AppModel* app_ = nullptr;
  std::string appointmentsMessage_;
  bool appointmentsError_ = false;
  std::string residentId_, residentName_;
  std::string editingId_;             // the saved application being finished (openDraft), else empty
  std::int64_t editingRevision_ = 0;  // its revision when opened
  const forms::Form* form_ = nullptr;
  WizardStep step_ = WizardStep::Procedure;
  WizardStep beforeAppointments_ = WizardStep::Saved;
  std::string sectionId_;
  std::optional<std::pair<WizardStep, std::string>> shownStep_;  // what takeStepChanged() last saw
  nlohmann::json answers_ = nlohmann::json::object();
  std::map<std::string, bool> has_;             // documents checklist toggles
  std::map<std::string, std::string> buffers_;  // text widgets' buffers by answer path
  std::set<std::string> touched_;               // fields left after an edit
  std::set<std::string> attempted_;             // sections where "next" was pressed
  std::set<std::string> typing_;                // text changed since the field was last left
  // The (error, warning) each field last showed, kept while it is being typed in.
  mutable std::map<std::string, std::pair<std::string, std::string>> held_;
  bool saveRefused_ = false;
  std::string error_;
  nlohmann::json resumeState_;  // the autosaved draft offered at Resume
  std::string savedId_;
  bool savedDraft_ = false;
  std::vector<WizardDocument> savedDocuments_;
  std::vector<WizardProblem> savedProblems_;
  std::vector<WizardProcedure> procedures_;
  AntiScamCard card_;
  std::vector<VneidAppointment> appointments_;

  mutable forms::ValidationReport report_;
  mutable bool reportStale_ = true;

  AutosaveClock clock_;
};

}  // namespace gocua::app
