#include "app/model/first_run_model.h"

#include "core/i18n.h"
#include "core/text.h"
#include "vault/keyslot.h"
#include "vault/secret.h"

namespace gocua::app {

namespace {
std::size_t codePoints(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}
}  // namespace

void FirstRunModel::open(AppModel& app) {
  step_ = app.settings().languageChosen ? Step::Workspace : Step::Language;
  error_.clear();
}

void FirstRunModel::chooseLanguage(AppModel& app, i18n::Lang lang) {
  app.settings().lang = lang;
  app.commitSettings();
}

void FirstRunModel::next(AppModel& app) {
  app.settings().languageChosen = true;
  app.commitSettings();
  step_ = Step::Workspace;
}

void FirstRunModel::volunteerLeft() {
  volunteerError_.clear();
  if (volunteer.empty()) return;
  auto name = core::normalizeName(volunteer);
  if (name.ok())
    volunteer = *name;
  else
    volunteerError_ = i18n::message(name.error());
}

std::string FirstRunModel::passphraseError() const {
  if (passphrase.empty()) return {};
  if (auto st = vault::checkPassphrase(passphrase); !st.ok()) return i18n::message(st.error());
  return {};
}

std::string FirstRunModel::confirmError() const {
  if (confirm.empty()) return {};
  if (confirm != passphrase && codePoints(confirm) >= codePoints(passphrase)) return i18n::tr("app.first_run.mismatch");
  return {};
}

bool FirstRunModel::canCreate() const {
  return !busy() && !volunteer.empty() && core::normalizeName(volunteer).ok() &&
         vault::checkPassphrase(passphrase).ok() && confirm == passphrase;
}

void FirstRunModel::create(AppModel& app, std::function<void()> wake) {
  if (!canCreate()) {
    if (confirm != passphrase) error_ = i18n::tr("app.first_run.mismatch");
    return;
  }
  error_.clear();
  auto name = core::normalizeName(volunteer);
  if (!name.ok()) {
    volunteerError_ = i18n::message(name.error());
    return;
  }
  volunteer = *name;
  std::string secret = passphrase;
  vault::wipe(passphrase);
  vault::wipe(confirm);
  task_.start(
      [dir = app.options().workspaceDir, who = *name, secret = std::move(secret),
       trainingWs = training](TaskProgress& progress) mutable -> Outcome {
        progress.stage = 1;
        auto ws = workspace::Workspace::create(dir, who, secret, trainingWs, vault::defaultKdfParams());
        if (!ws.ok()) {
          vault::wipe(secret);
          return ws.error();
        }
        progress.stage = 2;
        Created out;
        auto session = (*ws)->unlock(who, secret);
        vault::wipe(secret);
        out.ws = std::move(*ws);
        if (session.ok())
          out.session = std::move(*session);
        else
          out.unlockError = session.error();
        return Outcome(std::move(out));
      },
      std::move(wake));
}

void FirstRunModel::collect(AppModel& app, Outcome outcome, double now) {
  if (!outcome.ok()) {
    error_ = i18n::message(outcome.error());
    return;
  }
  auto& created = *outcome;
  app.adoptWorkspace(std::move(created.ws));  // screen Unlock
  if (created.session) {
    app.adoptSession(std::move(created.session), now);  // screen Home
    app.notify(i18n::tr("app.first_run.created"));
  } else {
    app.notify(i18n::message(created.unlockError), true);
  }
}

void FirstRunModel::poll(AppModel& app, double now) {
  if (auto done = task_.take()) collect(app, std::move(*done), now);
}

void FirstRunModel::finish(AppModel& app, double now) {
  if (auto done = task_.wait()) collect(app, std::move(*done), now);
}

void FirstRunModel::reset() {
  if (auto done = task_.wait(); done && done->ok() && (*done)->session) (*done)->session->lock();
  vault::wipe(passphrase);
  vault::wipe(confirm);
  volunteerError_.clear();
  error_.clear();
}

}  // namespace gocua::app
