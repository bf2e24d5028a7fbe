// One application opened at the desk: the resident, the answers section by section as on the
// official form (choice labels, dates dd/mm/yyyy), the decision — accepted, needs documents (a
// note is required; templates such as "Thiếu giấy chứng sinh"), returned (a reason is required) —
// taken through the same HubSession call as `gocua-hub review set` (audited with the staff name),
// and its declaration printed as a PDF into a chosen folder; around them the documents checklist,
// the history and the decision's way back to the laptop (record_trail.h). Everything shown is
// residents' data: wiped at lock.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "office/model/decision_draft.h"
#include "office/model/office_model.h"
#include "office/model/record_trail.h"
#include "ui/model/folder_picker.h"

namespace gocua::office {

struct ResidentView {
  bool found = false;  // the resident's own record has reached the hub
  std::string name, dateOfBirth, sex, personalId, phone, village;
  std::string volunteer, laptop, receivedDay;  // who registered them, on which laptop (short id), when it arrived
};
// The resident record id as the desk shows it (found false when the hub has none); wipeResident
// forgets it.
ResidentView openResident(hub::HubSession& session, const std::string& residentId);
void wipeResident(ResidentView& r);

struct AnswerLine {
  int indent = 0;     // 0 for a section's fields, 1 inside a repeat's row, ...
  std::string label;  // the field's label in the current language, or "1." for a repeat's row
  std::string value;  // in words; "—" when not answered
};

struct AnswerSection {
  std::string title;
  std::vector<AnswerLine> lines;
};

class RecordModel {
 public:
  explicit RecordModel(ui::FolderPicker::Roots roots = ui::FolderPicker::systemRoots())
      : printFolder(std::move(roots)) {}

  // Opens the application; false (and error()) when it cannot be shown.
  bool open(OfficeModel& office, const std::string& recordId);

  const std::string& id() const { return id_; }
  const std::string& procedureTitle() const { return procedureTitle_; }
  const std::string& status() const { return status_; }  // "new" until a decision
  const std::string& receivedDay() const { return receivedDay_; }
  const std::string& volunteer() const { return volunteer_; }
  const ResidentView& resident() const { return resident_; }
  const std::vector<AnswerSection>& sections() const { return sections_; }
  const std::vector<DocumentLine>& documents() const { return documents_; }
  const std::vector<HistoryLine>& history() const { return history_; }
  const std::string& delivery() const { return delivery_; }  // "" until a decision
  const std::string& error() const { return error_; }

  // [SECTION] the decision being prepared
  DecisionDraft draft;
  // Records the draft (HubSession::setReview). False with error() when refused.
  bool decide(OfficeModel& office);

  // [SECTION] printing
  ui::FolderPicker printFolder;
  // Writes the declaration into the chosen folder as to-khai-<id>.pdf (a new name when taken).
  bool print(OfficeModel& office);
  const std::filesystem::path& lastPrinted() const { return lastPrinted_; }

  void reset();
  bool holdsPlaintext() const;

 private:
  // The history and the delivery state, read again after each decision.
  void readTrail(hub::HubSession& session);
  std::string id_, procedure_, procedureTitle_, status_, receivedDay_, volunteer_, error_;
  std::string receivedAt_, delivery_;
  std::int64_t revision_ = 0;
  hub::DeviceId device_{};
  std::vector<DocumentLine> documents_;
  std::vector<HistoryLine> history_;
  ResidentView resident_;
  std::vector<AnswerSection> sections_;
  std::filesystem::path lastPrinted_;
};

}  // namespace gocua::office
