// Người đăng ký trùng: residents registered twice on different laptops (the same ID number, or the
// same folded name and date of birth; sync/hub/duplicates.h), each pair shown side by side so
// staff can tell the volunteers which record to keep. The search opens every resident, so it runs
// in the background; the pairs are residents' data, wiped at lock.
#pragma once

#include <string>
#include <vector>

#include "office/model/office_model.h"
#include "office/model/record_model.h"
#include "ui/model/background_task.h"

namespace gocua::office {

struct DuplicateView {
  std::string reason;  // in words
  ResidentView a, b;   // a arrived first
};

class DuplicatesModel {
 public:
  DuplicatesModel() = default;
  DuplicatesModel(const DuplicatesModel&) = delete;
  DuplicatesModel& operator=(const DuplicatesModel&) = delete;
  ~DuplicatesModel() { reset(); }

  // Starts the search on a worker; the office is busy meanwhile.
  void find(OfficeModel& office, std::function<void()> wake = {});
  bool busy() const { return task_.running(); }
  void poll(OfficeModel& office);
  void finish(OfficeModel& office);  // blocks until the search ends (tests)

  bool searched() const { return searched_; }
  const std::vector<DuplicateView>& pairs() const { return pairs_; }
  const std::string& error() const { return error_; }

  void reset();
  bool holdsPlaintext() const { return !pairs_.empty(); }

 private:
  struct Run {
    std::vector<DuplicateView> pairs;
    std::string error;
  };
  void collect(OfficeModel& office, Run run);
  void forgetPairs();
  std::vector<DuplicateView> pairs_;
  std::string error_;
  bool searched_ = false;
  ui::BackgroundTask<Run> task_;  // last: joined first
};

}  // namespace gocua::office
