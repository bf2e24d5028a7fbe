// The one lock around the unlocked Session, which is not thread-safe: the UI thread holds it
// while a frame updates and draws (and lets go while it sleeps waiting for events); automatic
// sync takes it only for its short steps (export, receipts), never across the network.
#pragma once

#include <atomic>
#include <chrono>
#include <mutex>

#include "sync/client/client.h"

namespace gocua::app {

class SessionGate {
 public:
  std::timed_mutex& mutex() { return mutex_; }

  // Runs step under the lock. Waits in short slices so a worker told to stop (cancel) while the
  // UI holds the lock — the UI is waiting for that very worker at lock or quit — gives up.
  Status run(workspace::Session& session, const sync::SessionStep& step, const std::atomic<bool>& cancel) {
    std::unique_lock lock(mutex_, std::defer_lock);
    while (!lock.try_lock_for(std::chrono::milliseconds(20)))
      if (cancel.load()) return sync::syncCancelledError();
    if (cancel.load()) return sync::syncCancelledError();
    return step(session);
  }

 private:
  std::timed_mutex mutex_;
};

}  // namespace gocua::app
