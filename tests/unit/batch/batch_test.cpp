// Batch files: round trips at chunk-spanning sizes, and every kind of damage a USB stick, a
// half-finished upload or a forger can cause must end in an error with no record delivered.
// Keys are derived from fixed seeds so failures reproduce.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "../catalog_check.h"
#include "../file_bytes.h"
#include "../fixed_keys.h"
#include "core/i18n.h"
#include "sync/batch/batch.h"
#include "vault/wiping_zstd.h"

using namespace gocua;
using namespace gocua::sync;

namespace {

using fixedkeys::seed;

const DeviceKeys& device() {
  static const DeviceKeys k = DeviceKeys::fromSeed(seed(1));
  return k;
}
const DeviceKeys& otherDevice() {
  static const DeviceKeys k = DeviceKeys::fromSeed(seed(2));
  return k;
}
const HubKeys& hub() {
  static const HubKeys k = HubKeys::fromSeed(seed(3));
  return k;
}
const HubKeys& otherHub() {
  static const HubKeys k = HubKeys::fromSeed(seed(4));
  return k;
}

BatchHeader headerFor(const DeviceKeys& d, std::uint64_t seq = 7) {
  BatchHeader h;
  h.communeCode = "26734";
  h.deviceId = d.publicKey;
  h.sequence = seq;
  for (std::size_t i = 0; i < h.batchId.size(); ++i) h.batchId[i] = static_cast<std::uint8_t>(i);
  return h;
}

std::string makeBatch(const std::vector<std::string>& lines, BatchSummary* summary = nullptr) {
  std::ostringstream out;
  auto w = BatchWriter::create(out, headerFor(device()), device(), hub().publicKey);
  REQUIRE(w.ok());
  for (const auto& l : lines) REQUIRE(w->add(l).ok());
  auto s = w->finish();
  REQUIRE(s.ok());
  if (summary) *summary = *s;
  return out.str();
}

struct ReadOutcome {
  Status status;
  std::vector<std::string> lines;
};

ReadOutcome readAll(const std::string& bytes, const HubKeys& h = hub(), BatchLimits limits = {}) {
  std::istringstream in(bytes);
  ReadOutcome r;
  r.status = readBatch(
      in, h,
      [&](std::string_view line) -> Status {
        r.lines.emplace_back(line);
        return {};
      },
      limits);
  return r;
}

std::string record(std::size_t i) {
  return R"({"id":"r)" + std::to_string(i) + R"(","ten":"Nguyễn Văn An","xa":"26734","ho":)" + std::to_string(i % 97) +
         "}";
}

std::vector<std::string> smallRecords() { return {record(1), record(2), "{}"}; }

const std::set<std::string> kDamageCodes = {"batch.format",           "batch.unknown_version", "batch.bad_signature",
                                            "batch.not_for_this_hub", "batch.damaged",         "batch.truncated",
                                            "batch.trailing_data",    "batch.too_large"};

}  // namespace

TEST_CASE("round trip of 0, 1 and 5,000 records, some spanning chunks") {
  std::vector<std::string> big;
  for (std::size_t i = 0; i < 5000; ++i) {
    if (i % 1000 == 17) {
      // Pseudo-random text so compression cannot shrink it below one chunk.
      std::string s = "{\"blob\":\"";
      std::uint32_t x = static_cast<std::uint32_t>(i) * 2654435761u + 1;
      for (std::size_t j = 0; j < 150'000; ++j) {
        x = x * 1103515245u + 12345u;
        s.push_back(static_cast<char>('a' + (x >> 16) % 26));
      }
      big.push_back(s + "\"}");
    } else {
      big.push_back(record(i));
    }
  }
  for (const auto& lines : {std::vector<std::string>{}, std::vector<std::string>{record(0)}, big}) {
    BatchSummary summary;
    const std::string bytes = makeBatch(lines, &summary);
    CHECK(summary.records == lines.size());
    CHECK(summary.bytesWritten == bytes.size());
    auto r = readAll(bytes);
    REQUIRE(r.status.ok());
    CHECK(r.lines == lines);
  }
  // The big batch really does have several chunks: its ciphertext exceeds one chunk many times.
  CHECK(makeBatch(big).size() > 5 * 65536);
}

