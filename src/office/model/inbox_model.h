// The inbox: a folder (a USB stick from the volunteers) whose batches (.gcb) are all imported in
// the background, with progress (records, records per second, time left) and a receipt written
// beside each batch for the laptop to pick up; then one plain summary per batch (accepted,
// duplicate, rejected with the reasons in words) and the list of batches kept aside (quarantine).
// Holds file names and counts only, never residents' data.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "office/model/office_model.h"
#include "sync/receipt/receipt.h"
#include "ui/model/background_task.h"
#include "ui/model/folder_picker.h"

namespace gocua::office {

struct BatchSummary {
  std::string file;  // the batch's file name
  sync::BatchStatus status = sync::BatchStatus::Rejected;
  std::size_t accepted = 0, duplicates = 0, rejected = 0;
  std::string headline;              // one line in words
  std::vector<std::string> reasons;  // the batch's reason, then each record reason with its count
  std::string receiptProblem;        // why the receipt could not be written beside it, else empty
};

struct QuarantineRow {
  std::string file;      // under the hub's quarantine/
  std::string device;    // the laptop's id, first 12 hex digits
  std::string received;  // local dd/mm/yyyy HH:MM
  std::string reason;    // in words
};

struct ImportProgress {
  double fraction = 0;  // by bytes
  std::size_t filesDone = 0, filesTotal = 0;
  std::uint64_t records = 0;
  double recordsPerSecond = 0;
  std::optional<double> secondsLeft;  // once a first batch is done
};

class InboxModel {
 public:
  explicit InboxModel(ui::FolderPicker::Roots roots = ui::FolderPicker::systemRoots()) : folder(std::move(roots)) {}
  InboxModel(const InboxModel&) = delete;
  InboxModel& operator=(const InboxModel&) = delete;
  ~InboxModel() { reset(); }

  ui::FolderPicker folder;
  void open(OfficeModel& office);
  const std::vector<ui::FolderFile>& batches() { return folder.files(".gcb"); }

  bool canImport() { return !busy() && !batches().empty(); }
  // Imports every .gcb of the folder, in name order, on a worker; the office is busy meanwhile.
  void importAll(OfficeModel& office, std::function<void()> wake = {});
  bool busy() const { return task_.running(); }
  ImportProgress progress();
  // "1.200 hồ sơ · 850 hồ sơ/giây · còn khoảng 3 giây" for the bar.
  std::string progressCaption();
  // Collects a finished run: summaries, quarantine list, a notice; the office is free again.
  void poll(OfficeModel& office);
  void finish(OfficeModel& office);  // blocks until the run ends (tests)

  const std::vector<BatchSummary>& summaries() const { return summaries_; }
  const std::vector<QuarantineRow>& quarantine() const { return quarantine_; }
  void refreshQuarantine(OfficeModel& office);

  // Stops a run between batches and waits for it; forgets the summaries.
  void reset();
  bool holdsPlaintext() const { return false; }

 private:
  struct Run {
    std::vector<BatchSummary> summaries;
    std::string failure;  // the hub itself failed (disk, database): the run stopped there
  };
  void collect(OfficeModel& office, Run run);
  std::vector<BatchSummary> summaries_;
  std::vector<QuarantineRow> quarantine_;
  // What the worker reports besides bytes (TaskProgress done/total).
  std::atomic<std::uint64_t> records_{0};
  std::atomic<std::size_t> filesDone_{0}, filesTotal_{0};
  std::chrono::steady_clock::time_point started_{};
  ui::BackgroundTask<Run> task_;  // last: joined before the counters it writes go
};

// The summary of one import in words (exposed for tests).
BatchSummary summarize(const std::string& file, const hub::ImportResult& result, const hub::HubSession& session,
                       const std::string& communeCode);

}  // namespace gocua::office
