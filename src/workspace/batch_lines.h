// BatchLines: turns the heads an export carries into NDJSON record lines for the batch writer.
// Opening and formatting 100,000 bodies is most of an export's time, so heads go in chunks: while
// SQLite reads the next chunk on the calling thread, the previous one is opened and formatted on
// the other cores into one block, which the calling thread then hands to the writer (zstd
// compresses on its own threads). Plaintext lives only in the blocks and the per-record lines,
// wiped as soon as the writer has them.
#pragma once

#include <array>
#include <cstdint>
#include <future>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/repository.h"
#include "sync/batch/batch.h"
#include "vault/record_cipher.h"

namespace gocua::workspace::detail {

class BatchLines {
 public:
  // volunteer: the name every line carries. cipher and writer must outlive this object.
  BatchLines(const vault::RecordCipher& cipher, sync::BatchWriter& writer, std::string_view volunteer);
  BatchLines(const BatchLines&) = delete;
  BatchLines& operator=(const BatchLines&) = delete;
  ~BatchLines();  // waits for the chunk in flight: its thread uses this object

  [[nodiscard]] Status add(const store::Repository::OutgoingRecord& head);
  // Sends the last chunk and waits for everything to reach the writer.
  [[nodiscard]] Status finish();

  // Heads whose body would not open (damaged): left out of the batch.
  struct Skipped {
    store::Bytes id;
    std::string idText;
  };
  std::uint64_t records() const { return records_; }
  const std::vector<Skipped>& skipped() const { return skipped_; }

 private:
  // A head copied out of SQLite's row, because its line is built after SQLite moved on. Chunks are
  // reused, so the strings keep their capacity.
  struct Head {
    store::Bytes id;
    std::string kind;
    std::int64_t revision = 0;
    std::optional<std::string> formId;
    std::optional<std::int64_t> formVersion;
    std::string createdAt, updatedAt;
    store::Bytes sealed;
  };
  struct Chunk {
    std::vector<Head> heads;
    std::vector<std::string> lines;
    std::vector<std::uint8_t> ok;
    std::size_t filled = 0;  // heads read in (calling thread)
    // Built (chunk thread), then fed to the writer (calling thread).
    std::string block;
    std::size_t blockLines = 0;
    std::vector<Skipped> skipped;
    bool built = false;
  };
  static constexpr std::size_t kChunkHeads = 4096;

  Status launch();  // builds the current chunk on a thread; feeds the previous one meanwhile
  Status wait();
  void build(Chunk& chunk) const;
  Status feed(Chunk& chunk);
  bool buildLine(std::string& line, const Head& head) const;

  const vault::RecordCipher* cipher_;
  sync::BatchWriter* writer_;
  std::string quotedVolunteer_;
  std::array<Chunk, 2> chunks_;
  std::size_t current_ = 0;
  std::uint64_t records_ = 0;
  std::vector<Skipped> skipped_;
  std::future<void> inFlight_;  // last member: destroyed (and joined) before the chunks
};

}  // namespace gocua::workspace::detail
