// RecoveryResetModel: the recovery file and code → Workspace::resetPassphrase → unlock.
#include "app/model/recovery_reset_model.h"

#include "core/i18n.h"
#include "vault/keyslot.h"
#include "vault/secret.h"

namespace gocua::app {

namespace {

// A recovery file is small (a sealed key and its id); anything larger is not one.
constexpr std::size_t kMaxRecoveryFileBytes = 64 * 1024;

std::size_t codePoints(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace

void RecoveryResetModel::open() {
  reset();
  folder.refresh();
}

std::string RecoveryResetModel::passphraseError() const {
  if (passphrase.empty()) return {};
  if (auto st = vault::checkPassphrase(passphrase); !st.ok()) return i18n::message(st.error());
  return {};
}

std::string RecoveryResetModel::confirmError() const {
  if (confirm.empty()) return {};
  if (confirm != passphrase && codePoints(confirm) >= codePoints(passphrase)) return i18n::tr("app.first_run.mismatch");
  return {};
}

bool RecoveryResetModel::canSubmit() const {
  return !busy() && !chosen.empty() && !code.empty() && vault::checkPassphrase(passphrase).ok() &&
         confirm == passphrase;
}

void RecoveryResetModel::submit(AppModel& app, const std::string& volunteer, std::function<void()> wake) {
  if (!canSubmit() || !app.workspace()) return;
  error_.clear();
  auto file = readSmallFile(chosen, kMaxRecoveryFileBytes);
  if (!file) {
    error_ = i18n::message(file.error());
    return;
  }
  auto* ws = app.workspace();
  std::string secretCode = code, secret = passphrase;
  vault::wipe(code);
  vault::wipe(passphrase);
  vault::wipe(confirm);
  task_.start(
      [ws, volunteer, text = std::move(*file), secretCode = std::move(secretCode),
       secret = std::move(secret)](TaskProgress&) mutable -> Outcome {
        auto reset = ws->resetPassphrase(text, secretCode, volunteer, secret, vault::defaultKdfParams());
        vault::wipe(secretCode);
        if (!reset.ok()) {
          vault::wipe(secret);
          return Outcome{nullptr, i18n::message(reset.error())};
        }
        auto session = ws->unlock(volunteer, secret);
        vault::wipe(secret);
        if (!session.ok()) return Outcome{nullptr, i18n::message(session.error())};
        return Outcome{std::move(session).value(), {}};
      },
      std::move(wake));
}

void RecoveryResetModel::collect(AppModel& app, Outcome outcome, double now) {
  if (!outcome.session) {
    error_ = std::move(outcome.error);
    return;
  }
  error_.clear();
  app.adoptSession(std::move(outcome.session), now);
  app.notify(i18n::tr("app.recovery.done"));
}

void RecoveryResetModel::poll(AppModel& app, double now) {
  if (auto done = task_.take()) collect(app, std::move(*done), now);
}

void RecoveryResetModel::finish(AppModel& app, double now) {
  if (auto done = task_.wait()) collect(app, std::move(*done), now);
}

void RecoveryResetModel::reset() {
  vault::wipe(code);
  vault::wipe(passphrase);
  vault::wipe(confirm);
  chosen.clear();
  error_.clear();
}

}  // namespace gocua::app
