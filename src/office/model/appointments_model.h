// Danh sách hẹn công an: the commune police's VNeID level-2 appointment list of one village, as an
// A4 PDF (a table by village and date) into a chosen folder — the same hubprint::printAppointments
// as `gocua-hub print appointments`, audited the same way. It opens every record of the hub, so
// it runs in the background; the office is busy meanwhile. Holds village names and a count only.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "office/model/office_model.h"
#include "ui/model/background_task.h"

namespace gocua::office {

class AppointmentsModel {
 public:
  AppointmentsModel() = default;
  AppointmentsModel(const AppointmentsModel&) = delete;
  AppointmentsModel& operator=(const AppointmentsModel&) = delete;
  ~AppointmentsModel() { reset(); }

  // The commune's villages; the first is chosen unless one chosen earlier is still there.
  void open(OfficeModel& office);
  const std::vector<std::string>& villages() const { return villages_; }
  std::string village;

  // "lich-hen-vneid-thon-1-2026-12-06" (ASCII: FAT sticks and Windows at the office).
  std::string fileStem(const std::string& isoDay) const;

  bool canPrint(const std::filesystem::path& folder) const;
  // Prints into folder (a new name when taken) on a worker.
  void print(OfficeModel& office, const std::filesystem::path& folder, std::function<void()> wake = {});
  bool busy() const { return task_.running(); }
  // Collects a finished run: the notice (village, people, file) or the error.
  void poll(OfficeModel& office);
  void finish(OfficeModel& office);  // blocks until the run ends (tests)

  const std::filesystem::path& lastFile() const { return lastFile_; }
  std::size_t lastRows() const { return lastRows_; }
  const std::string& error() const { return error_; }

  void reset();
  bool holdsPlaintext() const { return false; }

 private:
  struct Run {
    std::filesystem::path file;
    std::string village;
    std::size_t rows = 0;
    std::string error;  // in words; the file is then not there
  };
  void collect(OfficeModel& office, Run run);
  std::vector<std::string> villages_;
  std::filesystem::path lastFile_;
  std::size_t lastRows_ = 0;
  std::string error_;
  ui::BackgroundTask<Run> task_;  // last: joined first
};

}  // namespace gocua::office
