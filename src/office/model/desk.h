// The whole desk without a window: the office model and one view-model per screen, the moves
// between screens, and the lock that makes every screen forget residents' data. The window
// (src/office/ui) draws from one Desk; tests drive one on a real hub directory.
//
// Adding a screen: a Screen value (office_model.h), its view-model here, its row in kScreens,
// its wipe in forgetScreens(), and its draw function in the table of ui/shell.cpp.
#pragma once

#include <cstddef>
#include <string>

#include "office/model/appointments_model.h"
#include "office/model/dashboard_model.h"
#include "office/model/duplicates_model.h"
#include "office/model/export_model.h"
#include "office/model/inbox_model.h"
#include "office/model/laptops_model.h"
#include "office/model/office_model.h"
#include "office/model/queue_model.h"
#include "office/model/receive_model.h"
#include "office/model/record_model.h"
#include "office/model/settings_model.h"
#include "office/model/setup_model.h"
#include "office/model/staff_model.h"
#include "office/model/unlock_model.h"

namespace gocua::office {

struct ScreenInfo {
  Screen id;
  const char* name;  // screenshots, the GUI test's map
};
inline constexpr ScreenInfo kScreens[] = {
    {Screen::NoHub, "no_hub"},          {Screen::Setup, "setup"},       {Screen::Unlock, "unlock"},
    {Screen::Inbox, "inbox"},           {Screen::Queue, "queue"},       {Screen::Record, "record"},
    {Screen::Dashboard, "dashboard"},   {Screen::Export, "export"},     {Screen::Laptops, "laptops"},
    {Screen::Duplicates, "duplicates"}, {Screen::Settings, "settings"},
};
inline constexpr std::size_t kScreenCount = static_cast<std::size_t>(Screen::Count);
static_assert(std::size(kScreens) == kScreenCount, "every Screen needs its row in kScreens");
const char* screenName(Screen s);

struct Desk {
  explicit Desk(OfficeOptions options, ui::FolderPicker::Roots roots = ui::FolderPicker::systemRoots());
  Desk(const Desk&) = delete;
  Desk& operator=(const Desk&) = delete;

  // Declared first, so it outlives the screens (an import still running holds its session).
  OfficeModel model;
  ReceiveModel receive;  // network receiving: runs on its own twin session, also while locked
  SetupModel setup;
  UnlockModel unlock;
  InboxModel inbox;
  QueueModel queue;
  RecordModel record;
  DashboardModel dashboard;
  ExportModel exports;
  AppointmentsModel appointments;  // on the export screen, into its folder
  LaptopsModel laptops;
  DuplicatesModel duplicates;
  SettingsModel settings;
  StaffModel staff;  // on the settings screen

  // Loads the settings and opens the hub: the unlock screen, or first run when there is none yet.
  void start();
  // Collects the hub first run made; it stays on its key code until staff go on.
  void pollSetup(double now);
  // Leaves first run for the laptops screen (joining the first laptops comes next).
  void finishSetup() { goLaptops(); }
  // Collects a finished unlock; once the session is there, the queue opens (finish: blocks, tests).
  void pollUnlock(double now);
  void finishUnlock(double now);
  // Locks (every screen forgets, then the keys go) and readies the unlock screen.
  void lock();

  // Each opens its screen's view-model, then switches to it.
  void goInbox();
  void goQueue();
  void goSettings();
  void goExport();
  void goLaptops();
  void goDuplicates() { model.go(Screen::Duplicates); }  // the search starts from its button
  // The overview, as of today.
  void goDashboard();
  // From the overview: the queue on one week's applications, or on one procedure and decision
  // (statusIndex as in StatusCounts); the other filters are cleared.
  void showWeekInQueue(const core::Date& monday);
  void showInQueue(const std::string& procedure, int statusIndex);
  // The application in the record screen; stays on the queue with a notice when it cannot open.
  void openRecord(const std::string& id);
  // Back to the queue after a decision, re-read so the row shows it.
  void backToQueue() { goQueue(); }
  // One of the above by screen (the queue for any other).
  void goTo(Screen s);

  // True when any screen still holds residents' data (tests: none after lock()).
  bool holdsPlaintext() const;

 private:
  void forgetScreens();
  void unlocked();  // network receiving as wanted, then the queue
};

}  // namespace gocua::office
