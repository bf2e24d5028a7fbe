// First run: the language (Tiếng Việt by default, English), then the workspace — the volunteer's
// name, a passphrase typed twice with a strength hint, and whether it is a training workspace.
// Creating it (Argon2id, seconds on an old laptop) runs off the UI thread, then the same
// passphrase unlocks it and the app goes Home. Joining a commune comes later, from the sync screen.
#pragma once

#include <memory>
#include <string>

#include "app/model/app_model.h"
#include "ui/model/background_task.h"
#include "ui/model/passphrase_strength.h"

namespace gocua::app {

using ui::BackgroundTask;
using ui::TaskProgress;

class FirstRunModel {
 public:
  enum class Step { Language, Workspace };

  // Starts at the language step unless the settings say it was already chosen.
  void open(AppModel& app);
  Step step() const { return step_; }

  // Language step: applies the language at once (the screen redraws in it) and saves it.
  void chooseLanguage(AppModel& app, i18n::Lang lang);
  i18n::Lang language(AppModel& app) const { return app.settings().lang; }
  // Marks the language as chosen (settings) and moves to the workspace step.
  void next(AppModel& app);
  void back() { step_ = Step::Language; }

  // Workspace step: the text fields' buffers. passphrase and confirm are wiped once used.
  std::string volunteer;
  std::string passphrase;
  std::string confirm;
  bool training = false;

  // The name field was left: normalises it (core::normalizeName) or keeps it and says why.
  void volunteerLeft();
  const std::string& volunteerError() const { return volunteerError_; }
  // The hint under the passphrase box (empty passphrase: no hint).
  ui::StrengthHint strength() const { return ui::scorePassphrase(passphrase, volunteer); }
  // The vault's minimum length, in plain words, as soon as something is typed; else empty.
  std::string passphraseError() const;
  // "The two passphrases differ" once the confirm box holds as many characters as the first.
  std::string confirmError() const;

  bool canCreate() const;
  // Creates the workspace at app.options().workspaceDir and unlocks it, off the UI thread.
  // The passphrase buffers are wiped at once (the worker keeps its own copy, wiped at its end).
  void create(AppModel& app, std::function<void()> wake = {});
  bool busy() const { return task_.running(); }
  // Collects a finished creation: adopts workspace and session (screen Home) or shows the error.
  void poll(AppModel& app, double now);
  void finish(AppModel& app, double now);  // blocks (tests)
  const std::string& error() const { return error_; }

  void reset();
  // A passphrase is still in memory (what reset wipes).
  bool holdsPlaintext() const { return !passphrase.empty() || !confirm.empty(); }

 private:
  struct Created {
    std::unique_ptr<workspace::Workspace> ws;
    std::unique_ptr<workspace::Session> session;
    Error unlockError;  // created, but the unlock failed (the unlock screen takes over)
  };
  using Outcome = Result<Created>;
  void collect(AppModel& app, Outcome outcome, double now);

  Step step_ = Step::Language;
  std::string volunteerError_;
  std::string error_;
  BackgroundTask<Outcome> task_;
};

}  // namespace gocua::app
