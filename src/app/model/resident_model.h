// View-model of the resident editor: the fields of one resident (core::Resident), checked one by
// one as the volunteer leaves each field, consent to process personal data (Law 91/2025/QH15,
// in force 01/01/2026: who gave it, how, today), the possible-duplicate panel, and saving
// through the session.
//
// Field buffers are public so the draw function binds widgets to them directly; after a field is
// left the draw function calls leave(field), which normalises the text and sets or clears that
// field's message. save() checks everything again, refuses with every problem next to its field,
// and otherwise adds or updates the record (a revision that moved on meanwhile is refused plainly,
// never overwritten). reset() wipes every buffer that held a resident's data.
//
// Nothing typed is lost: like the wizard, the form is sealed into the workspace's autosave slot
// "resident" (draft_autosave.h; keyed by resident id, "new" for a resident not yet saved) a few
// seconds after a change, when another resident is opened, and in reset() (lock, idle lock,
// window close) before memory is wiped. Opening the editor again (also in a new app after a
// crash) offers the draft back. Leaving with unsaved edits asks once: keep a draft, discard, stay.
#pragma once

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/model/app_model.h"
#include "app/model/draft_autosave.h"

namespace gocua::app {

enum class ResidentField {
  FullName,
  DateOfBirth,
  Sex,
  PersonalId,
  Phone,
  Village,
  Household,
  Notes,
  ConsentGivenBy,
  ConsentMethod,
  Count
};

// A resident already in the workspace who may be the one being typed in.
struct DuplicateInfo {
  std::string id;
  std::string name, dateOfBirth, village;
  bool samePersonalId = false;  // certain: the workspace refuses a second record with this ID
};

struct HouseholdChoice {
  std::string id;
  std::string label;  // "Hộ Nguyễn Văn An" (its oldest member)
  std::size_t members = 0;
};

class ResidentModel {
 public:
  enum class Sex { None, Male, Female };
  // household: an index into households(), or one of these.
  static constexpr int kNoHousehold = -1;
  static constexpr int kNewHousehold = -2;

  // An empty form. Reads the villages seen in the workspace for the village suggestions.
  void openNew(AppModel& app);
  // The stored resident, with the revision the edit starts from. A record that cannot be read
  // leaves an empty form with loadError() set.
  void openExisting(AppModel& app, const std::string& residentId);
  // Wipes every field and message (lock).
  void reset();
  // Any field, message, suggestion or the duplicate panel still holds a resident's data.
  bool holdsPlaintext() const;

  bool isNew() const { return id_.empty(); }
  const std::string& residentId() const { return id_; }
  std::int64_t revision() const { return revision_; }
  const std::string& loadError() const { return loadError_; }

  // [SECTION] Fields (bound to the widgets)
  std::string fullName, dateOfBirth, personalId, phone, village, notes;
  std::string consentGivenBy;  // the resident (filled in from the name) or a named representative
  Sex sex() const { return sex_; }
  void setSex(Sex s);
  const std::string& consentMethod() const { return consentMethod_; }  // "" | spoken | signed | thumbprint
  void setConsentMethod(const std::string& method);
  const std::string& consentDate() const { return consentDate_; }  // dd/mm/yyyy, today for new consent

  // Villages seen in the workspace that match what is typed (all when nothing is), most
  // residents first, at most max.
  std::vector<std::string> villageSuggestions(std::size_t max = 8) const;
  void chooseVillage(const std::string& name);
  // Fills the village of a new resident (the village the volunteer is working in) without
  // counting as an edit.
  void presetVillage(const std::string& name);
  // Households already recorded in the typed village.
  const std::vector<HouseholdChoice>& households() const { return households_; }
  int household() const { return household_; }
  void chooseHousehold(int household);

  // The volunteer left a field after editing it: normalise it and check it (and what depends
  // on it: the ID number against date of birth and sex, the duplicate panel).
  void leave(ResidentField field);
  const std::string& message(ResidentField field) const { return messages_[static_cast<std::size_t>(field)]; }
  bool hasProblems() const;
  // A problem that belongs to no single field (the record changed meanwhile, storage errors).
  // Under the buttons: a save that failed, or the fields still to fix after a refused save.
  std::string formError() const;
  bool conflict() const { return conflict_; }

  const std::optional<DuplicateInfo>& duplicate() const { return duplicate_; }

  // What a correct number tells, shown under it: "Đăng ký khai sinh tại: Hà Nội", "Nhà mạng:
  // Viettel". Empty while the field is empty or wrong.
  std::string personalIdNote() const;
  std::string phoneNote() const;
  // Asks the draw function to put the cursor in the name box (a new, empty form).
  bool takeFocusRequest();
  // Asks the draw function to show the top of the form (another resident was opened).
  bool takeScrollTopRequest();

