// readCheckedRecords: a reader thread, a check pool, a bounded hand-over; see checked_records.h.
#include "sync/hub/checked_records.h"

#include <condition_variable>
#include <deque>
#include <fstream>
#include <mutex>
#include <thread>
#include <vector>

#include "sync/hub/errors.h"
#include "sync/hub/internal.h"
#include "sync/hub/ordered_pool.h"
#include "sync/hub/record_line_reader.h"
#include "vault/secret.h"

namespace gocua::hub::detail {

namespace {

// Records per hand-over, and how many blocks the reader may be ahead: enough to ride out the
// store's pauses (a page spill, a slow fsync) at a few MB of sealed records.
constexpr std::size_t kBlockRecords = 1024;
constexpr std::size_t kBlocksAhead = 8;

// A block's plaintext lines, copied out of the reader's buffers so that the checks can run on
// every core; wiped as soon as the block is checked. The last line is followed by the padding
// RecordLineReader reads past a line's end (the others by the next line).
class LineBlock {
 public:
  ~LineBlock() { vault::wipe(text_); }
  void add(std::string_view line) {
    const std::size_t begin = ends_.empty() ? 0 : ends_.back();
    vault::reserveWiping(text_, begin + line.size() + kRecordLinePadding);
    text_.resize(begin);  // drops the previous padding
    text_.append(line);
    ends_.push_back(text_.size());
    text_.append(kRecordLinePadding, ' ');
  }
  std::size_t size() const { return ends_.size(); }
  std::string_view operator[](std::size_t i) const {
    const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(text_).substr(begin, ends_[i] - begin);
  }
  void clear() {
    vault::wipe(text_);
    ends_.clear();
  }

 private:
  std::string text_;
  std::vector<std::size_t> ends_;
};

// One line to check and seal, and what came of it.
struct LineItem {
  std::string_view line;  // into its block's LineBlock
  CheckedRecord checked;
  Status status;
};

struct Block : PoolBlock<LineItem> {
  LineBlock lines;
};

using Pool = OrderedPool<LineItem, Block>;

// The blocks between the two threads, and how the reader ended.
class Handover {
 public:
  // Reader: false when the importer has stopped listening.
  bool put(std::shared_ptr<Block> block) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return ready_.size() < kBlocksAhead || stopped_; });
    if (stopped_) return false;
    ready_.push_back(std::move(block));
    changed_.notify_all();
    return true;
  }

  void finish(Status status) {
    std::lock_guard lock(mutex_);
    readerStatus_ = std::move(status);
    finished_ = true;
    changed_.notify_all();
  }

  // Importer: false once the reader has finished and every block was taken.
  bool take(std::shared_ptr<Block>& out) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !ready_.empty() || finished_; });
    if (ready_.empty()) return false;
    out = std::move(ready_.front());
    ready_.pop_front();
    changed_.notify_all();
    return true;
  }

  void stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    changed_.notify_all();
  }

  Status readerStatus() {
    std::lock_guard lock(mutex_);
    return readerStatus_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::shared_ptr<Block>> ready_;
  Status readerStatus_;
  bool finished_ = false;
  bool stopped_ = false;
};

Status readLines(const CheckedRecordsSource& source, const std::function<Status(std::string_view)>& onManifest,
                 Pool& pool, Handover& handover) {
  std::ifstream in(source.gcb, std::ios::binary);
  if (!in) return Error::make(err::kHubIo, "", "open batch");
  const Error stopped = Error::make(err::kHubRefused, "", "import stopped");
  bool first = true;
  auto block = std::make_shared<Block>();
  auto handOver = [&]() -> Status {
    // The views are taken once the block is full: adding a line may move the text.
    block->items.resize(block->lines.size());
    for (std::size_t i = 0; i < block->items.size(); ++i) block->items[i].line = block->lines[i];
    pool.submit(block);
    if (!handover.put(std::move(block))) return stopped;
    block = std::make_shared<Block>();
    return {};
  };
  auto st = sync::readBatch(
      in, source.hubBox,
      [&](std::string_view line) -> Status {
        if (first) {
          first = false;
          return onManifest(line);
        }
        block->lines.add(line);
        return block->lines.size() < kBlockRecords ? Status{} : handOver();
      },
      source.limits);
  if (st && block->lines.size() > 0) return handOver();
  return st;
}

// One per core (at most 4), not one less as the record walks use: the importing thread spends its
// time in SQLite and the reader little, so the checks are what must fill the cores.
std::size_t checkWorkers() { return std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), 4); }

}  // namespace

Status readCheckedRecords(const CheckedRecordsSource& source, const std::function<Status(std::string_view)>& onManifest,
                          const std::function<Status(CheckedRecord&)>& onRecord) {
  const std::function<void(LineItem&)> check = [&](LineItem& item) {
    thread_local RecordLineReader reader;
    CheckedRecord& rec = item.checked;
    rec.line = reader.check(item.line, source.forms, source.today);
    if (rec.line.reason.empty()) rec.sealed = source.cipher.seal(item.line, recordAd(rec.line.id, rec.line.revision));
  };
  // The pool outlives the hand-over and the reader, so the blocks they hold go first.
  Pool pool(check, checkWorkers());
  Handover handover;
  std::thread reader([&] {
    Status st;
    try {
      st = readLines(source, onManifest, pool, handover);
    } catch (const std::exception& e) {  // out of memory: the import fails, the hub goes on
      st = Error::make(err::kHubIo, "", e.what());
    }
    handover.finish(std::move(st));
  });
  // Stops and joins the reader on every way out, an exception from onRecord included.
  struct Join {
    Handover& handover;
    std::thread& reader;
    ~Join() {
      handover.stop();
      reader.join();
    }
  } join{handover, reader};

  std::shared_ptr<Block> block;
  while (handover.take(block)) {
    pool.finish(*block);
    block->lines.clear();  // every line is checked (and sealed): the plaintext goes now
    for (auto& item : block->items) {
      if (!item.status) return item.status;
      if (auto st = onRecord(item.checked); !st) return st;
    }
    pool.retire(std::move(block));
  }
  return handover.readerStatus();
}

}  // namespace gocua::hub::detail
