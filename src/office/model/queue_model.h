// The review queue: every application the hub holds, with the resident's name and village, the
// procedure, the day received, the office's decision and where it stands against its deadline
// (births 60 days, deaths 15), filtered by procedure, village, status (mới nhận, cần bổ sung, trả
// lại, đã nhận), volunteer, day received (today, last 7 or 30 days) and deadline (near, passed),
// and sorted by the day received, oldest first (first come, first served). Names and villages are
// residents' data: wiped at lock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/date.h"
#include "forms/form.h"
#include "office/model/decision_draft.h"
#include "office/model/office_model.h"

namespace gocua::office {

struct QueueRow {
  std::string id;
  std::string residentId;
  std::string procedure;       // form id
  std::string procedureTitle;  // in the current language
  std::string name;            // the resident's full name ("" when the resident has not arrived)
  std::string village;
  std::string status;                  // "new", "needs_documents", "returned", "accepted"
  std::string receivedAt;              // UTC ISO (sorts as text)
  std::string receivedDay;             // local dd/mm/yyyy
  std::optional<core::Date> received;  // the same day as a date, for the filter
  std::optional<core::Date> created;   // the local day the volunteer saved it
  std::string volunteer;
  std::optional<forms::DeadlineState> deadline;  // passed or near as of the day the queue opened
};

// The received-day filter's choices, "" (any day) first: "today", "7d", "30d".
const std::vector<std::string>& receivedRanges();
// The deadline filter's choices, "" (any) first: "near_or_passed", "passed".
const std::vector<std::string>& deadlineFilters();
// A row's deadline in words ("quá hạn 75 ngày", "còn 4 ngày"); "" when none or already accepted.
std::string deadlineLabel(const QueueRow& row);

// The statuses a filter offers, "" (all) first; and each one's label in words.
const std::vector<std::string>& queueStatuses();
std::string statusLabel(const std::string& status);

// The rows a filter keeps, in the queue's order: positions in every row, so a filter change over
// 100,000 applications copies no text (and leaves no second copy of names to wipe).
class QueueRows {
 public:
  QueueRows(const std::vector<QueueRow>& all, const std::vector<std::size_t>& kept) : all_(&all), kept_(&kept) {}
  std::size_t size() const { return kept_->size(); }
  bool empty() const { return kept_->empty(); }
  const QueueRow& operator[](std::size_t i) const { return (*all_)[(*kept_)[i]]; }

  class Iterator {
   public:
    Iterator(const QueueRows& rows, std::size_t i) : rows_(&rows), i_(i) {}
    const QueueRow& operator*() const { return (*rows_)[i_]; }
    Iterator& operator++() {
      ++i_;
      return *this;
    }
    bool operator!=(const Iterator& other) const { return i_ != other.i_; }

   private:
    const QueueRows* rows_;
    std::size_t i_;
  };
  Iterator begin() const { return {*this, 0}; }
  Iterator end() const { return {*this, size()}; }

 private:
  const std::vector<QueueRow>* all_;
  const std::vector<std::size_t>* kept_;
};

class QueueModel {
 public:
  // Opens every record once (the names and villages are sealed), then applies the filter.
  // Deadlines and the received-day ranges count from today (tests give the day).
  void open(OfficeModel& office, const core::Date& today = core::today());
  void reload(OfficeModel& office) { open(office); }
  // ReceiveModel::uploadCount() when the queue was read: batches received over the network since
  // then are not in it yet, and the screen offers to read it again (Desk::goQueue keeps it).
  std::size_t uploadsAtOpen = 0;

  // The filter; "" = all. Call apply() after changing it.
  std::string procedure, village, status, volunteer;
  std::string received;  // one of receivedRanges()
  std::string deadline;  // one of deadlineFilters()
  // The week (Monday to Sunday) the volunteer saved the application in, from the overview.
  std::optional<core::Date> week;
  void apply();
  void clearFilter();
  // How many of the drop-down filters are in use (the status buttons are always in view).
  int dropDownsInUse() const;
  // On a short window the drop-downs fold behind one button (queue_screen.cpp); shown when opened.
  bool filtersShown = false;

  QueueRows rows() const { return {all_, shown_}; }  // filtered and sorted; valid until the next apply()
  std::size_t total() const { return all_.size(); }
  // The procedures and villages the filter offers: (form id, title) of the forms with at least
  // one application, and the commune's villages plus any the records name.
  const std::vector<std::pair<std::string, std::string>>& procedures() const { return procedures_; }
  const std::vector<std::string>& villages() const { return villages_; }
  const std::vector<std::string>& volunteers() const { return volunteers_; }
  const std::string& error() const { return error_; }

  // [SECTION] one decision for exactly the applications the filter shows
  DecisionDraft bulk;
  // Takes the ids shown now; the confirmation names their count, and only they are decided.
  void askBulk();
  bool confirmingBulk() const { return !bulkIds_.empty(); }
  std::size_t bulkCount() const { return bulkIds_.size(); }
  void cancelBulk() { bulkIds_.clear(); }
  // Records the draft on each of them (HubSession::setReview, audited one by one), then re-reads
  // the queue with the filter kept. Returns how many were decided; stops at the first refusal
  // (error() says why; those before it stay decided, as each is its own decision).
  std::size_t applyBulk(OfficeModel& office);

  // At lock: the rows and the filter are forgotten.
  void reset();
  bool holdsPlaintext() const { return !all_.empty() || !village.empty() || !bulk.note.empty(); }

 private:
  // What the filter compares, per row and in the same order as all_: small numbers instead of
  // text, so re-filtering 100,000 rows reads a few megabytes, not every row's strings (the frame
  // that applies a filter stays as quick as the others).
  struct FilterKey {
    std::uint32_t procedure, village, volunteer;  // positions in procedures_, villages_, volunteers_
    std::uint8_t status;                          // position in queueStatuses()
    std::uint8_t deadline;                        // 0 none (or accepted), 1 near, 2 passed
    std::int32_t receivedDay, createdDay;         // days since 1970-01-01; kNoDay when unknown
  };
  static constexpr std::int32_t kNoDay = INT32_MIN;
  std::vector<QueueRow> all_;
  std::vector<FilterKey> keys_;
  std::vector<std::size_t> shown_;  // positions in all_
  std::vector<std::pair<std::string, std::string>> procedures_;
  std::vector<std::string> villages_, volunteers_;
  core::Date today_;
  std::string error_;
  std::vector<std::string> bulkIds_;
  void forgetRows();
  void buildKeys();
};

}  // namespace gocua::office
