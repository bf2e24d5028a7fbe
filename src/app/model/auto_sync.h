// Automatic sync: an enrolled laptop that knows its hub's address syncs by itself — when the
// app opens (unlock), ~20 s after the last save, and on a timer that backs off while the hub is
// unreachable — off the UI thread, touching the Session only through the SessionGate. One line
// of status for every screen. Off in training workspaces, when the setting is off, and paused
// on a battery below 20 %. Plain C++ with an injected clock: tests drive it without a window.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/model/app_model.h"
#include "app/model/session_gate.h"
#include "sync/client/client.h"
#include "ui/model/background_task.h"

namespace gocua::app {

using ui::BackgroundTask;
using ui::TaskProgress;

struct AutoSyncConfig {
  std::int64_t debounceSeconds = 20;                     // after the last save
  std::vector<std::int64_t> backoff{60, 120, 240, 480};  // after the 1st, 2nd, ... failure
  std::int64_t steadyRetrySeconds = 15 * 60;             // after the backoff runs out
  std::int64_t checkSeconds = 15 * 60;                   // after a success: review decisions may come
  std::int64_t batteryRecheckSeconds = 60;
  int minBatteryPercent = 20;
  std::filesystem::path powerRoot = "/sys/class/power_supply";
  sync::transport::ClientOptions client = [] {
    sync::transport::ClientOptions o;
    o.timeoutSeconds = 10;  // lock and quit wait for a stalled attempt at most this long
    return o;
  }();
};

class AutoSync {
 public:
  enum class State { Hidden, Off, Training, Waiting, Sending, Sent, Unreachable, Failed, PausedBattery };
  using Clock = std::function<std::int64_t()>;  // seconds since the epoch

  explicit AutoSync(SessionGate& gate, Clock clock = {}, AutoSyncConfig config = {});
  ~AutoSync() { reset(); }
  AutoSync(const AutoSync&) = delete;
  AutoSync& operator=(const AutoSync&) = delete;

  // After unlock (and after the setting changed or the laptop joined): decides whether it runs
  // and, if so, attempts at the next tick. UI thread, with the gate held.
  void open(AppModel& app);
  // A record was saved: attempt debounceSeconds after the last such call. tick() calls it when
  // app.recordsSaved() moved since the last frame.
  void noteSave();
  // UI thread, each frame: collects a finished attempt (true: it brought data, so screens that
  // show sync state should re-read) and starts one that is due — unless manualBusy (the sync
  // screen's own upload or export is running: they share the outbox and the Session).
  bool tick(AppModel& app, bool manualBusy, const std::function<void()>& wake = {});
  // Seconds until the next attempt is due (the event loop may sleep that long); -1 = none.
  std::int64_t secondsToNextAttempt() const;

  State state() const { return running() ? State::Sending : state_; }
  bool running() const { return task_.running(); }
  bool attemptPending() const { return task_.pending(); }  // started, not yet collected by tick()
  std::string statusText();                                // "" when Hidden (no hub address known, or locked)

  // Cancels a running attempt and waits for it (lock, idle lock, quit): before the Session goes.
  void reset();
  // Waits for a running attempt and collects it (tests). Returns tick()'s "it brought data".
  bool finish();

  std::optional<std::int64_t> nextAttempt() const;  // tests
  AutoSyncConfig& config() { return config_; }      // tests: cut an upload, point at a fake battery
  int failures() const { return failures_; }

 private:
  struct Outcome {
    bool ok = false;
    Error error;
    bool broughtData = false;  // records sent or receipts with news applied
  };
  void startAttempt(AppModel& app, const std::function<void()>& wake);
  bool collect(const Outcome& outcome, std::int64_t now);
  std::int64_t backoffSeconds() const;

  SessionGate& gate_;
  Clock clock_;
  AutoSyncConfig config_;
  State state_ = State::Hidden;
  bool enabled_ = false;
  std::optional<std::int64_t> saveDue_, timerDue_;
  std::int64_t lastSent_ = 0, retryAt_ = 0;
  int failures_ = 0, batteryPercent_ = 100;
  std::uint64_t savesSeen_ = 0;  // app.recordsSaved() at the last tick
  std::string failure_;          // the last error in plain words (Failed)
  BackgroundTask<Outcome> task_;
};

}  // namespace gocua::app