  // Something was typed or chosen since the form was opened or saved.
  bool dirty() const { return dirty_; }

  // [SECTION] Leaving (a header button, Cancel)
  // True when the editor may close now (nothing unsaved): it is closed. With unsaved edits it asks
  // once instead (leaving() says where to), and one of the three answers follows.
  bool requestLeave(Screen to);
  std::optional<Screen> leaving() const { return leaving_; }
  // Seals the draft, closes, returns where to go; nullopt when sealing failed (it stays open).
  std::optional<Screen> leaveKeepingDraft();
  Screen leaveDiscarding();  // forgets the draft and the edits, closes
  void stay() { leaving_.reset(); }
  // Wipes the form and stops autosaving; the draft slot is left as it is.
  void close();
  bool isOpen() const { return app_ != nullptr; }

  // [SECTION] Draft (autosave)
  // Notices text typed into the fields (the widgets write straight into them) and seals the draft
  // once AutosaveClock::kDelay seconds passed since the first unsaved change. The event loop
  // calls it on every wake, with the app clock; nextDeadline() says when it must run next.
  void tick(double now);
  std::optional<double> nextDeadline() const;
  bool autosavePending() const { return clock_.pending(); }
  // Seals the unsaved edits now. False only when sealing failed (the notice says why).
  bool flushDraft();
  // Opening found an autosaved draft: the screen offers it instead of the form.
  bool draftOffered() const { return offered_.is_object(); }
  std::string offeredName() const;     // the name typed in it (may be empty)
  std::string offeredSavedAt() const;  // "dd/mm/yyyy hh:mm" local time
  void resumeDraft();                  // the form as the draft left it
  void discardDraft();                 // forgets the draft; the form stays as opened

  // Checks every field and saves (add or update). True when saved: the notice says so and
  // residentId()/revision() are the stored ones. False: problems are next to their fields.
  bool save(AppModel& app);
  // For "Lập hồ sơ cho người này": saves first when there are unsaved edits or the resident is
  // new. True when there is a stored resident to prepare an application for.
  bool readyForApplication(AppModel& app);

 private:
  void loadVillages(AppModel& app);
  void rebuildHouseholds();
  void checkPersonalIdAgainstBirthAndSex();
  void checkDuplicate();
  void setMessage(ResidentField f, std::string text) { messages_[static_cast<std::size_t>(f)] = std::move(text); }
  void showProblem(const Error& e);
  void clearMessages();
  std::string problemsSummary() const;
  void wipeAll();
  // The draft's key in the slot, and the form as a draft (everything typed or chosen).
  std::string draftKey() const { return id_.empty() ? "new" : id_; }
  nlohmann::json formState() const;
  void restoreForm(const nlohmann::json& state);
  // Compares the fields with what was last seen; a change marks the form dirty and due to seal.
  void noticeTyping();
  // A form is open to type in: opened, read, and not offering a draft.
  bool editing() const { return app_ && loadError_.empty() && !seen_.is_null() && !draftOffered(); }
  void offerDraft();  // after opening: reads this form's draft, if any
  void forgetDraft();
  void showDraftError(const Error& e);

  AppModel* app_ = nullptr;
  std::string id_;
  std::int64_t revision_ = 0;
  std::string loadError_;
  Sex sex_ = Sex::None;
  std::string consentMethod_, consentDate_;
  std::string consentRecordedBy_;  // who gave the consent dated consentDate_
  std::string nameForConsent_;     // consentGivenBy follows the name while it equals this
  std::string householdId_;        // the stored household when it is not among households()
  int household_ = kNoHousehold;
  std::vector<HouseholdChoice> households_;
  struct Village {
    std::string name, folded;
    std::size_t residents = 0;
  };
  std::vector<Village> villages_;
  std::array<std::string, static_cast<std::size_t>(ResidentField::Count)> messages_;
  std::string formError_;
  bool summarize_ = false;  // a save was refused for the fields' problems: summarise them
  bool conflict_ = false;
  std::optional<DuplicateInfo> duplicate_;
  bool dirty_ = false;
  std::optional<Screen> leaving_;  // asking whether to keep the edits before going there
  nlohmann::json seen_;            // formState() at the last noticeTyping / open / save
  nlohmann::json offered_;         // the autosaved draft offered after opening
  AutosaveClock clock_;
  bool focusRequest_ = false;
  bool scrollTopRequest_ = false;
};

}  // namespace gocua::app
