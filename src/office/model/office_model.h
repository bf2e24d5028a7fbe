// The desk window's state outside any screen: the hub data dir it works on, the unlocked staff
// session, the display settings, the current screen, the idle lock and the notice line. Plain C++:
// the window (src/office/ui) reads it every frame and calls its commands; tests drive it without
// a window, on a real hub directory.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sync/hub/hub.h"
#include "ui/model/display_settings.h"

namespace gocua::office {

// The screens, in the order of the table in office_screens.h.
enum class Screen {
  NoHub,
  Setup,
  Unlock,
  Inbox,
  Queue,
  Record,
  Dashboard,
  Export,
  Laptops,
  Duplicates,
  Settings,
  Count
};

struct OfficeOptions {
  std::filesystem::path dataDir;  // the hub data dir, as `gocua-hub --data`
  std::string staff;              // --staff: chosen first on the unlock screen
  std::filesystem::path settingsFile;
  // Receiving over the network (ReceiveModel::configure): "" = off until switched on, "auto" = on
  // from the first unlock on the default address, "ADDR:PORT" = on there.
  std::string listen;
};

// $XDG_CONFIG_HOME/gocua/office.json (display settings only: no residents' data).
std::filesystem::path defaultOfficeSettingsFile();

// A one-line message at the bottom of the window (decision saved, printed, locked, ...).
struct Notice {
  std::string text;
  bool error = false;
};

class OfficeModel {
 public:
  explicit OfficeModel(OfficeOptions options);
  ~OfficeModel();
  OfficeModel(const OfficeModel&) = delete;
  OfficeModel& operator=(const OfficeModel&) = delete;

  // Loads the settings and opens the hub: Unlock; Setup when the data dir holds no hub yet; NoHub
  // when it holds one that does not open (openError says why).
  void start();

  Screen screen() const { return screen_; }
  void go(Screen s) { screen_ = s; }
  const OfficeOptions& options() const { return options_; }

  hub::Hub* hub() { return hub_.get(); }
  hub::HubSession* session() { return session_.get(); }
  const std::string& openError() const { return openError_; }
  // Who unlocked ("" when locked).
  std::string staffName() const;

  ui::DisplaySettings& settings() { return settings_; }
  // Applies the language at once and writes the settings file (a failure becomes a notice).
  void commitSettings();

  // The hub first run made (SetupModel).
  void adoptHub(std::unique_ptr<hub::Hub> hub) {
    hub_ = std::move(hub);
    openError_.clear();
  }
  // After a successful unlock: the review queue.
  void adoptSession(std::unique_ptr<hub::HubSession> session, double now);
  // Every screen forgets residents' data (onLock hooks), then the hub's keys are wiped.
  void lock();
  void onLock(std::function<void()> hook) { lockHooks_.push_back(std::move(hook)); }

  // Work running on the session in the background (an import): the idle lock waits for it and
  // the window offers no other screen until it ends.
  void setBusy(bool busy) { busy_ = busy; }
  bool busy() const { return busy_; }

  // Idle lock as in the volunteers' app: the window reports input; tick() locks once the idle
  // time has passed (not while busy) and returns true when it did.
  void noteActivity(double now) { lastActivity_ = now; }
  bool tick(double now);
  double secondsToIdleLock(double now) const;

  void notify(std::string text, bool error = false) { notice_ = Notice{std::move(text), error}; }
  const Notice& notice() const { return notice_; }
  void clearNotice() { notice_ = {}; }

 private:
  OfficeOptions options_;
  ui::DisplaySettings settings_;
  std::unique_ptr<hub::Hub> hub_;
  std::unique_ptr<hub::HubSession> session_;
  std::string openError_;
  Screen screen_ = Screen::NoHub;
  double lastActivity_ = 0;
  bool busy_ = false;
  std::vector<std::function<void()>> lockHooks_;
  Notice notice_;
};

}  // namespace gocua::office
