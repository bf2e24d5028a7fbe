// XlsxRowThread; see xlsx_row_thread.h.
#include "sync/hub/xlsx_row_thread.h"

#include <exception>
#include <variant>

#include "sync/hub/errors.h"
#include "vault/secret.h"

namespace gocua::hub::detail {

namespace {

constexpr std::size_t kChunkRows = 256;
constexpr std::size_t kChunksAhead = 4;

void wipeRows(std::vector<std::vector<XlsxCell>>& rows) {
  for (auto& row : rows)
    for (auto& cell : row)
      if (auto* text = std::get_if<std::string>(&cell)) vault::wipe(*text);
  rows.clear();
}

}  // namespace

XlsxRowThread::XlsxRowThread(XlsxSheet& sheet) : sheet_(sheet), thread_([this] { run(); }) {
  filling_.reserve(kChunkRows);
}

XlsxRowThread::~XlsxRowThread() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
    if (status_) status_ = Error::make(err::kHubIo, "", "export stopped");  // drop what is queued
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
  wipeRows(filling_);
  for (auto& chunk : ready_) wipeRows(chunk);
}

Status XlsxRowThread::add(std::vector<XlsxCell> row) {
  filling_.push_back(std::move(row));
  if (filling_.size() >= kChunkRows) push();
  std::lock_guard lock(mutex_);
  return status_;
}

void XlsxRowThread::push() {
  {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return ready_.size() < kChunksAhead || !status_; });
    ready_.push_back(std::move(filling_));
  }
  changed_.notify_all();
  filling_ = {};
  filling_.reserve(kChunkRows);
}

Status XlsxRowThread::finish() {
  if (!filling_.empty()) push();
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  changed_.notify_all();
  thread_.join();
  std::lock_guard lock(mutex_);
  return status_;
}

void XlsxRowThread::run() {
  for (;;) {
    Chunk chunk;
    bool write = false;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return !ready_.empty() || closing_; });
      if (ready_.empty()) return;  // closing, and every chunk taken
      chunk = std::move(ready_.front());
      ready_.pop_front();
      write = status_.ok();
    }
    changed_.notify_all();
    Status st;
    try {
      for (const auto& row : chunk)
        if (write && st) st = sheet_.row(row);
    } catch (const std::exception& e) {  // out of memory: the export fails, the program goes on
      st = Error::make(err::kHubIo, "", e.what());
    }
    wipeRows(chunk);
    if (!st) {
      std::lock_guard lock(mutex_);
      if (status_) status_ = st;
    }
  }
}

}  // namespace gocua::hub::detail
