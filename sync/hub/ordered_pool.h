// A few threads that work through blocks of independent items (opening stored records for a walk,
// checking and sealing a batch's lines for the import) while one thread takes the blocks back in
// order. Items are claimed one at a time by whichever thread is free, so the thread waiting for
// the oldest block helps finish it instead of sleeping.
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/result.h"
#include "sync/hub/errors.h"

namespace gocua::hub::detail {

template <class Item>
struct PoolBlock {
  std::vector<Item> items;
  std::atomic<std::size_t> next{0};  // the next item nobody has claimed
  std::atomic<std::size_t> done{0};
};

// Item has a `Status status` member: an exception from work (out of memory) becomes "hub.io" there
// instead of ending the program. Block is PoolBlock<Item> or a type derived from it that owns what
// its items point into.
template <class Item, class Block = PoolBlock<Item>>
class OrderedPool {
 public:
  // work is kept by reference and must outlive the pool; workers: threads besides the callers.
  OrderedPool(const std::function<void(Item&)>& work, std::size_t workers) : work_(work) {
    for (std::size_t w = 0; w < workers; ++w) threads_.emplace_back([this] { run(); });
  }
  // Stops the workers (each ends the item it holds) and joins them: on every way out.
  ~OrderedPool() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    for (auto& t : threads_) t.join();
  }
  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  // Any thread: the block joins the queue the workers take from.
  void submit(std::shared_ptr<Block> block) {
    {
      std::lock_guard lock(mutex_);
      queue_.push_back(std::move(block));
    }
    wake_.notify_all();
  }

  // Works on what nobody has claimed of the block on this thread, waits for the rest, and takes it
  // out of the queue. Called for the oldest block first.
  void finish(Block& block) {
    while (workOne(block)) {
    }
    std::unique_lock lock(mutex_);
    finished_.wait(lock, [&] { return block.done.load() == block.items.size(); });
    if (!queue_.empty() && queue_.front().get() == &block) queue_.pop_front();
  }

  // A block the caller is done with, freed by a worker: the taking thread is the narrow part, and
  // freeing what another thread allocated costs glibc more than the allocation did.
  void retire(std::shared_ptr<Block> block) {
    {
      std::lock_guard lock(mutex_);
      // No worker, or workers busy while blocks pile up: dropped here, on the caller, so a long
      // walk holds no more than a few finished blocks.
      if (threads_.empty() || retired_.size() >= kMaxRetired) return;
      retired_.push_back(std::move(block));
    }
    wake_.notify_one();
  }

 private:
  bool workOne(Block& block) {
    const std::size_t i = block.next.fetch_add(1);
    if (i >= block.items.size()) return false;
    Item& item = block.items[i];
    try {
      work_(item);
    } catch (const std::exception& e) {
      item.status = Error::make(err::kHubIo, "", e.what());
    }
    if (block.done.fetch_add(1) + 1 == block.items.size()) {
      std::lock_guard lock(mutex_);
      finished_.notify_all();
    }
    return true;
  }

  std::shared_ptr<Block> claimable() const {
    for (const auto& b : queue_)
      if (b->next.load() < b->items.size()) return b;
    return nullptr;
  }

  void run() {
    for (;;) {
      std::shared_ptr<Block> block, done;
      {
        std::unique_lock lock(mutex_);
        // Looked for once: other threads claim items without the lock, so a second look could
        // find nothing left. Work comes before disposal: the taking thread waits for the former.
        wake_.wait(lock, [&] { return stop_ || (block = claimable()) != nullptr || !retired_.empty(); });
        if (stop_) return;
        if (!block) {
          done = std::move(retired_.front());
          retired_.pop_front();
        }
      }
      done.reset();  // freed outside the lock
      while (block && !stop_.load() && workOne(*block)) {
      }
    }
  }

  const std::function<void(Item&)>& work_;
  std::mutex mutex_;
  std::condition_variable wake_, finished_;
  std::deque<std::shared_ptr<Block>> queue_;
  static constexpr std::size_t kMaxRetired = 4;
  std::deque<std::shared_ptr<Block>> retired_;  // left at the end: dropped with the pool
  std::atomic<bool> stop_ = false;              // set under mutex_, so a waiting worker cannot miss it
  std::vector<std::thread> threads_;
};

}  // namespace gocua::hub::detail
