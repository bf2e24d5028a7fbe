// View-model of the new-application wizard: choose a procedure (plain-word titles) → its sections
// one by one → the documents checklist (has it / must bring) → a read-back in large type for the
// resident to confirm → save. Plus the VNeID level-2 preparation: the practical flags (SIM in own
// name, smartphone, card), the anti-scam card after saving, and the appointment list for the
// commune police.
//
// Nothing typed is lost: the in-progress state (procedure, step, answers, documents) is sealed
// into the workspace's autosave slot "wizard" a few seconds after a change (tick), on every step,
// and in reset() (lock, idle lock, window close) before memory is wiped. start() for a resident
// with an autosaved draft offers to resume it. The slot holds one draft per resident, so starting
// for another resident never overwrites someone else's unfinished application.
//
// Paths: answers and issues use the form's paths ("household.members[1].full_name"); widget ids
// use wizard::uiId() of them ("wizard.field.household.members.1.full_name").
#pragma once

#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "app/model/app_model.h"
#include "forms/form.h"

namespace gocua::app {

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

// A VNeID practical flag: "SIM đứng tên chính chủ: Không".
struct WizardFlag {
  std::string id;  // sim_own_name, smartphone, card_type, level1_done, appointment_date
  std::string label, value;
  bool answered = false;
  bool ok = false;  // shown green when ok, amber otherwise
};

// One line of the appointment list for the commune police.
struct VneidAppointment {
  std::string applicationId, residentId;
  std::string name, phone, personalId;
  std::string appointmentDate, appointmentPlace;  // as typed, may be empty
  std::string status;                             // "ready" | "draft"
  std::vector<WizardFlag> flags;
};

struct AntiScamCard {
  std::string title;
  std::string helper;  // "Người giúp ông/bà hôm nay: Lan — Tổ công nghệ số cộng đồng"
  std::vector<std::string> lines;
};

class WizardModel {
 public:
  WizardModel();
  ~WizardModel();
  WizardModel(const WizardModel&) = delete;
  WizardModel& operator=(const WizardModel&) = delete;

  // Opens the wizard for a resident (record id). Saves any wizard in progress first. Offers to
  // resume when the autosave slot holds a draft for this resident, else starts at Procedure.
  void start(AppModel& app, const std::string& residentId);
  // Reopens a saved draft application (status "draft") to finish it: its answers, first section.
  // Saving then writes a new revision of that application instead of a new one.
  void openDraft(AppModel& app, const std::string& applicationId);
  bool editingSaved() const { return !editingId_.empty(); }
  // Saves the draft in progress (autosave), then wipes every answer, buffer and name from memory.
  void reset();
  // Autosaves once kAutosaveDelay seconds have passed since the first unsaved change. The draw
  // function calls it every frame with app.now and app.wake (the wake makes the event loop draw
  // a frame when the delay is over even if nothing else happens).
  void tick(double now, const std::function<void()>& wake = {});
  static constexpr double kAutosaveDelay = 2.0;

  WizardStep step() const { return step_; }
  const std::string& residentId() const { return residentId_; }
  const std::string& residentName() const { return residentName_; }
  const std::string& error() const { return error_; }  // a store or load failure, shown at the top
  const forms::Form* form() const { return form_; }
  std::string formTitle() const;  // plain-word title of the chosen procedure
  bool isVneid() const { return form_ && form_->id() == "vneid_level2"; }
  bool training() const;

  // [Procedure]
  std::vector<WizardProcedure> procedures() const;
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
  AntiScamCard antiScamCard() const;

  // [Appointments] every saved vneid_level2 application, appointment date first (undated last).
  std::vector<VneidAppointment> appointments() const;
  void showAppointments();
  void closeAppointments();

  // For tests: whether the in-progress state has changes not yet autosaved.
  bool autosavePending() const { return dirty_; }
  // Saves now (used by reset and step changes). False when nothing is open or saving failed.
  bool flushAutosave();

 private:
  workspace::Session* session() const;
  bool inProgress() const;  // a procedure is open and not yet saved
  void openForm(const forms::Form* form);
  void wipeState();
  void changed();
  void commitBuffers();
  void commitBuffer(const std::string& path, const std::string& text);
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
  Result<nlohmann::json> loadSlot() const;
  bool save(bool draft);
  void clearRowBuffers(const std::string& repeatPath);
  // Wipes the answers and what the fields hold (typed text, touched and attempted marks).
  void clearAnswers();
  std::vector<WizardFlag> flagsOf(const forms::Form& form, const nlohmann::json& answers) const;
  void armTimer(const std::function<void()>& wake);
  void stopTimer();

  AppModel* app_ = nullptr;
  std::string residentId_, residentName_;
  std::string editingId_;             // the saved application being finished (openDraft), else empty
  std::int64_t editingRevision_ = 0;  // its revision when opened
  const forms::Form* form_ = nullptr;
  WizardStep step_ = WizardStep::Procedure;
  WizardStep beforeAppointments_ = WizardStep::Saved;
  std::string sectionId_;
  nlohmann::json answers_ = nlohmann::json::object();
  std::map<std::string, bool> has_;             // documents checklist toggles
  std::map<std::string, std::string> buffers_;  // text widgets' buffers by answer path
  std::set<std::string> touched_;               // fields left after an edit
  std::set<std::string> attempted_;             // sections where "next" was pressed
  bool saveRefused_ = false;
  std::string error_;
  nlohmann::json resumeState_;  // the autosaved draft offered at Resume
  std::string savedId_;
  bool savedDraft_ = false;
  std::vector<WizardDocument> savedDocuments_;
  std::vector<WizardProblem> savedProblems_;

  mutable forms::ValidationReport report_;
  mutable bool reportStale_ = true;

  bool dirty_ = false;
  double firstChange_ = -1;  // app time of the first change not yet autosaved

  // Wakes the event loop when the autosave delay is over (a sleeping loop would otherwise keep
  // the last keystrokes unsaved until the next event).
  struct Timer;
  std::unique_ptr<Timer> timer_;
};

}  // namespace gocua::app