TEST_CASE("readBatchHeader returns the cleartext header") {
  std::istringstream in(makeBatch(smallRecords()));
  auto h = readBatchHeader(in);
  REQUIRE(h.ok());
  const BatchHeader want = headerFor(device());
  CHECK(h->version == kBatchFormatVersion);
  CHECK(h->communeCode == want.communeCode);
  CHECK(h->deviceId == want.deviceId);
  CHECK(h->sequence == 7);
  CHECK(h->batchId == want.batchId);
}

TEST_CASE("peekBatchHeader reads the layout without a signature and refuses what is not a header") {
  const std::string good = makeBatch(smallRecords());
  std::string unsigned67 = good.substr(0, 67);  // the cleartext header alone, no signature after it
  std::istringstream in(unsigned67);
  auto h = peekBatchHeader(in);
  REQUIRE(h.ok());
  CHECK(h->deviceId == device().publicKey);
  CHECK(h->sequence == 7);
  CHECK(h->communeCode == "26734");

  std::istringstream shortIn(good.substr(0, 66));
  CHECK(peekBatchHeader(shortIn).error().code == "batch.format");
  std::string badCommune = good;
  badCommune[6] = 'x';  // the commune code follows magic (4) and version (2)
  std::istringstream communeIn(badCommune);
  CHECK(peekBatchHeader(communeIn).error().code == "batch.format");
  std::string newer = good;
  newer[4] = 2;
  std::istringstream newerIn(newer);
  CHECK(peekBatchHeader(newerIn).error().code == "batch.unknown_version");
  CHECK(isCommuneCode("26734"));
  CHECK_FALSE(isCommuneCode("2673a"));
  CHECK_FALSE(isCommuneCode("267345"));
}

TEST_CASE("another hub cannot open the batch") {
  auto r = readAll(makeBatch(smallRecords()), otherHub());
  REQUIRE_FALSE(r.status.ok());
  CHECK(r.status.error().code == "batch.not_for_this_hub");
  CHECK(r.lines.empty());
}

TEST_CASE("every single-byte flip of a small batch is refused with no line delivered") {
  const std::string good = makeBatch(smallRecords());
  REQUIRE(readAll(good).status.ok());
  for (std::size_t pos = 0; pos < good.size(); ++pos) {
    std::string bad = good;
    bad[pos] = static_cast<char>(bad[pos] ^ 0x5a);
    auto r = readAll(bad);
    INFO("position " << pos);
    REQUIRE_FALSE(r.status.ok());
    CHECK(kDamageCodes.count(r.status.error().code) == 1);
    CHECK(r.lines.empty());
  }
}

TEST_CASE("sampled byte flips of a multi-chunk batch are refused") {
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < 4000; ++i) lines.push_back(record(i) + std::string(i % 300, 'x'));
  std::string s;
  for (std::size_t j = 0; j < 200'000; ++j) s.push_back(static_cast<char>('a' + (j * 7919) % 26));
  lines.push_back(s);
  const std::string good = makeBatch(lines);
  for (std::size_t pos = 0; pos < good.size(); pos += good.size() / 97 + 1) {
    std::string bad = good;
    bad[pos] = static_cast<char>(bad[pos] ^ 0x01);
    auto r = readAll(bad);
    INFO("position " << pos);
    REQUIRE_FALSE(r.status.ok());
    CHECK(r.lines.empty());
  }
  std::string lastByte = good;
  lastByte.back() = static_cast<char>(lastByte.back() ^ 0x80);
  CHECK_FALSE(readAll(lastByte).status.ok());
}

TEST_CASE("every truncation of a small batch is refused") {
  const std::string good = makeBatch(smallRecords());
  for (std::size_t len = 0; len < good.size(); ++len) {
    auto r = readAll(good.substr(0, len));
    INFO("length " << len);
    REQUIRE_FALSE(r.status.ok());
    const std::string& code = r.status.error().code;
    CHECK((code == "batch.truncated" || code == "batch.damaged" || code == "batch.format"));
    CHECK(r.lines.empty());
  }
  CHECK(readAll(good.substr(0, good.size() - 1)).status.error().code == "batch.truncated");
}

TEST_CASE("bytes appended after the trailer are refused") {
  const std::string good = makeBatch(smallRecords());
  for (const std::string& junk : {std::string(1, '\0'), std::string("junk"), good}) {
    auto r = readAll(good + junk);
    REQUIRE_FALSE(r.status.ok());
    CHECK(r.status.error().code == "batch.trailing_data");
    CHECK(r.lines.empty());
  }
}

