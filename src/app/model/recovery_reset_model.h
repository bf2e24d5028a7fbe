// "Quên mật khẩu?" on the unlock screen: a volunteer who forgot the passphrase resets it in the app
// with the commune's one-time recovery file (.gcx, on a stick from the one-stop office) and the
// code the staff read out, then types a new passphrase twice and is unlocked — the same
// Workspace::resetPassphrase `gocuactl passphrase reset` calls. A wrong file or code changes nothing.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "app/model/app_model.h"
#include "ui/model/background_task.h"
#include "ui/model/folder_picker.h"
#include "ui/model/passphrase_strength.h"

namespace gocua::app {

using ui::BackgroundTask;
using ui::FolderFile;
using ui::FolderPicker;
using ui::readSmallFile;
using ui::TaskProgress;

class RecoveryResetModel {
 public:
  // Detects sticks and forgets what was typed before.
  void open();

  FolderPicker folder;
  const std::vector<FolderFile>& files() { return folder.files(".gcx"); }
  std::filesystem::path chosen;           // the recovery file picked from files()
  std::string code, passphrase, confirm;  // text buffers, wiped once used and at reset

  ui::StrengthHint strength(const std::string& volunteer) const { return ui::scorePassphrase(passphrase, volunteer); }
  std::string passphraseError() const;  // the vault's minimum, in words, once something is typed
  std::string confirmError() const;     // the two differ, once the second is as long
  bool canSubmit() const;

  // Resets volunteer's passphrase and unlocks with the new one, off the UI thread (two Argon2id
  // runs). Every buffer is wiped at once (the worker keeps its own copies, wiped at its end).
  void submit(AppModel& app, const std::string& volunteer, std::function<void()> wake = {});
  bool busy() const { return task_.running(); }
  // Collects a finished reset: adopts the session (screen Home) and says so, or shows the error.
  void poll(AppModel& app, double now);
  void finish(AppModel& app, double now);  // blocks (tests)
  const std::string& error() const { return error_; }

  void reset();
  bool holdsPlaintext() const { return !code.empty() || !passphrase.empty() || !confirm.empty(); }

 private:
  struct Outcome {
    std::unique_ptr<workspace::Session> session;
    std::string error;
  };
  void collect(AppModel& app, Outcome outcome, double now);
  BackgroundTask<Outcome> task_;
  std::string error_;
};

}  // namespace gocua::app
