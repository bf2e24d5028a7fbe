// openInOrder: blocks of records opened by a small pool, taken back in order; see record_pipeline.h.
#include "sync/hub/record_pipeline.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "sync/hub/errors.h"

namespace gocua::hub::detail {

namespace {

// Records are claimed one at a time (next) by whichever thread is free, so the caller waiting for
// a block helps open it instead of sleeping.
struct Block {
  std::vector<OpenedRecord> items;
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done{0};
};

class Pool {
 public:
  Pool(const std::function<void(OpenedRecord&)>& open, std::size_t workers) : open_(open) {
    for (std::size_t w = 0; w < workers; ++w) threads_.emplace_back([this] { work(); });
  }
  // Stops the workers (each ends the record it holds) and joins them: on every way out of a walk.
  ~Pool() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    work_.notify_all();
    for (auto& t : threads_) t.join();
  }
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  // A delivered block (its plaintext wiped already), freed by a worker: the caller's thread is the
  // walk's narrow part, and freeing what another thread allocated costs glibc more than the
  // allocation did.
  void retire(std::shared_ptr<Block> block) {
    {
      std::lock_guard lock(mutex_);
      // No worker, or workers busy opening while blocks pile up: dropped here, on the caller, so
      // a long walk holds no more than a few delivered blocks.
      if (threads_.empty() || retired_.size() >= kMaxRetired) return;
      retired_.push_back(std::move(block));
    }
    work_.notify_one();
  }

  void submit(std::shared_ptr<Block> block) {
    {
      std::lock_guard lock(mutex_);
      queue_.push_back(std::move(block));
    }
    work_.notify_all();
  }

  // Opens what nobody has claimed of the oldest block on this thread, waits for the rest, and
  // takes it out of the queue.
  void finish(Block& block) {
    while (openOne(block)) {
    }
    std::unique_lock lock(mutex_);
    finished_.wait(lock, [&] { return block.done.load() == block.items.size(); });
    if (!queue_.empty() && queue_.front().get() == &block) queue_.pop_front();
  }

 private:
  bool openOne(Block& block) {
    const std::size_t i = block.next.fetch_add(1);
    if (i >= block.items.size()) return false;
    OpenedRecord& item = block.items[i];
    try {
      open_(item);
    } catch (const std::exception& e) {  // out of memory: the walk fails, the program goes on
      item.status = Error::make(err::kHubIo, "", e.what());
    }
    if (block.done.fetch_add(1) + 1 == block.items.size()) {
      std::lock_guard lock(mutex_);
      finished_.notify_all();
    }
    return true;
  }

  std::shared_ptr<Block> openable() const {
    for (const auto& b : queue_)
      if (b->next.load() < b->items.size()) return b;
    return nullptr;
  }

  void work() {
    for (;;) {
      std::shared_ptr<Block> block, done;
      {
        std::unique_lock lock(mutex_);
        // Looked for once: other threads claim records without the lock, so a second look could
        // find nothing left. Opening comes before disposal: the caller waits for the former.
        work_.wait(lock, [&] { return stop_ || (block = openable()) != nullptr || !retired_.empty(); });
        if (stop_) return;
        if (!block) {
          done = std::move(retired_.front());
          retired_.pop_front();
        }
      }
      done.reset();  // freed outside the lock (delivered plaintext was wiped on delivery)
      while (block && !stop_.load() && openOne(*block)) {
      }
    }
  }

  const std::function<void(OpenedRecord&)>& open_;
  std::mutex mutex_;
  std::condition_variable work_, finished_;
  std::deque<std::shared_ptr<Block>> queue_;
  static constexpr std::size_t kMaxRetired = 4;
  std::deque<std::shared_ptr<Block>> retired_;  // left at the end: dropped with the pool
  std::atomic<bool> stop_ = false;              // set under mutex_, so a waiting worker cannot miss it
  std::vector<std::thread> threads_;
};

std::size_t defaultWorkers() {
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  return std::min<std::size_t>(cores, 4) - 1;
}

}  // namespace

Status openInOrder(const StoredSource& source, const std::function<void(OpenedRecord&)>& open,
                   const std::function<Status(OpenedRecord&)>& deliver, const OpenPipelineOptions& options) {
  const std::size_t blockRecords = std::max<std::size_t>(options.blockRecords, 1);
  Pool pool(open, options.workers.value_or(defaultWorkers()));
  // Declared after the pool, so these blocks (and their plaintext) go before the workers are joined;
  // a worker still holding one keeps it alive until it lets go.
  std::deque<std::shared_ptr<Block>> inFlight;
  auto current = std::make_shared<Block>();

  auto submit = [&] {
    pool.submit(current);
    inFlight.push_back(std::move(current));
    current = std::make_shared<Block>();
    current->items.reserve(blockRecords);
  };
  auto deliverOldest = [&]() -> Status {
    std::shared_ptr<Block> block = std::move(inFlight.front());
    inFlight.pop_front();
    pool.finish(*block);
    Status st;
    for (auto& item : block->items) {
      if (!item.status) {
        st = item.status;
        break;
      }
      if (item.skip) continue;
      st = deliver(item);
      item.emptied = item.plain.wipeAndRelease();  // wiped now; freed with the block
      if (!st) break;
    }
    pool.retire(std::move(block));  // freed there, off this thread
    return st;
  };

  current->items.reserve(blockRecords);
  Status stopped;  // a record's or deliver's error, which ends the walk at once
  const Status walked = source([&](StoredRecord& row) -> Status {
    current->items.emplace_back().row = std::move(row);
    if (current->items.size() < blockRecords) return {};
    submit();
    if (inFlight.size() <= options.blocksAhead) return {};
    stopped = deliverOldest();
    return stopped;
  });
  if (!stopped) return stopped;
  // The records the source gave before it ended (or failed) are still heard, as a plain walk
  // would have.
  if (!current->items.empty()) submit();
  while (!inFlight.empty()) GOCUA_TRY(deliverOldest());
  return walked;
}

}  // namespace gocua::hub::detail
