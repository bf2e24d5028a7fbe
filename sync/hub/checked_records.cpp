// readCheckedRecords: a reader thread and a bounded hand-over of blocks; see checked_records.h.
#include "sync/hub/checked_records.h"

#include <condition_variable>
#include <deque>
#include <fstream>
#include <mutex>
#include <thread>
#include <vector>

#include "core/parallel.h"
#include "sync/hub/errors.h"
#include "sync/hub/internal.h"
#include "sync/hub/record_line_reader.h"
#include "vault/secret.h"

namespace gocua::hub::detail {

namespace {

// Records per hand-over, and how many blocks the reader may be ahead: enough to ride out the
// store's pauses (a page spill, a slow fsync) at a few MB of sealed records.
constexpr std::size_t kBlockRecords = 1024;
constexpr std::size_t kBlocksAhead = 8;

using Block = std::vector<CheckedRecord>;

// The blocks between the two threads, and how the reader ended.
class Handover {
 public:
  // Reader: false when the importer has stopped listening.
  bool put(Block block) {
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
  bool take(Block& out) {
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
  std::deque<Block> ready_;
  Status readerStatus_;
  bool finished_ = false;
  bool stopped_ = false;
};

// A block's plaintext lines, copied out of the reader's buffers so that the checks can run on
// every core; wiped before the next block. The last line is followed by the padding
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

// Checks and seals a block's lines on every core (the reader thread and its helpers).
Block checkBlock(const CheckedRecordsSource& source, const LineBlock& lines) {
  Block block(lines.size());
  parallelFor(lines.size(), [&](std::size_t i) {
    CheckedRecord& rec = block[i];
    thread_local RecordLineReader reader;
    rec.line = reader.check(lines[i], source.forms, source.today);
    if (rec.line.reason.empty()) rec.sealed = source.cipher.seal(lines[i], recordAd(rec.line.id, rec.line.revision));
  });
  return block;
}

Status readAndCheck(const CheckedRecordsSource& source, const std::function<Status(std::string_view)>& onManifest,
                    Handover& handover) {
  std::ifstream in(source.gcb, std::ios::binary);
  if (!in) return Error::make(err::kHubIo, "", "open batch");
  const Error stopped = Error::make(err::kHubRefused, "", "import stopped");
  bool first = true;
  LineBlock lines;
  auto handOver = [&]() -> Status {
    Block block = checkBlock(source, lines);
    lines.clear();
    return handover.put(std::move(block)) ? Status{} : Status{stopped};
  };
  auto st = sync::readBatch(
      in, source.hubBox,
      [&](std::string_view line) -> Status {
        if (first) {
          first = false;
          return onManifest(line);
        }
        lines.add(line);
        return lines.size() < kBlockRecords ? Status{} : handOver();
      },
      source.limits);
  if (st && lines.size() > 0) return handOver();
  return st;
}

}  // namespace

Status readCheckedRecords(const CheckedRecordsSource& source, const std::function<Status(std::string_view)>& onManifest,
                          const std::function<Status(CheckedRecord&)>& onRecord) {
  Handover handover;
  std::thread reader([&] {
    Status st;
    try {
      st = readAndCheck(source, onManifest, handover);
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

  Block block;
  while (handover.take(block)) {
    for (auto& rec : block) {
      if (auto st = onRecord(rec); !st) return st;
    }
  }
  return handover.readerStatus();
}

}  // namespace gocua::hub::detail
