// The desk's unlock screen: who is at the desk (the hub's staff list), their passphrase, unlocked
// off the UI thread (Argon2id takes seconds). A wrong passphrase says so in plain words and leaves
// the person where they were.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "office/model/office_model.h"
#include "ui/model/background_task.h"

namespace gocua::office {

class UnlockModel {
 public:
  // Reads the staff names (plaintext by design, for this screen); chooses --staff when given.
  void load(OfficeModel& office);

  const std::vector<std::string>& staff() const { return staff_; }
  int selected = 0;
  std::string passphrase;  // the text field's buffer; wiped after each try and at reset
  const std::string& error() const { return error_; }

  bool canSubmit() const { return !busy() && !passphrase.empty() && !staff_.empty(); }
  // Starts the unlock; the buffer is wiped at once (the worker holds its own copy, wiped when it ends).
  void submit(OfficeModel& office, std::function<void()> wake = {});
  bool busy() const { return task_.running(); }
  // Collects a finished unlock: adopts the session (the queue) or shows the error.
  void poll(OfficeModel& office, double now);
  // Blocks until a running unlock ends, then polls (tests).
  void finish(OfficeModel& office, double now);

  void reset();
  bool holdsPlaintext() const { return !passphrase.empty(); }

 private:
  struct Outcome {
    std::unique_ptr<hub::HubSession> session;
    std::string error;  // catalog text when the unlock failed
  };
  void collect(OfficeModel& office, Outcome outcome, double now);
  std::vector<std::string> staff_;
  std::string error_;
  ui::BackgroundTask<Outcome> task_;
};

}  // namespace gocua::office
