// Slow work (unlock, export, upload) off the UI thread. The UI starts a task, reads progress()
// each frame and collects the result once done(); it never blocks. The worker calls wake() when
// it finishes or reports progress, so an app sleeping in glfwWaitEventsTimeout redraws at once.
#pragma once

#include <atomic>
#include <functional>
#include <future>
#include <optional>
#include <string>
#include <thread>
#include <utility>

namespace gocua::ui {

// What a worker reports while it runs: done of total (total 0 = unknown) and a catalog key.
struct TaskProgress {
  std::atomic<std::uint64_t> done{0}, total{0};
  std::atomic<int> stage{0};
  std::atomic<bool> cancel{false};  // set by the UI; the worker checks it where it can stop
};

template <class T>
class BackgroundTask {
 public:
  using Work = std::function<T(TaskProgress&)>;
  BackgroundTask() = default;
  BackgroundTask(const BackgroundTask&) = delete;
  BackgroundTask& operator=(const BackgroundTask&) = delete;
  ~BackgroundTask() { join(); }

  // wake may be empty (tests). Refused (false) while another run is in flight.
  bool start(Work work, std::function<void()> wake = {}) {
    if (running()) return false;
    join();
    result_.reset();
    progress_.done = 0;
    progress_.total = 0;
    progress_.stage = 0;
    progress_.cancel = false;
    std::packaged_task<T()> task([this, work = std::move(work), wake] {
      T out = work(progress_);
      finished_.store(true);
      if (wake) wake();
      return out;
    });
    future_ = task.get_future();
    finished_.store(false);
    active_ = true;
    thread_ = std::thread(std::move(task));
    return true;
  }

  bool running() const { return active_ && !finished_.load(); }
  // Started and not yet taken: running, or finished with a result waiting (a worker can end
  // before the caller first looks).
  bool pending() const { return active_; }
  // The result once the worker is done (moved out; the next call returns nothing).
  std::optional<T> take() {
    if (!active_ || !finished_.load()) return std::nullopt;
    join();
    active_ = false;
    return future_.get();
  }
  // Blocks until the worker ends (tests; shutdown).
  std::optional<T> wait() {
    if (!active_) return std::nullopt;
    join();
    active_ = false;
    return future_.get();
  }
  TaskProgress& progress() { return progress_; }
  void requestCancel() { progress_.cancel = true; }

 private:
  void join() {
    if (thread_.joinable()) thread_.join();
  }
  std::thread thread_;
  std::future<T> future_;
  std::optional<T> result_;
  std::atomic<bool> finished_{false};
  bool active_ = false;
  TaskProgress progress_;
};

}  // namespace gocua::ui
