// openInOrder: blocks of records opened by a small pool, taken back in order; see record_pipeline.h.
#include "sync/hub/record_pipeline.h"

#include <algorithm>
#include <deque>
#include <memory>
#include <thread>

#include "sync/hub/ordered_pool.h"

namespace gocua::hub::detail {

namespace {

using Block = PoolBlock<OpenedRecord>;
using Pool = OrderedPool<OpenedRecord>;

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
