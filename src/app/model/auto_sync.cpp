#include "app/model/auto_sync.h"

#include <algorithm>
#include <ctime>

#include "app/model/power_supply.h"
#include "app/model/sync_model.h"
#include "core/i18n.h"
#include "sync/client/client.h"
#include "ui/model/folder_picker.h"

namespace gocua::app {

namespace {

enum Stage : int { kChecking = 1, kRecords, kBytes };

std::string num(std::uint64_t n) { return std::to_string(n); }

}  // namespace

AutoSync::AutoSync(SessionGate& gate, Clock clock, AutoSyncConfig config)
    : gate_(gate), clock_(std::move(clock)), config_(std::move(config)) {
  if (!clock_) clock_ = [] { return static_cast<std::int64_t>(std::time(nullptr)); };
}

void AutoSync::open(AppModel& app) {
  if (running()) return;
  enabled_ = false;
  saveDue_.reset();
  timerDue_.reset();
  auto* session = app.session();
  if (!session) {
    state_ = State::Hidden;
    return;
  }
  if (app.training()) {  // a training workspace never talks to a hub
    state_ = State::Training;
    return;
  }
  auto url = session->hubUrl();
  if (!url.ok() || url->empty()) {
    state_ = State::Hidden;
    return;
  }
  if (!app.settings().autoSync) {
    state_ = State::Off;
    return;
  }
  enabled_ = true;
  savesSeen_ = app.recordsSaved();
  if (state_ == State::Hidden || state_ == State::Off) state_ = State::Waiting;
  timerDue_ = clock_();
}

void AutoSync::noteSave() {
  if (enabled_) saveDue_ = clock_() + config_.debounceSeconds;
}

std::optional<std::int64_t> AutoSync::nextAttempt() const {
  if (saveDue_ && timerDue_) return std::min(*saveDue_, *timerDue_);
  return saveDue_ ? saveDue_ : timerDue_;
}

std::int64_t AutoSync::secondsToNextAttempt() const {
  const auto next = nextAttempt();
  if (!enabled_ || running() || !next) return -1;
  return std::max<std::int64_t>(0, *next - clock_());
}

bool AutoSync::tick(AppModel& app, bool manualBusy, const std::function<void()>& wake) {
  const std::int64_t now = clock_();
  bool brought = false;
  if (auto done = task_.take()) brought = collect(*done, now);
  if (app.recordsSaved() != savesSeen_) {
    savesSeen_ = app.recordsSaved();
    noteSave();
  }
  if (!enabled_ || running() || manualBusy || !app.session()) return brought;
  const auto due = nextAttempt();
  if (!due || *due > now) return brought;
  const PowerState power = readPowerState(config_.powerRoot);
  if (power.onBattery && power.percent < config_.minBatteryPercent) {
    state_ = State::PausedBattery;
    batteryPercent_ = power.percent;
    saveDue_.reset();
    timerDue_ = now + config_.batteryRecheckSeconds;
    return brought;
  }
  startAttempt(app, wake);
  return brought;
}

void AutoSync::startAttempt(AppModel& app, const std::function<void()>& wake) {
  saveDue_.reset();
  timerDue_.reset();
  workspace::Session* session = app.session();
  task_.start(
      [&gate = gate_, session, options = config_.client, wake](TaskProgress& p) -> Outcome {
        auto access = [&](const sync::SessionStep& step) { return gate.run(*session, step, p.cancel); };
        auto report = sync::syncWithHub(
            access, "",
            [&](const sync::SyncProgress& sp) {
              const bool upload = sp.stage == sync::SyncProgress::Stage::Upload && sp.total > 0;
              if (upload && sp.records > 0) {  // in records, as the volunteer counts them
                const auto records = static_cast<std::uint64_t>(sp.records);
                p.total = records;
                p.done = records * sp.done / sp.total;
                p.stage = kRecords;
              } else if (upload) {  // a resumed batch: its record count is inside the file
                p.total = sp.total;
                p.done = sp.done;
                p.stage = kBytes;
              } else {
                p.stage = kChecking;
              }
              if (wake) wake();
              return !p.cancel.load();
            },
            options);
        Outcome out;
        if (!report.ok()) {
          out.error = report.error();
          return out;
        }
        out.ok = true;
        out.broughtData = report->exported.records > 0 || report->resumed || report->statusReceipt.statusUpdates > 0 ||
                          report->statusReceipt.synced > 0;
        return out;
      },
      wake);
}

std::int64_t AutoSync::backoffSeconds() const {
  const auto step = static_cast<std::size_t>(std::max(failures_, 1) - 1);
  return step < config_.backoff.size() ? config_.backoff[step] : config_.steadyRetrySeconds;
}

bool AutoSync::collect(const Outcome& outcome, std::int64_t now) {
  if (outcome.ok) {
    state_ = State::Sent;
    lastSent_ = now;
    failures_ = 0;
    timerDue_ = now + config_.checkSeconds;
    return outcome.broughtData;
  }
  if (sync::syncCancelled(outcome.error)) return false;  // reset() asked: no retry plan
  ++failures_;
  retryAt_ = now + backoffSeconds();
  timerDue_ = retryAt_;
  state_ = sync::hubUnreachable(outcome.error) ? State::Unreachable : State::Failed;
  failure_ = i18n::message(outcome.error);
  return false;
}

std::string AutoSync::statusText() {
  switch (state()) {
    case State::Hidden:
      return {};
    case State::Off:
      return i18n::tr("app.autosync.off");
    case State::Training:
      return i18n::tr("app.autosync.training");
    case State::Waiting:
      return i18n::tr("app.autosync.waiting");
    case State::Sending: {
      auto& p = task_.progress();
      const auto done = p.done.load(), total = p.total.load();
      switch (p.stage.load()) {
        case kRecords:
          return i18n::tr("app.autosync.sending", {{"done", num(done)}, {"total", num(total)}});
        case kBytes:
          return i18n::tr("app.autosync.sending", {{"done", formatBytes(done)}, {"total", formatBytes(total)}});
        default:
          return i18n::tr("app.autosync.checking");
      }
    }
    case State::Sent:
      return i18n::tr("app.autosync.sent", {{"time", localClockTime(lastSent_)}});
    case State::Unreachable:
      return i18n::tr("app.autosync.unreachable", {{"time", localClockTime(retryAt_)}});
    case State::Failed:
      return i18n::tr("app.autosync.failed", {{"reason", failure_}, {"time", localClockTime(retryAt_)}});
    case State::PausedBattery:
      return i18n::tr("app.autosync.battery", {{"percent", std::to_string(batteryPercent_)}});
  }
  return {};
}

void AutoSync::reset() {
  task_.requestCancel();
  task_.wait();
  enabled_ = false;
  state_ = State::Hidden;
  saveDue_.reset();
  timerDue_.reset();
  failures_ = 0;
  failure_.clear();
}

bool AutoSync::finish() {
  if (auto done = task_.wait()) return collect(*done, clock_());
  return false;
}

}  // namespace gocua::app
