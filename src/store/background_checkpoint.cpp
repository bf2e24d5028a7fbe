// BackgroundCheckpoint: one thread, one connection, requests folded together; see the header.
#include "store/background_checkpoint.h"

namespace gocua::store {

Result<std::unique_ptr<BackgroundCheckpoint>> BackgroundCheckpoint::start(const std::filesystem::path& path) {
  auto db = Db::open(path, false);
  if (!db) return db.error();
  return std::unique_ptr<BackgroundCheckpoint>(new BackgroundCheckpoint(std::move(*db)));
}

BackgroundCheckpoint::BackgroundCheckpoint(Db db) : db_(std::move(db)), thread_([this] { run(); }) {}

BackgroundCheckpoint::~BackgroundCheckpoint() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void BackgroundCheckpoint::request() {
  {
    std::lock_guard lock(mutex_);
    pending_ = true;
  }
  changed_.notify_all();
}

Status BackgroundCheckpoint::drain() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return (!pending_ && !running_) || stop_; });
  return last_;
}

void BackgroundCheckpoint::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return pending_ || stop_; });
    if (stop_) return;
    // Requests that arrive while this one runs fold into one more run: a checkpoint copies
    // everything committed before it starts.
    pending_ = false;
    running_ = true;
    lock.unlock();
    Status st = db_.checkpoint();
    lock.lock();
    running_ = false;
    last_ = std::move(st);
    changed_.notify_all();
  }
}

}  // namespace gocua::store