TEST_CASE("a header signed by another device key is refused") {
  const std::string good = makeBatch(smallRecords());
  constexpr std::size_t kHeader = 67;
  const auto* hb = reinterpret_cast<const std::uint8_t*>(good.data());

  SUBCASE("same device id, signature by another key") {
    std::string bad = good;
    const auto sig = vault::sign(std::span<const std::uint8_t>(hb, kHeader), otherDevice().secretKey);
    std::copy(sig.begin(), sig.end(), bad.begin() + kHeader);
    auto r = readAll(bad);
    REQUIRE_FALSE(r.status.ok());
    CHECK(r.status.error().code == "batch.bad_signature");
    CHECK(r.lines.empty());
    std::istringstream in(bad);
    auto h = readBatchHeader(in);
    REQUIRE_FALSE(h.ok());
    CHECK(h.error().code == "batch.bad_signature");
  }
  SUBCASE("device id swapped and header re-signed: the body no longer matches") {
    std::string bad = good;
    std::copy(otherDevice().publicKey.begin(), otherDevice().publicKey.end(), bad.begin() + 11);
    const auto sig = vault::sign(std::string_view(bad).substr(0, kHeader), otherDevice().secretKey);
    std::copy(sig.begin(), sig.end(), bad.begin() + kHeader);
    std::istringstream in(bad);
    REQUIRE(readBatchHeader(in).ok());  // the header alone is now a valid forgery...
    auto r = readAll(bad);
    REQUIRE_FALSE(r.status.ok());  // ...but the header hash in the first chunk's AD betrays it
    CHECK(r.status.error().code == "batch.damaged");
    CHECK(r.lines.empty());
  }
}

TEST_CASE("a zstd bomb is refused once it exceeds the cap") {
  std::vector<std::string> lines(4096, std::string(1023, 'a'));
  const std::string bomb = makeBatch(lines);
  CHECK(bomb.size() < 16 * 1024);  // 4 MiB of NDJSON in a few KiB
  BatchLimits limits;
  limits.maxDecompressedBytes = 1 << 20;
  auto r = readAll(bomb, hub(), limits);
  REQUIRE_FALSE(r.status.ok());
  CHECK(r.status.error().code == "batch.too_large");
  CHECK(r.lines.empty());
  CHECK(readAll(bomb).status.ok());  // the same file under the default cap is fine
}

