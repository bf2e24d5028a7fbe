#include "office/model/desk.h"

namespace gocua::office {

const char* screenName(Screen s) {
  const auto i = static_cast<std::size_t>(s);
  return i < kScreenCount ? kScreens[i].name : "unknown";
}

Desk::Desk(OfficeOptions options, ui::FolderPicker::Roots roots)
    : model(std::move(options)),
      setup(roots),
      inbox(roots),
      record(roots),
      dashboard(roots),
      exports(roots),
      laptops(std::move(roots)) {
  model.onLock([this] { forgetScreens(); });
  receive.configure(model.options().listen);
}

void Desk::forgetScreens() {
  inbox.reset();  // first: an import or export running on the session stops and is waited for
  exports.reset();
  appointments.reset();
  duplicates.reset();
  unlock.reset();
  setup.reset();
  queue.reset();
  record.reset();
  dashboard.reset();
  laptops.reset();
  settings.reset();
  staff.reset();
}

void Desk::start() {
  model.start();
  unlock.load(model);
  if (model.screen() == Screen::Setup) setup.open();
}

void Desk::pollSetup(double now) {
  const bool locked = !model.session();
  setup.poll(model, now);
  if (locked && model.session()) receive.afterUnlock(model);
}

void Desk::pollUnlock(double now) {
  const bool locked = !model.session();
  unlock.poll(model, now);
  if (locked && model.session()) unlocked();
}

void Desk::finishUnlock(double now) {
  const bool locked = !model.session();
  unlock.finish(model, now);
  if (locked && model.session()) unlocked();
}

void Desk::unlocked() {
  receive.afterUnlock(model);
  goQueue();
}

void Desk::lock() {
  model.lock();
  unlock.load(model);
}

void Desk::goInbox() {
  inbox.open(model);
  model.go(Screen::Inbox);
}

void Desk::goQueue() {
  queue.uploadsAtOpen = receive.uploadCount();
  queue.open(model);
  model.go(Screen::Queue);
}

void Desk::goSettings() {
  settings.open(model);
  staff.open(model);
  model.go(Screen::Settings);
}

void Desk::goExport() {
  exports.open(model);
  appointments.open(model);
  model.go(Screen::Export);
}

void Desk::goLaptops() {
  laptops.open(model);
  model.go(Screen::Laptops);
}

void Desk::goDashboard() {
  dashboard.open(model, core::today());
  model.go(Screen::Dashboard);
}

void Desk::showWeekInQueue(const core::Date& monday) {
  queue.clearFilter();
  queue.week = monday;
  goQueue();
}

void Desk::showInQueue(const std::string& procedure, int statusIndex) {
  queue.clearFilter();
  queue.procedure = procedure;
  const auto& statuses = queueStatuses();
  if (statusIndex >= 0 && static_cast<std::size_t>(statusIndex) + 1 < statuses.size())
    queue.status = statuses[static_cast<std::size_t>(statusIndex) + 1];
  goQueue();
}

void Desk::openRecord(const std::string& id) {
  if (record.open(model, id)) {
    model.go(Screen::Record);
    return;
  }
  model.notify(record.error(), true);
}

void Desk::goTo(Screen s) {
  if (s == Screen::Inbox)
    goInbox();
  else if (s == Screen::Settings)
    goSettings();
  else if (s == Screen::Dashboard)
    goDashboard();
  else if (s == Screen::Export)
    goExport();
  else if (s == Screen::Laptops)
    goLaptops();
  else if (s == Screen::Duplicates)
    goDuplicates();
  else
    goQueue();
}

bool Desk::holdsPlaintext() const {
  return unlock.holdsPlaintext() || setup.holdsPlaintext() || inbox.holdsPlaintext() || queue.holdsPlaintext() ||
         record.holdsPlaintext() || dashboard.holdsPlaintext() || exports.holdsPlaintext() ||
         appointments.holdsPlaintext() || laptops.holdsPlaintext() || duplicates.holdsPlaintext() ||
         settings.holdsPlaintext() || staff.holdsPlaintext();
}

}  // namespace gocua::office
