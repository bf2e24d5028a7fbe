// The desktop app's state outside any screen: which workspace is open, the unlocked session,
// the form registry, settings, the current screen, and the idle lock. Plain C++: the window
// (src/app/ui) reads it every frame and calls its commands; tests drive it without a window.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/model/settings.h"
#include "forms/registry.h"
#include "workspace/workspace.h"

namespace gocua::app {

// The screens, in the order of the table in screen_registry.h (which says what each one needs).
enum class Screen {
  FirstRun,
  Unlock,
  Home,
  Resident,
  Application,
  Sync,
  Join,
  Settings,
  Sessions,
  Scenarios,
  Presentation,
  Count
};

struct AppOptions {
  std::filesystem::path workspaceDir;
  std::filesystem::path formsDir;
  std::filesystem::path settingsFile;
};

// A one-line message at the bottom of the window (saved, exported, locked for inactivity, ...).
struct Notice {
  std::string text;
  bool error = false;
  // Said instead of text when text would wrap (large text on a small screen), so the notice
  // keeps to one line and leaves the screen its room.
  std::string brief;
  // App clock time it goes by itself (0: it stays until dismissed). Only for the answer to a
  // key press (the text size); errors and results stay until the volunteer has read them.
  double until = 0;
};

class AppModel {
 public:
  explicit AppModel(AppOptions options);
  ~AppModel();
  AppModel(const AppModel&) = delete;
  AppModel& operator=(const AppModel&) = delete;

  // Loads settings and forms, opens the workspace if there is one: Unlock, else FirstRun.
  // A damaged workspace shows on the unlock screen as an error, never as a crash.
  void start();

  Screen screen() const { return screen_; }
  void go(Screen s) { screen_ = s; }

  const AppOptions& options() const { return options_; }
  const forms::FormRegistry& forms() const { return forms_; }
  // The forms to offer: the commune's published pack once the workspace has one, else the
  // forms directory. Called at unlock and after a sync or join installed a newer pack; a pack
  // that no longer verifies falls back to the directory with a notice.
  void refreshForms();
  Settings& settings() { return settings_; }
  // Applies the language at once and writes the settings file (failure becomes a notice).
  void commitSettings();

  workspace::Workspace* workspace() { return workspace_.get(); }
  workspace::Session* session() { return session_.get(); }
  bool training() const { return workspace_ && workspace_->training(); }
  const std::string& openError() const { return openError_; }  // why the workspace did not open

  // A newly created or opened workspace (first run): goes to Unlock.
  void adoptWorkspace(std::unique_ptr<workspace::Workspace> ws);
  // After a successful unlock: goes Home.
  void adoptSession(std::unique_ptr<workspace::Session> session, double now);

  // Wipes the data key, the search index and every screen's copy of residents' data (the
  // screen registry registers every screen's wipe with onLock), then shows the unlock screen.
  void lock();
  void onLock(std::function<void()> reset) { lockHooks_.push_back(std::move(reset)); }

  // Idle lock: the window reports input; tick() locks once the idle time has passed and
  // returns true when it did (and takes down a notice whose time is up). secondsToIdleLock
  // and noticeDeadline tell the event loop how long it may sleep.
  void noteActivity(double now) { lastActivity_ = now; }
  bool tick(double now);
  double secondsToIdleLock(double now) const;

  // Screens count each record they store; automatic sync sends them after a quiet moment.
  void noteRecordSaved() { ++recordsSaved_; }
  std::uint64_t recordsSaved() const { return recordsSaved_; }

  void notify(std::string text, bool error = false) { notice_ = Notice{std::move(text), error, {}, 0}; }
  // A notice that goes by itself after `seconds` (from the last tick), with a one-line brief.
  void notifyBriefly(std::string text, std::string brief, double seconds) {
    notice_ = Notice{std::move(text), false, std::move(brief), now_ + seconds};
  }
  std::optional<double> noticeDeadline() const {
    return notice_.until > 0 ? std::optional<double>(notice_.until) : std::nullopt;
  }
  const Notice& notice() const { return notice_; }
  void clearNotice() { notice_ = {}; }

 private:
  AppOptions options_;
  forms::FormRegistry forms_;
  Settings settings_;
  std::unique_ptr<workspace::Workspace> workspace_;
  std::unique_ptr<workspace::Session> session_;
  std::string openError_;
  Screen screen_ = Screen::FirstRun;
  double lastActivity_ = 0;
  double now_ = 0;  // the app clock at the last tick
  std::vector<std::function<void()>> lockHooks_;
  Notice notice_;
  std::uint64_t recordsSaved_ = 0;
};

}  // namespace gocua::app