TEST_CASE("a line longer than the line cap is refused") {
  const std::string bytes = makeBatch({record(1), std::string(200'000, 'b')});
  BatchLimits limits;
  limits.maxLineBytes = 64 * 1024;
  auto r = readAll(bytes, hub(), limits);
  REQUIRE_FALSE(r.status.ok());
  CHECK(r.status.error().code == "batch.too_large");
  CHECK(r.lines.empty());
}

TEST_CASE("an unknown format version is refused before anything else") {
  std::string bad = makeBatch(smallRecords());
  bad[4] = 2;  // version u16 little-endian right after the magic
  auto r = readAll(bad);
  REQUIRE_FALSE(r.status.ok());
  CHECK(r.status.error().code == "batch.unknown_version");
  std::istringstream in(bad);
  auto h = readBatchHeader(in);
  REQUIRE_FALSE(h.ok());
  CHECK(h.error().code == "batch.unknown_version");

  std::string notBatch = makeBatch(smallRecords());
  notBatch[0] = 'X';
  CHECK(readAll(notBatch).status.error().code == "batch.format");
}

TEST_CASE("repetitive records compress below a quarter of the NDJSON") {
  std::vector<std::string> lines;
  std::size_t ndjson = 0;
  for (std::size_t i = 0; i < 5000; ++i) {
    lines.push_back(record(i));
    ndjson += lines.back().size() + 1;
  }
  BatchSummary summary;
  const std::string bytes = makeBatch(lines, &summary);
  CHECK(summary.plaintextBytes == ndjson);
  CHECK(bytes.size() * 4 < ndjson);
}

TEST_CASE("the writer refuses bad input and use after finish") {
  std::ostringstream out;
  BatchHeader h = headerFor(device());
  h.communeCode = "2673";
  CHECK(BatchWriter::create(out, h, device(), hub().publicKey).error().code == "batch.bad_header");
  CHECK(BatchWriter::create(out, headerFor(otherDevice()), device(), hub().publicKey).error().code ==
        "batch.bad_header");

  auto w = BatchWriter::create(out, headerFor(device()), device(), hub().publicKey);
  REQUIRE(w.ok());
  CHECK(w->add("two\nlines").error().code == "batch.bad_line");
  CHECK(w->addLines("{}\n{}", 2).error().code == "batch.bad_line");    // last line unterminated
  CHECK(w->addLines("{}\n{}\n", 1).error().code == "batch.bad_line");  // count says otherwise
  REQUIRE(w->finish().ok());
  CHECK(w->add("{}").error().code == "batch.state");
  CHECK(w->finish().error().code == "batch.state");
}

TEST_CASE("lines added as blocks read back one by one, in order, with add() lines between") {
  std::ostringstream out;
  auto w = BatchWriter::create(out, headerFor(device()), device(), hub().publicKey);
  REQUIRE(w.ok());
  REQUIRE(w->add(R"({"type":"manifest"})").ok());
  std::string block;
  for (int i = 0; i < 3000; ++i) block += R"({"n":)" + std::to_string(i) + "}\n";
  REQUIRE(w->addLines(block, 3000).ok());
  REQUIRE(w->addLines("", 0).ok());
  REQUIRE(w->add(R"({"n":"last"})").ok());
  auto summary = w->finish();
  REQUIRE(summary.ok());
  CHECK(summary->records == 3002);
  CHECK(summary->plaintextBytes == block.size() + 20 + 13);
  auto back = readAll(out.str());
  REQUIRE(back.status.ok());
  REQUIRE(back.lines.size() == 3002);
  CHECK(back.lines[0] == R"({"type":"manifest"})");
  CHECK(back.lines[1] == R"({"n":0})");
  CHECK(back.lines[3000] == R"({"n":2999})");
  CHECK(back.lines[3001] == R"({"n":"last"})");
}

TEST_CASE("an error from the line callback stops delivery and is returned") {
  std::istringstream in(makeBatch(smallRecords()));
  int seen = 0;
  auto st = readBatch(in, hub(), [&](std::string_view) -> Status {
    ++seen;
    return Error::fromText("import.stop");
  });
  REQUIRE_FALSE(st.ok());
  CHECK(st.error().code == "import.stop");
  CHECK(seen == 1);
}

TEST_CASE("every batch error code has Vietnamese and English text") {
  std::set<std::string> codes = kDamageCodes;
  codes.insert({"batch.bad_line", "batch.bad_header", "batch.state", "batch.io", "batch.crypto"});
  checkCatalogCoversErrors(codes);
  CHECK(i18n::tr(i18n::Lang::Vi, "error.batch.not_for_this_hub") ==
        "Tệp này được gửi cho một xã khác, máy chủ xã này không mở được");
}

TEST_CASE("the frozen fuzz seed batch (written before the crypto primitives moved into the vault) still opens") {
  // tests/fuzz/seeds/batch/small.gcb is sealed to the fuzz target's hub (seed 3), as hub() here.
  const std::string file = test::readAll(std::string(GOCUA_SOURCE_DIR) + "/tests/fuzz/seeds/batch/small.gcb");
  REQUIRE(!file.empty());
  std::istringstream hin(file);
  auto header = readBatchHeader(hin);
  REQUIRE(header.ok());
  auto r = readAll(file);
  REQUIRE(r.status.ok());
  CHECK(!r.lines.empty());
  CHECK(readAll(file, otherHub()).status.error().code == "batch.not_for_this_hub");
}

TEST_CASE("the writer's and the reader's zstd contexts take their memory from the wiping allocator") {
  const std::size_t before = vault::wipingZstdBlocksLive();
  std::ostringstream out;
  {
    auto w = BatchWriter::create(out, headerFor(device()), device(), hub().publicKey);
    REQUIRE(w.ok());
    REQUIRE(w->add(record(1)).ok());
    CHECK(vault::wipingZstdBlocksLive() > before);  // the compressor's window and tables
    REQUIRE(w->finish().ok());
  }
  CHECK(vault::wipingZstdBlocksLive() == before);
  std::istringstream in(out.str());
  std::size_t liveWhileReading = 0;
  auto st = readBatch(in, hub(), [&](std::string_view) -> Status {
    liveWhileReading = vault::wipingZstdBlocksLive();
    return {};
  });
  REQUIRE(st.ok());
  CHECK(liveWhileReading > before);
  CHECK(vault::wipingZstdBlocksLive() == before);
}
