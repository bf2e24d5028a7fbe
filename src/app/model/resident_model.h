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
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/model/app_model.h"

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
  // Cancel: true when the form may close now; with unsaved edits it asks first
  // (confirmingCancel()) and the next requestCancel(true) closes.
  bool requestCancel(bool confirmed = false);
  bool confirmingCancel() const { return confirmCancel_; }
  void keepEditing() { confirmCancel_ = false; }

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
  bool confirmCancel_ = false;
  bool focusRequest_ = false;
  bool scrollTopRequest_ = false;
};

}  // namespace gocua::app
