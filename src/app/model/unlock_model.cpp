#include "app/model/unlock_model.h"

#include "core/i18n.h"
#include "vault/secret.h"

namespace gocua::app {

void UnlockModel::load(AppModel& app) {
  volunteers_.clear();
  error_.clear();
  if (!app.workspace()) {
    error_ = app.openError();
    return;
  }
  if (auto v = app.workspace()->volunteers(); v.ok()) {
    volunteers_ = *v;
  } else {
    error_ = i18n::message(v.error());
  }
  if (selected < 0 || selected >= static_cast<int>(volunteers_.size())) selected = 0;
}

void UnlockModel::submit(AppModel& app, std::function<void()> wake) {
  if (!canSubmit() || !app.workspace()) return;
  error_.clear();
  auto* ws = app.workspace();
  std::string volunteer = volunteers_[static_cast<std::size_t>(selected)];
  std::string secret = passphrase;
  vault::wipe(passphrase);
  task_.start(
      [ws, volunteer, secret = std::move(secret)](TaskProgress&) mutable -> Outcome {
        auto out = ws->unlock(volunteer, secret);
        vault::wipe(secret);
        if (!out.ok()) return Outcome{nullptr, i18n::message(out.error())};
        return Outcome{std::move(out).value(), {}};
      },
      std::move(wake));
}

void UnlockModel::collect(AppModel& app, Outcome outcome, double now) {
  if (outcome.session) {
    error_.clear();
    const int failed = outcome.session->failedUnlocksBefore();
    app.adoptSession(std::move(outcome.session), now);
    if (failed > 0) app.notify(i18n::tr("app.unlock.failed_attempts", {{"count", std::to_string(failed)}}));
  } else {
    error_ = std::move(outcome.error);
  }
}

void UnlockModel::poll(AppModel& app, double now) {
  if (auto done = task_.take()) collect(app, std::move(*done), now);
}

void UnlockModel::finish(AppModel& app, double now) {
  if (auto done = task_.wait()) collect(app, std::move(*done), now);
}

void UnlockModel::reset() {
  vault::wipe(passphrase);
  recovery.reset();
  recovering = false;
  error_.clear();
}

}  // namespace gocua::app
