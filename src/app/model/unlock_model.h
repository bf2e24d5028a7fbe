// The unlock screen: pick the volunteer on a shared laptop, type the passphrase, unlock off the
// UI thread (Argon2id and decrypting every record take seconds on an old laptop). A wrong
// passphrase says so plainly and leaves the volunteer where they were.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/model/app_model.h"
#include "app/model/recovery_reset_model.h"
#include "ui/model/background_task.h"

namespace gocua::app {

using ui::BackgroundTask;
using ui::TaskProgress;

class UnlockModel {
 public:
  // Reads the volunteer names of the open workspace (plaintext by design, for this screen).
  void load(AppModel& app);

  const std::vector<std::string>& volunteers() const { return volunteers_; }
  int selected = 0;
  std::string passphrase;  // the text field's buffer; wiped after each try and at reset
  const std::string& error() const { return error_; }
  // Shown under the field for the built-in demo workspace ("passphrase: taphuan2026").
  std::string hint;

  bool canSubmit() const { return !busy() && !passphrase.empty() && !volunteers_.empty(); }
  // Starts the unlock; the passphrase buffer is wiped at once (the worker holds its own copy,
  // wiped when it ends).
  void submit(AppModel& app, std::function<void()> wake = {});
  bool busy() const { return task_.running(); }
  // Collects a finished unlock: adopts the session (screen Home) or shows the error.
  void poll(AppModel& app, double now);
  // Blocks until a running unlock ends, then polls (tests).
  void finish(AppModel& app, double now);

  // "Quên mật khẩu?": the reset with the commune's recovery file, shown instead of the passphrase.
  RecoveryResetModel recovery;
  bool recovering = false;

  void reset();
  bool holdsPlaintext() const { return !passphrase.empty() || recovery.holdsPlaintext(); }

 private:
  // Not a Result<unique_ptr>: GCC 12 reports a false -Wfree-nonheap-object on that variant.
  struct Outcome {
    std::unique_ptr<workspace::Session> session;
    std::string error;  // catalog text when the unlock failed
  };
  std::vector<std::string> volunteers_;
  std::string error_;
  BackgroundTask<Outcome> task_;
  void collect(AppModel& app, Outcome outcome, double now);
};

}  // namespace gocua::app
