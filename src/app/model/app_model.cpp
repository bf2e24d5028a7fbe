#include "app/model/app_model.h"

#include "core/i18n.h"
#include "ui/model/release_memory.h"

namespace gocua::app {

AppModel::AppModel(AppOptions options) : options_(std::move(options)) {}

AppModel::~AppModel() {
  // Keys go first, before the workspace they belong to.
  if (session_) session_->lock();
  session_.reset();
}

void AppModel::start() {
  if (auto s = loadSettings(options_.settingsFile); s.ok()) {
    settings_ = *s;
  } else {
    notify(i18n::message(s.error()), true);
  }
  i18n::setLang(settings_.lang);
  forms_ = forms::FormRegistry::load(options_.formsDir);

  std::error_code ec;
  if (!std::filesystem::exists(options_.workspaceDir, ec)) {
    screen_ = Screen::FirstRun;
    return;
  }
  auto ws = workspace::Workspace::open(options_.workspaceDir);
  if (!ws.ok()) {
    openError_ = i18n::message(ws.error());
    screen_ = Screen::Unlock;
    return;
  }
  workspace_ = std::move(ws).value();
  screen_ = Screen::Unlock;
}

void AppModel::commitSettings() {
  settings_.clamp();
  i18n::setLang(settings_.lang);
  if (auto st = saveSettings(options_.settingsFile, settings_); !st.ok()) notify(i18n::message(st.error()), true);
}

void AppModel::adoptWorkspace(std::unique_ptr<workspace::Workspace> ws) {
  session_.reset();
  workspace_ = std::move(ws);
  openError_.clear();
  screen_ = Screen::Unlock;
}

void AppModel::refreshForms() {
  if (workspace_) {
    auto pack = workspace_->packForms();
    if (pack.ok() && *pack) {
      forms_ = std::move(**pack);
      return;
    }
    if (!pack.ok()) notify(i18n::message(pack.error()), true);
  }
  forms_ = forms::FormRegistry::load(options_.formsDir);
}

void AppModel::adoptSession(std::unique_ptr<workspace::Session> session, double now) {
  refreshForms();
  session_ = std::move(session);
  lastActivity_ = now;
  screen_ = Screen::Home;
}

void AppModel::lock() {
  for (auto& reset : lockHooks_) reset();
  if (session_) session_->lock();
  session_.reset();
  ui::releaseFreedMemory();
  screen_ = workspace_ ? Screen::Unlock : Screen::FirstRun;
}

bool AppModel::tick(double now) {
  now_ = now;
  if (notice_.until > 0 && now >= notice_.until) clearNotice();
  if (!session_) return false;
  if (secondsToIdleLock(now) > 0) return false;
  lock();
  notify(i18n::tr("app.locked_idle", {{"minutes", std::to_string(settings_.idleLockMinutes)}}));
  return true;
}

double AppModel::secondsToIdleLock(double now) const { return lastActivity_ + settings_.idleLockMinutes * 60.0 - now; }

}  // namespace gocua::app
