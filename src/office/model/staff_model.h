// Cán bộ (staff accounts), on the settings screen: who may unlock the desk, each with their own
// passphrase over the same hub data key; adding a colleague (name, passphrase twice, the strength
// meter) and removing one (asked twice; nobody removes themselves, so one always remains). The
// same HubSession::addStaff / removeStaff as `gocua-hub staff add|remove`, audited the same way.
// A staff member who forgot their passphrase is removed and added again by a colleague.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "office/model/office_model.h"
#include "ui/model/background_task.h"
#include "ui/model/passphrase_strength.h"

namespace gocua::office {

struct StaffRow {
  std::string name;
  std::string added;    // local dd/mm/yyyy
  std::string addedBy;  // empty for the first
  bool me = false;      // who unlocked: cannot be removed here
};

class StaffModel {
 public:
  StaffModel() = default;
  StaffModel(const StaffModel&) = delete;
  StaffModel& operator=(const StaffModel&) = delete;
  ~StaffModel() { reset(); }

  void open(OfficeModel& office);
  const std::vector<StaffRow>& rows() const { return rows_; }
  const std::string& error() const { return error_; }

  // [SECTION] adding a colleague
  std::string name;
  std::string passphrase, confirm;  // the fields' buffers; wiped once the worker has its copy
  ui::StrengthHint strength() const { return ui::scorePassphrase(passphrase, name); }
  // "" when the colleague can be added; otherwise what to fix, in words (the first problem).
  std::string problem() const;
  // Argon2id for the new keyslot runs on a worker; the office is busy meanwhile.
  void add(OfficeModel& office, std::function<void()> wake = {});
  bool busy() const { return task_.running(); }
  void poll(OfficeModel& office);
  void finish(OfficeModel& office);  // blocks (tests)

  // [SECTION] removing one, asked twice
  void askRemove(std::size_t i);
  const std::optional<std::size_t>& removing() const { return removing_; }
  void cancelRemove() { removing_.reset(); }
  void confirmRemove(OfficeModel& office);

  void reset();
  bool holdsPlaintext() const { return !passphrase.empty() || !confirm.empty(); }

 private:
  struct Outcome {
    std::string name;
    std::string error;  // in words
  };
  void collect(OfficeModel& office, Outcome outcome);
  void wipePassphrases();
  std::vector<StaffRow> rows_;
  std::optional<std::size_t> removing_;
  std::string error_;
  ui::BackgroundTask<Outcome> task_;  // last: joined first
};

}  // namespace gocua::office
