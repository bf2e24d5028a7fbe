#include "office/model/office_model.h"

#include "core/durable_write.h"
#include "core/i18n.h"
#include "office/model/errors.h"
#include "sync/hub/errors.h"
#include "ui/model/release_memory.h"

namespace gocua::office {

std::filesystem::path defaultOfficeSettingsFile() { return ui::configFile("office.json"); }

OfficeModel::OfficeModel(OfficeOptions options) : options_(std::move(options)) {}

OfficeModel::~OfficeModel() { session_.reset(); }  // keys go before the hub they belong to

void OfficeModel::start() {
  if (auto j = ui::readSettingsFile(options_.settingsFile); j.ok())
    ui::readDisplaySettings(*j, settings_);
  else
    notify(i18n::message(j.error()), true);
  i18n::setLang(settings_.lang);
  auto h = hub::Hub::open(options_.dataDir);
  if (!h) {
    openError_ = i18n::message(h.error());
    screen_ = h.error().is(err::kHubNotInitialised) ? Screen::Setup : Screen::NoHub;
    return;
  }
  hub_ = std::move(*h);
  screen_ = Screen::Unlock;
}

std::string OfficeModel::staffName() const { return session_ ? session_->staffName() : std::string(); }

void OfficeModel::commitSettings() {
  settings_.clampDisplay();
  i18n::setLang(settings_.lang);
  nlohmann::json j = nlohmann::json::object();
  ui::writeDisplaySettings(settings_, j);
  std::error_code ec;
  std::filesystem::create_directories(options_.settingsFile.parent_path(), ec);
  if (core::writeFileDurably(options_.settingsFile, j.dump(2) + "\n"))
    notify(i18n::message(Error::make(err::kOfficeSettingsIo, "", options_.settingsFile.filename().string())), true);
}

void OfficeModel::adoptSession(std::unique_ptr<hub::HubSession> session, double now) {
  session_ = std::move(session);
  lastActivity_ = now;
  screen_ = Screen::Queue;
}

void OfficeModel::lock() {
  for (auto& hook : lockHooks_) hook();
  busy_ = false;
  session_.reset();
  if (hub_) hub_->releaseMemory();  // the pages the session read: nothing reads them until the next unlock
  ui::releaseFreedMemory();
  screen_ = hub_ ? Screen::Unlock : Screen::NoHub;
}

bool OfficeModel::tick(double now) {
  if (!session_ || busy_ || secondsToIdleLock(now) > 0) return false;
  lock();
  notify(i18n::tr("office.locked_idle", {{"minutes", std::to_string(settings_.idleLockMinutes)}}));
  return true;
}

double OfficeModel::secondsToIdleLock(double now) const {
  return lastActivity_ + settings_.idleLockMinutes * 60.0 - now;
}

}  // namespace gocua::office
