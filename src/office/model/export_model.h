// Xuất danh sách: the records the hub holds, as a file for the office's other systems — Excel
// (real date cells, frozen header, filter), CSV for Excel (UTF-8 with a byte-order mark) or JSON
// lines — into a chosen folder, written in the background with a progress bar while the window
// stays responsive. The same HubSession::exportRecords as `gocua-hub records export`, audited the
// same way. What: every record, or one procedure's applications, optionally by decision.
// The file holds residents' data in clear because staff asked for it; this model holds only
// procedure ids, counts and the file's path.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "office/model/office_model.h"
#include "ui/model/background_task.h"
#include "ui/model/folder_picker.h"

namespace gocua::office {

class ExportModel {
 public:
  explicit ExportModel(ui::FolderPicker::Roots roots = ui::FolderPicker::systemRoots()) : folder(std::move(roots)) {}
  ExportModel(const ExportModel&) = delete;
  ExportModel& operator=(const ExportModel&) = delete;
  ~ExportModel() { reset(); }

  // Lists the procedures that have applications at the hub (by title).
  void open(OfficeModel& office);
  const std::vector<std::pair<std::string, std::string>>& procedures() const { return procedures_; }

  // [SECTION] what and how
  std::string procedure;  // "" = every record the hub holds
  std::string status;     // "" = every decision; only with a procedure
  hub::ExportFormat format = hub::ExportFormat::Xlsx;
  ui::FolderPicker folder;
  // The file name the export will get in the folder (before a -2, -3... when taken):
  // "danh-sach-birth_registration-accepted-2026-12-05.xlsx".
  std::string fileStem(const std::string& isoDay) const;

  // [SECTION] the run
  bool canStart() { return !busy() && folder.exists(); }
  // Starts the export on a worker; the office is busy (no other screen, no idle lock) meanwhile.
  void start(OfficeModel& office, std::function<void()> wake = {});
  bool busy() const { return task_.running(); }
  // Records written so far and how many the filter holds.
  std::pair<std::size_t, std::size_t> progress();
  std::string progressCaption();  // "1.200 / 5.000 hồ sơ"
  // Collects a finished run: the notice (file and count) or the error; the office is free again.
  void poll(OfficeModel& office);
  void finish(OfficeModel& office);  // blocks until the run ends (tests)

  const std::filesystem::path& lastFile() const { return lastFile_; }
  std::size_t lastCount() const { return lastCount_; }
  const std::string& error() const { return error_; }

  // Waits for a run in flight (lock); forgets the choices.
  void reset();
  bool holdsPlaintext() const { return false; }

 private:
  struct Run {
    std::filesystem::path file;
    std::size_t records = 0;
    std::string error;  // in words; the file is then not there
  };
  void collect(OfficeModel& office, Run run);
  std::vector<std::pair<std::string, std::string>> procedures_;
  std::filesystem::path lastFile_;
  std::size_t lastCount_ = 0;
  std::string error_;
  ui::BackgroundTask<Run> task_;  // last: joined first
};

// The file extension of a format, with its dot.
const char* exportExtension(hub::ExportFormat format);

}  // namespace gocua::office
