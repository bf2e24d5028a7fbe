// The sync screen: where this laptop stands with the commune (enrolled or not, counters, last
// sync, records the office returned as "needs documents" with its note) and the three ways to
// move records: export a batch to a folder or USB stick, upload to the hub over the network, and
// apply the receipts the office handed back on a stick. Slow work runs off the UI thread; while it
// runs (busy()) the UI must not touch the Session and shows progress() instead.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "app/model/app_model.h"
#include "ui/model/background_task.h"
#include "ui/model/folder_picker.h"

namespace gocua::app {

using ui::BackgroundTask;
using ui::fileStamp;
using ui::FolderFile;
using ui::FolderPicker;
using ui::formatBytes;
using ui::formatLocalTime;
using ui::localClockTime;
using ui::localDateTime;
using ui::readSmallFile;
using ui::TaskProgress;
using ui::uniqueFileIn;

// A record the office returned for more documents, as the sync screen lists it.
struct NeedsDocumentsRow {
  std::string id;
  std::string name;       // the resident's name; empty when the record is not in the index
  std::string procedure;  // the application's procedure in plain words; empty for a resident record
  std::string note;       // the office's note, empty when staff wrote none
};

// What the last export, upload or receipt run did, already in the volunteer's words.
struct SyncSummary {
  enum class Kind { None, Export, Upload, Receipts } kind = Kind::None;
  bool ok = true;
  std::string headline;               // one sentence: what happened
  std::vector<std::string> details;   // further plain lines
  std::vector<std::string> warnings;  // clock off, quarantined batch
  struct Rejected {
    std::string name;    // resident's name when known, else the record id
    std::string reason;  // catalog text of the hub's reason
  };
  std::vector<Rejected> rejected;
  // The numbers behind the text, for tests and for the screen's emphasis.
  std::int64_t records = 0;  // exported or sent
  std::int64_t accepted = 0;
  std::int64_t updates = 0;  // review decisions that arrived
  std::uint64_t bytes = 0;
  int receiptsApplied = 0;
  std::vector<std::string> appliedFiles;  // names of the receipts applied (unticked afterwards)
  bool nothingToSend = false;
  int formPack = 0;            // a newer form pack came with a receipt and was installed
  std::filesystem::path file;  // the batch written by an export
  std::string errorCode;       // when !ok
};

class SyncModel {
 public:
  // Reads the status and detects sticks. Does nothing to the Session while busy().
  void open(AppModel& app);
  void refresh(AppModel& app);

  bool training() const { return training_; }
  bool enrolled() const { return enrolled_; }
  const std::string& communeName() const { return communeName_; }
  std::int64_t count(const std::string& state) const;        // unsynced, sent, synced, rejected
  const std::string& lastSync() const { return lastSync_; }  // dd/mm/yyyy HH:MM, empty = never
  const std::vector<NeedsDocumentsRow>& needsDocuments() const { return needs_; }
  const std::string& profileHubUrl() const { return profileHubUrl_; }
  const std::string& statusError() const { return statusError_; }

  FolderPicker folder;
  std::string hubUrl;  // the text field; empty = the address in the commune profile
  // The address and folder are kept sealed in the workspace when an export, upload or receipt run
  // starts, and open() shows them again after a restart or a lock (a folder only while it exists).

  // Why export/upload cannot run now (training, not enrolled, no folder), empty when they can.
  std::string exportBlocked() const;
  std::string uploadBlocked() const;
  bool canExport() const { return exportBlocked().empty(); }
  bool canUpload() const { return uploadBlocked().empty(); }

  // Export: <folder>/gocua-<YYYYMMDD-HHMM>.gcb, never over an earlier batch.
  void exportToFolder(AppModel& app, std::function<void()> wake = {});
  // Upload: sync::syncWithHub with hubUrl (or the profile's); progress in bytes.
  void upload(AppModel& app, std::function<void()> wake = {});

  // The receipts (.gcr) in the chosen folder; each row can be ticked off. New files are ticked;
  // one applied successfully is unticked (applying it again would change nothing).
  const std::vector<FolderFile>& receipts() { return folder.files(".gcr"); }
  bool receiptChosen(const std::string& name) const { return !unticked_.count(name); }
  void toggleReceipt(const std::string& name);
  bool canApplyReceipts();
  void applyReceipts(AppModel& app, std::function<void()> wake = {});

  bool busy() const { return task_.running(); }
  SyncSummary::Kind activity() const { return busy() ? running_ : SyncSummary::Kind::None; }
  // 0..1, or negative when the amount is unknown (the bar then pulses).
  float fraction();
  std::string progressText();
  void cancel() { task_.requestCancel(); }

  // Collects a finished task: summary, refreshed counters, rescanned folder.
  void poll(AppModel& app);
  void finish(AppModel& app);  // blocks (tests)
  const SyncSummary& summary() const { return summary_; }

  // Waits for a running task (cancelling an upload), then wipes names and notes from memory.
  void reset();
  // Names and staff notes of returned records, or names in the last summary.
  bool holdsPlaintext() const { return !needs_.empty() || !summary_.rejected.empty(); }

 private:
  void start(AppModel& app, SyncSummary::Kind kind, BackgroundTask<SyncSummary>::Work work, std::function<void()> wake);
  void collect(AppModel& app, SyncSummary summary);
  void restorePlaces(AppModel& app);
  void keepPlaces(AppModel& app);
  void wipeSummary();

  bool training_ = false, enrolled_ = false;
  std::string communeName_, lastSync_, profileHubUrl_, statusError_;
  std::map<std::string, std::int64_t> counts_;
  std::vector<NeedsDocumentsRow> needs_;
  std::set<std::string> unticked_;
  bool placesRestored_ = false;
  workspace::SyncPlaces keptPlaces_;  // as last read or saved: saved again only when changed
  SyncSummary summary_;
  SyncSummary::Kind running_ = SyncSummary::Kind::None;
  BackgroundTask<SyncSummary> task_;
};

}  // namespace gocua::app
